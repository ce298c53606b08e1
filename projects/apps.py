from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("EU-funded projects")

    def ready(self):
        from projects import services  # noqa: F401 - registers the history reasons it writes
