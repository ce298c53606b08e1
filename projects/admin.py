"""Admin for EU-funded projects, funding programmes and participants, through
`twente.core.admin.PortalAdmin` (translation tabs, history with revert, optimistic locking,
publishing, protected delete)."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from projects.admin_views import KohesioImportAdminMixin
from projects.models import FundingProgramme, Participation, Project
from twente.core.admin import (
    PortalAdmin,
    PortalInlineMixin,
    RowConstraintsInlineFormSet,
    change_link,
    changelist_link,
)


class ParticipationInline(PortalInlineMixin, admin.TabularInline):
    model = Participation
    formset = RowConstraintsInlineFormSet
    extra = 0
    autocomplete_fields = ["partner", "municipality"]


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(PortalAdmin):
    list_display = ["name", "short_name", "fund", "code", "project_count"]
    list_filter = ["fund"]
    search_fields = ["name_nl", "name_en", "name_de", "short_name", "slug", "code"]
    prepopulated_fields = {"slug": ["name_nl"]}
    ordering = ["name"]
    protected_relations = ("projects",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_project_count=Count("projects", distinct=True))

    @admin.display(description=_("projects"), ordering="_project_count")
    def project_count(self, obj):
        return changelist_link("projects.project", f"programme__id__exact={obj.pk}", obj._project_count)


class ParticipantFilter(admin.SimpleListFilter):
    """The projects of one partner, reached from the partner list's project count. It
    offers only the partner chosen (a list of 2,000 partners would be no filter) and
    stays hidden otherwise; the plain lookup through participations was refused."""

    title = _("partner organisation")
    parameter_name = "partner"

    def lookups(self, request, model_admin):
        if not self.value():
            return []
        # A filter without choices is left out, and the list would show every project.
        chosen = (
            Partner.objects.filter(pk=self.value()) if self.value().isdecimal() else Partner.objects.none()
        )
        partner = chosen.only("name").first()
        if partner is None:
            raise IncorrectLookupParameters
        return [(self.value(), partner.name)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(participations__partner=self.value())
        return queryset


@admin.register(Project)
class ProjectAdmin(KohesioImportAdminMixin, PortalAdmin):
    list_display = [
        "title",
        "programme_link",
        "status",
        "start_date",
        "end_date",
        "eu_contribution",
        "publication_state",
    ]
    list_filter = ["publication_state", "status", "programme", "themes", "municipalities", ParticipantFilter]
    list_select_related = ["programme"]
    search_fields = ["title_nl", "title_en", "title_de", "slug", "kohesio_id"]
    readonly_fields = ["kohesio_id", "kohesio_imported_on"]
    prepopulated_fields = {"slug": ["title_nl"]}
    autocomplete_fields = ["programme", "themes", "municipalities", "district"]
    date_hierarchy = "start_date"
    ordering = ["-start_date", "title"]
    inlines = [ParticipationInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "start_date", "end_date", "website"]}),
        (_("Texts"), {"fields": ["summary", "description"]}),
        (_("Funding"), {"fields": ["programme", "total_budget", "eu_contribution"]}),
        (
            _("Themes and places"),
            {"fields": ["themes", "municipalities", "district", "latitude", "longitude"]},
        ),
        (_("Publication"), {"fields": ["published_at"]}),
        (_("Source"), {"fields": ["kohesio_id", "kohesio_imported_on"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("funding programme"), ordering="programme__name")
    def programme_link(self, obj):
        return change_link(obj.programme)
