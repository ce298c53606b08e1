"""Atom feed of the latest published projects, in the language of its URL."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from projects.models import Project
from twente.core.listing import fallback_language
from twente.core.text import printable

FEED_SIZE = 20


class _ElementLanguages:
    """The feed's XML writer for one entry, giving its title and summary an `xml:lang`
    where their text is in a fallback language (the feed's own is on its root). Texts
    stored before the portal cleaned them may hold a control character, which XML
    forbids (Django's writer refuses them): it is written as U+FFFD."""

    def __init__(self, handler, languages):
        self.handler = handler
        self.languages = languages

    def addQuickElement(self, name, contents=None, attrs=None):  # noqa: N802 (the writer's name)
        if self.languages.get(name):
            attrs = {**(attrs or {}), "xml:lang": self.languages[name]}
        if isinstance(contents, str):
            contents = printable(contents)
        if attrs:
            attrs = {key: printable(str(value)) for key, value in attrs.items()}
        self.handler.addQuickElement(name, contents, attrs)

    def __getattr__(self, name):
        return getattr(self.handler, name)


class FallbackMarkingAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(_ElementLanguages(handler, item["languages"]), item)


class LatestProjectsFeed(Feed):
    feed_type = FallbackMarkingAtomFeed

    def title(self):
        return _("EU projects in Twente")

    def subtitle(self):
        return _("The latest EU-funded projects published on the Netwerkstad Twente portal.")

    def link(self):
        return reverse("projects:project-list")

    def feed_url(self):
        return reverse("projects:project-feed")

    def author_name(self):
        return _("Netwerkstad Twente")

    def items(self):
        return Project.objects.for_latest().order_by(
            F("published_at").desc(nulls_last=True), "-updated_at", "pk"
        )[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        # Dated by the project's own publication, not by the last save: reloading the
        # initial data or fixing a typo must not make every entry look new.
        return self.item_pubdate(item)

    def item_categories(self, item):
        return [theme.name for theme in item.card_themes]

    def item_extra_kwargs(self, item):
        return {
            "languages": {
                "title": fallback_language(item, "title"),
                "summary": fallback_language(item, "summary"),
            }
        }
