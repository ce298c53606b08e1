from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from partners.models import Contact, ContactExportLog, Membership, Partner, Relationship


class ContactInline(TranslationTabularInline):
    model = Contact
    fk_name = "partner"
    extra = 0
    fields = ["name", "kind", "job_title", "email", "phone", "preferred_language", "is_public"]
    show_change_link = True


class RelationshipInline(TranslationTabularInline):
    model = Relationship
    extra = 0
    autocomplete_fields = ["municipality", "region"]


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "network"
    extra = 0
    autocomplete_fields = ["member_municipality", "member_region", "member_partner"]
    verbose_name_plural = "Members"


@admin.register(Partner)
class PartnerAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "country", "city", "publication_state"]
    list_filter = ["publication_state", "kind", "country", "relationships__kind"]
    search_fields = ["name_nl", "name_en", "name_de", "slug", "city"]
    prepopulated_fields = {"slug": ["name_nl"]}
    autocomplete_fields = ["located_in"]
    inlines = [RelationshipInline, MembershipInline, ContactInline]


@admin.register(Contact)
class ContactAdmin(TabbedTranslationAdmin):
    list_display = [
        "name",
        "organisation",
        "job_title",
        "email",
        "preferred_language",
        "is_public",
        "mailing_consent",
        "last_verified",
    ]
    list_filter = ["kind", "preferred_language", "is_public", "mailing_consent", "partner__country", "topics"]
    list_select_related = ["partner", "municipality"]
    search_fields = [
        "name",
        "email",
        "job_title_nl",
        "job_title_en",
        "job_title_de",
        "partner__name_nl",
        "municipality__name_nl",
    ]
    autocomplete_fields = ["municipality", "partner", "topics"]


@admin.register(ContactExportLog)
class ContactExportLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "export_format", "contact_count", "excluded_count"]
    list_filter = ["export_format"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
