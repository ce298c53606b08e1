"""Reading a contact file (CSV or XLSX) and planning what importing it would do.

The file has the export's columns (`partners.exports.COLUMNS`); `name`, `email`,
`organisation_type` and `organisation` are required, the others optional, unknown
columns are ignored with a warning. Rules, chosen so that nothing existing is lost:

- A row is matched to an existing contact by email, case-insensitively; a row without
  an email by name and organisation among the contacts without an email.
- An empty cell keeps what the contact has; a file can add and change, never blank
  a field or delete a contact. A column that is left out is kept too.
- `topics` (theme slugs separated by `;`) replaces the contact's topics when given.
- CSV must be UTF-8 (with or without a byte order mark); comma, semicolon or tab
  separated. Other encodings are refused with a message saying how to save as UTF-8,
  rather than guessed and stored garbled.
- The apostrophe the export puts before formula-like cells is removed again, so an
  export imported again changes nothing.

`build_plan` only reads; `partners.services.contacts_import_apply` writes.
"""

import datetime
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import batched, chain

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from partners.exports import COLUMNS, NO, TOPIC_SEPARATOR, YES, unneutralise
from partners.models import (
    Contact,
    ContactKind,
    Partner,
    display_phone,
    normalise_phone,
    validate_international_phone,
)
from regions.models import Municipality, Theme
from twente.core.uploads import UploadError, UploadLimits, read_table
from twente.core.uploads import too_large_message as uploads_too_large_message

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
# The export's 17 columns, with room for a few of a person's own; a note may be long.
UPLOAD_LIMITS = UploadLimits(
    max_bytes=MAX_UPLOAD_BYTES, max_rows=MAX_ROWS, max_columns=60, max_cell_chars=10_000
)
REQUIRED_COLUMNS = ("name", "email", "organisation_type", "organisation")
INFORMATIONAL_COLUMNS = ("organisation_name",)
TEXT_FIELDS = ("name", "job_title_nl", "job_title_en", "job_title_de", "notes")
BOOLEAN_FIELDS = ("is_public", "mailing_consent")
DATE_FIELDS = ("mailing_consent_date", "last_verified")
TRUE_WORDS = {YES, "true", "1", "y", "ja", "j", "x", "waar", "wahr"}
FALSE_WORDS = {NO, "false", "0", "n", "nee", "nein", "onwaar", "falsch"}
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}

# Fields compared and shown in the preview, in this order.
COMPARED_FIELDS = (
    "name",
    "kind",
    "job_title_nl",
    "job_title_en",
    "job_title_de",
    "municipality",
    "partner",
    "email",
    "phone",
    "preferred_language",
    "is_public",
    "mailing_consent",
    "mailing_consent_date",
    "last_verified",
    "notes",
)


class ImportFileError(Exception):
    """The file cannot be read at all; the message says why, for the user."""


def too_large_message():
    return uploads_too_large_message(UPLOAD_LIMITS)


@dataclass
class ParsedFile:
    """An uploaded file's header and its rows, read as they are planned: `rows` yields
    `(row number as the user sees it, (text, ...) of the known columns)` once, so a
    20,000-row file is never held in memory as cells."""

    columns: list  # the header as given
    rows: Iterator
    known: tuple = ()  # the known columns, in the order of each row's texts
    warnings: list = field(default_factory=list)

    formula_guard: bool = True  # CSV cells may carry the export's apostrophe


NEW, CHANGED, UNCHANGED, INVALID = "new", "changed", "unchanged", "invalid"
DUPLICATE, STALE = "duplicate", "stale"
STATUSES = (NEW, CHANGED, UNCHANGED, INVALID, DUPLICATE, STALE)
# What the person may choose for a row that is not applied as it stands.
DUPLICATE_CHOICES = ("skip", "update", "create")
STALE_CHOICES = ("skip", "apply")


@dataclass(slots=True)
class RowPlan:
    """What one row would do. `detected` is what the file and the database say;
    `status` is that after the person's choice (a possible duplicate chosen to
    update the match becomes "changed")."""

    number: int
    status: str
    detected: str = ""
    name: str = ""
    email: str = ""
    errors: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # (label, old, new) for people
    contact_id: int | None = None
    match: str = ""  # a possible duplicate: the stored contact it resembles
    file_version: int | None = None
    stored_version: int | None = None
    organisation: str = ""
    fields: dict | None = None  # the values to write (only while applying)
    topics: list | None = None  # theme ids to set, None to keep (only while applying)


