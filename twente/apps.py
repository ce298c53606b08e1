from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwenteConfig(AppConfig):
    """The site layer: home and static pages, search, map, sitemaps, initial data, commands."""

    name = "twente"
    verbose_name = _("Portal")

    def ready(self):
        from twente import checks  # noqa: F401  (registers the deploy checks)
