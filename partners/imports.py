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
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from partners.exports import COLUMNS, NO, TOPIC_SEPARATOR, YES, unneutralise
from partners.models import Contact, ContactKind, Partner, normalise_phone, validate_international_phone
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
    columns: list
    rows: list  # (row number as the user sees it, {column: text})
    warnings: list = field(default_factory=list)


@dataclass
class RowPlan:
    number: int
    status: str  # new, changed, unchanged, invalid
    name: str = ""
    email: str = ""
    errors: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # (label, old, new) for people
    diff: list = field(default_factory=list)  # (field, old, new) for the fingerprint
    contact: Contact | None = None
    topics: list | None = None  # Theme objects to set, None to keep


@dataclass
class ImportPlan:
    rows: list
    warnings: list
    fingerprint: str = ""

    def having(self, status):
        return [row for row in self.rows if row.status == status]

    @property
    def counts(self):
        counts = {"new": 0, "changed": 0, "unchanged": 0, "invalid": 0}
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
        header = [column.lower() for column in table.header]
        rows = []
        for number, record in table.rows:
            padded = list(record) + [""] * (len(header) - len(record))
            rows.append((number, {column: padded[i] for i, column in enumerate(header) if column}))
    except UploadError as error:
        raise ImportFileError(str(error)) from None
    return _check_columns(ParsedFile(columns=header, rows=rows))


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
    if not parsed.rows:
        raise ImportFileError(_("The file has a header row but no contacts."))
    return parsed


# --- planning ---------------------------------------------------------------------


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
    if hasattr(value, "slug"):
        return f"{value} ({value.slug})"
    return str(value)


class _Lookups:
    """Everything a plan needs from the database, loaded in a few queries."""

    def __init__(self, rows):
        self.partners = {p.slug: p for p in Partner.objects.all()}
        self.municipalities = {m.slug: m for m in Municipality.objects.all()}
        self.themes = {t.slug: t for t in Theme.objects.all()}
        emails = sorted({row.get("email", "").strip().lower() for _n, row in rows} - {""})
        self.by_email = {}
        for start in range(0, len(emails), 500):
            for contact in (
                Contact.objects.annotate(email_lower=Lower("email"))
                .filter(email_lower__in=emails[start : start + 500])
                .select_related("partner", "municipality")
                .prefetch_related("topics")
            ):
                self.by_email[contact.email_lower] = contact
        self.without_email = {}
        for contact in (
            Contact.objects.filter(email="")
            .select_related("partner", "municipality")
            .prefetch_related("topics")
        ):
            key = (contact.name.strip().lower(), contact.municipality_id, contact.partner_id)
            self.without_email.setdefault(key, contact)


def build_plan(parsed: ParsedFile) -> ImportPlan:
    """What importing the rows would do, row by row. Reads only."""
    lookups = _Lookups(parsed.rows)
    seen_emails = {}
    plans = []
    for number, raw in parsed.rows:
        values = {column: unneutralise(text) for column, text in raw.items() if column in COLUMNS}
        plan = _plan_row(number, values, lookups, seen_emails)
        plans.append(plan)
    result = ImportPlan(rows=plans, warnings=list(parsed.warnings))
    result.fingerprint = _fingerprint(result)
    return result


