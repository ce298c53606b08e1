import datetime
import io
import os
import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from openpyxl import Workbook, load_workbook

from partners import exports
from partners.imports import MAX_UPLOAD_BYTES, ImportFileError, build_plan, read_upload
from partners.models import Contact
from partners.services import ImportOutdated, contacts_import_apply
from tests.factories import ContactFactory, MunicipalityFactory, PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db

HEADER = "name,email,organisation_type,organisation,phone,preferred_language,topics,notes\r\n"


def plan_for(text, filename="contacts.csv"):
    """The plan for a file, its reasons and change labels in English."""
    content = text.encode("utf-8") if isinstance(text, str) else text
    with translation.override("en"):
        return build_plan(read_upload(content, filename))


def apply(content, filename, user):
    plan = build_plan(read_upload(content, filename))
    return contacts_import_apply(
        content=content, filename=filename, user=user, expected_fingerprint=plan.fingerprint
    )


@pytest.fixture
def officer():
    return get_user_model().objects.create_user(username="liaison", password="x-long-password-1")


@pytest.fixture
def munster():
    return PartnerFactory(slug="stadt-munster", name_nl="Stadt Münster")


def export_csv():
    return b"".join(exports.csv_stream(Contact.objects.all()))


def export_xlsx():
    return exports.xlsx_file(Contact.objects.all()).read()


def tricky_contacts(munster):
    energy, mobility = ThemeFactory(slug="energie"), ThemeFactory(slug="mobiliteit")
    enschede = MunicipalityFactory(slug="enschede")
    first = ContactFactory(
        name='Jürgen "Jupp" Groß, Dr.',
        partner=munster,
        email="jurgen@muenster.de",
        phone="+492514920",
        job_title_nl="Hoofd buitenland",
        job_title_en="",
        job_title_de="Leiter Außenbeziehungen; Europa",
        preferred_language="de",
        is_public=True,
        mailing_consent=True,
        mailing_consent_date=datetime.date(2025, 3, 31),
        last_verified=datetime.date(2025, 6, 1),
        notes='=HYPERLINK("http://evil")\nsecond line; with, punctuation',
    )
    first.topics.set([energy, mobility])
    ContactFactory(
        name="Öznur Şahin",
        partner=None,
        municipality=enschede,
        email="oznur@enschede.nl",
        phone="+31534818181",
        notes="-5 and @mention\ttab",
    )
    ContactFactory(name="Postbus internationaal", kind="mailbox", partner=munster, email="", phone="")
    return first


# --- preview --------------------------------------------------------------------


def test_preview_sorts_rows_into_new_changed_unchanged_and_invalid_with_reasons(munster):
    ThemeFactory(slug="energie")
    ContactFactory(name="Anne de Vries", email="anne@example.org", partner=munster, phone="+31534818181")
    ContactFactory(name="Same Person", email="same@example.org", partner=munster, phone="+31534818181")
    plan = plan_for(
        HEADER
        + "Anne de Vries,ANNE@example.org,partner,stadt-munster,+31 53 489 9111,en,energie,\r\n"
        + "Same Person,same@example.org,partner,stadt-munster,,,,\r\n"
        + "New Person,new@example.org,partner,stadt-munster,+49 251 4920,de,,\r\n"
        + "Bad Email,not-an-email,partner,stadt-munster,,,,\r\n"
        + "Unknown Org,u@example.org,partner,atlantis,,,,\r\n"
        + "Bad Phone,p@example.org,partner,stadt-munster,call me maybe,,,\r\n"
        + "Bad Topic,t@example.org,partner,stadt-munster,,,bananas,\r\n"
        + "Bad Language,l@example.org,partner,stadt-munster,,fr,,\r\n"
    )
    assert plan.counts == {"new": 1, "changed": 1, "unchanged": 1, "invalid": 5, "duplicate": 0, "stale": 0}
    changed = plan.having("changed")[0]
    assert changed.number == 2
    changes = {label: (old, new) for label, old, new in changed.changes}
    assert changes["phone"] == ("+31 53 481 8181", "+31 53 489 9111")
    assert changes["preferred language"] == ("nl", "en")
    assert changes["topics"] == ("—", "energie")
    reasons = {row.name: " ".join(row.errors) for row in plan.having("invalid")}
    assert "not a valid email" in reasons["Bad Email"]
    assert "Unknown organisation “atlantis”" in reasons["Unknown Org"]
    assert "international form" in reasons["Bad Phone"]
    assert "Unknown topic(s): bananas" in reasons["Bad Topic"]
    assert "not one of nl, en, de" in reasons["Bad Language"]
    assert [row.number for row in plan.having("invalid")] == [5, 6, 7, 8, 9]