@dataclass
class ImportPlan:
    rows: list
    warnings: list
    fingerprint: str = ""

    def having(self, status):
        return [row for row in self.rows if row.status == status]

    @property
    def counts(self):
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts


# --- reading the file ----------------------------------------------------------------


def read_upload(content: bytes, filename: str) -> ParsedFile:
    """The rows of an uploaded CSV or XLSX file, or ImportFileError.

    The file is read by `twente.core.uploads`, which refuses it past a limit (size,
    unpacked size, rows, columns, cell length, nesting) before and while parsing."""
    try:
        table = read_table(content, filename, UPLOAD_LIMITS)
        records = iter(table.rows)
        first = next(records, None)
    except UploadError as error:
        raise ImportFileError(str(error)) from None
    header = [column.lower() for column in table.header]
    # Only the known columns' texts, as a tuple per row. A column named twice keeps its
    # last cell, as a dict would.
    positions = {column: i for i, column in enumerate(header) if column in COLUMNS}
    rows = _known_texts(chain([first], records), tuple(positions.values())) if first else iter(())
    # Typed string cells of a spreadsheet are never formulas: only CSV carries the guard.
    parsed = ParsedFile(columns=header, rows=rows, known=tuple(positions), formula_guard=table.kind == "csv")
    _check_columns(parsed)
    if first is None:
        raise ImportFileError(_("The file has a header row but no contacts."))
    return parsed


def _known_texts(records, positions):
    """Each record's texts at `positions` (empty past its end); the upload limits are
    still checked as the records are read."""
    try:
        for number, record in records:
            width = len(record)
            yield number, tuple(record[i] if i < width else "" for i in positions)
    except UploadError as error:
        raise ImportFileError(str(error)) from None


def _check_columns(parsed: ParsedFile) -> ParsedFile:
    missing = [column for column in REQUIRED_COLUMNS if column not in parsed.columns]
    if missing:
        raise ImportFileError(
            _(
                "The file lacks the required column(s) %(missing)s. "
                "The first row must name the columns: %(all)s."
            )
            % {"missing": ", ".join(missing), "all": ", ".join(COLUMNS)}
        )
    unknown = [column for column in parsed.columns if column and column not in COLUMNS]
    if unknown:
        parsed.warnings.append(
            _("These columns are not known and were ignored: %(columns)s.") % {"columns": ", ".join(unknown)}
        )
    return parsed


# --- planning ---------------------------------------------------------------------

# Rows are planned in chunks: the stored contacts a chunk needs are read for that
# chunk only, as plain values, so memory does not grow with the number of contacts.
PLAN_CHUNK = 1000
STORED_FIELDS = (
    "pk",
    "version",
    "name",
    "kind",
    "job_title_nl",
    "job_title_en",
    "job_title_de",
    "municipality_id",
    "partner_id",
    "email",
    "phone",
    "preferred_language",
    "is_public",
    "mailing_consent",
    "mailing_consent_date",
    "mailing_consent_withdrawn_on",
    "last_verified",
    "notes",
)
# Fields compared and shown in the preview, in this order.
COMPARED_FIELDS = STORED_FIELDS[2:]
LABELS = {
    "municipality_id": "municipality",
    "partner_id": "partner",
}
NEW_CONTACT_DEFAULTS = {
    "name": "",
    "kind": ContactKind.PERSON,
    "job_title_nl": "",
    "job_title_en": "",
    "job_title_de": "",
    "municipality_id": None,
    "partner_id": None,
    "email": "",
    "phone": "",
    "preferred_language": "nl",
    "is_public": False,
    "mailing_consent": False,
    "mailing_consent_date": None,
    "mailing_consent_withdrawn_on": None,
    "last_verified": None,
    "notes": "",
}
MAX_LENGTHS = {
    name: Contact._meta.get_field(name).max_length
    for name in ("name", "job_title_nl", "job_title_en", "job_title_de", "email")
}


def _parse_bool(text):
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError


def _parse_date(text):
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError


