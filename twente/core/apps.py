from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The base layer: shared model bases, list pages, open data, admin and publishing."""

    name = "twente.core"
    label = "core"

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
