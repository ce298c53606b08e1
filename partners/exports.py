"""Contact list formats: CSV, Excel, vCard 4.0 and a BCC email list.

Pure functions and generators over a queryset; the views wrap them in streaming
responses. Every format reads the contacts with `iterator(chunk_size=...)` (Django
runs the prefetches per chunk), so an export of 20,000 contacts never holds the
whole list or the whole file in memory (XLSX is built in a temporary file).

CSV and Excel share one documented column set (`COLUMNS`) that `partners.imports`
reads back losslessly:

- CSV is UTF-8 with a byte order mark and comma-separated (RFC 4180). The BOM makes
  Excel read ü, ö and ß correctly. Excel with Dutch or German regional settings
  splits a double-clicked CSV on `;`, not `,`; there, Data > From Text/CSV reads it
  correctly, and the Excel format opens everywhere without a choice to make. A
  `sep=,` first line would fix the double-click but is not CSV: every other reader
  (and the import) would take it for the header, so there is none. The import reads
  comma-, semicolon- and tab-separated files, so a file saved by Dutch Excel works.
- In CSV, a cell that begins with `=`, `+`, `-`, `@`, a tab, a carriage return or a
  line feed (after any leading apostrophes) gets one leading apostrophe, as OWASP's
  CSV-injection guidance says: a spreadsheet evaluates such a cell. That includes
  phone numbers (`'+31 53 481 8181`), which it also keeps from becoming numbers
  without their `+`. The import strips exactly that one apostrophe again
  (`unneutralise`). Excel cells are typed strings, never formulas, so they carry no
  guard.
- Phones are stored in E.164 and written in international form with spaces
  (`+31 53 481 8181`); the import normalises them back, so the round trip holds.
- `version` is the contact's version when exported: the import sees that a file is
  older than the stored contact.
- Booleans are `yes`/`no`, dates ISO 8601 (`2025-03-31`), topics are theme slugs
  separated by `;`, the organisation is its type (`municipality`/`partner`) and slug;
  `organisation_name` is for people reading the file and is ignored on import.
"""

import csv
import datetime
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import xlsxwriter
from django.db.models import QuerySet
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from partners.models import display_phone, phone_uri
from twente.core.opendata import FORMULA_PREFIXES, Echo

CHUNK_SIZE = 1000

# The first date whose serial number every spreadsheet reads alike. An earlier date
# before 1900 has none (Excel shows ####, other readers an error or a time of day), and
# Excel counts a 29 February 1900 that never was, so LibreOffice reads the serials of
# January and February 1900 as the day before.
FIRST_SERIAL_DATE = datetime.date(1900, 3, 1)

COLUMNS = [
    "name",
    "kind",
    "job_title_nl",
    "job_title_en",
    "job_title_de",
    "organisation_type",
    "organisation",
    "organisation_name",
    "email",
    "phone",
    "preferred_language",
    "topics",
    "is_public",
    "mailing_consent",
    "mailing_consent_date",
    "last_verified",
    "notes",
    "version",
]

# Readable column widths in Excel (characters).
COLUMN_WIDTHS = {
    "name": 28,
    "kind": 10,
    "job_title_nl": 26,
    "job_title_en": 26,
    "job_title_de": 26,
    "organisation_type": 14,
    "organisation": 24,
    "organisation_name": 30,
    "email": 32,
    "phone": 18,
    "preferred_language": 10,
    "topics": 24,
    "is_public": 9,
    "mailing_consent": 10,
    "mailing_consent_date": 13,
    "last_verified": 13,
    "notes": 40,
    "version": 8,
}

TOPIC_SEPARATOR = ";"
YES, NO = "yes", "no"

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "vcard": ("text/vcard; charset=utf-8", "vcf"),
    "emails": ("text/plain; charset=utf-8", "txt"),
}


# The first characters of a cell that may need a guard: checking one character first
# spares the strip and the prefix test for nearly every cell of a large export.
GUARD_CANDIDATES = frozenset(prefix[0] for prefix in FORMULA_PREFIXES) | {"'"}


def neutralise(value: str) -> str:
    """A cell value that no spreadsheet will evaluate as a formula."""
    if value[:1] in GUARD_CANDIDATES and value.lstrip("'").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The inverse of `neutralise`: drops exactly the apostrophe it added."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


ROW_FIELDS = (
    "pk",
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
    "last_verified",
    "notes",
    "version",
)


@dataclass(slots=True)
class ContactRow:
    """One contact as the exports need it: plain values, no model instance.

    Model instances with prefetched topics form reference cycles that only the
    garbage collector frees, so memory climbed in steps during a large export;
    plain rows are freed as soon as they are written."""

    pk: int
    name: str
    kind: str
    job_title_nl: str
    job_title_en: str
    job_title_de: str
    municipality_id: int | None
    partner_id: int | None
    email: str
    phone: str
    preferred_language: str
    is_public: bool
    mailing_consent: bool
    mailing_consent_date: object
    last_verified: object
    notes: str
    version: int
    organisation_type: str = ""
    organisation_slug: str = ""
    organisation_name: str = ""
    topics: list = field(default_factory=list)  # (slug, name), by slug