def _same(old, new):
    """Equal, ignoring the newline style of multi-line text (Excel keeps only LF)."""
    if isinstance(old, str) and isinstance(new, str):
        return old.replace("\r\n", "\n") == new.replace("\r\n", "\n")
    return old == new


def _display(value):
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _name_key(name, municipality_id, partner_id):
    return (" ".join(name.split()).lower(), municipality_id, partner_id)


class _Lookups:
    """Organisations and themes (few), loaded once for the whole file."""

    def __init__(self):
        self.partners = {p.slug: p for p in Partner.objects.only("pk", "slug", "name")}
        self.municipalities = {m.slug: m for m in Municipality.objects.only("pk", "slug", "name")}
        self.partner_names = {p.pk: f"{p} ({p.slug})" for p in self.partners.values()}
        self.municipality_names = {m.pk: f"{m} ({m.slug})" for m in self.municipalities.values()}
        self.themes = {t.slug: t.pk for t in Theme.objects.only("pk", "slug")}

    def organisation(self, values):
        if values.get("municipality_id"):
            return self.municipality_names.get(values["municipality_id"], "")
        return self.partner_names.get(values.get("partner_id"), "")

    def shown(self, name, value):
        if name == "municipality_id":
            return self.municipality_names.get(value, "—") if value else "—"
        if name == "partner_id":
            return self.partner_names.get(value, "—") if value else "—"
        if name == "phone":
            return display_phone(value) or "—"
        return _display(value)


class _StoredContacts:
    """The stored contacts one chunk of rows refers to, as plain values: by email,
    and by name and organisation (to find possible duplicates)."""

    def __init__(self, rows):
        emails = {row.get("email", "").strip().lower() for _number, row in rows} - {""}
        names = {" ".join(row.get("name", "").split()).lower() for _number, row in rows} - {""}
        self.by_email = {}
        self.by_name = {}
        found = {}
        if emails:
            for values in (
                Contact.objects.annotate(email_lower=Lower("email"))
                .filter(email_lower__in=emails)
                .values(*STORED_FIELDS)
            ):
                found[values["pk"]] = values
                self.by_email[values["email"].lower()] = values
        if names:
            for values in (
                Contact.objects.annotate(name_lower=Lower("name"))
                .filter(name_lower__in=names)
                .values(*STORED_FIELDS)
            ):
                values = found.setdefault(values["pk"], values)
                key = _name_key(values["name"], values["municipality_id"], values["partner_id"])
                self.by_name.setdefault(key, []).append(values)
        topics = {pk: [] for pk in found}
        links = Contact.topics.through.objects.filter(contact_id__in=list(found)).values_list(
            "contact_id", "theme__slug"
        )
        for contact_id, slug in links:
            topics[contact_id].append(slug)
        for pk, values in found.items():
            values["topics"] = sorted(topics[pk])


class Fingerprint:
    """A digest of what a plan would do, fed row by row: if the data changes between
    preview and confirmation, the digest does too and the import is refused."""

    def __init__(self):
        self._hash = hashlib.sha256()

    def add(self, row: RowPlan, diff):
        if row.detected == DUPLICATE:  # the same whatever the person chose for it
            summary = [row.number, row.detected, row.match]
        else:
            summary = [row.number, row.detected, row.contact_id, row.stored_version, diff, len(row.errors)]
        self._hash.update(json.dumps(summary, default=str).encode())
        self._hash.update(b"\n")

    def hexdigest(self):
        return self._hash.hexdigest()


def iter_row_plans(parsed: ParsedFile, *, choices=None, fingerprint=None, today=None):
    """Plan every row, in file order, with the values to write. Reads only.

    `choices` maps a row number to what the person chose for a possible duplicate
    ("update", "create" or "skip") or for a row older than the stored contact
    ("apply" or "skip"); without a choice such a row is not applied."""
    lookups = _Lookups()
    choices = choices or {}
    today = today or timezone.localdate()
    seen_emails = {}
    known = parsed.known
    clean = unneutralise if parsed.formula_guard else str
    for batch in batched(parsed.rows, PLAN_CHUNK):
        chunk = [(number, dict(zip(known, map(clean, texts), strict=True))) for number, texts in batch]
        stored = _StoredContacts(chunk)
        for number, values in chunk:
            plan, diff = _plan_row(number, values, lookups, stored, seen_emails, choices.get(number), today)
            if fingerprint is not None:
                fingerprint.add(plan, diff)
            yield plan


