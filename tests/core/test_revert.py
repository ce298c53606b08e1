"""A revert restores the content of a version (every language, its links and its inline
rows) and leaves publishing alone; every admin save writes one history entry."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from projects.models import ParticipantRole, Participation, Project
from tests.core.test_history import change_url, edit, revert
from tests.factories import (
    ContactFactory,
    MunicipalityFactory,
    PartnerFactory,
    ProjectFactory,
    RelationshipFactory,
    ThemeFactory,
)
from tests.staff import form_data, in_english, staff_member
from twente.core.models import PublicationState
from twente.core.roles import EDITOR, LIAISON_OFFICER

pytestmark = pytest.mark.django_db

TEXTS = {
    "title_nl": "Slimme warmte",
    "title_en": "Smart heat",
    "title_de": "Intelligente Wärme",
    "summary_nl": "Warmtenet voor de wijk.",
    "summary_en": "Heat network for the district.",
    "summary_de": "Wärmenetz für das Viertel.",
}
CHANGED = {key: f"{value} (nieuw)" for key, value in TEXTS.items()}
FIRST_PUBLISHED = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def editor_client(client):
    in_english(client).force_login(staff_member(EDITOR, username="erika"))
    return client


def inline_rows(prefix, rows, existing=0):
    """The management form and rows of an inline formset as a browser posts them."""
    data = {f"{prefix}-TOTAL_FORMS": str(existing + len(rows)), f"{prefix}-INITIAL_FORMS": str(existing)}
    for index, row in enumerate(rows, start=existing):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def published_project_with_links():
    energy = ThemeFactory()
    enschede = MunicipalityFactory()
    project = ProjectFactory(
        themes=[energy],
        municipalities=[enschede],
        published_at=FIRST_PUBLISHED,
        publication_state=PublicationState.PUBLISHED,
        **TEXTS,
    )
    lead = Participation.objects.create(project=project, partner=PartnerFactory(), role=ParticipantRole.LEAD)
    return project, energy, enschede, lead


def test_creating_a_project_writes_one_history_entry_with_its_links_and_participants(editor_client):
    energy, enschede, partner = ThemeFactory(), MunicipalityFactory(), PartnerFactory()
    add_url = reverse("admin:projects_project_add")
    page = editor_client.get(add_url)
    data = form_data(
        page,
        title_nl="Slimme warmte",
        slug="slimme-warmte",
        status="running",
        themes=[str(energy.pk)],
        municipalities=[str(enschede.pk)],
        **inline_rows("participations", [{"partner": str(partner.pk), "role": ParticipantRole.LEAD}]),
    )
    response = editor_client.post(add_url, data)
    assert response.status_code == 302, response.context and response.context["errors"]

    project = Project.objects.get(slug="slimme-warmte")
    assert project.history.count() == 1
    entry = project.history.get()
    assert entry.history_type == "+"
    assert [row.theme_id for row in entry.themes.all()] == [energy.pk]
    assert [row.municipality_id for row in entry.municipalities.all()] == [enschede.pk]
    [row] = entry.related_snapshot["participations"]
    assert row["fields"]["partner"] == partner.pk and row["fields"]["role"] == "lead"


def test_an_edit_of_texts_links_and_participants_writes_one_history_entry(editor_client):
    project, _energy, _enschede, _lead = published_project_with_links()
    before = project.history.count()
    page = editor_client.get(change_url(project))
    other = PartnerFactory()
    data = form_data(page, title_en="Changed", themes=[str(ThemeFactory().pk)])
    data.update(inline_rows("participations", [{"partner": str(other.pk), "role": "partner"}], existing=1))
    response = editor_client.post(change_url(project), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert project.history.count() == before + 1
    latest = project.history.first()
    assert len(latest.related_snapshot["participations"]) == 2


@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_revert_of_a_published_project_keeps_it_published_and_restores_everything(editor_client, language):
    project, energy, enschede, lead = published_project_with_links()
    # The version to go back to, as the admin records it.
    edit(editor_client, project)
    version = project.history.first()

    health, hengelo = ThemeFactory(), MunicipalityFactory()
    newcomer = PartnerFactory()
    page = editor_client.get(change_url(project))
    data = form_data(page, themes=[str(health.pk)], municipalities=[str(hengelo.pk)], **CHANGED)
    data["participations-0-DELETE"] = "on"
    data.update(inline_rows("participations", [{"partner": str(newcomer.pk), "role": "partner"}], existing=1))
    response = editor_client.post(change_url(project), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(project.participations.values_list("partner", flat=True)) == [newcomer.pk]

    with translation.override(language):
        response = revert(editor_client, project, version)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.publication_state == PublicationState.PUBLISHED
    assert project.published_at == FIRST_PUBLISHED
    for field, value in TEXTS.items():
        assert getattr(project, field) == value, field
    assert list(project.themes.all()) == [energy]
    assert list(project.municipalities.all()) == [enschede]
    assert [(row.pk, row.partner_id, row.role) for row in project.participations.all()] == [
        (lead.pk, lead.partner_id, ParticipantRole.LEAD)
    ]
    # The public page still answers, and the editor is told the change is live.
    assert editor_client.get(project.get_absolute_url()).status_code == 200
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("live on the public site" in message for message in messages)
    assert project.history.first().history_change_reason.startswith("restored:")


def test_revert_of_a_draft_keeps_it_a_draft(editor_client):
    project = ProjectFactory(publication_state=PublicationState.DRAFT, **TEXTS)
    edit(editor_client, project)
    version = project.history.first()
    edit(editor_client, project, **CHANGED)
    revert(editor_client, project, version)
    project.refresh_from_db()
    assert project.publication_state == PublicationState.DRAFT and project.published_at is None
    assert project.title_de == TEXTS["title_de"]


def test_revert_restores_an_organisations_relationships_and_contacts(client):
    in_english(client).force_login(staff_member(LIAISON_OFFICER, username="lena"))
    partner = PartnerFactory(published_at=timezone.now())
    relationship = RelationshipFactory(partner=partner, note_nl="Oud", note_en="Old", note_de="Alt")
    contact = ContactFactory(partner=partner, job_title_nl="Adviseur", job_title_de="Berater")
    edit(client, partner)
    version = partner.history.first()
    assert {"relationships", "members", "contacts"} <= set(version.related_snapshot)

    relationship.note_en = "Changed"
    relationship.save()
    contact.job_title_de = "Leiterin"
    contact.save()
    RelationshipFactory(partner=partner)
    edit(client, partner)

    revert(client, partner, version)
    assert [(r.pk, r.note_nl, r.note_en, r.note_de) for r in partner.relationships.all()] == [
        (relationship.pk, "Oud", "Old", "Alt")
    ]
    contact.refresh_from_db()
    assert (contact.job_title_nl, contact.job_title_de) == ("Adviseur", "Berater")
