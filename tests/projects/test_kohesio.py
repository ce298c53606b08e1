"""Reading a Kohesio file and planning the import: columns, regions, every mapping,
the municipality from the map, and each kind of invalid row. Nothing is written here."""

from decimal import Decimal

import pytest

from projects.kohesio import (
    KohesioFileError,
    build_plan,
    fold,
    read_kohesio_file,
    read_table,
    status_on,
    themes_for,
)
from projects.models import FundingProgramme, Project
from tests.factories import FundingProgrammeFactory, PartnerFactory
from tests.projects.kohesio_data import (
    BORKEN_HYDROGEN,
    CYCLE_ROUTE,
    ENSCHEDE_LIGHTING,
    HENGELO_SKILLS,
    IMPORT_DAY,
    OUTSIDE_TWENTE,
    SAMPLE_XLSX,
    edited_sample,
    one_row_file,
    portal_data,
    sample_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The reasons are asserted in English, the messages' source language."""
    from django.utils import translation

    with translation.override("en"):
        yield


def plan_of(content=None, filename="kohesio.csv", **options):
    table = read_kohesio_file(sample_bytes() if content is None else content, filename)
    return build_plan(table, today=IMPORT_DAY, **options)


def row_of(plan, identifier):
    return next(row for row in plan.rows if row.kohesio_id == identifier)


@pytest.fixture
def portal():
    return portal_data()


def test_the_sample_is_planned_by_region_and_row(portal):
    plan = plan_of()
    assert plan.counts == {
        "created": 4,
        "updated": 0,
        "kept": 0,
        "unchanged": 0,
        "skipped": 2,
        "invalid": 6,
        "missing": 0,
    }
    assert [row.number for row in plan.having("skipped")] == [6, 7]
    assert Project.objects.count() == 0 and FundingProgramme.objects.count() == 0, "planning writes nothing"


def test_the_excel_sample_plans_exactly_as_the_csv(portal):
    csv_plan = plan_of()
    xlsx_plan = plan_of(SAMPLE_XLSX.read_bytes(), "kohesio-sample.xlsx")
    assert xlsx_plan.fingerprint == csv_plan.fingerprint
    assert [row.values for row in xlsx_plan.rows] == [row.values for row in csv_plan.rows]


def test_a_byte_order_mark_and_other_header_case_are_read():
    text = sample_bytes().decode("utf-8").replace("NUTS3_Code", "nuts3_code", 1)
    table = read_table(b"\xef\xbb\xbf" + text.encode("utf-8"), "k.csv")
    assert table.header[0] == "Operation_Unique_Identifier"
    assert len(plan_of(b"\xef\xbb\xbf" + text.encode("utf-8")).having("created")) == 4


def test_other_regions_are_chosen_with_nuts_codes(portal):
    plan = plan_of(nuts=("DEA34", "NL211"))
    assert {row.kohesio_id for row in plan.having("created")} == {BORKEN_HYDROGEN, "Q9990005"}
    assert plan.counts["skipped"] == 10  # the Twente rows, the invalid ones included
    both = plan_of(nuts=("NL213", "DEA34"))
    assert both.counts["created"] == 5


@pytest.mark.parametrize(
    ("content", "missing"),
    [
        (
            b"name,kind,email,organisation_type,organisation\nAnna,person,a@example.org,partner,x\n",
            [
                "Operation_Unique_Identifier",
                "NUTS3_Code",
                "Operation_Name_Programme_Language or Operation_Name_English",
            ],
        ),
        (b"Operation_Unique_Identifier,Operation_Name_English\nQ1,A title\n", ["NUTS3_Code"]),
        (b"", []),
    ],
    ids=["contact export", "no region column", "empty"],
)
def test_a_file_of_another_kind_is_refused_with_the_missing_columns(content, missing):
    with pytest.raises(KohesioFileError) as error:
        read_kohesio_file(content, "file.csv")
    for column in missing:
        assert column in str(error.value)


@pytest.mark.parametrize(
    ("content", "filename"),
    [
        (b"PK\x03\x04 not really a workbook", "projects.xlsx"),
        ("Operation_Unique_Identifier;NUTS3_Code\nQ1;NL213\n".encode("utf-16"), "latin.csv"),
        (b"%PDF-1.7\x00\x00binary", "report.csv"),
    ],
    ids=["damaged xlsx", "not utf-8", "binary"],
)
def test_an_unreadable_file_is_refused_with_a_reason(content, filename):
    with pytest.raises(KohesioFileError):
        read_kohesio_file(content, filename)


def test_a_file_above_the_upload_limit_is_refused_unless_the_limit_is_lifted():
    content = sample_bytes()
    with pytest.raises(KohesioFileError, match="larger than"):
        read_kohesio_file(content, "k.csv", limit=len(content) - 1)
    assert read_kohesio_file(content, "k.csv", limit=None).rows


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (8, "no Kohesio identifier"),
        (9, "no title"),
        (10, "“2020-13-45” is not a date"),
        (11, "“-5000” is negative"),
        (12, "EU budget (300000.00) is above the total eligible expenditure (200000.00)"),
        (13, "“95.0,6.9” lie outside the globe"),
    ],
)
def test_each_invalid_row_is_named_with_its_number_and_reason(portal, number, reason):
    row = next(row for row in plan_of().rows if row.number == number)
    assert row.status == "invalid"
    assert reason in " ".join(row.errors)


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"Operation_End_Date": "2018-01-01"}, "ends before it starts"),
        ({"Total_Eligible_Expenditure_Currency": "PLN"}, "in PLN, not in euro"),
        ({"Project_EU_Budget": "lots"}, "is not a number"),
        ({"Total_Eligible_Expenditure_amount": "1e15"}, "is too large"),
        ({"Location_Indicator_latitude_longitude": "52.2"}, "are not “latitude,longitude”"),
        ({"Location_Indicator_latitude_longitude": "52.2,200"}, "outside the globe"),
        ({"Operation_Start_Date": "0202-01-01"}, "0202-01-01 does not lie between the years 1950 and 2100"),
        ({"Operation_End_Date": "2205-12-31"}, "2205-12-31 does not lie between the years 1950 and 2100"),
    ],
)
def test_other_values_that_break_the_database_rules_make_the_row_invalid(portal, values, reason):
    row = row_of(plan_of(one_row_file(**values)), ENSCHEDE_LIGHTING)
    assert row.status == "invalid"
    assert reason in " ".join(row.errors)