def build_plan(parsed: ParsedFile, *, choices=None) -> ImportPlan:
    """What importing the rows would do, row by row, for the preview. Reads only;
    keeps what the preview shows, not the values to write."""
    fingerprint = Fingerprint()
    plans = []
    for plan in iter_row_plans(parsed, choices=choices, fingerprint=fingerprint):
        plan.fields = plan.topics = None
        plans.append(plan)
    return ImportPlan(rows=plans, warnings=list(parsed.warnings), fingerprint=fingerprint.hexdigest())


def _row_updates(text, lookups, errors, today):
    """The values a row gives (empty cells give none), and its organisation."""
    updates = {}
    organisation = None
    if text.get("organisation"):
        kind = text.get("organisation_type", "").lower() or "partner"
        slug = text["organisation"]
        if kind == "municipality":
            found = lookups.municipalities.get(slug)
            organisation = {"municipality_id": found.pk, "partner_id": None} if found else None
        elif kind == "partner":
            found = lookups.partners.get(slug)
            organisation = {"municipality_id": None, "partner_id": found.pk} if found else None
        else:
            found = True
            errors.append(
                _("Organisation type “%(type)s” is neither “municipality” nor “partner”.")
                % {"type": text.get("organisation_type")}
            )
        if not found:
            errors.append(_("Unknown organisation “%(slug)s” (%(type)s).") % {"slug": slug, "type": kind})
    for column in TEXT_FIELDS:
        if text.get(column, "") != "":
            updates[column] = text[column]
            limit = MAX_LENGTHS.get(column)
            if limit and len(text[column]) > limit:
                errors.append(
                    _("%(column)s: at most %(limit)d characters.") % {"column": column, "limit": limit}
                )
    if text.get("kind"):
        kind = text["kind"].lower()
        if kind in ContactKind.values:
            updates["kind"] = kind
        else:
            errors.append(_("Kind “%(kind)s” is neither “person” nor “mailbox”.") % {"kind": text["kind"]})
    # An older Excel export put the CSV guard before phone numbers too.
    phone = text.get("phone", "").lstrip("'")
    if phone:
        try:
            validate_international_phone(phone)
            updates["phone"] = normalise_phone(phone)
        except ValidationError as error:
            errors.append(
                _("Phone “%(phone)s”: %(reason)s") % {"phone": phone, "reason": " ".join(error.messages)}
            )
    if text.get("preferred_language"):
        language = text["preferred_language"].lower()
        if language in LANGUAGE_CODES:
            updates["preferred_language"] = language
        else:
            errors.append(
                _("Preferred language “%(language)s” is not one of nl, en, de.")
                % {"language": text["preferred_language"]}
            )
    for column in BOOLEAN_FIELDS:
        if text.get(column):
            try:
                updates[column] = _parse_bool(text[column])
            except ValueError:
                errors.append(
                    _("%(column)s: “%(value)s” is not yes or no.") % {"column": column, "value": text[column]}
                )
    for column in DATE_FIELDS:
        if text.get(column):
            try:
                date = _parse_date(text[column])
            except ValueError:
                errors.append(
                    _("%(column)s: “%(value)s” is not a date (use YYYY-MM-DD).")
                    % {"column": column, "value": text[column]}
                )
                continue
            if date > today:
                message = _("%(column)s: %(date)s lies in the future.")
                errors.append(message % {"column": column, "date": date.isoformat()})
            else:
                updates[column] = date
    return updates, organisation


def _row_topics(text, lookups, errors):
    if not text.get("topics"):
        return None
    slugs = [slug.strip() for slug in text["topics"].replace(",", TOPIC_SEPARATOR).split(TOPIC_SEPARATOR)]
    slugs = list(dict.fromkeys(slug for slug in slugs if slug))
    unknown = [slug for slug in slugs if slug not in lookups.themes]
    if unknown:
        errors.append(_("Unknown topic(s): %(topics)s.") % {"topics": ", ".join(unknown)})
        return None
    return sorted(slugs)