def test_preview_writes_nothing(munster):
    plan_for(HEADER + "New Person,new@example.org,partner,stadt-munster,,,,\r\n")
    assert not Contact.objects.exists()


def test_a_duplicate_email_in_the_file_is_refused_on_its_second_row(munster):
    plan = plan_for(
        HEADER
        + "One,dup@example.org,partner,stadt-munster,,,,\r\n"
        + "Two,DUP@example.org,partner,stadt-munster,,,,\r\n"
    )
    assert plan.counts["new"] == 1
    assert "also appears on row 2" in plan.having("invalid")[0].errors[0]


def test_consent_without_a_date_is_refused(munster):
    plan = plan_for(
        "name,email,organisation_type,organisation,mailing_consent\r\nA,a@example.org,partner,stadt-munster,yes\r\n"
    )
    assert "needs the date" in plan.having("invalid")[0].errors[0]


def test_a_date_in_the_future_is_refused(munster):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    plan = plan_for(
        "name,email,organisation_type,organisation,mailing_consent,mailing_consent_date,last_verified\r\n"
        f"A,a@example.org,partner,stadt-munster,yes,{tomorrow},{timezone.localdate()}\r\n"
    )
    assert plan.having("invalid")[0].errors == [f"mailing_consent_date: {tomorrow} lies in the future."]


def test_semicolon_separated_csv_from_dutch_excel_is_read(munster):
    plan = plan_for(
        "\ufeffname;email;organisation_type;organisation\r\nAnne;anne@example.org;partner;stadt-munster\r\n"
    )
    assert plan.counts["new"] == 1


# --- bad files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "contacts.csv", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n", "contacts.csv", "not a CSV file"),
        (
            "name,email,organisation_type,organisation\nJosé Müller,j@example.org,partner,x\n".encode(
                "latin-1"
            ),
            "contacts.csv",
            "not encoded as UTF-8",
        ),
        (
            b"name,email\nAnne,anne@example.org\n",
            "contacts.csv",
            "lacks the required column(s) organisation_type",
        ),
        (b"name,email,organisation_type,organisation\n", "contacts.csv", "no contacts"),
        (b"\n\n", "contacts.csv", "no header row"),
        (b"PK\x03\x04 this is not really a zip", "contacts.xlsx", "could not be read"),
        (b"just text", "contacts.pdf", "Upload a CSV file"),
        (b"a" * (MAX_UPLOAD_BYTES + 1), "contacts.csv", "larger than 5 MB"),
    ],
    ids=[
        "empty",
        "pdf",
        "latin-1",
        "missing-columns",
        "header-only",
        "blank",
        "broken-xlsx",
        "pdf-name",
        "huge",
    ],
)
def test_a_bad_file_gets_a_clear_message(content, filename, message):
    with (
        translation.override("en"),
        pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")),
    ):
        read_upload(content, filename)


def test_an_excel_file_without_rows_gets_a_clear_message():
    workbook = Workbook()
    output = io.BytesIO()
    workbook.save(output)
    with translation.override("en"), pytest.raises(ImportFileError, match="no header row"):
        read_upload(output.getvalue(), "empty.xlsx")


# --- applying -------------------------------------------------------------------


def test_apply_creates_and_changes_and_records_who_and_why_in_the_history(munster, officer):
    anne = ContactFactory(name="Anne de Vries", email="anne@example.org", partner=munster, notes="Keep me")
    result = apply(
        (
            HEADER
            + "Anne de Vries,anne@example.org,partner,stadt-munster,+31 53 489 9111,,,\r\n"
            + "Björn Öztürk,bjorn@example.org,partner,stadt-munster,,de,,\r\n"
            + "Bad,bad,partner,stadt-munster,,,,\r\n"
        ).encode(),
        "delegation.csv",
        officer,
    )
    assert (result.created, result.updated, result.unchanged, result.invalid) == (1, 1, 0, 1)
    anne.refresh_from_db()
    assert anne.phone == "+31534899111"
    assert anne.notes == "Keep me", "an empty cell keeps the value"
    assert anne.version == 2
    latest = anne.history.latest()
    assert latest.history_user == officer
    assert latest.history_change_reason == "imported:delegation.csv"
    assert anne.history.count() == 2
    bjorn = Contact.objects.get(email="bjorn@example.org")
    assert (bjorn.name, bjorn.partner, bjorn.preferred_language) == ("Björn Öztürk", munster, "de")
    assert bjorn.history.latest().history_user == officer
    assert Contact.objects.count() == 2


