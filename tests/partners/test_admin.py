"""The partner admin list: its counts of projects and contacts."""

import pytest
from django.urls import reverse

from tests.factories import ContactFactory, ParticipationFactory, PartnerFactory
from tests.staff import in_english, staff_member
from twente.core.roles import EDITOR, LIAISON_OFFICER

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners():
    busy = PartnerFactory(name_en="Busy partner")
    ParticipationFactory.create_batch(2, partner=busy)
    ContactFactory.create_batch(3, partner=busy)
    PartnerFactory(name_en="Quiet partner")
    return busy


def count_links(page, model, partner):
    """The link texts to `model`'s admin list filtered to the partner."""
    url = reverse(f"admin:{model}_changelist")
    query = {
        "projects_project": "participations__partner__id__exact",
        "partners_contact": "partner__id__exact",
    }[model]
    marker = f'<a href="{url}?{query}={partner.pk}">'
    return [part.split("</a>")[0] for part in page.split(marker)[1:]]


def test_each_partner_shows_its_number_of_projects_and_contacts(client, partners):
    # Counted apart: joined together, 2 participations and 3 contacts would count 6 each.
    in_english(client).force_login(staff_member(LIAISON_OFFICER))
    page = client.get(reverse("admin:partners_partner_changelist")).content.decode()
    assert count_links(page, "projects_project", partners) == ["2"]
    assert count_links(page, "partners_contact", partners) == ["3"]
    assert "Quiet partner" in page
    # Sorted by either count, most first (the columns after the checkbox and five others).
    for column in (6, 7):
        ordered = client.get(reverse("admin:partners_partner_changelist") + f"?o=-{column}").content.decode()
        assert ordered.index("Busy partner") < ordered.index("Quiet partner")


def test_editors_see_the_project_count_without_contacts(client, partners):
    in_english(client).force_login(staff_member(EDITOR))
    page = client.get(reverse("admin:partners_partner_changelist")).content.decode()
    assert count_links(page, "projects_project", partners) == ["2"]
    assert count_links(page, "partners_contact", partners) == []
