"""Staff roles: what a liaison officer and an editor can and cannot do in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.factories import ContactFactory, MunicipalityFactory, PartnerFactory, ProjectFactory
from tests.staff import in_english, staff_member
from twente.core.roles import EDITOR, EDITOR_PERMISSIONS, LIAISON_OFFICER, LIAISON_OFFICER_PERMISSIONS

pytestmark = pytest.mark.django_db


def group_permissions(name):
    group = Group.objects.get(name=name)
    return {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }


def test_migration_creates_both_groups_with_exactly_their_permissions():
    assert group_permissions(EDITOR) == EDITOR_PERMISSIONS
    assert group_permissions(LIAISON_OFFICER) == LIAISON_OFFICER_PERMISSIONS


def test_editor_has_no_permission_of_any_kind_on_contacts_or_the_export_log():
    assert not [p for p in group_permissions(EDITOR) if "contact" in p]


def test_liaison_officer_keeps_contacts_and_only_reads_the_export_log():
    perms = group_permissions(LIAISON_OFFICER)
    assert {"partners.change_contact", "partners.export_contacts", "partners.import_contacts"} <= perms
    assert {"partners.erase_contacts", "partners.access_contact_data", "partners.add_contactlist"} <= perms
    assert [p for p in perms if "contactexportlog" in p] == ["partners.view_contactexportlog"]
    assert perms > EDITOR_PERMISSIONS


def contact_urls(contact):
    urls = [
        reverse("admin:partners_contact_changelist"),
        reverse("admin:partners_contact_add"),
        reverse("admin:partners_contact_change", args=[contact.pk]),
        reverse("admin:partners_contact_delete", args=[contact.pk]),
        reverse("admin:partners_contact_history", args=[contact.pk]),
        reverse("admin:partners_contact_simple_history", args=[contact.pk, contact.history.first().pk]),
        reverse("admin:partners_contactexportlog_changelist"),
        reverse("admin:partners_contact_export"),
        reverse("admin:partners_contact_import"),
    ]
    return urls


def test_editor_gets_403_on_every_contact_url(client):
    contact = ContactFactory()
    in_english(client).force_login(staff_member(EDITOR))
    for url in contact_urls(contact):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "Overwritten"}).status_code == 403, url
    contact.refresh_from_db()
    assert contact.name != "Overwritten"


def test_editor_sees_no_contacts_anywhere_in_the_admin(client):
    partner = PartnerFactory()
    ContactFactory(partner=partner, name="Hidden Person")
    in_english(client).force_login(staff_member(EDITOR))
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:partners_contact_changelist") not in index
    page = client.get(reverse("admin:partners_partner_change", args=[partner.pk])).content.decode()
    assert "Hidden Person" not in page
    changelist = client.get(reverse("admin:partners_partner_changelist")).content.decode()
    assert reverse("admin:partners_contact_changelist") not in changelist


def test_editor_edits_public_content(client):
    in_english(client).force_login(staff_member(EDITOR))
    for model_url in (
        "admin:regions_municipality_changelist",
        "admin:regions_theme_add",
        "admin:partners_partner_add",
        "admin:projects_project_changelist",
        "admin:projects_fundingprogramme_add",
    ):
        assert client.get(reverse(model_url)).status_code == 200, model_url
    project = ProjectFactory()
    assert client.get(reverse("admin:projects_project_change", args=[project.pk])).status_code == 200


def test_liaison_officer_reaches_contacts_and_their_own_export_log(client):
    contact = ContactFactory()
    in_english(client).force_login(staff_member(LIAISON_OFFICER))
    assert client.get(reverse("admin:partners_contact_changelist")).status_code == 200
    assert client.get(reverse("admin:partners_contact_change", args=[contact.pk])).status_code == 200
    assert client.get(reverse("admin:partners_contactexportlog_changelist")).status_code == 200


def test_neither_role_can_manage_users(client):
    for role in (EDITOR, LIAISON_OFFICER):
        in_english(client).force_login(staff_member(role, username=f"user-{role}"))
        assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_grant_role_command_makes_staff_with_one_role(django_user_model):
    user = django_user_model.objects.create_user(username="alice", password="x-long-password-1")
    call_command("grant_role", "alice", EDITOR)
    user.refresh_from_db()
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR]

    call_command("grant_role", "alice", LIAISON_OFFICER)
    assert list(user.groups.values_list("name", flat=True)) == [LIAISON_OFFICER]
    assert user.has_perm("partners.export_contacts")

    call_command("grant_role", "alice", LIAISON_OFFICER, "--remove")
    user.refresh_from_db()
    assert not user.is_staff
    assert not user.groups.exists()


def test_grant_role_command_explains_an_unknown_user():
    with pytest.raises(CommandError, match="No user 'nobody'"):
        call_command("grant_role", "nobody", EDITOR)


def test_grant_role_command_refuses_an_unknown_role(django_user_model):
    django_user_model.objects.create_user(username="bob", password="x-long-password-1")
    with pytest.raises(CommandError):
        call_command("grant_role", "bob", "Superhero")


def test_municipality_contacts_are_hidden_from_editors_too(client):
    municipality = MunicipalityFactory()
    contact = ContactFactory(partner=None, municipality=municipality)
    in_english(client).force_login(staff_member(EDITOR))
    assert client.get(reverse("admin:partners_contact_change", args=[contact.pk])).status_code == 403


def test_an_administrator_grants_a_role_from_the_user_list(client, django_user_model):
    admin_user = django_user_model.objects.create_superuser(username="root", password="x-long-password-1")
    new_colleague = django_user_model.objects.create_user(username="nina", password="x-long-password-1")
    in_english(client).force_login(admin_user)
    changelist = reverse("admin:auth_user_changelist")
    client.post(changelist, {"action": "grant_liaison_officer", "_selected_action": [new_colleague.pk]})
    new_colleague.refresh_from_db()
    assert new_colleague.is_staff and not new_colleague.is_superuser
    assert list(new_colleague.groups.values_list("name", flat=True)) == [LIAISON_OFFICER]
    assert LIAISON_OFFICER in client.get(changelist).content.decode()

    client.post(changelist, {"action": "revoke_roles", "_selected_action": [new_colleague.pk]})
    new_colleague.refresh_from_db()
    assert not new_colleague.is_staff and not new_colleague.groups.exists()