def _plan_row(number, values, lookups, stored, seen_emails, choice, today):
    text = {column: value if column == "notes" else value.strip() for column, value in values.items()}
    errors = []
    email = text.get("email", "").lower()
    plan = RowPlan(number=number, status=INVALID, name=text.get("name", ""), email=email)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(_("“%(email)s” is not a valid email address.") % {"email": email})
        if email in seen_emails:
            errors.append(_("The email also appears on row %(row)d.") % {"row": seen_emails[email]})
        else:
            seen_emails[email] = number
    if text.get("version"):
        try:
            plan.file_version = int(text["version"])
        except ValueError:
            errors.append(_("version: “%(value)s” is not a whole number.") % {"value": text["version"]})
    updates, organisation = _row_updates(text, lookups, errors, today)
    topics = _row_topics(text, lookups, errors)

    # The stored contact the row is about: by email; without one by name and organisation.
    existing = stored.by_email.get(email) if email else None
    similar = []
    if existing is None and organisation and text.get("name"):
        similar = stored.by_name.get(_name_key(text["name"], **organisation), [])
        if not email:
            existing = next((values for values in similar if not values["email"]), None)
    if existing is None and similar:
        match = similar[0]
        plan.match = f"{match['name']} <{match['email'] or '—'}> (#{match['pk']})"
        plan.detected = DUPLICATE
        if choice == "update":
            existing = match
        elif choice != "create":
            plan.status = DUPLICATE
            plan.contact_id = match["pk"]
    if existing is None:
        if not text.get("name"):
            errors.append(_("A new contact needs a name."))
        if not text.get("organisation"):
            errors.append(_("A new contact needs an organisation (organisation_type and organisation)."))
    if errors:
        plan.errors = errors
        plan.status = INVALID
        plan.detected = INVALID
        return plan, []
    if plan.status == DUPLICATE:
        return plan, []

    before = existing or {**NEW_CONTACT_DEFAULTS, "topics": []}
    after = {name: before[name] for name in COMPARED_FIELDS}
    after.update(updates)
    if organisation:
        after.update(organisation)
    if email:
        after["email"] = email
    if (
        before["mailing_consent"]
        and not after["mailing_consent"]
        and not after["mailing_consent_withdrawn_on"]
    ):
        after["mailing_consent_withdrawn_on"] = today  # a withdrawal is recorded with its date
    if after["mailing_consent"] and not after["mailing_consent_date"]:
        plan.errors = [_("Consent to mailings needs the date it was given (mailing_consent_date).")]
        plan.detected = INVALID
        return plan, []
    plan.organisation = lookups.organisation(after)
    plan.topics = [lookups.themes[slug] for slug in topics] if topics is not None else None
    if existing is None:
        plan.status = NEW
        plan.detected = plan.detected or NEW
        plan.fields = after
        return plan, sorted((name, repr(value)) for name, value in after.items())

    plan.contact_id = existing["pk"]
    plan.stored_version = existing["version"]
    diff = []
    for name in COMPARED_FIELDS:
        old, new = before[name], after[name]
        if not _same(old, new):
            label = str(Contact._meta.get_field(LABELS.get(name, name)).verbose_name)
            plan.changes.append((label, lookups.shown(name, old), lookups.shown(name, new)))
            diff.append((name, repr(old), repr(new)))
    if topics is not None and topics != before["topics"]:
        label = str(Contact._meta.get_field("topics").verbose_name)
        plan.changes.append((label, ", ".join(before["topics"]) or "—", ", ".join(topics)))
        diff.append(("topics", before["topics"], topics))
    else:
        plan.topics = None
    if not plan.changes:
        plan.status = UNCHANGED
        plan.detected = plan.detected or UNCHANGED
        return plan, diff
    plan.fields = {change[0]: after[change[0]] for change in diff if change[0] != "topics"}
    if plan.detected == DUPLICATE:
        plan.status = CHANGED
    elif plan.file_version is not None and plan.file_version < existing["version"]:
        # Exported before the stored contact last changed: applying it would revert that.
        plan.detected = STALE
        plan.status = CHANGED if choice == "apply" else STALE
    else:
        plan.detected = plan.status = CHANGED
    return plan, diff


def content_digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
