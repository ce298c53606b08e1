"""Admin building blocks shared by the apps: one base class, `PortalAdmin`, gives every
model's admin the same staff workflow:

- translation fields (modeltranslation) in accessible language tabs (the portal's
  static/js/admin-translation-tabs.js, loaded on every admin page) and full history with a readable
  per-field, per-language difference and a revert that restores all three languages
  (django-simple-history);
- optimistic locking: the form carries the version the editor started from, and a save
  based on an older version is refused with a link to the other person's change;
- drafts and publishing: items are created as drafts, then published or withdrawn with
  one action (bulk on the list, a button on the form), recorded in the history;
- protected delete: an item that others still depend on is not deleted, neither from
  its page nor by the bulk action, and the message says what depends on it;
- translation status: a column and a filter for missing and outdated translations
  (twente.core.translation_status_admin).
"""

import dataclasses
import operator
from functools import reduce

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import BLANK_CHOICE_DASH, Q, UniqueConstraint
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import to_historic

from twente.core import staging
from twente.core.admin_permissions import TranslatedPermissionsMixin
from twente.core.history_display import number_versions, readable_changes, related_changes
from twente.core.models import PUBLICATION_FIELDS, PublishableModel
from twente.core.publishing import (
    PUBLISHED_CHANGES_REASON,
    PUBLISHED_REASON,
    WITHDRAWN_REASON,
    items_publish,
    items_withdraw,
    restored_reason,
    stored_version,
)
from twente.core.roles import EDITOR, LIAISON_OFFICER, ROLES, grant_role, revoke_role
from twente.core.scheduling import scheduled_q
from twente.core.snapshots import hold_history, record_history, restore_related
from twente.core.text import storable
from twente.core.translation_status import (  # noqa: F401 (used here and imported from here)
    missing_languages,
    missing_translation_q,
    translated_field_names,
    translation_languages,
)
from twente.core.translation_status_admin import (
    TranslationStatusAdminMixin,
    TranslationStatusFilter,
    publish_refused_message,
)
from twente.core.unsaved_forms import typed_texts

VERSION_FIELD = "edit_version"
# The change form's buttons for staged edits of a published item (twente.core.staging).
STAGE_BUTTON = "_save_pending"
PUBLISH_CHANGES_BUTTON = "_publish_changes"
DISCARD_BUTTON = "_discard_pending"
# The checkbox that confirms publishing an item with missing translations.
PUBLISH_CONFIRMED = "_publish_confirmed"
# What a revert leaves alone: publishing is a separate, deliberate step.
SCHEDULE_FIELDS = ("publish_at", "withdraw_at")


# Translation completeness ---------------------------------------------------------------


def language_names(codes):
    return [translation.get_language_info(code)["name_translated"] for code in codes]


def _filled(field, lang):
    # `> ''` is false for both NULL and the empty string.
    return Q(**{f"{field}_{lang}__gt": ""})


def summary_missing_q():
    """No summary in any language."""
    return ~reduce(operator.or_, (_filled("summary", code) for code in translation_languages()))


class SummaryFilter(admin.SimpleListFilter):
    title = _("summary")
    parameter_name = "summary"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing")), ("present", _("Present"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(summary_missing_q())
        if self.value() == "present":
            return queryset.exclude(summary_missing_q())
        return queryset


