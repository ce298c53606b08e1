"""The spreadsheet reader every import uses: limits checked before and while parsing."""

import pytest
from django.utils import translation

from tests import spreadsheets
from twente.core.uploads import UploadError, UploadLimits, excerpt, read_table

SMALL = UploadLimits(max_rows=100, max_columns=20, max_cell_chars=500)


def read_all(content, filename="data.xlsx", limits=SMALL):
    with translation.override("en"):
        table = read_table(content, filename, limits)
        return table.header, list(table.rows)


def refusal(content, filename="data.xlsx", limits=SMALL):
    with translation.override("en"), pytest.raises(UploadError) as caught:
        table = read_table(content, filename, limits)
        list(table.rows)
    return str(caught.value)


def test_a_plain_workbook_gives_its_header_and_rows():
    header, rows = read_all(spreadsheets.workbook())
    assert header == list(spreadsheets.HEADER)
    assert rows == [(2, ["Anne", "anne@example.org", "partner", "x"])]


def test_a_dimension_that_understates_the_sheet_does_not_cut_columns():
    sheet = spreadsheets.sheet_xml(
        spreadsheets.inline_row(1, spreadsheets.HEADER) + spreadsheets.inline_row(2, ("a", "b", "c", "d")),
        dimension="A1:B2",
    )
    _header, rows = read_all(spreadsheets.workbook(sheet=sheet))
    assert rows == [(2, ["a", "b", "c", "d"])]


def test_shared_strings_that_unpack_to_200_mb_are_refused_from_the_zip_directory():
    content = spreadsheets.shared_strings_bomb(megabytes=200)
    assert len(content) < 2 * 1024 * 1024  # well within the 5 MB an upload may have
    message = refusal(content)
    assert "unpacks to more than 96 MB" in message
    assert "CSV UTF-8" in message


def test_too_many_shared_strings_are_refused():
    message = refusal(spreadsheets.many_shared_strings(3_000), limits=UploadLimits(max_shared_strings=2_000))
    assert "more than 2000 texts" in message


@pytest.mark.parametrize("declare", [True, False], ids=["declared", "undeclared"])
def test_a_wide_sheet_is_refused_by_its_dimension_or_while_streaming(declare):
    message = refusal(spreadsheets.wide_sheet(columns=16_384, rows=2, declare=declare))
    assert "more than 20 columns" in message
    assert "Delete the columns" in message


@pytest.mark.parametrize("declare", [True, False], ids=["declared", "undeclared"])
def test_a_long_sheet_is_refused(declare):
    message = refusal(spreadsheets.long_sheet(rows=150, declare=declare))
    assert "more than 100 rows" in message
    assert "Split it into smaller files" in message


def test_deeply_nested_xml_is_refused():
    message = refusal(spreadsheets.deep_xml(levels=200_000))
    assert "nested more than 64 levels" in message


def test_entity_declarations_are_refused():
    message = refusal(spreadsheets.entity_bomb())
    assert "save it again" in message


def test_a_workbook_of_thousands_of_parts_is_refused():
    message = refusal(spreadsheets.many_members(5_000))
    assert "more than 100 parts" in message


def test_an_overlong_cell_is_refused():
    assert "more than 500 characters" in refusal(spreadsheets.long_cell(501))
    _header, rows = read_all(spreadsheets.long_cell(500))
    assert len(rows[0][1][0]) == 500


def test_a_member_that_lies_about_its_size_fails_its_checksum():
    """zipfile stops at the declared size, so a member cannot unpack to more than it says."""
    honest = spreadsheets.workbook(sheet=spreadsheets.sheet_xml(spreadsheets.inline_row(1, ["x" * 400] * 4)))
    declared = len(spreadsheets.sheet_xml(spreadsheets.inline_row(1, ["x" * 400] * 4)).encode())
    lying = honest.replace(declared.to_bytes(4, "little"), (100).to_bytes(4, "little"))
    assert lying != honest
    assert "damaged" in refusal(lying)


# --- CSV --------------------------------------------------------------------------


def test_a_csv_file_streams_its_rows():
    header, rows = read_all("a;b\r\n1;ü\r\n\r\n2;ß\r\n".encode("utf-8-sig"), "data.csv")
    assert header == ["a", "b"]
    assert rows == [(2, ["1", "ü"]), (4, ["2", "ß"])]


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32", "UTF-32"), ("cp1252", "Windows-1252")],
)
def test_a_csv_file_in_another_encoding_names_it_and_the_fix(encoding, named):
    message = refusal("name,email\r\nJürgen Groß,j@example.de\r\n".encode(encoding), "data.csv")
    assert named in message
    assert "save it as “CSV UTF-8 (comma delimited)”" in message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a\r\n" + "1\r\n" * 101, "more than 100 rows"),
        (",".join(["a"] * 21) + "\r\n", "more than 20 columns"),
        ("a,b\r\n1," + "x" * 501 + "\r\n", "row 2 holds more than 500 characters"),
        ('a,b\r\n1,"' + "x" * 200_000 + '"\r\n', "row 2 holds more than 500 characters"),
    ],
    ids=["rows", "columns", "cell", "quoted-cell-past-the-csv-module-limit"],
)
def test_a_csv_file_past_a_limit_is_refused(content, message):
    assert message in refusal(content.encode(), "data.csv")


def test_cells_come_as_the_portal_stores_text_in_csv_and_xlsx():
    """Both imports read their files here: a control character never reaches the
    database, where no page or feed could show it. (A workbook escapes one as _x000B_.)"""
    csv_file = "name;notes\r\nJürgen\x01 Müller;Eerste regel\x0btweede regel\r\n".encode()
    sheet = spreadsheets.sheet_xml(
        spreadsheets.inline_row(1, ("name", "notes"))
        + spreadsheets.inline_row(2, ("Jürgen_x0001_ Müller", "Eerste regel_x000B_tweede regel"))
    )
    for content, filename in ((csv_file, "data.csv"), (spreadsheets.workbook(sheet), "data.xlsx")):
        _header, rows = read_all(content, filename)
        assert rows == [(2, ["Jürgen Müller", "Eerste regel\ntweede regel"])], filename


def test_a_row_number_in_other_digits_is_refused_as_damage_not_an_error():
    """ "²" is a digit to Python's str.isdigit but no number to int(): the scan counted on
    the one meaning the other, and such a sheet made the import answer 500."""
    sheet = spreadsheets.sheet_xml(
        spreadsheets.inline_row(1, spreadsheets.HEADER).replace('r="1"', 'r="²"', 1)
    )
    assert "may be damaged" in refusal(spreadsheets.workbook(sheet=sheet))


def test_trailing_empty_columns_do_not_count():
    header, _rows = read_all(("a,b" + "," * 40 + "\r\n1,2\r\n").encode(), "data.csv")
    assert header[:2] == ["a", "b"]


def test_excerpt_bounds_a_cell_for_the_preview():
    assert excerpt("x" * 10_000) == "x" * 199 + "…"
    assert excerpt("short") == "short"


@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", "maar als UTF-16"), ("de", "sondern als UTF-16")],
)
def test_the_encoding_message_is_translated(language, words):
    content = "name,email\r\nJürgen,j@example.de\r\n".encode("utf-16")
    with translation.override(language), pytest.raises(UploadError) as caught:
        read_table(content, "contacts.csv")
    assert words in str(caught.value)
