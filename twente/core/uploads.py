"""Reading an uploaded spreadsheet (CSV or XLSX) safely, for any import.

`read_table(content, filename, limits)` returns the header and an iterator of rows,
or raises `UploadError` with a message for the person who uploaded the file: which
limit the file passed and what to do about it.

An .xlsx file is a zip of XML documents, and a small upload can unpack to gigabytes
(a "zip bomb"), or to a sheet of sixteen thousand columns, or to XML nested a million
levels deep. Every file is therefore checked before a spreadsheet library sees it:

1. the zip's directory: number of members, each member's uncompressed size and their
   total (Python's zipfile never returns more than a member declares, and a member
   that lies about its size fails its checksum, so the declared sizes are binding);
2. one streaming pass with expat over every XML member, which never holds more than
   one chunk in memory: nesting depth, no DTD or entity declarations, the sheet's
   declared dimension, the rows and columns it really has, the number of shared
   strings and the length of every cell;
3. then openpyxl reads the values (dates, numbers) in read-only mode, and the row,
   column and cell limits are checked again while the rows stream.

A CSV file is checked for its size, its encoding (the message names the encoding
found, so the person knows what to change) and, while it streams, rows, columns and
cell length.
"""

import codecs
import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from xml.parsers import expat

from django.utils.translation import gettext as _

from twente.core.text import storable

MB = 1024 * 1024

# What the preview of an import shows of one cell at most.
PREVIEW_CHARS = 200

YES, NO = "yes", "no"


@dataclass(frozen=True)
class UploadLimits:
    """The limits one import accepts; the defaults suit a list of a few ten thousand rows."""

    max_bytes: int = 5 * MB
    max_rows: int = 50_000
    max_columns: int = 100
    max_cell_chars: int = 10_000
    # XLSX only
    max_members: int = 100
    max_member_bytes: int = 48 * MB
    max_total_bytes: int = 96 * MB
    max_shared_strings: int = 1_000_000
    max_xml_depth: int = 64


DEFAULT_LIMITS = UploadLimits()


class UploadError(Exception):
    """The file cannot be read or passes a limit; the message says why and what to do."""


@dataclass
class Table:
    """A spreadsheet's first sheet: the header (the first row that is not blank) and the
    rows after it, each `(row number as the spreadsheet shows it, [cell text, ...])`,
    blank rows left out. `rows` streams: the limits are checked while it is read, so
    iterate it inside the same `try` that catches `UploadError`."""

    header: list
    rows: Iterator
    kind: str  # "csv" or "xlsx"


def excerpt(text, limit=PREVIEW_CHARS):
    """At most `limit` characters of a text, with an ellipsis when cut."""
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_table(content: bytes, filename: str, limits: UploadLimits = DEFAULT_LIMITS) -> Table:
    """The first sheet of an uploaded CSV or XLSX file, checked against `limits`."""
    if not content:
        raise UploadError(_("The file is empty."))
    if len(content) > limits.max_bytes:
        raise UploadError(too_large_message(limits))
    suffix = PurePath(filename or "").suffix.lower()
    if content.startswith(b"PK\x03\x04") or suffix == ".xlsx":
        records, kind = _xlsx_records(content, limits), "xlsx"
    elif suffix in (".csv", ".txt", ""):
        records, kind = _csv_records(content, limits), "csv"
    else:
        raise UploadError(_("Upload a CSV file (.csv) or an Excel file (.xlsx)."))
    return _table(_checked(records, limits), kind)


# What a multipart request adds to its file: the boundaries and the form's other fields.
FORM_OVERHEAD_BYTES = 64 * 1024


