"""Two staff members editing the same item: the later save is refused with a link to
the other person's change, their input stays in the form, and the first edit survives."""

import pytest
from django.test import Client
from django.urls import reverse

from partners.models import Contact, ContactList
from tests.core.test_history import revert
from tests.factories import (
    ClusterFactory,
    ContactFactory,
    FundingProgrammeFactory,
    PartnerFactory,
    ProjectFactory,
    ThemeFactory,
)
from tests.staff import form_data, in_english, staff_member
from twente.core.models import PublicationState
from twente.core.roles import EDITOR, LIAISON_OFFICER

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = in_english(Client())
    client.force_login(user)
    return client


@pytest.fixture
def anna():
    return logged_in(staff_member(LIAISON_OFFICER, username="anna"))


@pytest.fixture
def bert():
    return logged_in(staff_member(LIAISON_OFFICER, username="bert"))


def test_the_later_conflicting_save_is_refused_and_the_first_edit_survives(anna, bert):
    partner = PartnerFactory(description_de="Vorher.")
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    annas_form = anna.get(url)
    berts_form = bert.get(url)

    assert anna.post(url, form_data(annas_form, description_de="Annas Text.")).status_code == 302

    response = bert.post(url, form_data(berts_form, description_de="Berts Text."))
    assert response.status_code == 200
    page = response.content.decode()
    assert "anna saved this item" in page
    history = reverse("admin:partners_partner_history", args=[partner.pk])
    assert f'<a href="{history}">See their change</a>' in page
    # A link to the form anew: reloading would post the refused form again.
    assert f'<a href="{url}">open the latest version</a>' in page
    assert "Berts Text." in page  # his input is still there to copy
    partner.refresh_from_db()
    assert partner.description_de == "Annas Text."
    assert partner.history.first().history_user.username == "anna"


def test_two_liaison_officers_editing_one_contact_cannot_overwrite_each_other(anna, bert):
    contact = ContactFactory(name="Jan Jansen", job_title_en="Officer")
    url = reverse("admin:partners_contact_change", args=[contact.pk])
    annas_form, berts_form = anna.get(url), bert.get(url)
    assert anna.post(url, form_data(annas_form, job_title_en="Liaison officer")).status_code == 302
    response = bert.post(url, form_data(berts_form, job_title_en="Head of office"))
    assert response.status_code == 200
    assert "anna saved this item" in response.content.decode()
    contact.refresh_from_db()
    assert contact.job_title_en == "Liaison officer"


def test_two_liaison_officers_editing_one_saved_list_cannot_drop_each_others_members(anna, bert):
    first, second = ContactFactory(name="Jan Jansen"), ContactFactory(name="Petra Peters")
    delegation = ContactList.objects.create(name="Delegation Münster 2027")
    delegation.members.add(first)
    url = reverse("admin:partners_contactlist_change", args=[delegation.pk])
    annas_form, berts_form = anna.get(url), bert.get(url)
    assert anna.post(url, form_data(annas_form, members=[first.pk, second.pk])).status_code == 302
    response = bert.post(url, form_data(berts_form, description="Visit in March."))
    assert response.status_code == 200
    assert "anna saved this item" in response.content.decode()
    assert set(delegation.members.all()) == {first, second}
    # Reloaded, his form starts from her version and saves.
    assert bert.post(url, form_data(bert.get(url), description="Visit in March.")).status_code == 302
    delegation.refresh_from_db()
    assert delegation.description == "Visit in March." and delegation.members.count() == 2


def test_members_added_from_the_contact_list_make_an_open_list_form_outdated(anna, bert):
    first, second = ContactFactory(name="Jan Jansen"), ContactFactory(name="Petra Peters")
    delegation = ContactList.objects.create(name="Delegation Münster 2027")
    delegation.members.add(first)
    url = reverse("admin:partners_contactlist_change", args=[delegation.pk])
    annas_form = anna.get(url)
    # Bert adds Petra with the contact list's action "Add selected contacts to a saved list".
    changelist = reverse("admin:partners_contact_changelist")
    bert.post(
        changelist,
        {"action": "add_to_saved_list", "_selected_action": [second.pk], "list_name": delegation.name},
    )
    assert set(delegation.members.all()) == {first, second}
    response = anna.post(url, form_data(annas_form, description="Visit in March."))
    assert response.status_code == 200, "refused: her form did not list Petra"
    assert "bert saved this item" in response.content.decode()  # not "anna" (the action is logged)
    assert set(delegation.members.all()) == {first, second}