def test_an_identifier_twice_in_the_file_is_invalid_the_second_time(portal):
    content = sample_bytes().decode("utf-8").replace("Q9990002", "Q9990003", 1).encode("utf-8")
    row = next(row for row in plan_of(content).rows if row.number == 4)
    assert row.status == "invalid"
    assert "also appears on row 3" in row.errors[0]


def test_texts_go_to_the_programme_language_and_english(portal):
    values = row_of(plan_of(), ENSCHEDE_LIGHTING).values
    assert values["title_nl"] == "[Voorbeeld] Energiezuinige verlichting voor Enschedese scholen"
    assert values["title_en"] == "[Sample] Energy-efficient lighting for Enschede's schools"
    assert values["title_de"] == ""  # falls back, and is listed as not yet translated
    assert values["summary_nl"].startswith("[Voorbeeld] Verzonnen")
    assert values["summary_en"].startswith("[Sample] Invented")
    german = row_of(plan_of(nuts=("DEA34",)), BORKEN_HYDROGEN).values
    assert german["title_de"] == "[Beispiel] Grenzüberschreitende Wasserstofftankstelle"
    assert german["title_nl"] == ""


def test_a_long_summary_is_shortened_and_kept_whole_as_description(portal):
    values = row_of(plan_of(), HENGELO_SKILLS).values
    assert len(values["summary_en"]) <= 400 and values["summary_en"].endswith("…")
    assert len(values["description_en"]) > 400
    assert values["description_en"].startswith(values["summary_en"][:-1])


def test_dates_amounts_and_status(portal):
    plan = plan_of()
    lighting = row_of(plan, ENSCHEDE_LIGHTING).values
    assert str(lighting["start_date"]) == "2019-03-01"
    assert str(lighting["end_date"]) == "2021-12-31"  # given with a time part
    assert lighting["total_budget"] == Decimal("1000000.00")
    assert lighting["eu_contribution"] == Decimal("500000.00")
    assert lighting["status"] == "completed"
    assert row_of(plan, CYCLE_ROUTE).values["status"] == "running"
    assert row_of(plan, HENGELO_SKILLS).values["status"] == "planned"


def test_status_follows_the_day():
    import datetime

    start, end = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
    assert status_on(datetime.date(2023, 12, 31), start, end) == "planned"
    assert status_on(start, start, end) == "running"
    assert status_on(end, start, end) == "running"
    assert status_on(datetime.date(2025, 1, 1), start, end) == "completed"
    assert status_on(datetime.date(2025, 1, 1), None, None) == ""


