"""The Kohesio import in the admin: upload, a dry-run preview, then confirm.

The same steps and limits as the contact import (`partners.admin_views`): the file is
at most `MAX_UPLOAD_BYTES` (an oversized request is refused from its Content-Length
before Django reads it), kept in the session between preview and confirmation, planned
again on confirm and applied only if the plan is still the one the user saw. Editors
and the liaison officer may import: it needs the permissions to add and change projects.
"""

import base64
import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from projects.kohesio import (
    DEFAULT_NUTS,
    KOHESIO_LIMITS,
    MAX_UPLOAD_BYTES,
    KohesioFileError,
    valid_nuts_codes,
)
from projects.services import KohesioImportOutdated, projects_import_kohesio
from twente.core.uploads import declares_too_large, too_large_message

IMPORT_PERMISSIONS = ("projects.add_project", "projects.change_project")
SESSION_KEY = "projects_kohesio_import"
PREVIEW_ROWS = 20  # of each group; invalid rows are all shown
UPLOAD_URL = "admin:projects_project_import_kohesio"


class KohesioImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Kohesio project file"),
        help_text=gettext_lazy(
            "Kohesio's project file of a country (CSV or Excel .xlsx), at most 5 MB. "
            "For a larger file, use the command import_kohesio on the server."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    nuts = forms.CharField(
        label=gettext_lazy("NUTS3 regions"),
        initial=" ".join(DEFAULT_NUTS),
        max_length=200,
        help_text=gettext_lazy(
            "Only projects in these regions are imported, separated by spaces: NL213 is Twente; "
            "Borken is DEA34, Grafschaft Bentheim DE94B."
        ),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publish new projects at once"),
        required=False,
        help_text=gettext_lazy("Off: new projects are drafts, for an editor to check and publish."),
    )

    def clean_nuts(self):
        try:
            return valid_nuts_codes(self.cleaned_data["nuts"].replace(",", " ").split())
        except ValueError as error:
            raise forms.ValidationError(
                _(
                    "“%(code)s” is not a NUTS code "
                    "(two letters and up to three letters or digits, e.g. NL213)."
                )
                % {"code": error}
            ) from None


class KohesioImportAdminMixin:
    """Import pages for the project admin, and the link to them on the project list."""

    def has_kohesio_import_permission(self, request):
        return request.user.has_perms(IMPORT_PERMISSIONS)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import-kohesio/", wrap(self.kohesio_entry_view), name="projects_project_import_kohesio"),
            path(
                "import-kohesio/confirm/",
                wrap(self.kohesio_confirm_view),
                name="projects_project_import_kohesio_confirm",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import_kohesio": self.has_kohesio_import_permission(request),
        }
        return super().changelist_view(request, extra_context=extra_context)

    def _kohesio_context(self, request, title, **extra):
        return {**self.admin_site.each_context(request), "opts": self.model._meta, "title": title, **extra}

    @csrf_exempt  # checked below, once the request size is known to be acceptable
    def kohesio_entry_view(self, request):
        """Refuse an oversized upload from its Content-Length, before Django reads the body."""
        if not self.has_kohesio_import_permission(request):
            raise PermissionDenied
        if declares_too_large(request, KOHESIO_LIMITS.max_bytes):
            return self._kohesio_form(
                request, KohesioImportForm(), status=413, error=too_large_message(KOHESIO_LIMITS)
            )
        return csrf_protect(self.kohesio_upload_view)(request)

    def kohesio_upload_view(self, request):
        if request.method != "POST":
            return self._kohesio_form(request, KohesioImportForm())
        form = KohesioImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._kohesio_form(request, form, status=400)
        upload = form.cleaned_data["file"]
        content = upload.read(MAX_UPLOAD_BYTES + 1)
        options = {"nuts": form.cleaned_data["nuts"], "publish": form.cleaned_data["publish"]}
        try:
            plan = projects_import_kohesio(content=content, filename=upload.name, dry_run=True, **options)
        except KohesioFileError as error:
            form.add_error("file", str(error))
            return self._kohesio_form(request, form, status=400)
        digest = hashlib.sha256(content).hexdigest()
        request.session[SESSION_KEY] = {
            "content": base64.b64encode(content).decode("ascii"),
            "filename": upload.name,
            "digest": digest,
            "fingerprint": plan.fingerprint,
            **options,
            "nuts": list(options["nuts"]),
        }
        return self._kohesio_preview(request, plan, request.session[SESSION_KEY])

    def _kohesio_form(self, request, form, status=200, error=None):
        context = self._kohesio_context(
            request, _("Import projects from Kohesio"), form=form, upload_error=error
        )
        return TemplateResponse(request, "admin/projects/project/import_kohesio.html", context, status=status)

    def _kohesio_preview(self, request, plan, stored, status=200):
        labels = {
            "invalid": _("Invalid rows (not imported)"),
            "created": _("New projects"),
            "updated": _("Updated projects"),
            "kept": _("Projects where an editor's change is kept"),
            "unchanged": _("Unchanged projects"),
            "skipped": _("Skipped rows (other regions)"),
        }
        groups = []
        for status_name, label in labels.items():
            rows = plan.having(status_name)
            shown = rows if status_name == "invalid" else rows[:PREVIEW_ROWS]
            groups.append({"name": status_name, "label": label, "rows": shown, "total": len(rows)})
        counts = plan.counts
        context = self._kohesio_context(
            request,
            _("Kohesio import preview: %(filename)s") % {"filename": stored["filename"]},
            plan=plan,
            counts=counts,
            groups=groups,
            row_limit=PREVIEW_ROWS,
            digest=stored["digest"],
            publish=stored["publish"],
            can_apply=bool(plan.writes or plan.new_programmes),
        )
        return TemplateResponse(
            request, "admin/projects/project/import_kohesio_preview.html", context, status=status
        )

    def kohesio_confirm_view(self, request):
        if not self.has_kohesio_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return redirect(UPLOAD_URL)
        stored = request.session.get(SESSION_KEY)
        if not stored or request.POST.get("digest") != stored["digest"]:
            messages.error(
                request,
                _(
                    "This preview is no longer available (another file was previewed since). "
                    "Upload the file again."
                ),
            )
            return HttpResponseRedirect(reverse(UPLOAD_URL))
        content = base64.b64decode(stored["content"])
        options = {
            "nuts": tuple(stored["nuts"]),
            "publish": stored["publish"],
            "filename": stored["filename"],
        }
        try:
            plan = projects_import_kohesio(
                content=content, user=request.user, expected_fingerprint=stored["fingerprint"], **options
            )
        except KohesioImportOutdated:
            plan = projects_import_kohesio(content=content, dry_run=True, **options)
            stored["fingerprint"] = plan.fingerprint
            request.session[SESSION_KEY] = stored
            messages.error(
                request,
                _(
                    "Projects changed since the preview, so nothing was imported. "
                    "Check the updated preview below and confirm again."
                ),
            )
            return self._kohesio_preview(request, plan, stored, status=409)
        except (KohesioFileError, IntegrityError):
            # IntegrityError: someone saved a project with the same identifier meanwhile.
            request.session.pop(SESSION_KEY, None)
            messages.error(
                request, _("The import could not be completed, so nothing was imported. Try again.")
            )
            return HttpResponseRedirect(reverse(UPLOAD_URL))
        request.session.pop(SESSION_KEY, None)
        counts = plan.counts
        messages.success(
            request,
            _(
                "Imported %(filename)s on %(day)s: %(created)d new, %(updated)d updated, %(kept)d with an "
                "editor's change kept, %(unchanged)d unchanged, %(skipped)d skipped, "
                "%(invalid)d invalid rows left out, %(missing)d no longer in the file."
            )
            % {"filename": stored["filename"], "day": timezone.localdate().isoformat(), **counts},
        )
        return HttpResponseRedirect(reverse("admin:projects_project_changelist"))
