"""Writes and selections around contact lists: what an export includes (consent),
the export log, and applying an import."""

from dataclasses import dataclass
from itertools import islice

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from partners.imports import STATUSES, Fingerprint, iter_row_plans, read_upload
from partners.models import (
    Contact,
    ContactExportLog,
    ContactList,
    ContactPrivacyLog,
    ExportedContact,
    ExportFormat,
    ExportPurpose,
    PrivacyAction,
)
from twente.core import history_reasons
from twente.core.bulk import record_history, update_rows
from twente.core.db import one_at_a_time

# The reasons these services write in the contacts' history (twente.core.history_reasons).
IMPORTED_REASON = history_reasons.register("imported", _("Imported from %(detail)s"))
VERIFIED_REASON = history_reasons.register("verified", _("Retention review: marked as verified"))
MERGED_WITH_REASON = history_reasons.register("merged-with", _("Merged with %(detail)s"))
MERGED_INTO_REASON = history_reasons.register("merged-into", _("Merged into %(detail)s"))


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


def is_mailing(*, purpose: str, export_format: str) -> bool:
    """A list of addresses to mail is a mailing, whatever the purpose field says."""
    return purpose == ExportPurpose.MAILING or export_format == ExportFormat.EMAILS


def contacts_export_select(queryset: QuerySet, *, purpose: str, export_format: str) -> ExportSelection:
    """Apply the purpose's rules to the filtered contacts.

    A mailing (the purpose, or the BCC email list in any purpose) includes only
    contacts who consented and have an email address."""
    if is_mailing(purpose=purpose, export_format=export_format):
        counts = queryset.aggregate(
            without_consent=models.Count("pk", filter=models.Q(mailing_consent=False)),
            without_email=models.Count("pk", filter=models.Q(mailing_consent=True, email="")),
        )
        without_consent, without_email = counts["without_consent"], counts["without_email"]
        contacts = queryset.with_consent().exclude(email="")
    else:
        without_consent = without_email = 0
        contacts = queryset
    return ExportSelection(
        contacts=contacts,
        count=contacts.count(),
        without_consent=without_consent,
        without_email=without_email,
    )


EXPORT_ENTRY_BATCH = 5000


@transaction.atomic
def contact_export_log_create(
    *, user, export_format: str, purpose: str, filters: dict, selection: ExportSelection
) -> ContactExportLog:
    """Record an export before its file is sent: who, the format, the purpose, the
    filters as given, how many contacts went in or were left out, and which."""
    if is_mailing(purpose=purpose, export_format=export_format):
        purpose = ExportPurpose.MAILING
    log = ContactExportLog.objects.create(
        user=user,
        export_format=export_format,
        purpose=purpose,
        filters=filters,
        contact_count=selection.count,
        excluded_count=selection.excluded_count,
    )
    ids = selection.contacts.order_by().values_list("pk", flat=True).iterator(chunk_size=EXPORT_ENTRY_BATCH)
    while batch := list(islice(ids, EXPORT_ENTRY_BATCH)):
        ExportedContact.objects.bulk_create([ExportedContact(log=log, contact_id=pk) for pk in batch])
    return log


class ImportOutdated(Exception):
    """The contacts changed between the preview and the confirmation."""


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int
    invalid: int
    skipped: int = 0


IMPORT_BATCH = 1000


