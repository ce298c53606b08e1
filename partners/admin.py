"""Admin for partner organisations, their ties and memberships, and contact persons.

Every model goes through `twente.core.admin.PortalAdmin` (translation tabs, history with
revert, optimistic locking, publishing, protected delete). Contacts are for the liaison
officer only: editors have no permission on them, so the admin hides them entirely."""

from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from partners.admin_views import ContactExportAdminMixin
from partners.models import Contact, ContactExportLog, Membership, Partner, Relationship, RelationshipKind
from twente.core.admin import PortalAdmin, RowConstraintsInlineFormSet, change_link, changelist_link


class ContactInline(TranslationTabularInline):
    model = Contact
    formset = RowConstraintsInlineFormSet
    fk_name = "partner"
    extra = 0
    fields = ["name", "kind", "job_title", "email", "phone", "preferred_language", "is_public"]
    show_change_link = True


class RelationshipInline(TranslationTabularInline):
    model = Relationship
    formset = RowConstraintsInlineFormSet
    extra = 0
    autocomplete_fields = ["municipality", "region"]


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = RowConstraintsInlineFormSet
    fk_name = "network"
    extra = 0
    autocomplete_fields = ["member_municipality", "member_region", "member_partner"]
    verbose_name_plural = _("Members")


class TieFilter(admin.SimpleListFilter):
    """The kind of tie with Twente (partner city, sister city, ...), named as such: the
    plain field filter would be a second "kind" beside the organisation's own."""

    title = _("tie with Twente")
    parameter_name = "tie"

    def lookups(self, request, model_admin):
        return RelationshipKind.choices

    def queryset(self, request, queryset):
        if self.value() in RelationshipKind.values:
            return queryset.filter(relationships__kind=self.value()).distinct()
        return queryset


@admin.register(Partner)
class PartnerAdmin(PortalAdmin):
    list_display = ["name", "kind", "country", "city", "publication_state", "projects_link"]
    list_filter = ["publication_state", "kind", "country", TieFilter]
    search_fields = ["name_nl", "name_en", "name_de", "slug", "city"]
    prepopulated_fields = {"slug": ["name_nl"]}
    autocomplete_fields = ["located_in"]
    list_select_related = ["located_in"]
    date_hierarchy = "published_at"
    ordering = ["name"]
    inlines = [RelationshipInline, MembershipInline, ContactInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "country", "city", "located_in", "website"]}),
        (_("Texts"), {"fields": ["summary", "description"]}),
        (_("Map"), {"fields": ["latitude", "longitude"]}),
        (_("Publication"), {"fields": ["published_at"]}),
    ]
    protected_relations = ("contacts", "participations", "memberships")

    def get_queryset(self, request):
        queryset = (
            super().get_queryset(request).annotate(_project_count=Count("participations", distinct=True))
        )
        if request.user.has_perm("partners.view_contact"):
            queryset = queryset.annotate(_contact_count=Count("contacts", distinct=True))
        return queryset

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if request.user.has_perm("partners.view_contact"):
            columns.insert(columns.index("projects_link"), "contacts_link")
        return columns

    def get_inlines(self, request, obj):
        # Editors have no access to contacts at all, not even inside a partner's page.
        inlines = super().get_inlines(request, obj)
        if not request.user.has_perm("partners.view_contact"):
            inlines = [inline for inline in inlines if inline is not ContactInline]
        return inlines

    @admin.display(description=_("contacts"), ordering="_contact_count")
    def contacts_link(self, obj):
        return changelist_link("partners.contact", f"partner__id__exact={obj.pk}", obj._contact_count)

    @admin.display(description=_("projects"), ordering="_project_count")
    def projects_link(self, obj):
        return changelist_link(
            "projects.project", f"participations__partner__id__exact={obj.pk}", obj._project_count
        )


class VerificationFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [("recent", _("In the last 12 months")), ("stale", _("Over 12 months ago or never"))]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.not_verified_recently()
        if self.value() == "recent":
            return queryset.verified_recently()
        return queryset


@admin.register(Contact)
class ContactAdmin(ContactExportAdminMixin, PortalAdmin):
    list_display = [
        "name",
        "organisation_link",
        "job_title",
        "email",
        "preferred_language",
        "is_public",
        "mailing_consent",
        "last_verified",
    ]
    list_filter = [
        VerificationFilter,
        "kind",
        "preferred_language",
        "is_public",
        "mailing_consent",
        "partner__country",
        "topics",
    ]
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
    date_hierarchy = "last_verified"
    ordering = ["name"]

    @admin.display(description=_("organisation"))
    def organisation_link(self, obj):
        return change_link(obj.organisation)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("last_verified", timezone.localdate())
        return initial


@admin.register(ContactExportLog)
class ContactExportLogAdmin(admin.ModelAdmin):
    """Written by the export code only; administrators (superusers) read it."""

    list_display = ["created_at", "user", "export_format", "contact_count", "excluded_count"]
    list_filter = ["export_format"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