def test_apply_never_deletes_contacts_missing_from_the_file(munster, officer):
    ContactFactory(email="stays@example.org", partner=munster)
    apply((HEADER + "New,new@example.org,partner,stadt-munster,,,,\r\n").encode(), "new.csv", officer)
    assert set(Contact.objects.values_list("email", flat=True)) == {"stays@example.org", "new@example.org"}


def test_apply_is_refused_when_contacts_changed_since_the_preview(munster, officer):
    anne = ContactFactory(email="anne@example.org", partner=munster, phone="+31534818181")
    content = (HEADER + "Anne,anne@example.org,partner,stadt-munster,+31 53 489 9111,,,\r\n").encode()
    plan = build_plan(read_upload(content, "x.csv"))
    Contact.objects.filter(pk=anne.pk).update(phone="+31534899111")  # someone else's edit
    with pytest.raises(ImportOutdated):
        contacts_import_apply(
            content=content, filename="x.csv", user=officer, expected_fingerprint=plan.fingerprint
        )
    ContactFactory(email="other@example.org")
    assert Contact.objects.count() == 2


def test_apply_is_one_transaction(munster, officer, monkeypatch):
    content = (
        HEADER
        + "One,one@example.org,partner,stadt-munster,,,,\r\nTwo,two@example.org,partner,stadt-munster,,,,\r\n"
    ).encode()
    plan = build_plan(read_upload(content, "x.csv"))

    def failing_history(self, contacts, **kwargs):
        raise RuntimeError("database went away")  # after the contacts were written

    monkeypatch.setattr("partners.services._ImportWriter._record_history", failing_history)
    with pytest.raises(RuntimeError):
        contacts_import_apply(
            content=content, filename="x.csv", user=officer, expected_fingerprint=plan.fingerprint
        )
    assert not Contact.objects.exists(), "the first contact was rolled back too"


# --- round trip -----------------------------------------------------------------


def test_an_exported_csv_imported_again_changes_nothing(munster, officer):
    first = tricky_contacts(munster)
    history_before = first.history.count()
    content = export_csv()
    plan = build_plan(read_upload(content, "export.csv"))
    unchanged = {"new": 0, "changed": 0, "unchanged": 3, "invalid": 0, "duplicate": 0, "stale": 0}
    assert plan.counts == unchanged, [(row.number, row.errors, row.changes) for row in plan.rows]
    apply(content, "export.csv", officer)
    first.refresh_from_db()
    assert first.history.count() == history_before
    assert first.notes == '=HYPERLINK("http://evil")\nsecond line; with, punctuation'
    assert sorted(first.topics.values_list("slug", flat=True)) == ["energie", "mobiliteit"]


def test_an_exported_excel_file_imported_again_changes_nothing(munster):
    tricky_contacts(munster)
    plan = build_plan(read_upload(export_xlsx(), "export.xlsx"))
    unchanged = {"new": 0, "changed": 0, "unchanged": 3, "invalid": 0, "duplicate": 0, "stale": 0}
    assert plan.counts == unchanged, [(row.number, row.errors, row.changes) for row in plan.rows]


def test_a_date_before_march_1900_round_trips_as_text(munster):
    """Excel's calendar starts in 1900: an earlier date written as a date cell came back
    as an error (year 1) or a time of day (1899-12-31), found by fuzzing; and LibreOffice
    reads the serials of January and February 1900 a day earlier than Excel."""
    days = [
        datetime.date(1, 1, 1),
        datetime.date(1899, 12, 31),
        datetime.date(1900, 2, 28),
        datetime.date(1900, 3, 1),
    ]
    for n, day in enumerate(days):
        ContactFactory(name=f"Early {n}", email=f"early{n}@example.org", partner=munster, last_verified=day)
    content = export_xlsx()
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2, values_only=True))
    verified = [row[exports.COLUMNS.index("last_verified")] for row in rows]
    assert verified == ["0001-01-01", "1899-12-31", "1900-02-28", datetime.datetime(1900, 3, 1)]
    assert build_plan(read_upload(content, "export.xlsx")).counts["unchanged"] == 4


