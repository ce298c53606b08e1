import csv
import datetime
import io

import pytest
import vobject
from django.utils import translation
from openpyxl import load_workbook

from partners import exports
from partners.contact_filters import ContactFilterSet, months_ago
from partners.models import Contact, ContactKind, Membership, PartnerKind
from partners.services import ExportPurpose, contacts_export_select
from tests.factories import (
    ContactFactory,
    MunicipalityFactory,
    PartnerFactory,
    RegionFactory,
    RelationshipFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

INJECTION_PREFIXES = ["=", "+", "-", "@", "\t", "\r", "\n"]


def csv_table(queryset=None):
    data = b"".join(exports.csv_stream(queryset if queryset is not None else Contact.objects.all()))
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def xlsx_sheet(queryset=None):
    output = exports.xlsx_file(queryset if queryset is not None else Contact.objects.all())
    workbook = load_workbook(output)
    return workbook.active


def vcards(queryset=None):
    data = b"".join(exports.vcard_stream(queryset if queryset is not None else Contact.objects.all()))
    return data, list(vobject.readComponents(data.decode("utf-8")))


# --- formula injection -----------------------------------------------------------


@pytest.mark.parametrize("prefix", INJECTION_PREFIXES)
def test_each_formula_prefix_is_neutralised_in_csv(prefix):
    ContactFactory(name=f'{prefix}HYPERLINK("http://evil")', notes=f"{prefix}cmd|' /C calc'!A0")
    _header, rows = csv_table()
    assert rows[0]["name"] == f'\'{prefix}HYPERLINK("http://evil")'
    assert rows[0]["notes"] == f"'{prefix}cmd|' /C calc'!A0"


@pytest.mark.parametrize("prefix", INJECTION_PREFIXES)
def test_excel_cells_are_typed_text_without_a_guard_prefix(prefix):
    """A typed string cell is never a formula, so it keeps its exact text."""
    ContactFactory(name="Anna", notes=f"{prefix}1+1")
    sheet = xlsx_sheet()
    header = [cell.value for cell in sheet[1]]
    notes = sheet.cell(row=2, column=header.index("notes") + 1)
    assert notes.data_type == "s", "stored as text, never as a formula"
    assert notes.value.replace("\r", "\n") == f"{prefix}1+1".replace("\r", "\n")


def test_phones_are_stored_in_e164_and_written_in_international_form():
    ContactFactory(phone="+31534818181")
    _header, rows = csv_table()
    assert rows[0]["phone"] == "'+31 53 481 8181", "CSV keeps the guard: a spreadsheet would evaluate +"
    sheet = xlsx_sheet()
    header = [cell.value for cell in sheet[1]]
    phone = sheet.cell(row=2, column=header.index("phone") + 1)
    assert (phone.value, phone.data_type) == ("+31 53 481 8181", "s"), "no guard in a typed text cell"


@pytest.mark.parametrize(
    "value",
    ["=1+1", "'=1+1", "''=x", "'s-Hertogenbosch", "plain", "", "-", "'", "'\t", "Müller = chef"],
)
def test_neutralise_is_undone_exactly_by_the_import(value):
    assert exports.unneutralise(exports.neutralise(value)) == value
    assert not exports.neutralise(value).startswith(tuple(INJECTION_PREFIXES))


# --- CSV ----------------------------------------------------------------------


def test_csv_has_the_documented_columns_and_dutch_and_german_characters():
    theme_a, theme_b = ThemeFactory(slug="energie"), ThemeFactory(slug="mobiliteit")
    partner = PartnerFactory(slug="stadt-munster", name_nl="Stadt Münster")
    contact = ContactFactory(
        name='Jürgen "Jupp" Groß, Dr.',
        partner=partner,
        email="jurgen@muenster.de",
        phone="+492514920",
        job_title_de="Leiter Außenbeziehungen",
        preferred_language="de",
        mailing_consent=True,
        mailing_consent_date=datetime.date(2025, 3, 31),
        last_verified=datetime.date(2025, 6, 1),
    )
    contact.topics.set([theme_b, theme_a])
    header, rows = csv_table()
    assert header == exports.COLUMNS
    row = rows[0]
    assert row["name"] == 'Jürgen "Jupp" Groß, Dr.'
    assert row["job_title_de"] == "Leiter Außenbeziehungen"
    assert row["organisation_type"] == "partner"
    assert row["organisation"] == "stadt-munster"
    assert row["organisation_name"] == "Stadt Münster"
    assert row["topics"] == "energie;mobiliteit"
    assert row["mailing_consent"] == "yes"
    assert row["is_public"] == "no"
    assert row["mailing_consent_date"] == "2025-03-31"
    assert row["last_verified"] == "2025-06-01"


def test_csv_of_a_municipality_contact_names_the_municipality():
    ContactFactory(partner=None, municipality=MunicipalityFactory(slug="enschede", name_nl="Enschede"))
    _header, rows = csv_table()
    assert (rows[0]["organisation_type"], rows[0]["organisation"]) == ("municipality", "enschede")


def test_csv_is_a_generator_that_reads_contacts_in_chunks(django_assert_num_queries, monkeypatch):
    """Guards against an N+1 on topics or organisations in a 20,000-contact export."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    for contact in ContactFactory.create_batch(5):
        contact.topics.add(ThemeFactory())
    stream = exports.csv_stream(Contact.objects.all())
    assert iter(stream) is stream, "a generator, so the response streams"
    # Organisations and themes once (3), the rows (1), the topics of each of 3 chunks.
    with django_assert_num_queries(3 + 1 + 3):
        assert len(list(stream)) == 6


# --- Excel --------------------------------------------------------------------


def test_excel_read_back_has_frozen_header_filter_widths_and_the_values():
    ContactFactory(
        name="Anne de Vries",
        email="anne@enschede.nl",
        partner=None,
        municipality=MunicipalityFactory(slug="enschede"),
        last_verified=datetime.date(2025, 1, 15),
    )
    ContactFactory(name="Björn Öztürk", email="bjorn@example.de")
    sheet = xlsx_sheet()
    assert [cell.value for cell in sheet[1]] == exports.COLUMNS
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:R{sheet.max_row}"
    assert sheet.max_row == 3
    assert sheet.column_dimensions["A"].width >= 20
    assert sheet.column_dimensions["I"].width >= 30  # email
    names = [sheet.cell(row=r, column=1).value for r in (2, 3)]
    assert names == ["Anne de Vries", "Björn Öztürk"]
    verified = sheet.cell(row=2, column=exports.COLUMNS.index("last_verified") + 1).value
    assert verified.date() == datetime.date(2025, 1, 15)


def test_excel_export_survives_control_characters_pasted_from_word():
    ContactFactory(name="Anne", notes="line one\x0bline two\x1f")
    sheet = xlsx_sheet()
    assert sheet.cell(row=2, column=exports.COLUMNS.index("notes") + 1).value == "line oneline two"


# --- vCard --------------------------------------------------------------------


def test_vcard_parsed_back_gives_the_same_names_emails_and_phones():
    partner = PartnerFactory(name_nl="Universiteit Twente; Faculteit, BMS")
    people = [
        ContactFactory(name="Anne de Vries", email="anne@utwente.nl", phone="+31534899111", partner=partner),
        ContactFactory(name="Jürgen Groß", email="jurgen@muenster.de", phone="+492514920"),
        ContactFactory(name="Backslash \\ Semi; Comma, Name", email="odd@example.org", phone=""),
    ]
    _data, cards = vcards()
    by_email = {card.email.value: card for card in cards}
    assert set(by_email) == {p.email for p in people}
    for person in people:
        card = by_email[person.email]
        assert card.version.value == "4.0"
        assert card.fn.value == person.name
        if person.phone:
            assert card.tel.value.replace("-", "") == f"tel:{person.phone}", "RFC 3966 tel: URI"
        else:
            assert not hasattr(card, "tel")
    assert by_email["anne@utwente.nl"].org.value == ["Universiteit Twente; Faculteit, BMS"]
    assert by_email["anne@utwente.nl"].n.value.family == "de Vries"
    assert by_email["anne@utwente.nl"].n.value.given == "Anne"


def test_vcard_title_is_in_the_contacts_language_and_notes_stay_internal():
    ContactFactory(
        preferred_language="de",
        job_title_nl="Adviseur",
        job_title_en="Adviser",
        job_title_de="Berater",
        notes="Confidential: do not share",
    )
    data, cards = vcards()
    assert cards[0].title.value == "Berater"
    assert cards[0].lang.value == "de"
    assert b"Confidential" not in data


def test_vcard_mailbox_is_an_organisation():
    ContactFactory(kind=ContactKind.MAILBOX, name="Internationale zaken", email="int@enschede.nl")
    _data, cards = vcards()
    assert cards[0].kind.value == "org"


def test_vcard_lines_are_folded_at_75_octets_without_splitting_characters():
    ContactFactory(name="Ü" * 60 + " Müller-Lüdenscheidt", notes="x\ny")
    data, cards = vcards()
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # every physical line is valid UTF-8 on its own
    assert cards[0].fn.value == "Ü" * 60 + " Müller-Lüdenscheidt"


def test_vcard_escapes_newlines_in_values():
    assert exports.vcard_escape("a\r\nb,c;d\\e") == "a\\nb\\,c\\;d\\\\e"


# --- email list ----------------------------------------------------------------


def test_email_list_is_separated_for_a_bcc_field_and_skips_empty_addresses():
    ContactFactory(email="b@example.org")
    ContactFactory(email="a@example.org")
    ContactFactory(email="")
    data = b"".join(exports.email_list_stream(Contact.objects.all())).decode()
    assert data.strip() == "a@example.org; b@example.org"


# --- consent ---------------------------------------------------------------------


def test_a_mailing_includes_only_consenting_contacts_with_an_email_and_says_why_others_are_left_out():
    consented = ContactFactory(mailing_consent=True, mailing_consent_date=datetime.date(2024, 5, 1))
    ContactFactory.create_batch(2, mailing_consent=False)
    ContactFactory(mailing_consent=True, mailing_consent_date=datetime.date(2024, 5, 1), email="")
    selection = contacts_export_select(
        Contact.objects.all(), purpose=ExportPurpose.MAILING, export_format="csv"
    )
    assert list(selection.contacts) == [consented]
    assert (selection.count, selection.without_consent, selection.without_email) == (1, 2, 1)
    assert selection.excluded_count == 3
    with translation.override("en"):
        assert selection.excluded_reasons() == ["2 without consent to mailings", "1 without an email"]


def test_a_contact_list_includes_everyone():
    ContactFactory(mailing_consent=False)
    ContactFactory(email="")
    selection = contacts_export_select(
        Contact.objects.all(), purpose=ExportPurpose.CONTACT_LIST, export_format="xlsx"
    )
    assert (selection.count, selection.excluded_count) == (2, 0)


# --- filters ---------------------------------------------------------------------


def filtered(**data):
    filterset = ContactFilterSet(data, queryset=Contact.objects.all())
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs)


def test_filter_by_partner_kind_country_language_and_topic():
    energy = ThemeFactory(slug="energie")
    institute = PartnerFactory(kind=PartnerKind.KNOWLEDGE_INSTITUTE, country="NL")
    munster = PartnerFactory(kind=PartnerKind.CITY, country="DE")
    scientist = ContactFactory(partner=institute, preferred_language="en")
    german = ContactFactory(partner=munster, preferred_language="de")
    german.topics.set([energy])
    civil_servant = ContactFactory(partner=None, municipality=MunicipalityFactory(country="NL"))

    assert filtered(organisation_kind=["knowledge_institute"]) == {scientist}
    assert filtered(organisation_kind=["municipality"]) == {civil_servant}
    assert filtered(country=["DE"]) == {german}
    assert filtered(country=["NL"]) == {scientist, civil_servant}
    assert filtered(preferred_language=["de"], topic=[energy.pk]) == {german}
    assert filtered(partner=[munster.pk, institute.pk]) == {scientist, german}


def test_filter_by_region_covers_municipalities_located_partners_related_partners_and_networks():
    twente = RegionFactory(slug="regio-twente")
    enschede = MunicipalityFactory()
    twente.municipalities.add(enschede)
    of_municipality = ContactFactory(partner=None, municipality=enschede)
    of_located_partner = ContactFactory(partner=PartnerFactory(located_in=enschede))
    of_related_partner = ContactFactory(partner=RelationshipFactory(region=twente).partner)
    network = PartnerFactory(kind=PartnerKind.NETWORK)
    Membership.objects.create(network=network, member_region=twente)
    of_network = ContactFactory(partner=network)
    ContactFactory()  # elsewhere

    found = filtered(region=[twente.pk])
    assert found == {of_municipality, of_located_partner, of_related_partner, of_network}


def test_filter_by_municipality_includes_partners_located_there():
    hengelo = MunicipalityFactory()
    a = ContactFactory(partner=None, municipality=hengelo)
    b = ContactFactory(partner=PartnerFactory(located_in=hengelo))
    ContactFactory()
    assert filtered(municipality=[hengelo.pk]) == {a, b}


def test_filter_by_consent_public_and_recent_verification():
    today = datetime.date.today()
    recent = ContactFactory(
        last_verified=today, is_public=True, mailing_consent=True, mailing_consent_date=today
    )
    ContactFactory(last_verified=today - datetime.timedelta(days=800))
    ContactFactory(last_verified=None)
    assert filtered(verified_within_months="12") == {recent}
    assert filtered(is_public="true") == {recent}
    assert filtered(mailing_consent="true") == {recent}
    assert len(filtered(mailing_consent="false")) == 2


def test_a_bad_filter_value_is_an_error_not_a_crash():
    filterset = ContactFilterSet(
        {"verified_within_months": "soon", "country": ["XX"]}, queryset=Contact.objects.all()
    )
    assert not filterset.is_valid()
    assert set(filterset.errors) == {"verified_within_months", "country"}


def test_months_ago_clamps_to_the_end_of_a_short_month():
    assert months_ago(datetime.date(2025, 3, 31), 1) == datetime.date(2025, 2, 28)
    assert months_ago(datetime.date(2025, 1, 15), 13) == datetime.date(2023, 12, 15)