def test_a_member_erased_makes_an_open_list_form_outdated(anna, bert):
    """Her form said only "20011 is not a valid choice" (a two-editor check); now it
    also says the list changed after she opened it, and who changed it."""
    first, second = ContactFactory(name="Jan Jansen"), ContactFactory(name="Petra Peters")
    delegation = ContactList.objects.create(name="Delegation Münster 2027")
    delegation.members.add(first, second)
    url = reverse("admin:partners_contactlist_change", args=[delegation.pk])
    annas_form = anna.get(url)
    changelist = reverse("admin:partners_contact_changelist")
    erase = {"action": "erase_selected", "_selected_action": [second.pk], "confirm_erase": "yes"}
    bert.post(changelist, erase)
    response = anna.post(url, form_data(annas_form, description="Visit in March."))
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert list(delegation.members.all()) == [first]


@pytest.mark.parametrize(
    ("factory", "admin_name"),
    [
        (ThemeFactory, "regions_theme"),
        (ClusterFactory, "regions_cluster"),
        (FundingProgrammeFactory, "projects_fundingprogramme"),
    ],
)
def test_themes_clusters_and_programmes_open_save_and_refuse_a_stale_save(factory, admin_name):
    # Items that are never published are versioned too: their pages opened with a 500
    # while the form asked for a version they did not have.
    anna = logged_in(staff_member(EDITOR, username="anna"))
    bert = logged_in(staff_member(EDITOR, username="bert"))
    item = factory(description_en="Before.")
    url = reverse(f"admin:{admin_name}_change", args=[item.pk])
    annas_form, berts_form = anna.get(url), bert.get(url)
    assert annas_form.status_code == berts_form.status_code == 200

    assert anna.post(url, form_data(annas_form, description_en="Anna's text.")).status_code == 302
    response = bert.post(url, form_data(berts_form, description_en="Bert's text."))
    assert response.status_code == 200
    assert "anna saved this item" in response.content.decode()
    item.refresh_from_db()
    assert (item.description_en, item.version) == ("Anna's text.", 2)

    # And an earlier version is restored from the history.
    assert revert(bert, item, item.history.last()).status_code == 302
    item.refresh_from_db()
    assert (item.description_en, item.version) == ("Before.", 3)


def test_a_fresh_form_after_the_conflict_saves(anna, bert):
    partner = PartnerFactory()
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    berts_form = bert.get(url)
    anna.post(url, form_data(anna.get(url), description_en="Anna's text."))
    assert bert.post(url, form_data(berts_form, description_en="Bert's text.")).status_code == 200

    assert bert.post(url, form_data(bert.get(url), description_en="Bert's text.")).status_code == 302
    partner.refresh_from_db()
    assert partner.description_en == "Bert's text."
    assert partner.version == 3


def test_successive_saves_by_one_editor_each_move_the_version_on(anna):
    partner = PartnerFactory()
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    for number in range(3):
        assert anna.post(url, form_data(anna.get(url), city=f"Stad {number}")).status_code == 302
    partner.refresh_from_db()
    assert partner.version == 4
    assert partner.city == "Stad 2"


def test_a_conflict_is_caught_with_inline_contacts_and_keeps_them(anna, bert):
    partner = PartnerFactory()
    contact = ContactFactory(partner=partner, name="Jan Jansen")
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    annas_form = anna.get(url)
    berts_form = bert.get(url)
    contact_field = next(k for k in form_data(annas_form) if k.startswith("contacts") and k.endswith("-name"))

    assert anna.post(url, form_data(annas_form, **{contact_field: "Jan Janssen"})).status_code == 302
    response = bert.post(url, form_data(berts_form, **{contact_field: "J. Jansen"}))
    assert response.status_code == 200
    assert "anna saved this item" in response.content.decode()
    contact.refresh_from_db()
    assert contact.name == "Jan Janssen"