class ScheduledFilter(admin.SimpleListFilter):
    title = _("schedule")
    parameter_name = "scheduled"

    def lookups(self, request, model_admin):
        return [
            ("any", _("Scheduled")),
            ("publish", _("To be published")),
            ("withdraw", _("To be withdrawn")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            return queryset.filter(scheduled_q())
        if value == "publish":
            return queryset.filter(publish_at__isnull=False)
        if value == "withdraw":
            return queryset.filter(withdraw_at__isnull=False)
        return queryset


class PendingChangesFilter(admin.SimpleListFilter):
    title = _("unpublished changes")
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [("yes", _("Published, with unpublished changes")), ("no", _("No unpublished changes"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(staging.has_pending_q(queryset.model))
        if self.value() == "no":
            return queryset.exclude(staging.has_pending_q(queryset.model))
        return queryset


def schedule_text(obj):
    """E.g. "Publish 3 December 2026 14:00; withdraw …", in local time; a dash when none."""
    parts = []
    if obj.publish_at:
        parts.append(gettext("publish %(when)s") % {"when": _local(obj.publish_at)})
    if obj.withdraw_at:
        parts.append(gettext("withdraw %(when)s") % {"when": _local(obj.withdraw_at)})
    return "; ".join(parts) or "—"


def _local(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


# Links in list columns ------------------------------------------------------------------


def changelist_link(model_label, query, text):
    """A link to the admin list of `model_label` ("app.model") filtered by `query`."""
    app_label, model_name = model_label.split(".")
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    return format_html('<a href="{}?{}">{}</a>', url, query, text)


def change_link(obj):
    """A link to `obj`'s admin page, or a dash when there is no `obj`."""
    if obj is None:
        return "—"
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, obj)


# Optimistic locking ---------------------------------------------------------------------


def count_version(instance):
    """Before a change is saved: one past the stored version, which stays locked until
    the admin's transaction ends (VersionedModelForm.clean locked it already)."""
    locked = getattr(instance, "_locked_version", None)
    if locked is None:
        locked = stored_version(instance, lock=True) or instance.version
    instance.version = locked + 1


def _latest_change(instance):
    """Who saved the item last, and when: its history record, or for a model without
    one (saved contact lists) the admin's own log; else nobody known, at its last save."""
    history = getattr(instance, "history", None)
    if history is not None:
        latest = history.select_related("history_user").first()
        found = (latest.history_user, latest.history_date) if latest else None
    else:
        content_type = ContentType.objects.get_for_model(instance)
        entries = LogEntry.objects.filter(content_type=content_type, object_id=str(instance.pk))
        entry = entries.select_related("user").order_by("-action_time").first()
        found = (entry.user, entry.action_time) if entry else None
    # Unpublished changes saved since are in no history: their own record says who.
    pending = staging.pending_for(instance) if isinstance(instance, PublishableModel) else None
    if pending is not None and (found is None or found[1] is None or pending.saved_at > found[1]):
        found = (pending.saved_by, pending.saved_at)
    return found or (None, getattr(instance, "updated_at", None))


def conflict_message(instance):
    opts = instance._meta
    history_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[instance.pk])
    user, saved_at = _latest_change(instance)
    who = (user.get_username() if user else None) or gettext("someone else")
    when = date_format(timezone.localtime(saved_at), "DATETIME_FORMAT") if saved_at else ""
    return format_html(
        gettext(
            "{who} saved this item at {when}, after you opened it. Your changes are not saved, "
            "so that theirs are not overwritten; they are still in the form below to copy. "
            '<a href="{url}">See their change</a>, then <a href="{form}">open the latest version</a> '
            "and make your changes there."
        ),
        who=who,
        when=when,
        url=history_url,
        # Reloading would post the refused form again: a link opens the form anew.
        form=reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk]),
    )


def field_label(form, name):
    """A form field's label; a translated field's with its language: "Title (German)"."""
    try:
        model_field = form._meta.model._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    language = getattr(model_field, "language", None)
    if language:
        return gettext("%(field)s (%(language)s)") % {
            "field": capfirst(model_field.translated_field.verbose_name),
            "language": get_language_info(language)["name_translated"],
        }
    return capfirst(form.fields[name].label or name)


def shown_value(form_field, value):
    """A form value as a person reads it: choice labels, linked names, "—" for nothing."""
    if value in (None, "", []):
        return "—"
    if isinstance(form_field, forms.ModelChoiceField) and not hasattr(value, "pk"):
        try:
            value = form_field.clean(value)
        except ValidationError:
            return str(value)
    if hasattr(value, "all"):
        return ", ".join(str(item) for item in value.all()) or "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    choices = dict(getattr(form_field, "choices", None) or [])
    if not isinstance(form_field, forms.ModelChoiceField) and str(value) in map(str, choices):
        return str({str(key): label for key, label in choices.items()}[str(value)])
    return str(value)


class StorableTextForm(forms.ModelForm):
    """Stores its texts as the portal stores text: one pasted from a word processor may
    hold control characters, which no page or feed can show (twente.core.text)."""

    def clean(self):
        cleaned_data = super().clean()
        for name, value in cleaned_data.items():
            if isinstance(value, str):
                cleaned_data[name] = storable(value)
        return cleaned_data


class VersionedModelForm(StorableTextForm):
    """Carries the version the editor started from; a save based on another is refused."""

    # Not required at field level: a missing or mangled value gets one clear message in clean().
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # After a refused save: per field that differs, the stored version and the editor's.
    conflicts = ()

    def conflicting_fields(self):
        """The fields in which the editor's form differs from the stored version (the
        form's initial values are read from the database when the form is posted)."""
        rows = []
        for name in self.changed_data:
            if name == VERSION_FIELD:
                continue
            form_field = self.fields[name]
            stored = self.get_initial_for_field(form_field, name)
            yours = self.cleaned_data.get(name, self.data.get(self.add_prefix(name)))
            rows.append(
                {
                    "label": field_label(self, name),
                    "stored": shown_value(form_field, stored),
                    "yours": shown_value(form_field, yours),
                    "id": self[name].id_for_label,
                }
            )
        return rows

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk is None or self.is_bound:
            return
        # The stored version, not the instance's: a revert form starts from an old record.
        self.fields[VERSION_FIELD].initial = stored_version(instance)
        historic = to_historic(instance)
        if historic is not None:
            # A revert shows the related items of that version, not today's.
            for field in historic._history_m2m_fields:
                if field.name in self.fields:
                    target = field.m2m_reverse_field_name()
                    self.initial[field.name] = [
                        getattr(row, f"{target}_id") for row in getattr(historic, field.name).all()
                    ]

    def clean(self):
        cleaned_data = super().clean()
        instance = self.instance
        if instance.pk is None or instance._state.adding:
            return cleaned_data
        posted = cleaned_data.get(VERSION_FIELD)
        if posted is None:
            # Without the version we cannot tell whether the form is stale: refuse rather
            # than risk overwriting someone's edit.
            raise ValidationError(
                gettext("This form does not say which version you edited. Reload the page and try again."),
                code="edit_version_missing",
            )
        # Locked until the admin's transaction ends: nobody saves between check and write.
        current = stored_version(instance, lock=True)
        if current is None:
            raise ValidationError(gettext("This item was deleted by someone else while you edited it."))
        if posted != current:
            self.conflicts = self.conflicting_fields()
            raise ValidationError(conflict_message(instance), code="edit_conflict")
        instance._locked_version = current
        return cleaned_data


# Constraints across the rows of an inline -------------------------------------------------


class RowConstraintsInlineFormSet(BaseInlineFormSet):
    """Checks the model's unique constraints between the rows of one save (two lead
    partners, the same partner twice), which the database would refuse only while
    saving: each row checks itself against the stored rows, this checks the rows
    against each other, and puts the message at the later row's field."""

    def clean(self):
        super().clean()
        # Rows with errors of their own are left out: their values are not all known.
        rows = [
            form
            for form in self.forms
            if form.is_valid()
            and (form.has_changed() or not form.instance._state.adding)
            and not (self.can_delete and self._should_delete_form(form))
        ]
        for constraint in self.model._meta.constraints:
            if isinstance(constraint, UniqueConstraint) and constraint.fields:
                self._check_across_rows(constraint, rows)

    def _check_across_rows(self, constraint, rows):
        opts = self.model._meta
        using = router.db_for_write(self.model)
        seen = set()
        for form in rows:
            instance = form.instance
            # The parent is the same for every row (and unsaved on an add page).
            key = tuple(
                getattr(instance, opts.get_field(name).attname)
                for name in constraint.fields
                if name != self.fk.name
            )
            if None in key:
                continue  # NULLs never collide
            if constraint.condition is not None and not constraint.condition.check(
                instance._get_field_expression_map(meta=opts), using=using
            ):
                continue
            if key not in seen:
                seen.add(key)
                continue
            field = instance.constraint_field(constraint) if hasattr(instance, "constraint_field") else None
            error = ValidationError(
                constraint.get_violation_error_message(), code=constraint.violation_error_code
            )
            form.add_error(field if field in form.fields else None, error)


# Protected delete -----------------------------------------------------------------------


def dependant_link(item, obj):
    """A link to `item`'s admin page; an item edited inside another's page (a
    participant, a membership) links to that page, other than `obj`'s own."""
    if admin.site.is_registered(type(item)):
        return change_link(item)
    for field in item._meta.concrete_fields:
        target = getattr(field, "related_model", None)
        if target is not None and target is not type(obj) and admin.site.is_registered(target):
            parent = getattr(item, field.name)
            if parent is not None:
                opts = parent._meta
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[parent.pk])
                return format_html('<a href="{}">{}</a>', url, item)
    return str(item)


DEPENDANTS_SHOWN = 10


def describe_dependants(request, obj, relations):
    """What still depends on `obj`, one entry per relation: its count ("2 projects") and
    the first items, each a link to where it is edited.

    Items are named only for what the user may see (an editor sees no contact's name)."""
    described = []
    for accessor in relations:
        related = getattr(obj, accessor)
        count = related.count()
        if not count:
            continue
        opts = related.model._meta
        label = opts.verbose_name if count == 1 else opts.verbose_name_plural
        items = []
        if request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            items = [dependant_link(item, obj) for item in related.all()[:DEPENDANTS_SHOWN]]
        described.append(
            {"label": f"{count} {label}", "items": items, "more": count - len(items) if items else 0}
        )
    return described


def with_schedule_fields(fieldsets):
    """The schedule next to the publication date (or in its own fieldset at the end)."""
    listed = {name for _title, options in fieldsets for name in options["fields"]}
    missing = [name for name in SCHEDULE_FIELDS if name not in listed]
    if not missing:
        return fieldsets
    for _title, options in fieldsets:
        if "published_at" in options["fields"]:
            options["fields"] = [*options["fields"], *missing]
            return fieldsets
    return [*fieldsets, (_("Publication"), {"fields": missing})]


# Autocomplete fields -----------------------------------------------------------------------


class _KnownValuesOnly:
    """Django's autocomplete widgets, shown again after a refused save, look up the
    posted values: one that cannot be a key at all (a mangled request) failed the page
    with a 500. Such a value is shown as no choice, and the form's own message stands."""

    def optgroups(self, name, value, attr=None):
        target = self.field.remote_field.model._meta
        # As Django finds it: a foreign key's to-field, else (many to many) the key.
        key = target.get_field(getattr(self.field.remote_field, "field_name", None) or target.pk.name)
        return super().optgroups(name, [item for item in value if _may_be_key(key, item)], attr)


def _may_be_key(field, value):
    """Whether `value` can be a key of `field` at all: of its type, and one the database
    can hold (a number within range, text without a NUL)."""
    if "\x00" in str(value):  # PostgreSQL refuses it in any text
        return False
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


class _AutocompleteSelect(_KnownValuesOnly, AutocompleteSelect):
    """Its empty choice labelled as a plain select's: HTML allows no option without
    text or a label (W3C checker). Its script shows no option's text for that choice,
    so it looks the same."""

    def create_option(self, name, value, label, *args, **kwargs):
        option = super().create_option(name, value, label, *args, **kwargs)
        if value == "" and not label:
            option["attrs"]["label"] = BLANK_CHOICE_DASH[0][1]
        return option


class _AutocompleteSelectMultiple(_KnownValuesOnly, AutocompleteSelectMultiple):
    """Without Select2's "clear all": with it, Backspace on the field removed every chosen
    value at once, unannounced (a keyboard check); each value keeps its own remove button."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        return {**super().build_attrs(base_attrs, extra_attrs), "data-allow-clear": "false"}


class PortalAutocompleteMixin:
    """For a model admin or an inline with `autocomplete_fields`: the portal's widgets."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            using = kwargs.get("using")
            kwargs["widget"] = _AutocompleteSelect(db_field, self.admin_site, using=using)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            using = kwargs.get("using")
            kwargs["widget"] = _AutocompleteSelectMultiple(db_field, self.admin_site, using=using)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# List actions ------------------------------------------------------------------------------


class ValidSelectionMixin:
    """A list action whose posted selection names no item (a mangled or hand-made
    request) is answered 400 with a message; Django's admin fails on it with a 500."""

    def response_action(self, request, queryset, *args, **kwargs):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if not all(_may_be_key(self.model._meta.pk, value) for value in selected):
            return HttpResponseBadRequest(
                gettext("The selection names an item that does not exist. Reload the list and select again."),
                content_type="text/plain; charset=utf-8",
            )
        return super().response_action(request, queryset, *args, **kwargs)


class PortalInlineMixin(PortalAutocompleteMixin):
    """For every editable inline: its texts stored clean, its autocomplete labelled."""

    form = StorableTextForm


# The base class -------------------------------------------------------------------------


class PortalAdmin(
    ValidSelectionMixin,
    PortalAutocompleteMixin,
    TranslationStatusAdminMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    """Base admin for every portal model (see the module docstring)."""

    form = VersionedModelForm
    change_form_template = "admin/twente/change_form.html"
    object_history_list_template = "admin/twente/object_history_list.html"
    object_history_form_template = "admin/twente/object_history_form.html"
    actions = ["publish_selected", "withdraw_selected", "confirm_translations_selected"]
    # Reverse relations whose items must be removed or moved first (accessor names).
    protected_relations = ()
    list_per_page = 50

    @property
    def is_publishable(self):
        return issubclass(self.model, PublishableModel)

    # Lists

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if translated_field_names(self.model) and "translation_status" not in columns:
            columns.append("translation_status")
        if self.is_publishable and "schedule" not in columns:
            columns.append("schedule")
        if self.is_publishable:
            # The state with "with unpublished changes" where an edit waits to go live.
            columns = ["publication_status" if name == "publication_state" else name for name in columns]
        return columns

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.is_publishable:
            queryset = queryset.annotate(has_pending_changes=staging.has_pending_q(self.model))
        return queryset

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        translated = translated_field_names(self.model)
        if self.is_publishable and "publication_state" not in filters:
            filters.insert(0, "publication_state")
        if self.is_publishable and ScheduledFilter not in filters:
            filters.insert(1, ScheduledFilter)
        if self.is_publishable and PendingChangesFilter not in filters:
            filters.insert(1, PendingChangesFilter)
        if translated and TranslationStatusFilter not in filters:
            filters.append(TranslationStatusFilter)
        if "summary" in translated and SummaryFilter not in filters:
            filters.append(SummaryFilter)
        return filters

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        return ", ".join(code.upper() for code in missing_languages(obj)) or "—"

    @admin.display(description=_("scheduled"))
    def schedule(self, obj):
        return schedule_text(obj)

    @admin.display(description=_("publication state"), ordering="publication_state")
    def publication_status(self, obj):
        if obj.is_published and getattr(obj, "has_pending_changes", False):
            return gettext("Published, with unpublished changes")
        return obj.get_publication_state_display()

    # Publishing

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if not self.is_publishable:
            actions.pop("publish_selected", None)
            actions.pop("withdraw_selected", None)
        if "delete_selected" in actions:
            action = actions["delete_selected"]
            actions["delete_selected"] = dataclasses.replace(
                action, func=self._protected_delete_action(action.func)
            )
        return actions

    @admin.action(description=_("Publish selected items"), permissions=["change"])
    def publish_selected(self, request, queryset):
        confirmation = self.publish_confirmation(request, queryset)
        if confirmation is not None:
            return confirmation
        count = items_publish(items=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count) % {"count": count},
            messages.SUCCESS,
        )
        return None

    @admin.action(description=_("Withdraw selected items from the public site"), permissions=["change"])
    def withdraw_selected(self, request, queryset):
        count = items_withdraw(items=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d item withdrawn.", "%(count)d items withdrawn.", count) % {"count": count},
            messages.SUCCESS,
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.is_publishable:
            # The state changes through the publish and withdraw buttons and actions only,
            # so every item starts as a draft and each change of state is deliberate.
            readonly += [name for name in ("publication_state", "published_at") if name not in readonly]
        return readonly

    def get_fieldsets(self, request, obj=None):
        # The version travels in a hidden input of the form template, not in a fieldset.
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != VERSION_FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if self.is_publishable:
            fieldsets = with_schedule_fields(fieldsets)
        return fieldsets

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["publishable"] = self.is_publishable
        context["is_draft"] = self.is_publishable and obj is not None and not obj.is_published
        if context["is_draft"]:
            context["publish_missing_languages"] = language_names(missing_languages(obj))
        context["can_stage"] = self.is_publishable and obj is not None and obj.is_published
        if context["can_stage"]:
            context["pending"] = staging.pending_for(obj)
        context.update(self.translation_status_context(obj))
        self.mark_outdated_fields(context["adminform"].form, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        historic = to_historic(obj)
        if change:
            count_version(obj)
            self.confirm_translations_from_form(request, obj)
        if self.is_publishable and change:
            problems = self.publish_problems(obj) if "_publish" in request.POST else []
            if problems and PUBLISH_CONFIRMED not in request.POST:
                # Saved, not published: the editor confirms first that visitors in these
                # languages may read another language's text, or an outdated one.
                obj._publish_refused_for = problems
            elif "_publish" in request.POST:
                obj.mark_published()
                obj._change_reason = PUBLISHED_REASON
            elif "_withdraw" in request.POST:
                obj.mark_withdrawn()
                obj._change_reason = WITHDRAWN_REASON
        if historic is not None:
            self._keep_publication(obj)
            obj._change_reason = restored_reason(historic)
        if change and self._is_staging(request, obj):
            # Saved and read back as a whole, then rolled back (see twente.core.staging).
            request.staged_item = obj
        elif change and getattr(request, "pending_change", None) is not None:
            # The form showed the pending version: saving it publishes those changes.
            obj._publishes_pending = True
            if not getattr(obj, "_change_reason", None):
                obj._change_reason = PUBLISHED_CHANGES_REASON
        # One history entry per save, written once the links and inline rows are saved too.
        hold_history(obj)
        super().save_model(request, obj, form, change)
        if historic is not None:
            # simple-history's revert view calls form.save_m2m() next, not save_related().
            save_m2m = form.save_m2m

            def save_m2m_and_inline_rows():
                save_m2m()
                restore_related(obj, historic)
                record_history(obj)

            form.save_m2m = save_m2m_and_inline_rows
            if self.is_publishable and obj.is_published:
                self.message_user(request, self.revert_live_message(obj), messages.WARNING)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        record_history(obj, created=not change)
        if getattr(request, "staged_item", None) is obj:
            request.staged_data = staging.capture(obj)
        elif getattr(obj, "_publishes_pending", False):
            staging.pending_discard(obj, published=True)
            request.published_pending = True

    def _is_staging(self, request, obj):
        """A save of a published item that keeps the live version: "Save as draft", and
        any plain save while unpublished changes exist, so that only "Publish changes"
        puts them live (a plain Save published a colleague's draft)."""
        if not (self.is_publishable and obj.is_published):
            return False
        if STAGE_BUTTON in request.POST:
            return True
        has_pending = getattr(request, "pending_change", None) is not None
        return has_pending and not {PUBLISH_CHANGES_BUTTON, "_withdraw"} & set(request.POST)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        def change_view():
            return super(PortalAdmin, self).changeform_view(request, object_id, form_url, extra_context)

        posted = request.method == "POST"
        if object_id is None or not (posted or (self.is_publishable and request.method == "GET")):
            return change_view()
        obj = self.get_object(request, unquote(object_id))
        if posted and obj is None:
            return self._deleted_meanwhile(request)
        if not self.is_publishable:
            return change_view()
        if posted and DISCARD_BUTTON in request.POST:
            return self._discard_pending_view(request, obj)
        pending = staging.pending_for(obj)
        if pending is None and STAGE_BUTTON not in request.POST:
            return change_view()
        # The form opens on the pending version, and a save continues from it; what is
        # written stays only when the changes are published (see twente.core.staging).
        request.pending_change = pending
        response = staging.run_on_pending(
            obj, pending, change_view, keep=lambda: getattr(request, "published_pending", False)
        )
        if getattr(request, "staged_data", None) is not None:
            with transaction.atomic(using=router.db_for_write(self.model)):
                staging.pending_save(request.staged_item, request.staged_data, user=request.user)
        return response

    def _deleted_meanwhile(self, request):
        """A form posted for an item someone deleted (or erased) meanwhile: the page says
        so and lists the texts typed, where Django's admin went to its index with "does
        not exist" and the text was gone (a two-editor check)."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Not saved"),
            "typed": typed_texts(request),
        }
        return TemplateResponse(request, "admin/twente/deleted_meanwhile.html", context, status=404)

    def _discard_pending_view(self, request, obj):
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(self.model)):
            if request.POST.get(VERSION_FIELD) != str(stored_version(obj, lock=True)):
                # The changes were saved again (or published, or dropped) since this form
                # was opened: discarding now would drop work its editor has not seen.
                message = gettext(
                    "“%(item)s” changed after you opened it, so nothing was discarded. "
                    "The form below shows the latest version."
                )
                self.message_user(request, message % {"item": obj}, messages.ERROR)
                return HttpResponseRedirect(request.path)
            discarded = staging.pending_discard(obj)
        if discarded:
            self.log_change(request, obj, [{"discarded": {"name": gettext("unpublished changes")}}])
            self.message_user(
                request,
                gettext("The unpublished changes of “%(item)s” are discarded: the published version stays.")
                % {"item": obj},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(request.path)

    def _keep_publication(self, obj):
        """A revert restores content: the state and dates of publication stay as they are."""
        if not self.is_publishable:
            return
        current = type(obj)._default_manager.filter(pk=obj.pk).values(*PUBLICATION_FIELDS).first()
        for name, value in (current or {}).items():
            setattr(obj, name, value)

    def revert_live_message(self, obj):
        return gettext("“%(item)s” is published: the restored version is live on the public site now.") % {
            "item": obj
        }

    def response_change(self, request, obj):
        if getattr(request, "staged_item", None) is obj:
            self.message_user(
                request,
                gettext(
                    "Your changes to “%(item)s” are saved as a draft. The public still sees the "
                    "published version until you publish the changes."
                )
                % {"item": obj},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        refused_for = getattr(obj, "_publish_refused_for", None)
        if refused_for:
            self.message_user(request, publish_refused_message(obj, refused_for), messages.WARNING)
            return HttpResponseRedirect(request.path)
        if getattr(obj, "_publishes_pending", False) and "_withdraw" not in request.POST:
            self.message_user(
                request, gettext("The changes to “%(item)s” are published.") % {"item": obj}, messages.SUCCESS
            )
            return HttpResponseRedirect(request.path)
        if "_publish" in request.POST or "_withdraw" in request.POST:
            # Stay on the item, so the editor sees its new state (and the preview link).
            message = (
                gettext("“%(item)s” is published.")
                if "_publish" in request.POST
                else gettext("“%(item)s” is withdrawn from the public site.")
            )
            self.message_user(request, message % {"item": obj}, messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    # History

    def _valid_ids_or_404(self, object_id, version_id=None):
        # A mistyped address is a 404, not a 500 from comparing "12/change" with a number.
        try:
            self.model._meta.pk.to_python(unquote(object_id))
            if version_id is not None:
                int(version_id)
        except (ValidationError, ValueError):
            raise Http404 from None

    def history_view(self, request, object_id, extra_context=None):
        self._valid_ids_or_404(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._valid_ids_or_404(object_id, version_id)
        # A revert is a save: it needs the change permission, and runs in one transaction
        # (the optimistic-locking check holds the row until the end).
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # Each translated field is shown per language ("Description [de]"); the untranslated
        # original column only mirrors one of them, so it is left out of the difference.
        excluded = set(translated_field_names(self.model))
        field_order = [name for name in self._form_field_order(request) if name != VERSION_FIELD]
        records = list(historical_records)
        for previous, current in zip(records, records[1:], strict=False):
            delta = previous.diff_against(
                current, excluded_fields=excluded, foreign_keys_are_objs=foreign_keys_are_objs
            )
            # Inline rows (participants, say) from the snapshots kept with each record.
            older, newer = (getattr(record, "related_snapshot", None) for record in (current, previous))
            rows = related_changes(self.model, older, newer)
            previous.history_delta_changes = readable_changes(self.model, delta, field_order) + rows
        if records:
            pk_name = self.model._meta.pk.attname
            history = self.model.history.filter(**{pk_name: getattr(records[0], pk_name)})
            number_versions(records, history)

    def _form_field_order(self, request):
        names = []
        for _title, options in self.get_fieldsets(request):
            for name in options["fields"]:
                names.extend(name if isinstance(name, (list, tuple)) else [name])
        ordered = []
        for name in names:
            ordered.append(name)
            ordered.extend(f"{name}_{code}" for code in translation_languages())
        return ordered

    # Protected delete

    def delete_blockers(self, request, obj):
        return describe_dependants(request, obj, self.protected_relations)

    def delete_refused_message(self, obj, blockers):
        """“X” cannot be deleted, then a list: each kind of dependant with its items."""
        entries = []
        for blocker in blockers:
            items = list(blocker["items"])
            if blocker["more"]:
                items.append(gettext("and %(count)d more") % {"count": blocker["more"]})
            sublist = format_html_join("", "<li>{}</li>", ((item,) for item in items))
            entries.append(
                format_html(
                    "<li>{}{}</li>", blocker["label"], format_html("<ul>{}</ul>", sublist) if items else ""
                )
            )
        return format_html(
            '{}<ul class="dependants">{}</ul>',
            gettext("“%(item)s” cannot be deleted: it is still used by") % {"item": obj},
            format_html_join("", "{}", ((entry,) for entry in entries)),
        )

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_delete_permission(request, obj):
            blockers = self.delete_blockers(request, obj)
            if blockers:
                self.message_user(request, self.delete_refused_message(obj, blockers), messages.ERROR)
                opts = self.model._meta
                return HttpResponseRedirect(
                    reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change",
                        args=[obj.pk],
                        current_app=self.admin_site.name,
                    )
                )
        return super().delete_view(request, object_id, extra_context)

    def _protected_delete_action(self, delete_selected):
        def protected_delete_selected(modeladmin, request, queryset):
            refused = [
                self.delete_refused_message(obj, blockers)
                for obj in queryset
                if (blockers := self.delete_blockers(request, obj))
            ]
            if refused:
                for message in refused:
                    self.message_user(request, message, messages.ERROR)
                self.message_user(request, gettext("Nothing was deleted."), messages.WARNING)
                return None
            return delete_selected(modeladmin, request, queryset)

        protected_delete_selected.allowed_permissions = ("delete",)
        return protected_delete_selected


# Staff roles on the user admin (administrators only: the roles have no user permissions)


User = get_user_model()


class PortalUserAdmin(TranslatedPermissionsMixin, ValidSelectionMixin, UserAdmin):
    actions = ["grant_editor", "grant_liaison_officer", "revoke_roles"]
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_superuser", "roles"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("roles"))
    def roles(self, obj):
        return ", ".join(group.name for group in obj.groups.all()) or "—"

    def _grant(self, request, queryset, role):
        for user in queryset:
            grant_role(user=user, role=role)
        self.message_user(
            request,
            ngettext(
                "%(count)d person now has the role “%(role)s”.",
                "%(count)d people now have the role “%(role)s”.",
                len(queryset),
            )
            % {"count": len(queryset), "role": role},
            messages.SUCCESS,
        )

    @admin.action(description=_("Make staff with the role Editor"), permissions=["change"])
    def grant_editor(self, request, queryset):
        self._grant(request, queryset, EDITOR)

    @admin.action(description=_("Make staff with the role Liaison officer"), permissions=["change"])
    def grant_liaison_officer(self, request, queryset):
        self._grant(request, queryset, LIAISON_OFFICER)

    @admin.action(description=_("Take away their staff roles"), permissions=["change"])
    def revoke_roles(self, request, queryset):
        for user in queryset:
            for role in ROLES:
                revoke_role(user=user, role=role)
        self.message_user(request, gettext("Roles taken away."), messages.SUCCESS)


admin.site.site_header = _("Netwerkstad Twente")
admin.site.site_title = _("Netwerkstad Twente")
admin.site.index_title = _("Portal management")


class PortalGroupAdmin(TranslatedPermissionsMixin, GroupAdmin):
    pass


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)
if admin.site.is_registered(Group):
    admin.site.unregister(Group)
admin.site.register(Group, PortalGroupAdmin)
