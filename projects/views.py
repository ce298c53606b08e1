"""The project list (filtered, sorted, with open data) and the project page."""

from projects import opendata
from projects.filters import ProjectFilter
from projects.models import Project
from twente.core.listing import FilteredListView
from twente.core.preview import PreviewableDetailView


def published_participants(project):
    """Participants whose own page is public; a draft organisation stays unnamed.

    Reads the prefetched participations, so it costs no query."""
    return [
        participation
        for participation in project.participations.all()
        if participation.organisation is not None and participation.organisation.is_published
    ]


class ProjectListView(FilteredListView):
    template_name = "projects/project_list.html"
    filterset_class = ProjectFilter
    context_object_name = "projects"
    open_data_name = "projects"
    open_data_columns = opendata.COLUMNS
    open_data_loader = opendata.RelationsLoader

    def get_base_queryset(self):
        return ProjectFilter.sort_by(Project.objects.for_list(), "sort", "newest")

    def get_open_data_queryset(self, queryset):
        return queryset.for_open_data()


class ProjectDetailView(PreviewableDetailView):
    model = Project
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context["participants"] = published_participants(project)
        context["district"] = project.district if project.district and project.district.is_published else None
        return context