def declares_too_large(request, max_bytes):
    """A POST whose declared length already passes the upload limit: it can be refused
    before its body is read (the CSRF check would otherwise spool it all to disk first)."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    # isdecimal, not isdigit: "²" is a digit, and no number to int().
    return (
        request.method == "POST" and declared.isdecimal() and int(declared) > max_bytes + FORM_OVERHEAD_BYTES
    )


def too_large_message(limits: UploadLimits = DEFAULT_LIMITS):
    return _("The file is larger than %(limit)d MB. Split it into smaller files.") % {
        "limit": limits.max_bytes // MB
    }


# --- limits shared by both formats ----------------------------------------------------


def _too_many_rows(limits):
    return UploadError(
        _("The file has more than %(limit)d rows. Split it into smaller files.") % {"limit": limits.max_rows}
    )


def _too_many_columns(limits):
    return UploadError(
        _(
            "The file has more than %(limit)d columns. Delete the columns that are not needed "
            "(or save only the data as a new file) and upload it again."
        )
        % {"limit": limits.max_columns}
    )


def _cell_too_long(limits, row=None):
    if row is None:
        return UploadError(
            _(
                "A cell holds more than %(limit)d characters. "
                "Shorten the longest texts and upload the file again."
            )
            % {"limit": limits.max_cell_chars}
        )
    return UploadError(
        _(
            "A cell in row %(row)d holds more than %(limit)d characters. "
            "Shorten the longest texts and upload the file again."
        )
        % {"limit": limits.max_cell_chars, "row": row}
    )


def _checked(records, limits):
    """Numbered records, refused as soon as one passes the row, column or cell limit,
    their cells as the portal stores text (twente.core.text.storable)."""
    # One header row on top of the data rows.
    for number, record in enumerate(records, start=1):
        if number > limits.max_rows + 1:
            raise _too_many_rows(limits)
        if len(record) > limits.max_columns:
            # Trailing empty cells (a sheet formatted to the right) do not count.
            while record and record[-1] == "":
                record = record[:-1]
            if len(record) > limits.max_columns:
                raise _too_many_columns(limits)
        if any(len(cell) > limits.max_cell_chars for cell in record):
            raise _cell_too_long(limits, number)
        yield number, [storable(cell) for cell in record]


def _table(numbered, kind):
    header = None
    for _number, record in numbered:
        if any(cell.strip() for cell in record):
            header = [cell.strip().lstrip("\ufeff") for cell in record]
            break
    if header is None:
        raise UploadError(_("The file has no header row and no data."))

    def rows():
        for number, record in numbered:
            if any(cell.strip() for cell in record):
                yield number, record

    return Table(header=header, rows=rows(), kind=kind)


def _binary_message():
    return _("This is not a CSV file (it looks like a binary file). Upload a CSV or an Excel file.")


# --- CSV ------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _looks_like_utf16(sample):
    """Latin text in UTF-16 without a byte order mark: every other byte is zero."""
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (
        odd.count(0) > 0.9 * len(odd)
        and even.count(0) < 0.1 * len(even)
        or (even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd))
    )


def detect_foreign_encoding(content: bytes):
    """The name of the encoding a text that is not UTF-8 most likely has, or None when
    it is UTF-8 (with or without a byte order mark) or not text at all."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name
    if _looks_like_utf16(content[:4096]):
        return "UTF-16"
    if b"\x00" in content:
        return None  # binary: reported as such
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    try:
        content.decode("cp1252")
    except UnicodeDecodeError:
        return "ISO-8859-1 (Latin-1)"
    return "Windows-1252 (ANSI)"


def _csv_records(content, limits):
    if content.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise UploadError(_binary_message())
    encoding = detect_foreign_encoding(content)
    if encoding:
        raise UploadError(
            _(
                "The file is not encoded as UTF-8 but as %(encoding)s, so letters such as ü, ö and ß "
                "would be garbled. In Excel, save it as “CSV UTF-8 (comma delimited)” and upload it again."
            )
            % {"encoding": encoding}
        )
    if b"\x00" in content:
        raise UploadError(_binary_message())
    end = content.find(b"\n")
    first_line = (content if end < 0 else content[:end]).decode("utf-8-sig")
    delimiter = max((",", ";", "\t"), key=first_line.count)
    # Decoded as it is read (the content is UTF-8, checked above): a decoded copy of the
    # whole file, and StringIO's four bytes a character, were most of a large import's memory.
    lines = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8-sig", newline="")
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        yield from reader
    except csv.Error as error:
        # The csv module's own limit (128 KB per cell) comes before ours for a long
        # quoted cell; say the same as for any overlong cell.
        if "field larger than field limit" in str(error):
            raise _cell_too_long(limits, reader.line_num) from None
        raise UploadError(_("The CSV file could not be read: %(error)s") % {"error": error}) from None


# --- XLSX -----------------------------------------------------------------------------

