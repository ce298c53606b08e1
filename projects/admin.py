from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from projects.models import FundingProgramme, Participation, Project


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["partner", "municipality"]


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name_nl", "name_en", "name_de", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}


@admin.register(Project)
class ProjectAdmin(TabbedTranslationAdmin):
    list_display = [
        "title",
        "programme",
        "status",
        "start_date",
        "end_date",
        "eu_contribution",
        "publication_state",
    ]
    list_filter = ["publication_state", "status", "programme", "themes", "municipalities"]
    list_select_related = ["programme"]
    search_fields = ["title_nl", "title_en", "title_de", "slug"]
    prepopulated_fields = {"slug": ["title_nl"]}
    autocomplete_fields = ["programme", "themes", "municipalities", "district"]
    date_hierarchy = "start_date"
    inlines = [ParticipationInline]