class _ImportWriter:
    """Collects planned rows and writes them a batch at a time: bulk inserts and
    updates, each with its history records (fields and topics) in bulk."""

    def __init__(self, *, user, reason):
        self.user, self.reason = user, reason
        self.now = timezone.now()
        self.planned, self.new, self.changed = [], [], []
        self.through = Contact.topics.through

    def add(self, plan):
        self.planned.append(plan)

    def write(self):
        """Written only once every row is planned: a row planned after a write could
        otherwise see a contact the import itself just created."""
        for start in range(0, len(self.planned), IMPORT_BATCH):
            batch = self.planned[start : start + IMPORT_BATCH]
            self.new = [plan for plan in batch if plan.status == "new"]
            self.changed = [plan for plan in batch if plan.status != "new"]
            self._write_batch()
        self.planned = []

    def _write_batch(self):
        contacts, topics = [], {}
        for plan in self.new:
            contact = Contact(**plan.fields, version=1)
            contacts.append(contact)
        Contact.objects.bulk_create(contacts)
        for contact, plan in zip(contacts, self.new, strict=True):
            if plan.topics is not None:
                topics[contact.pk] = plan.topics
        touched = list(contacts)
        if self.changed:
            # Held until the import commits: an editor's save waits and then finds a new
            # version, and one that came in since the plan was made stops the import.
            stored = Contact.objects.select_for_update().in_bulk([plan.contact_id for plan in self.changed])
            updated, names = [], {"version", "updated_at"}
            for plan in self.changed:
                contact = stored.get(plan.contact_id)
                if contact is None or contact.version != plan.stored_version:
                    raise ImportOutdated
                for name, value in plan.fields.items():
                    setattr(contact, name, value)
                    names.add(name)
                if plan.fields:
                    contact.version += 1
                contact.updated_at = self.now
                if plan.topics is not None:
                    topics[contact.pk] = plan.topics
                updated.append(contact)
            update_rows(updated, sorted(names))
            touched += updated
        if topics:
            self.through.objects.filter(contact_id__in=list(topics)).delete()
            self.through.objects.bulk_create(
                [
                    self.through(contact_id=pk, theme_id=theme)
                    for pk, themes in topics.items()
                    for theme in themes
                ]
            )
        self._record_history(contacts, history_type="+")
        self._record_history(touched[len(contacts) :], history_type="~")

    def _record_history(self, contacts, *, history_type):
        if contacts:
            _record_contact_history(
                [contact.pk for contact in contacts],
                history_type=history_type,
                user=self.user,
                reason=self.reason,
                date=self.now,
            )


def _record_contact_history(pks, *, history_type, user, reason, date):
    """One history record per contact, with its topics as simple-history keeps them, so
    the history page and a revert see a bulk change like any other save (without the
    topics' rows a record reads as "topics removed", and reverting to it clears them)."""
    history_ids = record_history(Contact, pks, history_type=history_type, user=user, reason=reason, date=date)
    topics_history = Contact.history.model.topics.model
    links = Contact.topics.through.objects.filter(contact_id__in=list(history_ids)).values_list(
        "id", "contact_id", "theme_id"
    )
    topics_history.objects.bulk_create(
        [
            topics_history(history_id=history_ids[contact_id], id=pk, contact_id=contact_id, theme_id=theme)
            for pk, contact_id, theme in links
        ]
    )


@transaction.atomic
def contacts_import_apply(
    *, content: bytes, filename: str, user, expected_fingerprint: str, choices=None
) -> ImportResult:
    """Apply exactly the previewed file, with the person's choices, in one transaction.

    The file is read and planned again; if the plan differs from the one the user
    saw (someone edited a contact meanwhile), everything is rolled back and
    ImportOutdated is raised. Each change is recorded in the contact's history with
    the user and the reason IMPORTED_REASON with the file's name (read "Imported from
    <filename>"). Invalid rows are skipped, as the preview said, and so are possible
    duplicates and rows older than the stored contact unless the person chose otherwise."""
    one_at_a_time("contact import")  # a second import plans from the first one's result
    fingerprint = Fingerprint()
    writer = _ImportWriter(user=user, reason=history_reasons.reason(IMPORTED_REASON, filename))
    counts = dict.fromkeys(STATUSES, 0)
    for plan in iter_row_plans(read_upload(content, filename), choices=choices, fingerprint=fingerprint):
        counts[plan.status] += 1
        if plan.status in ("new", "changed"):
            writer.add(plan)
    if fingerprint.hexdigest() != expected_fingerprint:
        raise ImportOutdated  # nothing is written: the transaction is rolled back
    writer.write()
    return ImportResult(
        created=counts["new"],
        updated=counts["changed"],
        unchanged=counts["unchanged"],
        invalid=counts["invalid"],
        skipped=counts["duplicate"] + counts["stale"],
    )


# --- data-protection rights (AVG/GDPR) ----------------------------------------------


def _privacy_log(*, user, action, contacts):
    ContactPrivacyLog.objects.bulk_create(
        [
            ContactPrivacyLog(user=user, action=action, contact=contact, contact_number=contact.pk)
            for contact in contacts
        ]
    )


def _history_text(record, previous):
    """One history record in words: when, who, why, and which fields changed."""
    entry = {
        "date": timezone.localtime(record.history_date).isoformat(timespec="seconds"),
        "change": {"+": "created", "~": "changed", "-": "deleted"}[record.history_type],
        "by": record.history_user.get_username() if record.history_user else "",
        "reason": history_reasons.reason_label(record.history_change_reason),
    }
    if previous is not None:
        delta = record.diff_against(previous, foreign_keys_are_objs=False)
        entry["fields"] = {
            change.field: {"from": _plain(change.old), "to": _plain(change.new)} for change in delta.changes
        }
    return entry


