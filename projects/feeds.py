"""Atom feed of the latest published projects, in the language of its URL."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from projects.models import Project

FEED_SIZE = 20


class LatestProjectsFeed(Feed):
    feed_type = Atom1Feed

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
