from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base layer: shared model bases, list pages, open data, admin and publishing."""

    name = "twente.core"
    label = "core"
    verbose_name = _("Portal administration")

    def ready(self):
        from twente.core import (
            cache,
            db,
            publishing,  # noqa: F401 - registers its history reasons
            staging,
        )

        db.connect_signals()
        # Every save path of public content invalidates the page cache (see cache.py).
        cache.connect_signals()
        staging.connect_signals()
