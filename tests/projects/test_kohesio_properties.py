"""Whatever a Kohesio file holds (plausible values, edge cases and random text, as CSV
or Excel), importing it and importing the same file again changes nothing, and every
project it published has a page in the three languages. A coverage-guided fuzzer
(atheris) running these properties found a repeated import moving projects between two
programmes of one name; the cases are kept here with hypothesis."""

import pytest
from django.db import transaction
from django.test import Client
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from projects.kohesio import IDENTIFIER, KNOWN_COLUMNS, NAME_EN, NUTS3, KohesioFileError
from projects.models import Project
from projects.services import projects_import_kohesio
from tests.projects.kohesio_data import IMPORT_DAY, portal_data
from tests.spreadsheets import table_file
from tests.twente.test_hostile_input import BOUNDED

pytestmark = pytest.mark.django_db

PLAUSIBLE = {
    IDENTIFIER: ["2014NL16RFOP003-0001", "2021NL16FFPR002-0042", "Q9990001", "X", "NL-1|NL-2"],
    NAME_EN: ["Smart energy in Twente", "Cycling route F35", "A" * 600],
    "Operation_Name_Programme_Language": ["Slimme energie in Twente", "Fietsroute F35"],
    "Country": ["NL", "Netherlands", "Deutschland", "BE"],
    "Postal_Code": ["7511 AB", "7500", "48143"],
    "Operation_Start_Date": ["2016-01-01", "2016-01-01T00:00:00", "2016-13-01", "01-01-2016", "0001-01-01"],
    "Operation_End_Date": ["2020-12-31", "2015-01-01", "2030-06-30T12:00:00Z"],
    "Total_Eligible_Expenditure_amount": ["1000000", "1 000 000.50", "-1", "1e30", "NaN", "0"],
    "Project_EU_Budget": ["500000", "2000000", "0.005", "Infinity"],
    "Beneficiary_Name": ["Universiteit Twente", "University of Twente|Gemeente Enschede", "|"],
    "Location_Indicator_latitude_longitude": ["52.22,6.89", "52.27,6.79", "91,0", "-90,-180", "abc", "0,0"],
    "Category_Label": ["Energy efficiency", "Cycling infrastructure|Research and innovation", "Heritage"],
    "Thematic_Objective_ID": ["TO04", "4", "TO99"],
    "Policy_Objective_ID": ["PO2", "PO1|PO3"],
    "Fund_Code": ["ERDF", "EFRO", "ESF PLUS", "XYZ"],
    NUTS3: ["NL213", "NL213", "NL213", "nl213", "DEA33"],
    "LAU_Labels": ["Enschede", "Hengelo|Enschede", "Münster"],
    "Operation_Summary_English": ["A project.", "Line\nbreak", "<script>x</script>"],
    "Operation_Summary_Programme_Language": ["Een project.", "B" * 3000],
}
TEXT = st.characters(exclude_characters="\x00")


def cell(column):
    plausible = st.sampled_from(PLAUSIBLE.get(column, [""]))
    return st.integers(0, 9).flatmap(
        lambda n: st.text(TEXT, max_size=12) if n == 0 else st.just("") if n == 1 else plausible
    )


PROGRAMMES = [("2014NL16RFOP003", "OP EFRO Oost-Nederland"), ("2021NL16FFPR002", "JTF Nederland")]


@st.composite
def kohesio_row(draw, columns):
    """Mostly a Twente row with its own identifier; its programme one of a few, named as
    real files do: by code and name, or by one of them."""
    values = {column: draw(cell(column)) for column in columns}
    if draw(st.integers(0, 4)):
        values[IDENTIFIER] = draw(st.from_regex(r"Q999[0-9]{2}", fullmatch=True))
        values[NUTS3] = "NL213"
    code, name = draw(st.sampled_from(PROGRAMMES))
    left_out = draw(st.sampled_from(["", "", "code", "name"]))
    values["Programme_Code"] = "" if left_out == "code" else code
    values["Programme_Name"] = "" if left_out == "name" else name
    return [values[column] for column in columns]


@st.composite
def kohesio_files(draw):
    always = (IDENTIFIER, NUTS3, NAME_EN, "Programme_Code", "Programme_Name")
    chosen = draw(st.sets(st.sampled_from([column for column in PLAUSIBLE if column not in always])))
    columns = [column for column in KNOWN_COLUMNS if column in always or column in chosen]
    rows = draw(st.lists(kohesio_row(columns), min_size=1, max_size=5))
    return table_file([columns, *rows], "kohesio", excel=draw(st.booleans()))


@pytest.fixture
def portal():
    return portal_data()


def assert_repeatable(content, filename):
    try:
        plan = projects_import_kohesio(content=content, filename=filename, publish=True, today=IMPORT_DAY)
    except KohesioFileError:
        return
    again = projects_import_kohesio(content=content, filename=filename, today=IMPORT_DAY, dry_run=True)
    assert [(row.number, row.status, row.changes) for row in again.writes] == []
    assert not again.new_programmes
    client = Client()
    for project in Project.objects.filter(kohesio_id__in=[row.kohesio_id for row in plan.writes]):
        for language in ("nl", "en", "de"):
            with translation.override(language):
                address = project.get_absolute_url()
            assert client.get(address).status_code == 200, address


@settings(BOUNDED, max_examples=30)
@given(file=kohesio_files())
def test_a_kohesio_file_imported_twice_changes_nothing_the_second_time(portal, file):
    with transaction.atomic():
        try:
            assert_repeatable(*file)
        finally:
            transaction.set_rollback(True)  # the next example starts from the portal's data alone
