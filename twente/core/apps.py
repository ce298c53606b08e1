from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The base layer: shared model bases, list pages, open data, admin and publishing."""

    name = "twente.core"
    label = "core"

    def ready(self):
        from twente.core.db import connect_signals

        connect_signals()
