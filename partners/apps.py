from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and contacts")

    def ready(self):
        from partners import services  # noqa: F401 - registers the history reasons it writes
