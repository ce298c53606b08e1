"""Merging two duplicate contacts in the admin: a change-list action on exactly two
selected contacts, a confirmation page that shows both side by side per field, where
the liaison officer chooses the record to keep and, per field that differs, the value,
and then `partners.services.contacts_merge` (history and list memberships kept).

Merging changes one contact and deletes the other, so it needs both the change and
the delete permission on contacts (the liaison officer has both; an editor neither).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR, ActionLocation
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from partners.models import Contact
from partners.services import MERGE_CHOOSABLE_FIELDS, MergeOutdated, contacts_merge, merge_field_value

FIRST, SECOND = "first", "second"


def _is_empty(value):
    return value in ("", None)


def merge_field_label(name):
    if name == "organisation":
        return _("organisation")
    return str(Contact._meta.get_field(name).verbose_name)


def merge_display(contact, name):
    """A field's value as the page shows it."""
    if name == "organisation":
        return str(contact.organisation or "—")
    if name == "kind":
        return contact.get_kind_display()
    if name == "preferred_language":
        return contact.get_preferred_language_display()
    if name == "is_public":
        return _("yes") if contact.is_public else _("no")
    if name == "phone":
        return contact.phone_display
    return getattr(contact, name)


def differing_fields(first, second):
    """The choosable fields where both contacts have a value, and not the same one."""
    return [
        name
        for name in MERGE_CHOOSABLE_FIELDS
        if not _is_empty(merge_field_value(first, name))
        and not _is_empty(merge_field_value(second, name))
        and merge_field_value(first, name) != merge_field_value(second, name)
    ]


def contact_heading(contact):
    return _("%(name)s (no. %(number)d)") % {"name": contact.name, "number": contact.pk}


class ContactMergeForm(forms.Form):
    """Which record stays, and per differing field whose value the merged contact gets.
    The versions shown travel with the form, so a change made meanwhile is noticed."""

    keep = forms.TypedChoiceField(
        label=gettext_lazy("Contact record to keep"),
        coerce=int,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "The record kept keeps its number, links and history; the other one is deleted "
            "after its data is merged in, and its history is kept as well."
        ),
    )
    version_first = forms.IntegerField(widget=forms.HiddenInput)
    version_second = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, first, second, **kwargs):
        super().__init__(*args, **kwargs)
        self.first, self.second = first, second
        headings = [(first.pk, contact_heading(first)), (second.pk, contact_heading(second))]
        self.fields["keep"].choices = headings
        self.fields["keep"].initial = first.pk
        self.fields["version_first"].initial = first.version
        self.fields["version_second"].initial = second.version
        self.choosable = differing_fields(first, second)
        for name in self.choosable:
            self.fields[f"value_{name}"] = forms.ChoiceField(
                label=merge_field_label(name),
                choices=[(FIRST, contact_heading(first)), (SECOND, contact_heading(second))],
                initial=FIRST,
                widget=forms.RadioSelect,
            )

    def keep_and_duplicate(self):
        if self.cleaned_data["keep"] == self.first.pk:
            return self.first, self.second
        return self.second, self.first

    def take_from_duplicate(self):
        keep_side = FIRST if self.cleaned_data["keep"] == self.first.pk else SECOND
        return [name for name in self.choosable if self.cleaned_data[f"value_{name}"] != keep_side]

    def expected_versions(self):
        return {
            self.first.pk: self.cleaned_data["version_first"],
            self.second.pk: self.cleaned_data["version_second"],
        }

    def rows(self):
        """One row per field: both values, and the choice or the rule that decides."""
        first, second = self.first, self.second
        rows = []
        for name in MERGE_CHOOSABLE_FIELDS:
            row = {
                "label": merge_field_label(name),
                "first": merge_display(first, name),
                "second": merge_display(second, name),
                "field": self[f"value_{name}"] if name in self.choosable else None,
            }
            if row["field"] is None:
                if merge_field_value(first, name) == merge_field_value(second, name):
                    row["rule"] = _("the same in both")
                else:
                    row["rule"] = _("the value that is filled in")
            rows.append(row)
        rules = [
            (_("topics"), _topics(first), _topics(second), _("both joined")),
            (_("saved lists"), _lists(first), _lists(second), _("both joined")),
            (
                _("consents to mailings"),
                _consent(first),
                _consent(second),
                _("consents if either consented"),
            ),
            (
                _("last verified on"),
                _date(first.last_verified),
                _date(second.last_verified),
                _("the later date"),
            ),
            (_("internal notes"), first.notes, second.notes, _("both kept")),
            (
                _("created at"),
                _date(first.created_at),
                _date(second.created_at),
                _("the history of both is kept"),
            ),
        ]
        rows += [
            {"label": label, "first": one, "second": other, "field": None, "rule": rule}
            for label, one, other, rule in rules
        ]
        return rows