def _plain(value):
    if isinstance(value, list):  # m2m: the through rows as dicts
        return sorted(str(item.get("theme", item)) if isinstance(item, dict) else str(item) for item in value)
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def contact_personal_data(*, contact: Contact, user) -> dict:
    """Everything stored about a person (AVG article 15): the fields, topics, saved
    lists, consent history, change history and every export that included them.
    Logged as an access request."""
    with transaction.atomic():
        _privacy_log(user=user, action=PrivacyAction.ACCESS, contacts=[contact])
    fields = {}
    for model_field in Contact._meta.concrete_fields:
        if model_field.name in ("id",):
            continue
        value = getattr(contact, model_field.attname)
        if model_field.name in ("municipality", "partner"):
            value = str(getattr(contact, model_field.name) or "") or None
        fields[str(model_field.verbose_name)] = _plain(value)
    records = list(contact.history.select_related("history_user").order_by("history_date", "history_id"))
    history, consent = [], []
    previous = None
    for record in records:
        history.append(_history_text(record, previous))
        if previous is None or previous.mailing_consent != record.mailing_consent:
            consent.append(
                {
                    "date": timezone.localtime(record.history_date).date().isoformat(),
                    "consent": record.mailing_consent,
                    "given_on": _plain(record.mailing_consent_date),
                    "withdrawn_on": _plain(record.mailing_consent_withdrawn_on),
                }
            )
        previous = record
    exports = [
        {
            "date": timezone.localtime(entry.log.created_at).isoformat(timespec="seconds"),
            "by": entry.log.user.get_username(),
            "format": entry.log.get_export_format_display(),
            "purpose": entry.log.get_purpose_display(),
        }
        for entry in contact.export_entries.select_related("log__user").order_by("log__created_at")
    ]
    return {
        "contact": fields,
        "topics": sorted(str(theme) for theme in contact.topics.all()),
        "saved_lists": sorted(contact_list.name for contact_list in contact.lists.all()),
        "consent_history": consent,
        "change_history": history,
        "exports": exports,
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
    }


@transaction.atomic
def contacts_erase(*, contacts, user) -> int:
    """Erase contacts (AVG article 17): the contacts, their history (fields and
    topics), their admin log entries and list memberships go; the export log keeps
    only that an erased contact was included; the privacy log keeps the record
    number. Returns how many were erased."""
    contacts = list(contacts)
    if not contacts:
        return 0
    ids = [contact.pk for contact in contacts]
    _privacy_log(user=user, action=PrivacyAction.ERASURE, contacts=contacts)
    # The saved lists that held them change too: a list form opened before is refused
    # as outdated, where it failed on a member that no longer exists.
    _lists_changed(list(ContactList.objects.filter(members__in=ids).values_list("pk", flat=True).distinct()))
    # Topics and list memberships go with the contacts; the export and privacy logs
    # keep their rows, without the contact (on_delete=SET_NULL).
    Contact.objects.filter(pk__in=ids).delete()
    # Then the history, including the "deleted" record the delete just wrote.
    history_model = Contact.history.model
    history_model.topics.model.objects.filter(history__id__in=ids).delete()
    history_model.objects.filter(id__in=ids).delete()
    content_type = ContentType.objects.get_for_model(Contact)
    LogEntry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in ids]).delete()
    return len(ids)


@transaction.atomic
def contacts_mark_verified(*, contacts, user, today=None) -> int:
    """The retention review: these contacts were checked and are still wanted."""
    today = today or timezone.localdate()
    now = timezone.now()
    contacts = list(contacts)
    for contact in contacts:
        contact.last_verified = today
        contact.version += 1
        contact.updated_at = now
    update_rows(contacts, ["last_verified", "version", "updated_at"])
    _record_contact_history(
        [contact.pk for contact in contacts],
        history_type="~",
        user=user,
        reason=VERIFIED_REASON,
        date=now,
    )
    _privacy_log(user=user, action=PrivacyAction.VERIFIED, contacts=contacts)
    return len(contacts)


# --- saved lists and duplicates ---------------------------------------------------


