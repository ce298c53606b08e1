from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from projects.models import ParticipantRole, Participation
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


def test_participant_is_exactly_one_organisation_and_one_lead_per_project():
    project = ProjectFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(project=project)
    Participation.objects.create(
        project=project, municipality=MunicipalityFactory(), role=ParticipantRole.LEAD
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(project=project, partner=PartnerFactory(), role=ParticipantRole.LEAD)
