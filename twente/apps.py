from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwenteConfig(AppConfig):
    """The project package: site-wide pages, shared model bases, commands and roles."""

    name = "twente"
    verbose_name = _("Portal")
