from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from regions.models import Cluster, InnovationDistrict, Municipality, Region, Theme


@admin.register(Theme)
class ThemeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_nl", "name_en", "name_de", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}


@admin.register(Cluster)
class ClusterAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_nl", "name_en", "name_de", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}


@admin.register(Municipality)
class MunicipalityAdmin(TabbedTranslationAdmin):
    list_display = ["name", "country", "province", "population", "population_year", "publication_state"]
    list_filter = ["publication_state", "country", "province", "regions"]
    search_fields = ["name_nl", "name_en", "name_de", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "publication_state", "summary", "description"]}),
        ("Place", {"fields": ["country", "province", "population", "population_year", "website"]}),
        ("Map", {"fields": ["latitude", "longitude"]}),
    ]


@admin.register(Region)
class RegionAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "founded_year", "publication_state"]
    list_filter = ["publication_state", "kind"]
    search_fields = ["name_nl", "name_en", "name_de", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}
    autocomplete_fields = ["municipalities"]


@admin.register(InnovationDistrict)
class InnovationDistrictAdmin(TabbedTranslationAdmin):
    list_display = ["name", "municipality", "area_hectares", "publication_state"]
    list_filter = ["publication_state", "municipality", "clusters"]
    list_select_related = ["municipality"]
    search_fields = ["name_nl", "name_en", "name_de", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}
    autocomplete_fields = ["municipality", "clusters"]
