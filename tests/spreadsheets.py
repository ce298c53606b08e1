"""Hand-built .xlsx files, harmless and hostile, for the upload tests and bench/uploads.py,
and `table_file` for a table as a person would upload it.

Each builder writes the few parts a workbook needs by hand, so a test controls every
byte a spreadsheet library would see: a dimension that lies, shared strings that
unpack to hundreds of megabytes, XML nested deeper than any program writes.
"""

import csv
import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
    f'<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}">'
    '<sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
    f'<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)

HEADER = ("name", "email", "organisation_type", "organisation")


def table_file(records, stem, *, excel, delimiter=","):
    """(content, filename) of `records` (the header first) as an Excel workbook saved by
    openpyxl, which cannot hold control characters (they are left out), or as CSV in UTF-8."""
    if excel:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for record in records:
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", value) for value in record])
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue(), f"{stem}.xlsx"
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(records)
    return out.getvalue().encode("utf-8"), f"{stem}.csv"


def column_letters(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def inline_row(number, values):
    cells = "".join(
        f'<c r="{column_letters(i)}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for i, value in enumerate(values, start=1)
    )
    return f'<row r="{number}">{cells}</row>'


def sheet_xml(rows_xml, dimension=None):
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{declared}'
        f"<sheetData>{rows_xml}</sheetData></worksheet>"
    )


def workbook(sheet=None, shared_strings=None, extra=(), compresslevel=6):
    """An .xlsx file's bytes. `sheet` and `shared_strings` are text or an iterable of
    text chunks (written as they come, so a huge part never sits in memory)."""
    if sheet is None:
        sheet = sheet_xml(inline_row(1, HEADER) + inline_row(2, ("Anne", "anne@example.org", "partner", "x")))
    if shared_strings is None:
        shared_strings = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="0"/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for name, part in (("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared_strings)):
            with archive.open(name, "w", force_zip64=True) as member:
                for chunk in [part] if isinstance(part, str) else part:
                    member.write(chunk.encode())
        for name, text in extra:
            archive.writestr(name, text)
    return buffer.getvalue()


def shared_strings_bomb(megabytes=200):
    """A small file whose shared strings unpack to `megabytes` MB (the issue's 206 KB
    file that unpacked to 200 MB)."""
    block = "<si><t>" + "A" * 1000 + "</t></si>"

    def chunks():
        yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'
        for _ in range(megabytes * 1024 * 1024 // len(block)):
            yield block
        yield "</sst>"

    rows = inline_row(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return workbook(sheet=sheet_xml(rows), shared_strings=chunks(), compresslevel=1)


def many_shared_strings(count):
    """Shared strings within the size limits but too many of them."""

    def chunks():
        yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'
        for _ in range(count // 1000):
            yield "<si><t>x</t></si>" * 1000
        yield "</sst>"

    return workbook(shared_strings=chunks(), compresslevel=1)


def wide_sheet(columns=16_384, rows=3, declare=True):
    """A sheet as wide as Excel allows; with `declare` its dimension says so up front."""

    def chunks():
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
        if declare:
            yield f'<dimension ref="A1:{column_letters(columns)}{rows}"/>'
        yield "<sheetData>"
        for number in range(1, rows + 1):
            yield f'<row r="{number}">'
            yield "".join(f'<c r="{column_letters(i)}{number}"><v>1</v></c>' for i in range(1, columns + 1))
            yield "</row>"
        yield "</sheetData></worksheet>"

    return workbook(sheet=chunks())


def long_sheet(rows, declare=True):
    """A sheet with `rows` data rows; with `declare` its dimension says so up front."""

    def chunks():
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
        if declare:
            yield f'<dimension ref="A1:D{rows + 1}"/>'
        yield "<sheetData>" + inline_row(1, HEADER)
        for number in range(2, rows + 2):
            yield f'<row r="{number}"><c r="A{number}"><v>{number}</v></c></row>'
        yield "</sheetData></worksheet>"

    return workbook(sheet=chunks())


def deep_xml(levels=200_000):
    """A cell whose inline string is nested `levels` elements deep."""

    def chunks():
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
        yield inline_row(1, HEADER)
        yield '<row r="2"><c r="A2" t="inlineStr"><is>'
        yield "<r>" * levels
        yield "</r>" * levels
        yield "</is></c></row></sheetData></worksheet>"

    return workbook(sheet=chunks())


def entity_bomb():
    """The "billion laughs": entities that expand to gigabytes."""
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [{entities}]>'
        f'<worksheet xmlns="{MAIN}"><sheetData>{inline_row(1, HEADER)}'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>'
    )
    return workbook(sheet=sheet)


def many_members(count=5_000):
    """A workbook carrying thousands of small extra parts."""
    return workbook(extra=[(f"xl/media/part{i}.xml", "<x/>") for i in range(count)])


def long_cell(characters):
    """A shared string of `characters` characters."""
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>{"a" * characters}</t></si></sst>'
    )
    rows = inline_row(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return workbook(sheet=sheet_xml(rows), shared_strings=strings)
