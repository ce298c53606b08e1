"""Deleting something others still depend on is refused, from its page and by the bulk
action, with a message that says what depends on it; nothing is removed."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from partners.models import Contact, Partner
from projects.models import FundingProgramme, Project
from regions.models import Municipality, Theme
from tests.factories import (
    ContactFactory,
    FundingProgrammeFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PartnerFactory,
    ProjectFactory,
    ThemeFactory,
)
from tests.staff import in_english, staff_member
from twente.core.roles import EDITOR, LIAISON_OFFICER

pytestmark = pytest.mark.django_db


def delete_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def message_texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def liaison(client):
    in_english(client).force_login(staff_member(LIAISON_OFFICER))
    return client


def test_a_partner_with_contacts_and_projects_is_not_deleted(liaison):
    partner = PartnerFactory(name_nl="Stadt Münster")
    ContactFactory(partner=partner, name="Anna Schmidt")
    ParticipationFactory(partner=partner, project=ProjectFactory(title_en="Stadsbeek"))

    for method in (liaison.get, liaison.post):
        response = method(delete_url(partner), {"post": "yes"}, follow=True)
        assert response.redirect_chain[0][0] == reverse("admin:partners_partner_change", args=[partner.pk])
        [message] = message_texts(response)
        assert "cannot be deleted" in message
        contact = Contact.objects.get(name="Anna Schmidt")
        contact_url = reverse("admin:partners_contact_change", args=[contact.pk])
        assert f'<li>1 contact<ul><li><a href="{contact_url}">Anna Schmidt</a></li></ul></li>' in message
        # A participant is edited on its project's page: the link goes there.
        project_url = reverse("admin:projects_project_change", args=[partner.participations.get().project_id])
        assert f'<li>1 participant<ul><li><a href="{project_url}">' in message
    assert Partner.objects.filter(pk=partner.pk).exists()
    assert Contact.objects.filter(partner=partner).count() == 1


def test_a_municipality_with_contacts_or_projects_is_not_deleted(liaison):
    municipality = MunicipalityFactory()
    ProjectFactory(municipalities=[municipality])
    ContactFactory(partner=None, municipality=municipality)
    response = liaison.post(delete_url(municipality), {"post": "yes"})
    [message] = message_texts(response)
    assert "1 contact" in message and "1 project" in message
    assert Municipality.objects.filter(pk=municipality.pk).exists()
    assert municipality.projects.count() == 1


def test_a_programme_with_projects_is_not_deleted(liaison):
    programme = FundingProgrammeFactory()
    ProjectFactory(programme=programme, title_en="Euregional continuous learning pathway")
    response = liaison.post(delete_url(programme), {"post": "yes"})
    [message] = message_texts(response)
    assert ">Euregional continuous learning pathway</a></li></ul></li>" in message
    assert "<li>1 project<ul>" in message
    assert FundingProgramme.objects.filter(pk=programme.pk).exists()


def test_a_theme_in_use_is_not_deleted_and_stays_on_its_projects(liaison):
    theme = ThemeFactory()
    project = ProjectFactory(themes=[theme])
    liaison.post(delete_url(theme), {"post": "yes"})
    assert Theme.objects.filter(pk=theme.pk).exists()
    assert list(project.themes.all()) == [theme]


def test_the_bulk_delete_action_removes_nothing_when_one_item_is_in_use(liaison):
    used, unused = ThemeFactory(), ThemeFactory()
    ProjectFactory(themes=[used])
    data = {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"}
    response = liaison.post(changelist_url(Theme), data)
    messages = message_texts(response)
    assert any("cannot be deleted" in m and "1 project" in m for m in messages)
    assert "Nothing was deleted." in messages
    assert Theme.objects.filter(pk__in=[used.pk, unused.pk]).count() == 2


def test_items_nothing_depends_on_are_still_deleted(liaison):
    theme = ThemeFactory()
    partner = PartnerFactory()
    liaison.post(delete_url(theme), {"post": "yes"})
    data = {"action": "delete_selected", "_selected_action": [partner.pk], "post": "yes"}
    liaison.post(changelist_url(Partner), data)
    assert not Theme.objects.filter(pk=theme.pk).exists()
    assert not Partner.objects.filter(pk=partner.pk).exists()


def test_a_project_goes_with_its_participants(liaison):
    participation = ParticipationFactory()
    project = participation.project
    liaison.post(delete_url(project), {"post": "yes"})
    assert not Project.objects.filter(pk=project.pk).exists()
    assert Partner.objects.filter(pk=participation.partner_id).exists()


def test_an_editor_learns_that_contacts_depend_but_not_their_names(client):
    in_english(client).force_login(staff_member(EDITOR))
    partner = PartnerFactory()
    ContactFactory(partner=partner, name="Anna Schmidt")
    response = client.post(delete_url(partner), {"post": "yes"})
    [message] = message_texts(response)
    assert "1 contact" in message
    assert "Anna Schmidt" not in message
    assert Partner.objects.filter(pk=partner.pk).exists()