def iter_contacts(queryset: QuerySet) -> Iterator[ContactRow]:
    """The contacts as rows, in a stable order, read `CHUNK_SIZE` at a time: one query
    for the rows (a server-side cursor on PostgreSQL), one for the topics of each
    chunk, and one each for the (few) organisations and themes."""
    from partners.models import Contact, Partner
    from regions.models import Municipality, Theme

    municipalities = {m.pk: (m.slug, m.name) for m in Municipality.objects.only("pk", "slug", "name")}
    partners = {p.pk: (p.slug, p.name) for p in Partner.objects.only("pk", "slug", "name")}
    themes = {t.pk: (t.slug, t.name) for t in Theme.objects.all()}
    values = queryset.order_by("name", "pk").values_list(*ROW_FIELDS)
    rows = values.iterator(chunk_size=CHUNK_SIZE)
    while chunk := [ContactRow(*row) for row in islice(rows, CHUNK_SIZE)]:
        topics = defaultdict(list)
        links = Contact.topics.through.objects.filter(contact_id__in=[row.pk for row in chunk])
        for contact_id, theme_id in links.values_list("contact_id", "theme_id"):
            topics[contact_id].append(themes[theme_id])
        for row in chunk:
            row.job_title_nl = row.job_title_nl or ""
            row.job_title_en = row.job_title_en or ""
            row.job_title_de = row.job_title_de or ""
            if row.municipality_id:
                row.organisation_type = "municipality"
                row.organisation_slug, row.organisation_name = municipalities[row.municipality_id]
            else:
                row.organisation_type = "partner"
                row.organisation_slug, row.organisation_name = partners.get(row.partner_id, ("", ""))
            row.topics = sorted(topics.get(row.pk, []))
            yield row


def contact_values(contact: ContactRow) -> dict:
    """One contact as the export's columns, with Python values (bool, date, str)."""
    return {
        "name": contact.name,
        "kind": contact.kind,
        "job_title_nl": contact.job_title_nl,
        "job_title_en": contact.job_title_en,
        "job_title_de": contact.job_title_de,
        "organisation_type": contact.organisation_type,
        "organisation": contact.organisation_slug,
        "organisation_name": contact.organisation_name,
        "email": contact.email,
        "phone": display_phone(contact.phone),
        "preferred_language": contact.preferred_language,
        "topics": TOPIC_SEPARATOR.join(slug for slug, _name in contact.topics),
        "is_public": contact.is_public,
        "mailing_consent": contact.mailing_consent,
        "mailing_consent_date": contact.mailing_consent_date,
        "last_verified": contact.last_verified,
        "notes": contact.notes,
        "version": contact.version,
    }


def as_text(value) -> str:
    """A cell value as text: booleans yes/no, dates ISO, nothing as empty."""
    if type(value) is str:  # most cells: answered before the other checks
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# --- CSV ---------------------------------------------------------------------------


def csv_rows(contacts: Iterable) -> Iterator[str]:
    writer = csv.writer(Echo(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(COLUMNS)
    for contact in contacts:
        values = contact_values(contact)
        yield writer.writerow([neutralise(as_text(values[column])) for column in COLUMNS])


def csv_stream(queryset: QuerySet) -> Iterator[bytes]:
    for line in csv_rows(iter_contacts(queryset)):
        yield line.encode("utf-8")


# --- Excel -------------------------------------------------------------------------


def xlsx_file(queryset: QuerySet, *, title: str = "Contacts"):
    """An .xlsx file (an open temporary file, positioned at its start) with a frozen
    header row, an auto-filter over the data and readable column widths.

    XlsxWriter in constant-memory mode writes each row out as the next one begins, so
    memory stays flat; it is about twice as fast as openpyxl's write-only mode."""
    # Returned open for FileResponse, which closes (and so deletes) it.
    output = tempfile.TemporaryFile()  # noqa: SIM115
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "default_date_format": "yyyy-mm-dd"})
    sheet = workbook.add_worksheet(title[:31])
    for index, column in enumerate(COLUMNS):
        sheet.set_column(index, index, COLUMN_WIDTHS[column])
    sheet.freeze_panes(1, 0)
    bold = workbook.add_format({"bold": True})
    for index, column in enumerate(COLUMNS):
        sheet.write_string(0, index, column, bold)
    row = 0
    for row, contact in enumerate(iter_contacts(queryset), start=1):
        values = contact_values(contact)
        for index, column in enumerate(COLUMNS):
            value = values[column]
            if value is None:
                continue
            # Real dates and numbers, so Excel can sort and filter them; a date without
            # a serial number all spreadsheets agree on is written as text.
            if hasattr(value, "isoformat"):
                if value < FIRST_SERIAL_DATE:
                    write_text(sheet, row, index, value.isoformat())
                else:
                    sheet.write_datetime(row, index, value)
            elif type(value) is int:
                sheet.write_number(row, index, value)
            else:
                write_text(sheet, row, index, as_text(value))
    sheet.autofilter(0, 0, row, len(COLUMNS) - 1)
    workbook.close()
    output.seek(0)
    return output


