"""Admin for Twente's places and vocabularies: every model through `PortalAdmin`
(translation tabs, history with revert, optimistic locking, publishing, protected delete)."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from regions.models import Cluster, InnovationDistrict, Municipality, Region, Theme
from twente.core.admin import PortalAdmin, change_link, changelist_link

NAME_SEARCH = ["name_nl", "name_en", "name_de", "slug"]


@admin.register(Theme)
class ThemeAdmin(PortalAdmin):
    list_display = ["name", "slug", "project_count"]
    search_fields = NAME_SEARCH
    prepopulated_fields = {"slug": ["name_nl"]}
    ordering = ["slug"]
    # A theme tags projects and contacts through many-to-many links, which the
    # database does not protect: deleting a theme in use would silently untag them.
    protected_relations = ("projects", "contacts")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_project_count=Count("projects", distinct=True))

    @admin.display(description=_("projects"), ordering="_project_count")
    def project_count(self, obj):
        return changelist_link("projects.project", f"themes__id__exact={obj.pk}", obj._project_count)


@admin.register(Cluster)
class ClusterAdmin(PortalAdmin):
    list_display = ["name", "slug", "district_count"]
    search_fields = NAME_SEARCH
    prepopulated_fields = {"slug": ["name_nl"]}
    ordering = ["slug"]
    protected_relations = ("districts",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_district_count=Count("districts", distinct=True))

    @admin.display(description=_("innovation districts"), ordering="_district_count")
    def district_count(self, obj):
        return changelist_link(
            "regions.innovationdistrict", f"clusters__id__exact={obj.pk}", obj._district_count
        )


@admin.register(Municipality)
class MunicipalityAdmin(PortalAdmin):
    list_display = ["name", "country", "province", "population", "publication_state", "projects_link"]
    list_filter = ["publication_state", "country", "province", "regions"]
    search_fields = NAME_SEARCH
    prepopulated_fields = {"slug": ["name_nl"]}
    date_hierarchy = "published_at"
    ordering = ["name"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "description"]}),
        (
            _("Place"),
            {"fields": ["country", "province", "cbs_code", "population", "population_year", "website"]},
        ),
        (_("Map"), {"fields": ["latitude", "longitude"]}),
        (_("Publication"), {"fields": ["published_at"]}),
    ]
    # An organisation with contacts, projects or ties is not deleted: each would be
    # lost or left without its place.
    protected_relations = (
        "contacts",
        "participations",
        "projects",
        "districts",
        "partners_located",
        "partner_relationships",
        "memberships",
        "regions",
    )

    @admin.display(description=_("projects"))
    def projects_link(self, obj):
        return changelist_link("projects.project", f"municipalities__id__exact={obj.pk}", _("projects"))


@admin.register(Region)
class RegionAdmin(PortalAdmin):
    list_display = ["name", "kind", "founded_year", "member_count", "publication_state"]
    list_filter = ["publication_state", "kind"]
    search_fields = NAME_SEARCH
    prepopulated_fields = {"slug": ["name_nl"]}
    autocomplete_fields = ["municipalities"]
    ordering = ["name"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "founded_year", "population", "website"]}),
        (_("Texts"), {"fields": ["summary", "description"]}),
        (_("Members"), {"fields": ["municipalities"]}),
        (_("Publication"), {"fields": ["published_at"]}),
    ]
    protected_relations = ("partner_relationships", "memberships")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_member_count=Count("municipalities", distinct=True))

    @admin.display(description=_("municipalities"), ordering="_member_count")
    def member_count(self, obj):
        return changelist_link("regions.municipality", f"regions__id__exact={obj.pk}", obj._member_count)


@admin.register(InnovationDistrict)
class InnovationDistrictAdmin(PortalAdmin):
    list_display = ["name", "municipality_link", "area_hectares", "publication_state"]
    list_filter = ["publication_state", "municipality", "clusters"]
    list_select_related = ["municipality"]
    search_fields = NAME_SEARCH
    prepopulated_fields = {"slug": ["name_nl"]}
    autocomplete_fields = ["municipality", "clusters"]
    ordering = ["name"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "municipality", "area_hectares", "clusters", "website"]}),
        (_("Texts"), {"fields": ["summary", "description"]}),
        (_("Map"), {"fields": ["latitude", "longitude"]}),
        (_("Publication"), {"fields": ["published_at"]}),
    ]
    protected_relations = ("projects",)

    @admin.display(description=_("municipality"), ordering="municipality__name")
    def municipality_link(self, obj):
        return change_link(obj.municipality)