@pytest.fixture(scope="module")
def libreoffice():
    program = shutil.which("libreoffice") or shutil.which("soffice")
    if program:
        return program
    message = "The LibreOffice round trip needs LibreOffice (apt-get install libreoffice-calc-nogui)."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def saved_by_libreoffice(program, content, target, folder):
    """`content` (an .xlsx export) opened and saved again by LibreOffice as `target`."""
    folder.mkdir()
    source = folder / "export.xlsx"
    source.write_bytes(content)
    out = folder / "out"
    subprocess.run(
        [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless"]
        + ["--convert-to", target, "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    (saved,) = out.iterdir()
    return saved.read_bytes(), saved.name


def test_an_export_saved_again_by_libreoffice_imports_unchanged(munster, libreoffice, tmp_path):
    """As Excel and as CSV UTF-8; early dates too, whose serial numbers LibreOffice reads
    a day earlier than Excel before March 1900."""
    tricky_contacts(munster)
    for n, day in enumerate([datetime.date(1, 1, 1), datetime.date(1900, 1, 1), datetime.date(1900, 3, 1)]):
        ContactFactory(name=f"Early {n}", email=f"early{n}@example.org", partner=munster, last_verified=day)
    targets = ("xlsx:Calc MS Excel 2007 XML", "csv:Text - txt - csv (StarCalc):44,34,76,1")
    for target in targets:
        content, name = saved_by_libreoffice(libreoffice, export_xlsx(), target, tmp_path / target[:4])
        plan = build_plan(read_upload(content, name))
        assert plan.counts["unchanged"] == 6, (target, [(r.number, r.errors, r.changes) for r in plan.rows])


def test_excel_text_that_looks_like_sheet_xml_or_an_escape_round_trips(munster):
    """XlsxWriter writes "<r>...</r>" as rich-text XML unless it is split into runs, and
    escapes a literal "_x0041_" as "_x005F_x0041_", which the import decodes."""
    notes = ['<r><t>x</t></r></is></c><c r="Z1"><f>1+1</f></c>', "code _x0041_ and _x000B_"]
    for n, note in enumerate(notes):
        ContactFactory(name=f"Tricky {n}", email=f"tricky{n}@example.org", partner=munster, notes=note)
    content = export_xlsx()
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2, "no cell was injected"
    assert rows[0][exports.COLUMNS.index("notes")] == notes[0]
    assert build_plan(read_upload(content, "export.xlsx")).counts["unchanged"] == 2


def test_an_export_imported_into_an_empty_database_recreates_the_contacts(munster, officer):
    first = tricky_contacts(munster)
    content = export_csv()
    expected = [
        (c.name, c.email, c.phone, c.notes, c.job_title_de, c.mailing_consent_date)
        for c in Contact.objects.order_by("name")
    ]
    topics = sorted(first.topics.values_list("slug", flat=True))
    Contact.objects.all().delete()
    result = apply(content, "export.csv", officer)
    assert result.created == 3
    assert [
        (c.name, c.email, c.phone, c.notes, c.job_title_de, c.mailing_consent_date)
        for c in Contact.objects.order_by("name")
    ] == expected
    assert (
        sorted(Contact.objects.get(email="jurgen@muenster.de").topics.values_list("slug", flat=True))
        == topics
    )


def test_an_excel_file_typed_by_hand_is_read_with_its_dates_and_booleans(munster, officer):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["Name", "Email", "Organisation_type", "Organisation", "mailing_consent", "mailing_consent_date"]
    )
    sheet.append(
        ["Anne de Vries", "anne@example.org", "partner", "stadt-munster", True, datetime.date(2025, 2, 3)]
    )
    sheet.append(["Phone As Number", "p@example.org", "partner", "stadt-munster", False, None])
    sheet["G1"], sheet["G3"] = "phone", 31534818181
    output = io.BytesIO()
    workbook.save(output)
    with translation.override("en"):
        plan = build_plan(read_upload(output.getvalue(), "hand-made.xlsx"))
    assert [row.name for row in plan.having("new")] == ["Anne de Vries"]
    assert "international form" in plan.having("invalid")[0].errors[0]
    apply(output.getvalue(), "hand-made.xlsx", officer)
    anne = Contact.objects.get(email="anne@example.org")
    assert (anne.mailing_consent, anne.mailing_consent_date) == (True, datetime.date(2025, 2, 3))