def write_text(sheet, row: int, column: int, text: str) -> None:
    """A typed string cell: never a formula, so it needs no guard apostrophe (a phone
    number shows as +31 53 481 8181). Control characters XML cannot hold (a vertical
    tab pasted from Word) are dropped from the cell. Line breaks are written as line
    feeds, which is what a reader got from openpyxl's files too (XML turns a raw
    carriage return into one); XlsxWriter would write _x000D_."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("<r>") and text.endswith("</r>"):
        # XlsxWriter's constant-memory mode would copy this text into the sheet as
        # unescaped rich-text XML; as plain runs (it wants at least three) it is escaped.
        sheet.write_rich_string(row, column, text[:1], text[1:2], text[2:])
    else:
        sheet.write_string(row, column, text)


# --- vCard 4.0 (RFC 6350) -----------------------------------------------------------


def vcard_escape(value: str) -> str:
    """A text value escaped as RFC 6350 section 3.4 requires."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def vcard_fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 6350 section 3.2), never inside a
    UTF-8 character; the continuation lines start with one space."""
    if len(line) <= 75 and (line.isascii() or len(line.encode("utf-8")) <= 75):
        return line + "\r\n"
    parts, current, limit = [], b"", 75
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > limit:
            parts.append(current)
            current, limit = b"", 74  # the leading space counts
        current += piece
    parts.append(current)
    return "\r\n ".join(part.decode("utf-8") for part in parts) + "\r\n"


def split_name(name: str) -> tuple[str, str]:
    """(family, given) for the N property: the first word is taken as the given name,
    the rest (with tussenvoegsels such as "van der") as the family name."""
    words = name.split()
    if len(words) < 2:
        return name, ""
    return " ".join(words[1:]), words[0]


def job_title_in(contact, language: str) -> str:
    """The job title in the contact's own language, else any language that has one."""
    for code in (language, "en", "nl", "de"):
        title = getattr(contact, f"job_title_{code}", "") or ""
        if title:
            return title
    return ""


def vcard(contact: ContactRow) -> str:
    """One vCard 4.0. Internal notes are never written to it."""
    lines = ["BEGIN:VCARD", "VERSION:4.0"]
    if contact.kind == "mailbox":
        lines.append("KIND:org")
        lines.append("N:;;;;")
    else:
        lines.append("KIND:individual")
        family, given = split_name(contact.name)
        lines.append(f"N:{vcard_escape(family)};{vcard_escape(given)};;;")
    lines.append(f"FN:{vcard_escape(contact.name)}")
    if contact.organisation_name:
        lines.append(f"ORG:{vcard_escape(contact.organisation_name)}")
    title = job_title_in(contact, contact.preferred_language)
    if title:
        lines.append(f"TITLE;LANGUAGE={contact.preferred_language}:{vcard_escape(title)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{vcard_escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;VALUE=uri;TYPE=work:{phone_uri(contact.phone)}")
    lines.append(f"LANG:{contact.preferred_language}")
    if contact.topics:
        lines.append("CATEGORIES:" + ",".join(vcard_escape(str(name)) for _slug, name in contact.topics))
    lines.append(f"UID:urn:uuid:{contact_uuid(contact)}")
    lines.append("END:VCARD")
    return "".join(vcard_fold(line) for line in lines)


def contact_uuid(contact):
    """A stable UID, so a phone re-importing the file updates instead of duplicating."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"netwerkstad-twente:contact:{contact.pk}")


def vcard_stream(queryset: QuerySet) -> Iterator[bytes]:
    for contact in iter_contacts(queryset):
        yield vcard(contact).encode("utf-8")


# --- email list -------------------------------------------------------------------


def email_list_stream(queryset: QuerySet) -> Iterator[bytes]:
    """Plain addresses separated by "; ", which Outlook's and Thunderbird's BCC fields
    accept as pasted; contacts without an email are skipped."""
    emails = queryset.exclude(email="").order_by("email").values_list("email", flat=True)
    first = True
    for email in emails.iterator(chunk_size=CHUNK_SIZE):
        yield (email if first else "; " + email).encode("utf-8")
        first = False
    yield b"\r\n"


def export_filename(export_format: str, today) -> str:
    extension = FORMATS[export_format][1]
    return f"contacts-{today:%Y-%m-%d}.{extension}"
