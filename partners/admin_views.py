"""The liaison officer's admin pages: contact export (filters, count, download),
import (upload, preview, confirm), and export actions on the contact list.

Added to the contact admin through `ContactExportAdminMixin`. Exports need the
`partners.export_contacts` permission, imports `partners.import_contacts`; an
anonymous visitor is sent to the login page, a staff user without the permission
(an Editor) gets 403.
"""

import base64
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR, ActionLocation
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from partners import exports
from partners.contact_filters import ContactFilterSet
from partners.imports import (
    DUPLICATE_CHOICES,
    MAX_UPLOAD_BYTES,
    STALE_CHOICES,
    ImportFileError,
    build_plan,
    content_digest,
    read_upload,
    too_large_message,
)
from partners.models import Contact, ContactList
from partners.services import (
    ExportPurpose,
    ImportOutdated,
    contact_export_log_create,
    contact_list_add,
    contact_personal_data,
    contacts_erase,
    contacts_export_select,
    contacts_import_apply,
    contacts_mark_verified,
)
from twente.core.text import storable
from twente.core.uploads import declares_too_large

EXPORT_PERMISSION = "partners.export_contacts"
ACCESS_PERMISSION = "partners.access_contact_data"
ERASE_PERMISSION = "partners.erase_contacts"
IMPORT_PERMISSION = "partners.import_contacts"
IMPORT_SESSION_KEY = "partners_contact_import"
PREVIEW_ROW_LIMIT = 500

FORMAT_CHOICES = [
    ("csv", gettext_lazy("CSV (opens in Excel)")),
    ("xlsx", gettext_lazy("Excel (.xlsx)")),
    ("vcard", gettext_lazy("vCard (.vcf, for Outlook, Thunderbird or a phone)")),
    ("emails", gettext_lazy("Email addresses to paste into BCC")),
]


class ContactExportOptionsForm(forms.Form):
    purpose = forms.ChoiceField(
        label=gettext_lazy("Purpose"),
        choices=ExportPurpose.choices,
        initial=ExportPurpose.CONTACT_LIST,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("A mailing includes only contacts who consented to mailings."),
    )
    export_format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=FORMAT_CHOICES, initial="csv", widget=forms.RadioSelect
    )


class ContactImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Contact file"),
        help_text=gettext_lazy(
            "A CSV (UTF-8) or Excel (.xlsx) file with the export's columns, at most 5 MB. "
            "Contacts are matched by email; empty cells keep what is there."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


MATCHING_LIMIT = 50
DEFAULT_EXPORT_OPTIONS = {"purpose": ExportPurpose.CONTACT_LIST, "export_format": "csv"}


def posted_list_name(request):
    """The saved list's name as posted, stored clean; None when there is none, or with a
    message when it is longer than a list's name may be."""
    name = storable(request.POST.get("list_name", "")).strip()
    limit = ContactList._meta.get_field("name").max_length
    if len(name) > limit:
        messages.error(request, _("A list's name has at most %(limit)d characters.") % {"limit": limit})
        return None
    return name or None


def matching_contacts(selection):
    """The first contacts of the export, with organisation and consent, for the page."""
    if selection is None:
        return []
    return list(
        selection.contacts.select_related("partner", "municipality").order_by("name", "pk")[:MATCHING_LIMIT]
    )


def export_response(selection, export_format):
    """The file of an export, streamed."""
    content_type, _extension = exports.FORMATS[export_format]
    filename = exports.export_filename(export_format, timezone.localdate())
    if export_format == "xlsx":
        response = FileResponse(
            exports.xlsx_file(selection.contacts),
            as_attachment=True,
            filename=filename,
            content_type=content_type,
        )
    else:
        stream = {
            "csv": exports.csv_stream,
            "vcard": exports.vcard_stream,
            "emails": exports.email_list_stream,
        }[export_format](selection.contacts)
        response = StreamingHttpResponse(stream, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Contacts-Count"] = str(selection.count)
    response["X-Contacts-Excluded"] = str(selection.excluded_count)
    return response


def import_choices(data):
    """The person's choice per row (possible duplicates, older rows) from the form."""
    choices = {}
    for key, value in data.items():
        if key.startswith("row-") and key[4:].isdecimal() and value in DUPLICATE_CHOICES + STALE_CHOICES:
            choices[int(key[4:])] = value
    return choices


class ContactExportAdminMixin:
    """Export and import pages and export actions for the contact admin."""

    export_actions = [
        "export_selected_csv",
        "export_selected_xlsx",
        "export_selected_vcard",
        "export_selected_emails",
    ]
    privacy_actions = ["add_to_saved_list", "mark_verified", "erase_selected"]

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT_PERMISSION)

    def has_import_permission(self, request):
        return request.user.has_perm(IMPORT_PERMISSION)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("export/", wrap(self.export_view), name="partners_contact_export"),
            path("import/", wrap(self.import_entry_view), name="partners_contact_import"),
            path("import/confirm/", wrap(self.import_confirm_view), name="partners_contact_import_confirm"),
            path(
                "<int:object_id>/personal-data/",
                wrap(self.personal_data_view),
                name="partners_contact_personal_data",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_export_contacts": self.has_export_permission(request),
            "can_import_contacts": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context=extra_context)

    def _context(self, request, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            **extra,
        }

    # --- export page -------------------------------------------------------------

    def export_view(self, request):
        if not self.has_export_permission(request):
            raise PermissionDenied
        # Always bound, so the page opens with the count and the matching contacts;
        # a link (a saved list's "export this list") fills in filters by GET.
        data = request.POST if request.method == "POST" else request.GET
        filterset = ContactFilterSet(data, queryset=Contact.objects.all(), request=request)
        options = ContactExportOptionsForm(data if "export_format" in data else DEFAULT_EXPORT_OPTIONS)
        selection = None
        if filterset.is_valid() and options.is_valid():
            purpose = options.cleaned_data["purpose"]
            export_format = options.cleaned_data["export_format"]
            selection = contacts_export_select(filterset.qs, purpose=purpose, export_format=export_format)
            list_name = posted_list_name(request) if "save_list" in request.POST else None
            if list_name:
                contact_list = contact_list_add(name=list_name, contacts=filterset.qs, user=request.user)
                messages.success(
                    request,
                    _("The %(count)d matching contacts are in the list “%(name)s”.")
                    % {"count": filterset.qs.count(), "name": contact_list.name},
                )
            if "download" in request.POST:
                if selection.count == 0:
                    messages.warning(request, _("No contacts match: there is nothing to download."))
                else:
                    contact_export_log_create(
                        user=request.user,
                        export_format=export_format,
                        purpose=purpose,
                        filters=filterset.filters_for_log(),
                        selection=selection,
                    )
                    return export_response(selection, export_format)
        context = self._context(
            request,
            _("Export contacts"),
            filter_form=filterset.form,
            options_form=options,
            selection=selection,
            matching=matching_contacts(selection),
            matching_limit=MATCHING_LIMIT,
            total=Contact.objects.count(),
        )
        status = 400 if selection is None else 200
        return TemplateResponse(request, "admin/partners/contact/export.html", context, status=status)

    # --- export actions on selected contacts --------------------------------------

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if IS_POPUP_VAR in request.GET or action_location != ActionLocation.CHANGE_LIST:
            return actions
        allowed = {
            **dict.fromkeys(self.export_actions, self.has_export_permission(request)),
            "add_to_saved_list": request.user.has_perm("partners.change_contactlist"),
            "mark_verified": self.has_change_permission(request),
            "erase_selected": self.has_erase_permission(request),
        }
        for name, permitted in allowed.items():
            action = self.get_action(name, action_location)
            if action and permitted:
                actions[action.name] = action
        return actions

    def has_erase_permission(self, request):
        return request.user.has_perm(ERASE_PERMISSION)

    # --- data-protection rights ---------------------------------------------------

    def personal_data_view(self, request, object_id):
        """AVG access: everything stored about the person, as a readable JSON file."""
        if not request.user.has_perm(ACCESS_PERMISSION):
            raise PermissionDenied
        contact = get_object_or_404(Contact.objects.select_related("partner", "municipality"), pk=object_id)
        data = contact_personal_data(contact=contact, user=request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="personal-data-contact-{contact.pk}.json"'
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_access_personal_data": request.user.has_perm(ACCESS_PERMISSION),
        }
        return super().change_view(request, object_id, form_url, extra_context=extra_context)

    @admin.action(description=gettext_lazy("Mark selected contacts as verified today (retention review)"))
    def mark_verified(self, request, queryset):
        count = contacts_mark_verified(contacts=queryset, user=request.user)
        message = ngettext(
            "%(count)d contact marked as verified today.",
            "%(count)d contacts marked as verified today.",
            count,
        )
        messages.success(request, message % {"count": count})

    @admin.action(description=gettext_lazy("Erase selected contacts and their history (GDPR)"))
    def erase_selected(self, request, queryset):
        if not self.has_erase_permission(request):
            raise PermissionDenied
        if request.POST.get("confirm_erase") == "yes":
            count = contacts_erase(contacts=queryset, user=request.user)
            message = ngettext(
                "%(count)d contact and its history were erased.",
                "%(count)d contacts and their history were erased.",
                count,
            )
            messages.success(request, message % {"count": count})
            return None
        context = self._context(
            request,
            _("Erase contacts"),
            contacts=queryset.select_related("partner", "municipality")[:200],
            count=queryset.count(),
            selected=request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            action_checkbox_name=helpers.ACTION_CHECKBOX_NAME,
        )
        return TemplateResponse(request, "admin/partners/contact/erase_confirm.html", context)

    @admin.action(description=gettext_lazy("Add selected contacts to a saved list"))
    def add_to_saved_list(self, request, queryset):
        name = posted_list_name(request)
        if name:
            contact_list = contact_list_add(name=name, contacts=queryset, user=request.user)
            # In the list's log, so a list form opened before names who changed it.
            self.log_change(request, contact_list, [{"changed": {"fields": ["members"]}}])
            count = queryset.count()
            message = ngettext(
                "Added %(count)d contact to the list “%(name)s”.",
                "Added %(count)d contacts to the list “%(name)s”.",
                count,
            )
            messages.success(request, message % {"count": count, "name": contact_list.name})
            return None
        context = self._context(
            request,
            _("Add contacts to a saved list"),
            count=queryset.count(),
            lists=ContactList.objects.order_by("name"),
            selected=request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            action_checkbox_name=helpers.ACTION_CHECKBOX_NAME,
        )
        return TemplateResponse(request, "admin/partners/contact/add_to_list.html", context)

    def _export_selected(self, request, queryset, export_format):
        if not self.has_export_permission(request):
            raise PermissionDenied
        # The email list is a mailing: the service keeps it to those who consented.
        purpose = ExportPurpose.CONTACT_LIST
        ids = sorted(queryset.values_list("pk", flat=True))
        # A subquery, not the id list: "select all" may pick more ids than SQLite binds.
        selection = contacts_export_select(
            Contact.objects.filter(pk__in=queryset.values("pk")), purpose=purpose, export_format=export_format
        )
        if selection.excluded_count:
            messages.warning(
                request,
                _("Left out of the export: %(reasons)s.")
                % {"reasons": ", ".join(selection.excluded_reasons())},
            )
        if selection.count == 0:
            messages.warning(request, _("None of the selected contacts can be exported in this format."))
            return None
        contact_export_log_create(
            user=request.user,
            export_format=export_format,
            purpose=purpose,
            filters={"selected_contacts": ids},
            selection=selection,
        )
        return export_response(selection, export_format)

    @admin.action(permissions=["export"], description=gettext_lazy("Export selected contacts as CSV"))
    def export_selected_csv(self, request, queryset):
        return self._export_selected(request, queryset, "csv")

    @admin.action(permissions=["export"], description=gettext_lazy("Export selected contacts as Excel"))
    def export_selected_xlsx(self, request, queryset):
        return self._export_selected(request, queryset, "xlsx")

    @admin.action(permissions=["export"], description=gettext_lazy("Export selected contacts as vCard"))
    def export_selected_vcard(self, request, queryset):
        return self._export_selected(request, queryset, "vcard")

    @admin.action(
        permissions=["export"],
        description=gettext_lazy("Export selected contacts as email list (consenting only)"),
    )
    def export_selected_emails(self, request, queryset):
        return self._export_selected(request, queryset, "emails")

    # --- import -----------------------------------------------------------------

    @csrf_exempt  # checked below, once the request size is known to be acceptable
    def import_entry_view(self, request):
        """Refuse an oversized upload from its Content-Length, before Django reads the
        body (the CSRF check would otherwise spool it all to disk first)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if declares_too_large(request, MAX_UPLOAD_BYTES):
            return self._import_form(request, ContactImportForm(), status=413, error=too_large_message())
        return csrf_protect(self.import_view)(request)

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return self._import_form(request, ContactImportForm())
        form = ContactImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._import_form(request, form, status=400)
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error("file", too_large_message())
            return self._import_form(request, form, status=400)
        content = upload.read()
        try:
            plan = build_plan(read_upload(content, upload.name))
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self._import_form(request, form, status=400)
        digest = content_digest(content)
        request.session[IMPORT_SESSION_KEY] = {
            "content": base64.b64encode(content).decode("ascii"),
            "filename": upload.name,
            "digest": digest,
            "fingerprint": plan.fingerprint,
        }
        return self._import_preview(request, plan, upload.name, digest)

    def _import_form(self, request, form, status=200, error=None):
        context = self._context(request, _("Import contacts"), form=form, upload_error=error)
        return TemplateResponse(request, "admin/partners/contact/import.html", context, status=status)

    def _import_preview(self, request, plan, filename, digest, status=200):
        groups = []
        for status_name, label in (
            ("duplicate", _("Possible duplicates: choose what to do")),
            ("stale", _("File is older than the stored contact: not applied unless chosen")),
            ("invalid", _("Invalid rows (will not be imported)")),
            ("new", _("New contacts")),
            ("changed", _("Changed contacts")),
        ):
            rows = plan.having(status_name)
            groups.append((status_name, label, rows[:PREVIEW_ROW_LIMIT], len(rows)))
        counts = plan.counts
        context = self._context(
            request,
            _("Import preview: %(filename)s") % {"filename": filename},
            plan=plan,
            counts=counts,
            groups=groups,
            row_limit=PREVIEW_ROW_LIMIT,
            digest=digest,
            can_apply=counts["new"] + counts["changed"] + counts["duplicate"] + counts["stale"] > 0,
            duplicate_choices=[
                ("skip", _("Skip")),
                ("update", _("Update the stored contact")),
                ("create", _("Create a new contact")),
            ],
            stale_choices=[("skip", _("Keep the stored contact")), ("apply", _("Apply the older file"))],
        )
        return TemplateResponse(request, "admin/partners/contact/import_preview.html", context, status=status)

    def import_confirm_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return redirect("admin:partners_contact_import")
        return self._import_confirm(request)

    @staticmethod
    def _import_restart(request, message):
        messages.error(request, message)
        request.session.pop(IMPORT_SESSION_KEY, None)
        return HttpResponseRedirect(reverse("admin:partners_contact_import"))

    def _import_confirm(self, request):
        stored = request.session.get(IMPORT_SESSION_KEY)
        if not stored or request.POST.get("digest") != stored["digest"]:
            messages.error(
                request,
                _(
                    "This preview is no longer available (another file was previewed since). "
                    "Upload the file again."
                ),
            )
            return HttpResponseRedirect(reverse("admin:partners_contact_import"))
        content = base64.b64decode(stored["content"])
        filename = stored["filename"]
        choices = import_choices(request.POST)
        try:
            result = contacts_import_apply(
                content=content,
                filename=filename,
                user=request.user,
                expected_fingerprint=stored["fingerprint"],
                choices=choices,
            )
        except ImportOutdated:
            plan = build_plan(read_upload(content, filename))
            stored["fingerprint"] = plan.fingerprint
            request.session[IMPORT_SESSION_KEY] = stored
            messages.error(
                request,
                _(
                    "Contacts changed since the preview, so nothing was imported. "
                    "Check the updated preview below and confirm again."
                ),
            )
            return self._import_preview(request, plan, filename, stored["digest"], status=409)
        except ImportFileError as error:
            return self._import_restart(request, str(error))
        except IntegrityError:
            # Someone saved a contact with the same email between our check and write.
            return self._import_restart(
                request,
                _(
                    "A contact was saved by someone else during the import, so nothing was imported. "
                    "Try again."
                ),
            )
        request.session.pop(IMPORT_SESSION_KEY, None)
        messages.success(
            request,
            _(
                "Imported %(filename)s: %(created)d new, %(updated)d changed, "
                "%(unchanged)d unchanged, %(invalid)d invalid rows skipped, "
                "%(skipped)d possible duplicates or older rows left as they were."
            )
            % {
                "filename": filename,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "invalid": result.invalid,
                "skipped": result.skipped,
            },
        )
        return HttpResponseRedirect(reverse("admin:partners_contact_changelist"))
