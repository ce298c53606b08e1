"""Hostile and foreign files uploaded to the contact import: a 400 with a message that
says which limit and what to do, and no contact imported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partners.models import Contact
from tests import spreadsheets
from tests.partners.test_contact_admin_views import IMPORT_URL, liaison  # noqa: F401

pytestmark = pytest.mark.django_db

FOREIGN_CSV = "name,email,organisation_type,organisation\r\nJürgen,j@example.de,partner,x\r\n"


def upload(client, content, filename):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(filename, content)})


@pytest.mark.parametrize(
    ("build", "filename", "message"),
    [
        (lambda: spreadsheets.shared_strings_bomb(megabytes=200), "bomb.xlsx", "unpacks to more than 96 MB"),
        (lambda: spreadsheets.wide_sheet(columns=16_384, rows=3), "wide.xlsx", "more than 60 columns"),
        (
            lambda: spreadsheets.wide_sheet(columns=2_000, rows=3, declare=False),
            "wide.xlsx",
            "more than 60 columns",
        ),
        (lambda: spreadsheets.deep_xml(), "deep.xlsx", "nested more than 64 levels deep"),
        (lambda: spreadsheets.entity_bomb(), "laughs.xlsx", "save it again"),
        (lambda: spreadsheets.many_members(5_000), "members.xlsx", "more than 100 parts"),
        (lambda: spreadsheets.long_cell(10_001), "cell.xlsx", "more than 10000 characters"),
        (lambda: spreadsheets.long_sheet(rows=60_000), "long.xlsx", "more than 50000 rows"),
        (
            lambda: FOREIGN_CSV.encode("utf-16"),
            "contacts.csv",
            "not encoded as UTF-8 but as UTF-16",
        ),
        (
            lambda: FOREIGN_CSV.encode("cp1252"),
            "contacts.csv",
            "not encoded as UTF-8 but as Windows-1252",
        ),
    ],
    ids=[
        "shared-strings",
        "wide-declared",
        "wide-undeclared",
        "deep-xml",
        "entities",
        "many-members",
        "long-cell",
        "many-rows",
        "utf-16",
        "windows-1252",
    ],
)
def test_a_hostile_or_foreign_file_is_refused_with_its_limit_and_nothing_is_imported(
    client,
    liaison,  # noqa: F811
    build,
    filename,
    message,
):
    response = upload(client, build(), filename)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert not Contact.objects.exists()


def test_the_utf_16_message_says_how_to_save_the_file(client, liaison):  # noqa: F811
    content = "name,email\r\nA,a@example.org\r\n".encode("utf-16")
    page = upload(client, content, "contacts.csv").content.decode()
    assert "CSV UTF-8 (comma delimited)" in page


def test_the_preview_shows_a_bounded_excerpt_of_a_long_cell(client, liaison):  # noqa: F811
    long_name = "Anne " + "x" * 5_000
    content = f"name,email,organisation_type,organisation\r\n{long_name},anne@example.org,partner,nowhere\r\n"
    page = upload(client, content.encode(), "contacts.csv").content.decode()
    assert "x" * 150 in page
    assert "x" * 300 not in page
