from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwenteConfig(AppConfig):
    """The project package: site-wide pages, shared model bases, commands and roles."""

    name = "twente"
    verbose_name = _("Portal")

    def ready(self):
        from twente.db import connect_signals

        connect_signals()
