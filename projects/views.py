"""The project list (filtered, sorted, with open data) and the project page."""

from projects.filters import ProjectFilter
from projects.models import ParticipantRole, Project
from twente.core.listing import FilteredListView
from twente.core.opendata import LINK_AND_PLACE_COLUMNS, OpenDataColumn, has_field, slugs
from twente.core.preview import PreviewableDetailView


def published_participants(project):
    """Participants whose own page is public; a draft organisation stays unnamed.

    Reads the prefetched participations, so it costs no query."""
    return [
        participation
        for participation in project.participations.all()
        if participation.organisation is not None and participation.organisation.is_published
    ]


def _names(attribute):
    return lambda project, request: [str(item) for item in getattr(project, attribute).all()]


def _participants(project, request):
    return [
        participation.organisation.name
        for participation in published_participants(project)
        if participation.role == ParticipantRole.PARTNER
    ]


def _lead(project, request):
    leads = [p for p in published_participants(project) if p.role == ParticipantRole.LEAD]
    return leads[0].organisation.name if leads else None


class ProjectListView(FilteredListView):
    template_name = "projects/project_list.html"
    filterset_class = ProjectFilter
    context_object_name = "projects"
    open_data_name = "projects"
    open_data_columns = [
        OpenDataColumn("slug"),
        # The Kohesio identifier arrives with the Kohesio import; the column appears with the field.
        *([OpenDataColumn("kohesio_id")] if has_field(Project, "kohesio_id") else []),
        OpenDataColumn("title"),
        OpenDataColumn("summary"),
        OpenDataColumn(
            "programme", lambda project, request: str(project.programme) if project.programme else None
        ),
        OpenDataColumn(
            "programme_slug", lambda project, request: project.programme.slug if project.programme else None
        ),
        OpenDataColumn("themes", _names("themes")),
        OpenDataColumn("theme_slugs", slugs("themes")),
        OpenDataColumn("municipalities", _names("municipalities")),
        OpenDataColumn("municipality_slugs", slugs("municipalities")),
        OpenDataColumn(
            "municipality_cbs_codes",
            lambda project, request: [m.cbs_code for m in project.municipalities.all() if m.cbs_code],
        ),
        OpenDataColumn(
            "district",
            lambda project, request: (
                project.district.name if project.district and project.district.is_published else None
            ),
        ),
        OpenDataColumn(
            "district_slug",
            lambda project, request: (
                project.district.slug if project.district and project.district.is_published else None
            ),
        ),
        OpenDataColumn("lead_partner", _lead),
        OpenDataColumn("partners", _participants),
        OpenDataColumn("status"),
        OpenDataColumn("start_date"),
        OpenDataColumn("end_date"),
        OpenDataColumn("total_budget_eur", "total_budget"),
        OpenDataColumn("eu_contribution_eur", "eu_contribution"),
        OpenDataColumn("co_financing_rate_percent", "co_financing_rate"),
        *LINK_AND_PLACE_COLUMNS,
    ]

    def get_base_queryset(self):
        return ProjectFilter.sort_by(Project.objects.for_list(), "sort", "newest")

    def get_open_data_queryset(self, queryset):
        return queryset.with_participants()


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
