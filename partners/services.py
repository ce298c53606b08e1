"""Writes and selections around contact lists: what an export includes (consent),
the export log, and applying an import."""

from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from partners.imports import build_plan, read_upload
from partners.models import ContactExportLog


class ExportPurpose(models.TextChoices):
    CONTACT_LIST = "list", _("Contact list (internal use: a delegation, a conference)")
    MAILING = "mailing", _("Mailing (only contacts who consented to mailings)")


@dataclass
class ExportSelection:
    """The contacts an export will contain, and those it leaves out and why."""

    contacts: QuerySet
    count: int
    without_consent: int = 0
    without_email: int = 0

    @property
    def excluded_count(self):
        return self.without_consent + self.without_email

    def excluded_reasons(self):
        reasons = []
        if self.without_consent:
            reasons.append(
                ngettext(
                    "%(count)d without consent to mailings",
                    "%(count)d without consent to mailings",
                    self.without_consent,
                )
                % {"count": self.without_consent}
            )
        if self.without_email:
            reasons.append(
                ngettext("%(count)d without an email", "%(count)d without an email", self.without_email)
                % {"count": self.without_email}
            )
        return reasons


def contacts_export_select(queryset: QuerySet, *, purpose: str, export_format: str) -> ExportSelection:
    """Apply the purpose's rules to the filtered contacts.

    A mailing includes only contacts who consented and have an email address; an
    email list can only include contacts with an email address."""
    if purpose == ExportPurpose.MAILING:
        without_consent = queryset.filter(mailing_consent=False).count()
        without_email = queryset.filter(mailing_consent=True, email="").count()
        contacts = queryset.filter(mailing_consent=True).exclude(email="")
    elif export_format == "emails":
        without_consent = 0
        without_email = queryset.filter(email="").count()
        contacts = queryset.exclude(email="")
    else:
        without_consent = without_email = 0
        contacts = queryset
    return ExportSelection(
        contacts=contacts,
        count=contacts.count(),
        without_consent=without_consent,
        without_email=without_email,
    )


def contact_export_log_create(
    *, user, export_format: str, purpose: str, filters: dict, selection: ExportSelection
) -> ContactExportLog:
    """Record an export before its file is sent: who, the format, the filters as
    given, the purpose and how many contacts went in or were left out."""
    return ContactExportLog.objects.create(
        user=user,
        export_format=export_format,
        filters={**filters, "purpose": purpose},
        contact_count=selection.count,
        excluded_count=selection.excluded_count,
    )


class ImportOutdated(Exception):
    """The contacts changed between the preview and the confirmation."""


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int
    invalid: int


@transaction.atomic
def contacts_import_apply(*, content: bytes, filename: str, user, expected_fingerprint: str) -> ImportResult:
    """Apply exactly the previewed file in one transaction.

    The file is read and planned again; if the plan differs from the one the user
    saw (someone edited a contact meanwhile), nothing is written and ImportOutdated
    is raised. Each change is recorded in the contact's history with the user and
    the reason "import <filename>". Invalid rows are skipped, as the preview said."""
    plan = build_plan(read_upload(content, filename))
    if plan.fingerprint != expected_fingerprint:
        raise ImportOutdated
    reason = f"import {filename}"[:100]
    for row in plan.rows:
        if row.status not in ("new", "changed"):
            continue
        contact = row.contact
        contact._history_user = user
        contact._change_reason = reason
        field_changes = [name for name, _old, _new in row.diff if name != "topics"]
        if row.status == "new":
            contact.save()
        elif field_changes:
            contact.version += 1
            contact.save()
        if row.topics is not None:
            contact.topics.set(row.topics)
    counts = plan.counts
    return ImportResult(
        created=counts["new"],
        updated=counts["changed"],
        unchanged=counts["unchanged"],
        invalid=counts["invalid"],
    )
