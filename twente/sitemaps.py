"""sitemap.xml: an index of sections, each paginated (at most `URLS_PER_PAGE` URLs a
page): every public list and static page and every published item, in Dutch, English
and German, each with `xhtml:link` alternates to its other languages. A page of any
section costs two queries (its count and its slice), however large the section."""

import datetime
import functools
import html

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone, translation

from partners.models import Partner
from projects.models import Project
from regions.models import InnovationDistrict, Municipality
from twente.core.addresses import detail_address, detail_address_pattern
from twente.core.db import aggregate_each

# Django counts an item once per language: 300 URLs are 100 items, each with four
# alternates (about 165 KB before gzip), far below the protocol's 50,000 URLs and
# 50 MB a file. Small pages are quick to build and to send from the cache (at 600
# URLs a cached page was served at 0.73 × /healthz's rate): 10,000 projects fill 100.
URLS_PER_PAGE = 300


def latest_changes(models):
    """Each model's latest change among its published items (None with nothing
    published), keyed by its label, in one query."""
    return aggregate_each(
        {model._meta.label: model.objects.published() for model in models}, Max("updated_at")
    )


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = URLS_PER_PAGE

    def get_urls(self, page=1, site=None, protocol=None):
        """Point x-default at the Dutch page. Django writes the path without its language
        prefix, which only resolves while paths are untranslated; every URL of this portal
        carries its language (`prefix_default_language=True`), and Dutch is its default."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            by_language = {alternate["lang_code"]: alternate["location"] for alternate in url["alternates"]}
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default":
                    alternate["location"] = by_language.get(settings.LANGUAGE_CODE, alternate["location"])
        return urls


class PageSitemap(PortalSitemap):
    """Home, section lists and site pages (not search results: those are not indexed)."""

    changefreq = "weekly"
    url_names = (
        "home",
        "regions:municipality-list",
        "partners:partner-list",
        "regions:district-list",
        "projects:project-list",
        "projects:funding",
        "map",
        "about",
        "accessibility",
        "privacy",
    )

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.8

    # A list page changes when one of its items does; the site pages carry no date.
    list_models = {
        "regions:municipality-list": Municipality,
        "partners:partner-list": Partner,
        "regions:district-list": InnovationDistrict,
        "projects:project-list": Project,
        "projects:funding": Project,
        "map": Project,
    }

    @functools.cached_property
    def _latest_changes(self):
        changes = latest_changes(dict.fromkeys(self.list_models.values()))
        known = [change for change in changes.values() if change]
        return {**changes, "home": max(known) if known else None}

    def lastmod(self, item):
        model = self.list_models.get(item)
        return self._latest_changes.get(model._meta.label if model else item)

    def get_latest_lastmod(self):
        return self._latest_changes["home"]


class ItemLanguagePairs:
    """What Django's i18n sitemap pages over, (item, language) for every item and
    language, without loading every item: its length is the items' count times the
    languages, a page one slice of the queryset. (Django builds the whole list, for the
    index and for every page.)"""

    def __init__(self, queryset, languages, item_count):
        self.queryset = queryset
        self.languages = languages
        self.item_count = item_count

    def __len__(self):
        return self.item_count * len(self.languages)

    def count(self):
        return len(self)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        per_item = len(self.languages)
        first, last = start // per_item, -(-stop // per_item)
        pairs = [(item, code) for item in self.queryset[first:last] for code in self.languages]
        return pairs[start - first * per_item : stop - first * per_item]


class PublishedItemSitemap(PortalSitemap):
    """Detail pages of one model's published items; last modified from `updated_at`."""

    model = None
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        # Only the two columns the entries need.
        return self.model.objects.published().only("slug", "updated_at").order_by("slug")

    @functools.cached_property
    def _summary(self):
        """The section's size and latest change: one aggregate for the index's page count
        and date, and for a page's count."""
        return self.items().aggregate(count=Count("pk"), latest=Max("updated_at"))

    def _items(self):
        return ItemLanguagePairs(self.items(), self._languages(), self._summary["count"])

    @functools.cached_property
    def _path_patterns(self):
        """Each language's detail address with a placeholder slug: reversed once, not
        four times per item (its location and three alternates)."""
        patterns = {}
        for code in self._languages():
            with translation.override(code):
                patterns[code] = detail_address_pattern(self.model)
        return patterns

    def _location(self, item, force_lang_code=None):
        obj, lang_code = item
        return detail_address(self._path_patterns[force_lang_code or lang_code], obj.slug)

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        """For the index: the aggregate, not a walk over every item (Django's default)."""
        return self._summary["latest"]


class MunicipalitySitemap(PublishedItemSitemap):
    model = Municipality


class PartnerSitemap(PublishedItemSitemap):
    model = Partner


class DistrictSitemap(PublishedItemSitemap):
    model = InnovationDistrict


class ProjectSitemap(PublishedItemSitemap):
    model = Project


def _escape(value):
    return html.escape(str(value))


def _local(moment):
    """What the `date` filter formats: an aware datetime in the current time zone."""
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        return timezone.localtime(moment)
    return moment


class PythonTemplate:
    """A template written in Python, given to a sitemap view as its template:
    TemplateResponse accepts an object with `render()`. Django's sitemap templates
    spent most of a page's time in the template engine (a page holds 300 URLs and
    their 900 alternates, the index 125 pages); these give their output byte for byte
    (`{% spaceless %}` and all), escaped with the standard library's `html.escape`
    (what Django's `escape` calls, without its lazy wrapper: 3,300 calls a page)."""

    ROOT = NAMESPACES = ""

    def render(self, context=None, request=None):
        head = f'<?xml version="1.0" encoding="UTF-8"?>\n<{self.ROOT} {self.NAMESPACES}>\n'
        return head + "".join(self.entries(context)) + f"\n</{self.ROOT}>\n"


class SitemapIndexTemplate(PythonTemplate):
    """Django's `sitemap_index.xml`."""

    ROOT = "sitemapindex"
    NAMESPACES = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'

    def entries(self, context):
        for site in context["sitemaps"]:
            lastmod = f"<lastmod>{_local(site.last_mod).isoformat()}</lastmod>" if site.last_mod else ""
            yield f"<sitemap><loc>{_escape(site.location)}</loc>{lastmod}</sitemap>"


class UrlsetTemplate(PythonTemplate):
    """Django's `sitemap.xml`."""

    ROOT = "urlset"
    NAMESPACES = (
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'
    )

    def entries(self, context):
        # Each address recurs in its item's every language (as location and alternate).
        escape = functools.cache(_escape)
        for url in context["urlset"]:
            yield f"<url><loc>{escape(url['location'])}</loc>"
            if url.get("lastmod"):
                yield f"<lastmod>{_local(url['lastmod']):%Y-%m-%d}</lastmod>"
            if url.get("changefreq"):
                yield f"<changefreq>{escape(url['changefreq'])}</changefreq>"
            if url.get("priority"):
                yield f"<priority>{escape(url['priority'])}</priority>"
            for alternate in url.get("alternates", ()):
                yield (
                    f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
                    f'href="{escape(alternate["location"])}"/>'
                )
            yield "</url>"


SITEMAPS = {
    "pages": PageSitemap,
    "municipalities": MunicipalitySitemap,
    "partners": PartnerSitemap,
    "districts": DistrictSitemap,
    "projects": ProjectSitemap,
}
