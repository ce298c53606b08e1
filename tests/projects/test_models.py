from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import ParticipantRole, Participation, Project
from tests.factories import MunicipalityFactory, PartnerFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_co_financing_rate_is_derived_from_budget_and_contribution():
    project = ProjectFactory(total_budget=Decimal("1000000"), eu_contribution=Decimal("600000"))
    assert project.co_financing_rate == Decimal("60.0")


@pytest.mark.parametrize(
    ("total", "eu"), [(None, Decimal(5)), (Decimal(5), None), (None, None), (Decimal(0), None)]
)
def test_co_financing_rate_is_unknown_when_a_figure_is(total, eu):
    assert ProjectFactory(total_budget=total, eu_contribution=eu).co_financing_rate is None


def test_eu_contribution_cannot_exceed_the_budget():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(total_budget=Decimal(100), eu_contribution=Decimal(101))


def test_a_project_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(start_date=date(2024, 1, 1), end_date=date(2023, 1, 1))


def test_a_project_date_in_an_implausible_year_is_refused_in_the_staff_members_language():
    project = ProjectFactory.build(start_date=date(1950, 1, 1), end_date=date(2100, 12, 31))
    project.full_clean(exclude=["programme", "district"])
    project.start_date, project.end_date = date(202, 5, 1), date(2205, 12, 31)
    with pytest.raises(ValidationError) as refused:
        project.full_clean(exclude=["programme", "district"])
    with translation.override("nl"):
        assert refused.value.message_dict == {
            "start_date": ["Voer een datum in tussen de jaren 1950 en 2100."],
            "end_date": ["Voer een datum in tussen de jaren 1950 en 2100."],
        }


def test_participant_is_exactly_one_organisation_and_one_lead_per_project():
    project = ProjectFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(project=project)
    Participation.objects.create(
        project=project, municipality=MunicipalityFactory(), role=ParticipantRole.LEAD
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(project=project, partner=PartnerFactory(), role=ParticipantRole.LEAD)


@pytest.mark.parametrize("method", ["for_list", "for_excerpt"])
def test_cards_and_excerpts_leave_the_long_texts_unread(method, django_assert_num_queries):
    """An imported project keeps Kohesio's whole record; a card never shows it, nor the
    descriptions, so a list does not read them (nor make a query per row for them)."""
    ProjectFactory(description_en="Long text", kohesio_source={"fields": {"summary": "x" * 5000}})
    queryset = getattr(Project.objects, method)()
    sql = str(queryset.query)
    assert "kohesio_source" not in sql
    assert '"description' not in sql
    with django_assert_num_queries(3 if method == "for_list" else 1):
        [(project.title, project.programme.name) for project in queryset]
    detail = Project.objects.for_detail().get()
    assert detail.description_en == "Long text" and detail.kohesio_source["fields"]["summary"]