@transaction.atomic
def contact_list_add(*, name: str, contacts: QuerySet, user, description: str = "") -> ContactList:
    """Add contacts to the saved list of that name, creating it if needed."""
    contact_list, _created = ContactList.objects.get_or_create(
        name=name.strip(), defaults={"created_by": user, "description": description}
    )
    contact_list.members.add(*contacts.values_list("pk", flat=True))
    _lists_changed([contact_list.pk])
    return contact_list


def _lists_changed(list_ids):
    """A new version of each list whose members changed outside its form: a form opened
    before is refused on save instead of dropping the new members (optimistic locking)."""
    ContactList.objects.filter(pk__in=list_ids).update(version=F("version") + 1, updated_at=timezone.now())


# The fields whose value the person may choose from either contact when merging; the
# others follow the rules below (topics and lists joined, consent if either gave it,
# the later verification, both notes).
MERGE_CHOOSABLE_FIELDS = (
    "name",
    "kind",
    "organisation",
    "job_title_nl",
    "job_title_en",
    "job_title_de",
    "email",
    "phone",
    "preferred_language",
    "is_public",
)


class MergeOutdated(Exception):
    """One of the two contacts changed after the merge was confirmed on screen."""


def merge_field_value(contact: Contact, name: str):
    """The stored value of a choosable field (the organisation as its two keys)."""
    if name == "organisation":
        return (contact.partner_id, contact.municipality_id)
    return getattr(contact, name)


@transaction.atomic
def contacts_merge(
    *, keep: Contact, duplicate: Contact, user, take_from_duplicate=(), expected_versions=None
) -> Contact:
    """Merge a duplicate into the contact kept: the fields named in
    `take_from_duplicate` (from `MERGE_CHOOSABLE_FIELDS`) get the duplicate's value,
    fields the kept one lacks are taken from the duplicate, topics and saved-list
    memberships are joined, the export log entries move over, the duplicate's history
    is kept (as the history of the duplicate's record, with a last "deleted: merged
    into ..." entry) and the duplicate is deleted.

    With `expected_versions` ({pk: version}) both rows are locked and MergeOutdated
    is raised, with nothing written, when either changed since."""
    if keep.pk == duplicate.pk:
        raise ValueError("A contact cannot be merged with itself.")
    unknown = set(take_from_duplicate) - set(MERGE_CHOOSABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not a field to choose when merging: {', '.join(sorted(unknown))}")
    if expected_versions is not None:
        stored = dict(
            Contact.objects.select_for_update()
            .filter(pk__in=[keep.pk, duplicate.pk])
            .values_list("pk", "version")
        )
        if stored != {pk: int(version) for pk, version in expected_versions.items()}:
            raise MergeOutdated
    for name in take_from_duplicate:
        if name == "organisation":
            keep.partner_id, keep.municipality_id = duplicate.partner_id, duplicate.municipality_id
            keep.partner, keep.municipality = duplicate.partner, duplicate.municipality
        else:
            setattr(keep, name, getattr(duplicate, name))
    for name in ("job_title_nl", "job_title_en", "job_title_de", "phone", "notes", "email"):
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))
    if duplicate.mailing_consent and not keep.mailing_consent:
        keep.mailing_consent = True
        keep.mailing_consent_date = duplicate.mailing_consent_date
    if duplicate.last_verified and (not keep.last_verified or duplicate.last_verified > keep.last_verified):
        keep.last_verified = duplicate.last_verified
    if duplicate.notes and duplicate.notes not in keep.notes:
        keep.notes = f"{keep.notes}\n{duplicate.notes}".strip()
    reason = history_reasons.reason(MERGED_WITH_REASON, f"{duplicate.name} (#{duplicate.pk})")
    keep_lists = list(duplicate.lists.all())
    keep_topics = list(duplicate.topics.all())
    ExportedContact.objects.filter(contact=duplicate).update(contact=keep)
    duplicate._history_user = user
    duplicate._change_reason = history_reasons.reason(MERGED_INTO_REASON, f"{keep.name} (#{keep.pk})")
    email = duplicate.email
    duplicate.delete()
    if keep.email == email and email:
        keep.email = email  # freed by the delete above: the unique constraint allows it now
    keep._history_user = user
    keep._change_reason = reason
    keep.version += 1
    keep.save()
    keep.topics.add(*keep_topics)
    for contact_list in keep_lists:
        contact_list.members.add(keep)
    _lists_changed([contact_list.pk for contact_list in keep_lists])
    return keep
