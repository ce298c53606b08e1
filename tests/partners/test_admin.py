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
        "projects_project": "partner",
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


def test_the_project_count_leads_to_the_partners_projects(client, partners):
    """The link was refused with a 400 (a lookup through participations that the
    project list did not allow); found by crawling the admin."""
    ParticipationFactory(partner=PartnerFactory())
    in_english(client).force_login(staff_member(EDITOR))
    url = f"{reverse('admin:projects_project_changelist')}?partner={partners.pk}"
    response = client.get(url)
    assert response.status_code == 200
    shown = {project.pk for project in response.context["cl"].result_list}
    assert shown == set(partners.participations.values_list("project", flat=True))
    assert len(shown) == 2
    assert "By partner organisation" in response.content.decode()
    assert partners.name in response.content.decode()
    # Not a partner: the admin's "invalid filter" page, never every project unfiltered.
    for hostile in ("abc", "-1", "1.5", "²", "9" * 20, str(partners.pk + 100)):
        refused = client.get(reverse("admin:projects_project_changelist"), {"partner": hostile})
        assert refused.status_code == 302 and refused["Location"].endswith("?e=1"), hostile
    unfiltered = client.get(reverse("admin:projects_project_changelist")).content.decode()
    assert "By partner organisation" not in unfiltered, "no list of every partner"