def _plan_row(number, values, lookups, seen_emails):
    text = {column: value if column in ("notes",) else value.strip() for column, value in values.items()}
    errors = []
    email = text.get("email", "").lower()
    plan = RowPlan(number=number, status="invalid", name=text.get("name", ""), email=email)

    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(_("“%(email)s” is not a valid email address.") % {"email": email})
        if email in seen_emails:
            errors.append(_("The email also appears on row %(row)d.") % {"row": seen_emails[email]})
        else:
            seen_emails[email] = number

    municipality = partner = None
    organisation_given = bool(text.get("organisation"))
    if organisation_given:
        kind = text.get("organisation_type", "").lower() or "partner"
        slug = text["organisation"]
        if kind == "municipality":
            municipality = lookups.municipalities.get(slug)
        elif kind == "partner":
            partner = lookups.partners.get(slug)
        else:
            errors.append(
                _("Organisation type “%(type)s” is neither “municipality” nor “partner”.")
                % {"type": text.get("organisation_type")}
            )
        if kind in ("municipality", "partner") and not (municipality or partner):
            errors.append(_("Unknown organisation “%(slug)s” (%(type)s).") % {"slug": slug, "type": kind})

    updates = {}
    for column in TEXT_FIELDS:
        if text.get(column, "") != "":
            updates[column] = text[column]
    if text.get("kind"):
        kind = text["kind"].lower()
        if kind in ContactKind.values:
            updates["kind"] = kind
        else:
            errors.append(_("Kind “%(kind)s” is neither “person” nor “mailbox”.") % {"kind": text["kind"]})
    if text.get("phone"):
        try:
            validate_international_phone(text["phone"])
            updates["phone"] = normalise_phone(text["phone"])
        except ValidationError as error:
            errors.append(
                _("Phone “%(phone)s”: %(reason)s")
                % {"phone": text["phone"], "reason": " ".join(error.messages)}
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
                updates[column] = _parse_date(text[column])
            except ValueError:
                errors.append(
                    _("%(column)s: “%(value)s” is not a date (use YYYY-MM-DD).")
                    % {"column": column, "value": text[column]}
                )
    topics = None
    if text.get("topics"):
        slugs = [slug.strip() for slug in text["topics"].replace(",", TOPIC_SEPARATOR).split(TOPIC_SEPARATOR)]
        slugs = [slug for slug in slugs if slug]
        unknown = [slug for slug in slugs if slug not in lookups.themes]
        if unknown:
            errors.append(_("Unknown topic(s): %(topics)s.") % {"topics": ", ".join(unknown)})
        else:
            topics = [lookups.themes[slug] for slug in dict.fromkeys(slugs)]

    # Find the contact the row is about.
    if email:
        existing = lookups.by_email.get(email)
    else:
        key = (text.get("name", "").lower(), getattr(municipality, "pk", None), getattr(partner, "pk", None))
        existing = lookups.without_email.get(key)

    if existing is None:
        if not text.get("name"):
            errors.append(_("A new contact needs a name."))
        if not organisation_given:
            errors.append(_("A new contact needs an organisation (organisation_type and organisation)."))
    if errors:
        plan.errors = errors
        return plan

    contact = existing or Contact(email=email)
    before = {name: getattr(contact, name) for name in COMPARED_FIELDS}
    before_topics = sorted(t.slug for t in contact.topics.all()) if existing else []
    for name, value in updates.items():
        setattr(contact, name, value)
    if organisation_given:
        contact.municipality, contact.partner = municipality, partner
    if email:
        contact.email = email
    if contact.mailing_consent and not contact.mailing_consent_date:
        plan.errors = [_("Consent to mailings needs the date it was given (mailing_consent_date).")]
        _restore(contact, before, existing)
        return plan
    try:
        # The organisation was looked up above; skipping it here saves a query per row.
        contact.full_clean(
            exclude=["topics", "municipality", "partner"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        plan.errors = [
            f"{field_name}: {message}" if field_name != "__all__" else message
            for field_name, messages in error.message_dict.items()
            for message in messages
        ]
        _restore(contact, before, existing)
        return plan
    if existing is None:
        plan.status = "new"
        plan.contact = contact
        plan.topics = topics
        return plan

    for name in COMPARED_FIELDS:
        old, new = before[name], getattr(contact, name)
        if not _same(old, new):
            label = str(Contact._meta.get_field(name).verbose_name)
            plan.changes.append((label, _display(old), _display(new)))
            plan.diff.append((name, repr(old), repr(new)))
    new_topics = sorted(t.slug for t in topics) if topics is not None else before_topics
    if new_topics != before_topics:
        label = str(Contact._meta.get_field("topics").verbose_name)
        plan.changes.append((label, ", ".join(before_topics) or "—", ", ".join(new_topics)))
        plan.diff.append(("topics", before_topics, new_topics))
        plan.topics = topics
    plan.status = "changed" if plan.changes else "unchanged"
    plan.contact = contact
    if plan.status == "unchanged":
        _restore(contact, before, existing)
    return plan


def _restore(contact, before, existing):
    """Undo the in-memory edits on a shared existing contact (another row may use it)."""
    if existing is not None:
        for name, value in before.items():
            setattr(contact, name, value)


def _fingerprint(plan: ImportPlan) -> str:
    """A digest of what the plan would do: if the data changes between preview and
    confirm, the digest does too and the import is refused."""
    summary = [
        (row.number, row.status, getattr(row.contact, "pk", None), row.diff, len(row.errors))
        for row in plan.rows
    ]
    return hashlib.sha256(json.dumps(summary, default=str).encode()).hexdigest()


def content_digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
