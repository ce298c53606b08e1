"""Applying a Kohesio import: what is written, a second run, a newer file with an
editor's change, a project gone from the file, history, drafts, one transaction."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from projects.kohesio import KohesioFileError
from projects.models import Fund, FundingProgramme, ParticipantRole, Project
from projects.services import KohesioImportOutdated, projects_import_kohesio
from tests.projects.kohesio_data import (
    CYCLE_ROUTE,
    ENSCHEDE_LIGHTING,
    HENGELO_SKILLS,
    IMPORT_DAY,
    OUTSIDE_TWENTE,
    edited_sample,
    one_row_file,
    portal_data,
    sample_bytes,
)
from twente.core.admin import missing_languages
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db


def run(content=None, filename="kohesio-nl-2025.csv", **options):
    options.setdefault("today", IMPORT_DAY)
    return projects_import_kohesio(
        content=sample_bytes() if content is None else content, filename=filename, **options
    )


@pytest.fixture
def portal():
    return portal_data()


def project(kohesio_id):
    return Project.objects.get(kohesio_id=kohesio_id)


def test_the_import_creates_the_region_projects_as_drafts_with_every_field(portal):
    plan = run()
    assert plan.counts["created"] == 4
    assert Project.objects.count() == 4
    lighting = project(ENSCHEDE_LIGHTING)
    assert lighting.publication_state == PublicationState.DRAFT
    assert lighting.title_nl == "[Voorbeeld] Energiezuinige verlichting voor Enschedese scholen"
    assert lighting.title_en == "[Sample] Energy-efficient lighting for Enschede's schools"
    assert lighting.title_de in ("", None)
    assert lighting.slug == "voorbeeld-energiezuinige-verlichting-voor-enschedese-scholen"
    assert (lighting.start_date, lighting.end_date) == (
        datetime.date(2019, 3, 1),
        datetime.date(2021, 12, 31),
    )
    assert (lighting.total_budget, lighting.eu_contribution) == (Decimal("1000000.00"), Decimal("500000.00"))
    assert lighting.co_financing_rate == Decimal("50.0")
    assert lighting.status == "completed"
    assert lighting.kohesio_imported_on == IMPORT_DAY
    assert [t.slug for t in lighting.themes.all()] == ["energy"]
    assert list(lighting.municipalities.all()) == [portal["enschede"]]
    (participation,) = lighting.participations.all()
    assert (participation.partner, participation.role) == (portal["university"], ParticipantRole.LEAD)
    programme = lighting.programme
    assert (programme.code, programme.name_nl, programme.fund) == (
        "2014NL16RFOP003",
        "OP EFRO Oost-Nederland 2014-2020",
        Fund.ERDF,
    )
    assert project(HENGELO_SKILLS).programme.fund == Fund.ESF_PLUS
    assert project(CYCLE_ROUTE).programme == programme, "one programme for the rows that name it"


def test_the_other_language_is_listed_as_not_yet_translated(portal):
    run()
    assert missing_languages(project(ENSCHEDE_LIGHTING)) == ["de"]


def test_fund_names_are_shown_in_each_language(portal):
    run()
    programme = project(ENSCHEDE_LIGHTING).programme
    shown = {}
    for language in ("nl", "en", "de"):
        with translation.override(language):
            shown[language] = programme.get_fund_display()
    assert shown == {"nl": "EFRO", "en": "ERDF", "de": "EFRE"}


def test_a_flag_publishes_new_projects_at_once(portal):
    run(publish=True)
    assert set(Project.objects.values_list("publication_state", flat=True)) == {PublicationState.PUBLISHED}


def test_a_dry_run_changes_nothing(portal):
    plan = run(dry_run=True)
    assert plan.counts["created"] == 4
    assert Project.objects.count() == 0
    assert FundingProgramme.objects.count() == 0


def test_every_change_is_in_the_history_with_the_reason_and_the_file(portal):
    run(filename="kohesio-nl.csv")
    lighting = project(ENSCHEDE_LIGHTING)
    reasons = set(lighting.history.values_list("history_change_reason", flat=True))
    assert reasons == {"kohesio-import:kohesio-nl.csv"}
    latest = lighting.history.first()
    assert [t.theme.slug for t in latest.themes.all()] == ["energy"], "the history records the themes too"
    assert set(lighting.programme.history.values_list("history_change_reason", flat=True)) == {
        "kohesio-import:kohesio-nl.csv"
    }


def test_a_second_run_of_the_same_file_changes_and_creates_nothing(portal):
    run()
    before = {p.pk: (p.version, p.updated_at, p.history.count()) for p in Project.objects.all()}
    plan = run(filename="kohesio-again.csv")
    assert plan.counts["created"] == plan.counts["updated"] == plan.counts["kept"] == 0
    assert plan.counts["unchanged"] == 4
    assert {p.pk: (p.version, p.updated_at, p.history.count()) for p in Project.objects.all()} == before
    assert FundingProgramme.objects.count() == 2


def test_rows_naming_a_new_programme_with_and_without_its_code_share_it(portal):
    """The second row, without the code, made a second programme of the same name; the
    next import of the same file then found the first by name and moved the project
    (found by fuzzing: a repeated import must change nothing)."""
    content = edited_sample(
        change={CYCLE_ROUTE: {"Programme_Code": ""}}, drop=[HENGELO_SKILLS, OUTSIDE_TWENTE]
    )
    run(content)
    lighting, cycle_route = project(ENSCHEDE_LIGHTING), project(CYCLE_ROUTE)
    assert cycle_route.programme == lighting.programme
    assert FundingProgramme.objects.count() == 1
    again = run(content, filename="kohesio-again.csv")
    assert again.writes == [] and not again.new_programmes


def test_a_newer_file_updates_what_editors_left_alone(portal):
    run()
    newer = edited_sample(
        change={
            ENSCHEDE_LIGHTING: {
                "Operation_Name_English": "[Sample] LED lighting for Enschede's schools",
                "Project_EU_Budget": "600000.00",
            }
        }
    )
    plan = run(newer, today=datetime.date(2025, 7, 1))
    assert plan.counts["updated"] == 1
    lighting = project(ENSCHEDE_LIGHTING)
    assert lighting.title_en == "[Sample] LED lighting for Enschede's schools"
    assert lighting.eu_contribution == Decimal("600000.00")
    assert lighting.version == 2, "an editor's form opened before the import is refused (optimistic locking)"
    assert lighting.kohesio_imported_on == datetime.date(2025, 7, 1)
    (row,) = plan.having("updated")
    assert [name for name, _old, _new in row.changes] == ["title_en", "eu_contribution"]


def test_an_editors_change_is_kept_and_reported(portal):
    run()
    lighting = project(ENSCHEDE_LIGHTING)
    lighting.title_en = "LED lights in six Enschede schools"
    lighting.total_budget = Decimal("1200000.00")
    lighting.save()
    newer = edited_sample(
        change={
            ENSCHEDE_LIGHTING: {
                "Operation_Name_English": "[Sample] LED lighting for Enschede's schools",
                "Operation_Name_Programme_Language": "[Voorbeeld] Ledverlichting voor Enschedese scholen",
            }
        }
    )
    plan = run(newer)
    (row,) = plan.having("kept")
    assert row.kohesio_id == ENSCHEDE_LIGHTING
    assert row.kept == [
        ("title_en", "LED lights in six Enschede schools", "[Sample] LED lighting for Enschede's schools")
    ]
    assert [name for name, _old, _new in row.changes] == ["title_nl"]
    lighting.refresh_from_db()
    assert lighting.title_en == "LED lights in six Enschede schools"
    assert lighting.title_nl == "[Voorbeeld] Ledverlichting voor Enschedese scholen"
    assert lighting.total_budget == Decimal("1200000.00"), (
        "the file's unchanged value never overrides an edit"
    )
    # The same newer file again: the editor's title is still kept, and quietly now.
    assert run(newer).counts["unchanged"] == 4


def test_an_editors_themes_and_places_are_kept(portal):
    run()
    lighting = project(ENSCHEDE_LIGHTING)
    lighting.themes.set([portal["themes"]["environment"]])
    newer = edited_sample(change={ENSCHEDE_LIGHTING: {"Category_Label": "Cycle tracks and footpaths"}})
    plan = run(newer)
    (row,) = plan.having("kept")
    assert row.kept[0][0] == "themes"
    assert [t.slug for t in lighting.themes.all()] == ["environment"]


def test_a_project_no_longer_in_the_file_is_reported_never_deleted(portal):
    run()
    plan = run(edited_sample(drop=[CYCLE_ROUTE]))
    assert [p.kohesio_id for p in plan.missing] == [CYCLE_ROUTE]
    assert plan.counts["missing"] == 1
    assert Project.objects.filter(kohesio_id=CYCLE_ROUTE).exists()
    # Imported for another region, it is not "missing" from a Twente file.
    assert run(edited_sample(drop=[CYCLE_ROUTE]), nuts=("DEA34",)).missing == []


def test_invalid_rows_are_left_out_and_the_rest_imports(portal):
    plan = run()
    assert plan.counts["invalid"] == 6
    assert not Project.objects.filter(kohesio_id__in=["Q9990008", "Q9990009", "Q9990011"]).exists()


def test_a_file_of_another_kind_writes_nothing(portal):
    with pytest.raises(KohesioFileError, match="Operation_Unique_Identifier"):
        run(b"name,email\nAnna,anna@example.org\n")
    assert Project.objects.count() == 0


def test_a_failure_half_way_leaves_nothing_written(portal, monkeypatch):
    from projects import services

    calls = []

    def fail_on_second(row, plan, **kwargs):
        calls.append(row)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return original(row, plan, **kwargs)

    original = services._create_project
    monkeypatch.setattr(services, "_create_project", fail_on_second)
    with pytest.raises(RuntimeError):
        run()
    assert Project.objects.count() == 0
    assert FundingProgramme.objects.count() == 0


def test_an_expected_plan_that_no_longer_holds_writes_nothing(portal):
    preview = run(dry_run=True)
    run(one_row_file())  # someone imports meanwhile
    with pytest.raises(KohesioImportOutdated):
        run(expected_fingerprint=preview.fingerprint)
    assert Project.objects.count() == 1


def test_the_point_outside_twente_is_imported_without_a_municipality(portal):
    run()
    outside = project(OUTSIDE_TWENTE)
    assert outside.has_coordinates
    assert outside.municipalities.count() == 0