def test_publishing_meanwhile_also_makes_an_open_form_stale(anna, bert):
    project = ProjectFactory(publication_state=PublicationState.DRAFT)
    url = reverse("admin:projects_project_change", args=[project.pk])
    berts_form = bert.get(url)
    changelist = reverse("admin:projects_project_changelist")
    anna.post(changelist, {"action": "publish_selected", "_selected_action": [project.pk]})
    project.refresh_from_db()
    assert project.publication_state == PublicationState.PUBLISHED

    response = bert.post(url, form_data(berts_form, summary_en="Bert's summary."))
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.summary_en != "Bert's summary."
    assert project.publication_state == PublicationState.PUBLISHED


def test_a_revert_from_a_stale_page_is_refused(anna, bert):
    partner = PartnerFactory(name_de="Erste Fassung")
    first = partner.history.first()
    revert_url = reverse("admin:partners_partner_simple_history", args=[partner.pk, first.pk])
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    stale_revert_page = bert.get(revert_url)
    anna.post(url, form_data(anna.get(url), name_de="Zweite Fassung"))

    assert bert.post(revert_url, form_data(stale_revert_page)).status_code == 200
    partner.refresh_from_db()
    assert partner.name_de == "Zweite Fassung"


def test_editors_conflict_on_projects_with_participants_too():
    erika = logged_in(staff_member(EDITOR, username="erika"))
    emil = logged_in(staff_member(EDITOR, username="emil"))
    project = ProjectFactory()
    url = reverse("admin:projects_project_change", args=[project.pk])
    erikas_form, emils_form = erika.get(url), emil.get(url)
    assert erika.post(url, form_data(erikas_form, title_en="Erika's title")).status_code == 302
    assert emil.post(url, form_data(emils_form, title_en="Emil's title")).status_code == 200
    project.refresh_from_db()
    assert project.title_en == "Erika's title"


@pytest.mark.parametrize("version", [None, "", "not-a-number"])
def test_a_form_without_a_valid_version_is_refused_not_saved(anna, version):
    partner = PartnerFactory(city="Münster")
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    data = form_data(anna.get(url), city="Overwritten")
    data.pop("edit_version")
    if version is not None:
        data["edit_version"] = version
    response = anna.post(url, data)
    assert response.status_code == 200
    assert "Reload the page and try again." in response.content.decode()
    partner.refresh_from_db()
    assert partner.city == "Münster"


def test_the_conflict_shows_the_stored_version_beside_yours_on_the_form_page(anna, bert):
    partner = PartnerFactory(description_de="Vorher.", city="Münster")
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    berts_form = bert.get(url)
    anna.post(url, form_data(anna.get(url), description_de="Annas Text."))

    response = bert.post(url, form_data(berts_form, description_de="Berts Text."))

    assert response.status_code == 200
    assert response.templates[0].name == "admin/twente/change_form.html"  # the form, not a page elsewhere
    conflicts = response.context["adminform"].form.conflicts
    assert conflicts == [
        {
            "label": "Description (German)",
            "stored": "Annas Text.",
            "yours": "Berts Text.",
            "id": "id_description_de",
        }
    ]  # only the field that differs; the city both left alone is not listed
    page = response.content.decode()
    assert '<th scope="row"><a href="#id_description_de">Description (German)</a></th>' in page
    assert "<td>Annas Text.</td>" in page
    assert 'aria-label="Your version of Description (German)">Berts Text.</textarea>' in page


def test_a_form_for_an_item_deleted_meanwhile_says_so_and_keeps_the_texts_to_copy(client):
    """Django's admin went to its index with "does not exist", and the text was gone
    (a two-editor check: a contact erased while another liaison officer edited it)."""
    contact = ContactFactory(partner=PartnerFactory(), notes="")
    client.force_login(staff_member(LIAISON_OFFICER))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    url = reverse("admin:partners_contact_change", args=[contact.pk])
    data = form_data(client.get(url), notes="Rief am Montag an, bitte zurückrufen.")
    Contact.objects.filter(pk=contact.pk).delete()
    response = client.post(url, data)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Nicht gespeichert" in page
    assert "Rief am Montag an, bitte zurückrufen." in page
