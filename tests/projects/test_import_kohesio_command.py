"""`manage.py import_kohesio`: the summary, --nuts, --dry-run, and exit status 2 for a
file that is not a Kohesio file."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from projects.models import Project
from tests.projects.kohesio_data import SAMPLE_CSV, SAMPLE_XLSX, portal_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The reasons are asserted in English, the messages' source language."""
    from django.utils import translation

    with translation.override("en"):
        yield


def command(*args):
    from io import StringIO

    out = StringIO()
    call_command("import_kohesio", *args, stdout=out)
    return out.getvalue()


def test_the_command_imports_and_prints_the_summary():
    portal_data()
    out = command(str(SAMPLE_CSV))
    assert "  created: 4" in out
    assert "  skipped (other regions): 2" in out
    assert "  invalid: 6" in out
    assert "invalid row 11: Total_Eligible_Expenditure_amount: “-5000” is negative." in out
    assert "beneficiary not matched to a partner: “Saxion (sample)” (rows 3)" in out
    assert Project.objects.count() == 4
    again = command(str(SAMPLE_XLSX))
    assert "  unchanged: 4" in again and "  created: 0" in again


def test_dry_run_and_other_regions():
    out = command(str(SAMPLE_CSV), "--nuts", "DEA34", "--nuts", "nl211", "--dry-run")
    assert "for DEA34, NL211" in out and "dry run" in out
    assert "  created: 2" in out
    assert Project.objects.count() == 0


@pytest.mark.parametrize(
    "args", [["README.md"], ["no-such-file.csv"], [str(SAMPLE_CSV), "--nuts", "Twente!"]]
)
def test_a_file_that_is_not_a_kohesio_file_exits_with_status_2(args, tmp_path):
    if args == ["README.md"]:
        path = tmp_path / "contacts.csv"
        path.write_text("name,email,organisation_type,organisation\nAnna,a@example.org,partner,x\n")
        args = [str(path)]
    with pytest.raises(CommandError) as error:
        command(*args)
    assert error.value.returncode == 2
    if "contacts.csv" in args[0]:
        assert "Operation_Unique_Identifier, NUTS3_Code" in str(error.value)