_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})(\d+)$")
_TEXT_ELEMENTS = {"t", "v", "f"}
_CHUNK = 256 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_XML_STARTS = (b"<", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _column_number(letters):
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _unpacks_too_large(limits):
    return UploadError(
        _(
            "The Excel file unpacks to more than %(limit)d MB, far more than a table of this size needs. "
            "Copy only the cells with data into a new workbook (or save it as CSV UTF-8) and upload that."
        )
        % {"limit": limits.max_total_bytes // MB}
    )


def _resave_message():
    return _(
        "The Excel file has a structure no spreadsheet program writes (it may have been made to "
        "attack the portal). Open it in Excel, save it again (or as CSV UTF-8) and upload that."
    )


def _check_archive(archive, limits):
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise UploadError(
            _(
                "The Excel file consists of more than %(limit)d parts. Copy only the cells with data "
                "into a new workbook (or save it as CSV UTF-8) and upload that."
            )
            % {"limit": limits.max_members}
        )
    total = 0
    for member in members:
        if member.file_size > limits.max_member_bytes:
            raise _unpacks_too_large(limits)
        total += member.file_size
        if total > limits.max_total_bytes:
            raise _unpacks_too_large(limits)
    return members


class _XmlScan:
    """One streaming pass over an XML member, counting what the limits bound."""

    def __init__(self, limits, totals):
        self.limits = limits
        self.totals = totals  # shared across members: shared strings
        self.depth = 0
        self.rows = 0
        self.row_number = 0
        self.column = 0
        self.text_length = 0
        self.in_text = False
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        # No spreadsheet declares a DTD or entities; they are how XML bombs expand.
        parser.StartDoctypeDeclHandler = self.refuse
        parser.EntityDeclHandler = self.refuse
        parser.ExternalEntityRefHandler = self.refuse
        self.parser = parser

    def refuse(self, *args):
        raise UploadError(_resave_message())

    def start(self, name, attributes):
        self.depth += 1
        if self.depth > self.limits.max_xml_depth:
            raise UploadError(
                _(
                    "The Excel file has XML nested more than %(limit)d levels deep, which no spreadsheet "
                    "program writes. Open it in Excel, save it again (or as CSV UTF-8) and upload that."
                )
                % {"limit": self.limits.max_xml_depth}
            )
        local = name.rpartition(" ")[2]
        self.text_length = 0
        self.in_text = local in _TEXT_ELEMENTS
        if local == "row":
            self.rows += 1
            declared = attributes.get("r", "")
            self.row_number = int(declared) if declared.isdecimal() else self.row_number + 1
            self.column = 0
            if self.rows > self.limits.max_rows + 1 or self.row_number > self.limits.max_rows + 1:
                raise _too_many_rows(self.limits)
        elif local == "c":
            reference = _CELL_REFERENCE.match(attributes.get("r", ""))
            self.column = _column_number(reference.group(1)) if reference else self.column + 1
            if self.column > self.limits.max_columns:
                raise _too_many_columns(self.limits)
        elif local == "si":
            self.totals["shared_strings"] += 1
            if self.totals["shared_strings"] > self.limits.max_shared_strings:
                raise UploadError(
                    _("The Excel file holds more than %(limit)d texts. Split it into smaller files.")
                    % {"limit": self.limits.max_shared_strings}
                )
        elif local == "dimension":
            self.check_dimension(attributes.get("ref", ""))

    def check_dimension(self, reference):
        """A sheet says its extent first: refuse a wide or long one before reading it."""
        last = _CELL_REFERENCE.match(reference.rpartition(":")[2])
        if last:
            if _column_number(last.group(1)) > self.limits.max_columns:
                raise _too_many_columns(self.limits)
            if int(last.group(2)) > self.limits.max_rows + 1:
                raise _too_many_rows(self.limits)

    def end(self, name):
        self.depth -= 1
        self.text_length = 0
        self.in_text = False

    def text(self, data):
        if not self.in_text:
            return
        self.text_length += len(data)
        if self.text_length > self.limits.max_cell_chars:
            raise _cell_too_long(self.limits)

    def feed(self, source):
        try:
            while chunk := source.read(_CHUNK):
                self.parser.Parse(chunk, False)
            self.parser.Parse(b"", True)
        except expat.ExpatError:
            raise UploadError(_("The Excel file could not be read; it may be damaged.")) from None


def _scan_xlsx(archive, members, limits):
    totals = {"shared_strings": 0}
    for member in members:
        if member.is_dir():
            continue
        with archive.open(member) as source:
            head = source.read(_CHUNK)
            looks_like_xml = head.lstrip().startswith(_XML_STARTS)
            if not looks_like_xml and not member.filename.lower().endswith(_XML_SUFFIXES):
                continue  # an image, a printer setting
            scan = _XmlScan(limits, totals)
            scan.feed(_Prefixed(head, source))


class _Prefixed:
    """A readable stream that gives `head` first, then the rest of `source`."""

    def __init__(self, head, source):
        self.head, self.source = head, source

    def read(self, size):
        if self.head:
            head, self.head = self.head, b""
            return head
        return self.source.read(size)


def _xlsx_records(content, limits):
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise UploadError(_("The Excel file could not be read; it may be damaged.")) from None
    with archive:
        try:
            _scan_xlsx(archive, _check_archive(archive, limits), limits)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
            raise UploadError(_("The Excel file could not be read; it may be damaged.")) from None
    return _openpyxl_records(content)


def _openpyxl_records(content):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for damaged files
        raise UploadError(_("The Excel file could not be read; it may be damaged.")) from None
    try:
        if not workbook.worksheets:
            raise UploadError(_("The Excel file has no sheets."))
        sheet = workbook.worksheets[0]
        # The declared dimension was checked; read what the sheet really holds, so a
        # dimension that understates it cannot cut off columns.
        sheet.reset_dimensions()
        for values in sheet.iter_rows(values_only=True):
            yield [cell_text(xml_unescape(value)) for value in values]
    except UploadError:
        raise
    except Exception:
        raise UploadError(_("The Excel file could not be read; it may be damaged.")) from None
    finally:
        workbook.close()


# OOXML text escapes a character XML cannot hold as _xHHHH_ and a literal "_xHHHH_" as
# "_x005F_xHHHH_" (Excel and XlsxWriter write both); openpyxl leaves them as they are.
OOXML_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def xml_unescape(value):
    """A cell's text with the _xHHHH_ escapes decoded; other values unchanged."""
    if isinstance(value, str) and "_x" in value:
        return OOXML_ESCAPE_RE.sub(lambda match: chr(int(match.group(1), 16)), value)
    return value


def cell_text(value) -> str:
    """A spreadsheet value as the text an import parses: dates as ISO dates, whole
    numbers without a decimal point, booleans as yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