def test_programmes_are_matched_by_code_or_name_else_planned_new(portal):
    by_code = FundingProgrammeFactory(slug="op-oost", name_nl="Oost-Nederland", code="2014NL16RFOP003")
    by_name = FundingProgrammeFactory(slug="esf", name_nl="ESF+ Programma Nederland 2021-2027")
    plan = plan_of()
    assert row_of(plan, ENSCHEDE_LIGHTING).values["programme"] == by_code
    assert row_of(plan, HENGELO_SKILLS).values["programme"] == by_name  # case-insensitive name
    assert plan.new_programmes == {}
    FundingProgramme.objects.all().delete()
    new = plan_of().new_programmes
    assert {(p.code, p.name, p.fund) for p in new.values()} == {
        ("2014NL16RFOP003", "OP EFRO Oost-Nederland 2014-2020", "ERDF"),
        ("2021NL05SFPR001", "ESF+ programma Nederland 2021-2027", "ESF+"),
    }


def test_categories_and_objectives_map_to_themes_through_the_table(portal):
    plan = plan_of()
    themes = {row.kohesio_id: [t.slug for t in row.values["themes"]] for row in plan.having("created")}
    assert themes[ENSCHEDE_LIGHTING] == ["energy"]
    assert themes[CYCLE_ROUTE] == ["mobility"]
    assert themes[OUTSIDE_TWENTE] == ["water"]
    assert themes[HENGELO_SKILLS] == []
    assert plan.unmapped == {
        "180 Preparation, implementation, monitoring and control": [4],
        "PO4 A more social and inclusive Europe": [4],
    }


def test_a_mapped_theme_the_portal_lacks_is_listed_not_made(portal):
    portal["themes"]["energy"].delete()
    plan = plan_of()
    assert row_of(plan, ENSCHEDE_LIGHTING).values["themes"] == []
    assert "theme “energy” (not in the portal)" in plan.unmapped


def test_objective_numbers_are_read_in_every_spelling():
    assert themes_for({"Thematic_Objective_ID": "04"})[0] == ["energy"]
    assert themes_for({"Thematic_Objective_ID": "TO10"})[0] == ["education"]
    assert themes_for({"Policy_Objective_ID": "PO2|PO3"})[0] == ["environment", "mobility"]
    assert themes_for({"Category_Label": "Support to SMEs|Broadband"})[0] == ["economy", "smart-city"]


def test_the_municipality_comes_from_the_point_in_its_boundary(portal):
    plan = plan_of()
    lighting = row_of(plan, ENSCHEDE_LIGHTING).values
    assert lighting["municipalities"] == [portal["enschede"]]
    assert (lighting["latitude"], lighting["longitude"]) == (Decimal("52.221500"), Decimal("6.893700"))
    assert row_of(plan, HENGELO_SKILLS).values["municipalities"] == [portal["hengelo"]]


def test_a_point_outside_twente_keeps_its_coordinates_and_no_municipality(portal):
    row = row_of(plan_of(), OUTSIDE_TWENTE)
    assert row.values["municipalities"] == []
    assert row.values["latitude"] == Decimal("52.516800")
    assert "outside every Twente municipality" in row.notes[0]


def test_without_coordinates_the_postal_code_of_one_municipality_places_the_project(portal):
    # Row 3 has no coordinates; its postal area 7511 is where row 2 lies (Enschede).
    assert row_of(plan_of(), CYCLE_ROUTE).values["municipalities"] == [portal["enschede"]]


def test_a_postal_code_in_two_municipalities_places_nothing(portal):
    content = edited_sample(change={HENGELO_SKILLS: {"Postal_Code": "7511 XY"}})
    row = row_of(plan_of(content), CYCLE_ROUTE)
    assert row.values["municipalities"] == []
    assert "No municipality found" in row.notes[0]


def test_beneficiaries_are_matched_by_name_without_accents_or_case(portal):
    munster = PartnerFactory(slug="stadt-munster", name_nl="Stadt Münster")
    content = one_row_file(Beneficiary_Name="STADT MUNSTER|universiteit  twente|Unknown GmbH")
    plan = plan_of(content)
    assert row_of(plan, ENSCHEDE_LIGHTING).values["participants"] == [munster, portal["university"]]
    assert plan.unmatched_beneficiaries == {"Unknown GmbH": [2]}
    assert fold("Münster  ÉCOLE") == "munster ecole"


def test_an_identifier_uri_gives_the_kohesio_page(portal):
    project = Project(kohesio_id=ENSCHEDE_LIGHTING)
    assert project.kohesio_url == "https://kohesio.ec.europa.eu/en/projects/Q9990001"
    assert project.source_name == "Kohesio, European Commission"
    assert Project(kohesio_id="2014NL16RFOP003-0042").kohesio_url == ""
    assert Project().source_name == ""