def _topics(contact):
    return ", ".join(sorted(str(theme) for theme in contact.topics.all())) or "—"


def _lists(contact):
    return ", ".join(sorted(contact_list.name for contact_list in contact.lists.all())) or "—"


def _date(value):
    return date_format(value, "SHORT_DATE_FORMAT") if value else "—"


def _consent(contact):
    if not contact.mailing_consent:
        return _("no")
    return _("yes, since %(date)s") % {"date": _date(contact.mailing_consent_date)}


class ContactMergeAdminMixin:
    """The "merge two duplicate contacts" action and its confirmation page."""

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if IS_POPUP_VAR in request.GET or action_location != ActionLocation.CHANGE_LIST:
            return actions
        if self.has_merge_permission(request):
            action = self.get_action("merge_selected", action_location)
            actions[action.name] = action
        return actions

    @admin.action(description=gettext_lazy("Merge two duplicate contacts"))
    def merge_selected(self, request, queryset):
        if not self.has_merge_permission(request):
            raise PermissionDenied
        count = queryset.count()
        if count != 2:
            self.message_user(
                request,
                ngettext(
                    "Select exactly two contacts to merge; %(count)d contact is selected.",
                    "Select exactly two contacts to merge; %(count)d contacts are selected.",
                    count,
                )
                % {"count": count},
                messages.ERROR,
            )
            return None
        first, second = queryset.select_related("partner", "municipality").order_by("pk")
        if request.POST.get("confirm_merge") != "yes":
            return self._merge_page(request, ContactMergeForm(first=first, second=second))
        form = ContactMergeForm(request.POST, first=first, second=second)
        if not form.is_valid():
            return self._merge_page(request, form, status=400)
        keep, duplicate = form.keep_and_duplicate()
        duplicate_text = contact_heading(duplicate)
        try:
            with transaction.atomic():
                self.log_deletions(request, Contact.objects.filter(pk=duplicate.pk))
                contacts_merge(
                    keep=keep,
                    duplicate=duplicate,
                    user=request.user,
                    take_from_duplicate=form.take_from_duplicate(),
                    expected_versions=form.expected_versions(),
                )
                self.log_change(request, keep, _("Merged with %(contact)s.") % {"contact": duplicate_text})
        except (MergeOutdated, IntegrityError):
            self.message_user(
                request,
                _(
                    "One of the two contacts was changed by someone else meanwhile, so nothing "
                    "was merged. Check the values below and confirm again."
                ),
                messages.ERROR,
            )
            current = list(
                Contact.objects.select_related("partner", "municipality")
                .filter(pk__in=[first.pk, second.pk])
                .order_by("pk")
            )
            if len(current) != 2:  # one of them was merged or erased meanwhile
                return None
            form = ContactMergeForm(first=current[0], second=current[1])
            return self._merge_page(request, form, status=409)
        self.message_user(
            request,
            _("%(duplicate)s was merged into %(kept)s.")
            % {"duplicate": duplicate_text, "kept": contact_heading(keep)},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:partners_contact_change", args=[keep.pk]))

    def _merge_page(self, request, form, status=200):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Merge two contacts"),
            "form": form,
            "first": form.first,
            "second": form.second,
            "rows": form.rows(),
            "selected": [form.first.pk, form.second.pk],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/partners/contact/merge_confirm.html", context, status=status)
