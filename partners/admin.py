"""Admin for partner organisations, their ties and memberships, and contact persons.

Every model goes through `twente.core.admin.PortalAdmin` (translation tabs, history with
revert, optimistic locking, publishing, protected delete). Contacts are for the liaison
officer only: editors have no permission on them, so the admin hides them entirely."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from partners.admin_merge import ContactMergeAdminMixin
from partners.admin_views import ContactExportAdminMixin
from partners.models import (
    Contact,
    ContactExportLog,
    ContactList,
    ContactPrivacyLog,
    ExportedContact,
    Membership,
    Partner,
    Relationship,
    RelationshipKind,
)
from twente.core.admin import (
    PortalAdmin,
    PortalInlineMixin,
    RowConstraintsInlineFormSet,
    ValidSelectionMixin,
    VersionedModelForm,
    change_link,
    changelist_link,
    count_version,
)
from twente.core.db import count_of


class ContactInline(PortalInlineMixin, TranslationTabularInline):
    model = Contact
    formset = RowConstraintsInlineFormSet
    fk_name = "partner"
    extra = 0
    fields = ["name", "kind", "job_title", "email", "phone", "preferred_language", "is_public"]
    show_change_link = True


class RelationshipInline(PortalInlineMixin, TranslationTabularInline):
    model = Relationship
    formset = RowConstraintsInlineFormSet
    extra = 0
    autocomplete_fields = ["municipality", "region"]


class MembershipInline(PortalInlineMixin, admin.TabularInline):
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
        queryset = super().get_queryset(request).annotate(_project_count=count_of(Partner, "participations"))
        if request.user.has_perm("partners.view_contact"):
            queryset = queryset.annotate(_contact_count=count_of(Partner, "contacts"))
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
        # The project list's filter by participant (projects.admin.ParticipantFilter).
        return changelist_link("projects.project", f"partner={obj.pk}", obj._project_count)


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


class RetentionFilter(admin.SimpleListFilter):
    """The retention review (AVG storage limitation): contacts not verified for the
    configured time, to be marked verified or erased."""

    title = _("retention review")
    parameter_name = "retention"

    def lookups(self, request, model_admin):
        return [
            ("due", _("Not verified for %(months)d months") % {"months": settings.CONTACT_RETENTION_MONTHS})
        ]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.due_for_retention_review()
        return queryset


class ContactAdminForm(VersionedModelForm):
    """Refuses a save based on an outdated version, as every portal form does. Phones
    shown in international form; ticking consent without a date takes today's date (the
    script proposes it as soon as the box is ticked); unticking it records the
    withdrawal with today's date."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.phone and "phone" in self.fields:
            self.initial["phone"] = self.instance.phone_display
        self._consent_before = self.instance.mailing_consent if self.instance.pk else False

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        if cleaned.get("mailing_consent") and not cleaned.get("mailing_consent_date"):
            cleaned["mailing_consent_date"] = today
            self.instance.mailing_consent_date = today
        if (
            self._consent_before
            and not cleaned.get("mailing_consent")
            and not cleaned.get("mailing_consent_withdrawn_on")
        ):
            cleaned["mailing_consent_withdrawn_on"] = today
            self.instance.mailing_consent_withdrawn_on = today
        return cleaned


@admin.register(Contact)
class ContactAdmin(ContactMergeAdminMixin, ContactExportAdminMixin, PortalAdmin):
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
        RetentionFilter,
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
    form = ContactAdminForm
    change_form_template = "admin/partners/contact/change_form.html"
    readonly_fields = ["member_of_lists"]

    class Media:
        js = ["partners/contact_consent.js"]

    @admin.display(description=_("member of these lists"))
    def member_of_lists(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        lists = obj.lists.order_by("name")
        return (
            format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (f"../../../contactlist/{contact_list.pk}/change/", contact_list.name)
                    for contact_list in lists
                ),
            )
            or "—"
        )

    @admin.display(description=_("organisation"))
    def organisation_link(self, obj):
        return change_link(obj.organisation)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("last_verified", timezone.localdate())
        return initial


class ReadOnlyAdminMixin:
    """Written by the services only: nobody adds, changes or deletes a row here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ExportedContactInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ExportedContact
    fields = ["contact_link"]
    readonly_fields = ["contact_link"]
    extra = 0
    verbose_name_plural = _("contacts in this export")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("partners.view_contactexportlog")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("contact__partner", "contact__municipality")

    @admin.display(description=_("contact"))
    def contact_link(self, obj):
        if obj.contact_id is None:
            return _("an erased contact")
        return change_link(obj.contact)


@admin.register(ContactExportLog)
class ContactExportLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The liaison officer sees their own exports, administrators all."""

    list_display = ["created_at", "user", "export_format", "purpose", "contact_count", "excluded_count"]
    list_filter = ["export_format", "purpose"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"
    inlines = [ExportedContactInline]
    fields = ["created_at", "user", "export_format", "purpose", "filters", "contact_count", "excluded_count"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


@admin.register(ContactPrivacyLog)
class ContactPrivacyLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "user", "action", "contact_number", "contact"]
    list_filter = ["action"]
    list_select_related = ["user", "contact"]
    date_hierarchy = "created_at"


@admin.register(ContactList)
class ContactListAdmin(ValidSelectionMixin, admin.ModelAdmin):
    """Saved contact lists, shared by every liaison officer; exported from the
    export page (filter "saved list") with the same consent rules. Two officers editing
    one list get the portal's conflict message rather than overwriting each other."""

    form = VersionedModelForm
    change_form_template = "admin/twente/change_form.html"

    list_display = ["name", "member_count", "created_by", "updated_at", "export_link"]
    search_fields = ["name"]
    autocomplete_fields = ["members"]
    fields = ["name", "description", "members"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_members=Count("members")).select_related("created_by")

    @admin.display(description=_("members"), ordering="_members")
    def member_count(self, obj):
        return obj._members

    @admin.display(description=_("export"))
    def export_link(self, obj):
        return format_html_join(
            "",
            '<a href="{}?contact_list={}">{}</a>',
            [(reverse("admin:partners_contact_export"), obj.pk, _("Export this list"))],
        )

    def save_model(self, request, obj, form, change):
        if change:
            count_version(obj)
        else:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
