"""sitemap.xml: every public list and static page and every published item, in Dutch,
English and German, each with `xhtml:link` alternates to its other languages."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from partners.models import Partner
from projects.models import Project
from regions.models import InnovationDistrict, Municipality


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

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


class PublishedItemSitemap(PortalSitemap):
    """Detail pages of one model's published items; last modified from `updated_at`."""

    model = None
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return self.model.objects.published().order_by("slug")

    def lastmod(self, item):
        return item.updated_at


class MunicipalitySitemap(PublishedItemSitemap):
    model = Municipality


class PartnerSitemap(PublishedItemSitemap):
    model = Partner


class DistrictSitemap(PublishedItemSitemap):
    model = InnovationDistrict


class ProjectSitemap(PublishedItemSitemap):
    model = Project


SITEMAPS = {
    "pages": PageSitemap,
    "municipalities": MunicipalitySitemap,
    "partners": PartnerSitemap,
    "districts": DistrictSitemap,
    "projects": ProjectSitemap,
}
