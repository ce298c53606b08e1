"""Permissions on the user and group forms are named in the staff member's language:
Django stores their names in English, and simple-history names its record models so."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from twente.core.admin_permissions import permission_label

pytestmark = pytest.mark.django_db


def label(app_label, codename, language):
    permission = Permission.objects.select_related("content_type").get(
        content_type__app_label=app_label, codename=codename
    )
    with translation.override(language):
        return permission_label(permission)


def test_default_own_and_history_permissions_are_named_in_the_language():
    assert (
        label("partners", "add_contact", "de") == "Partner und Kontakte | Kontakt | Kann Kontakt hinzufügen"
    )
    assert label("partners", "export_contacts", "nl").endswith("| contact | Mag contactlijsten exporteren")
    assert label("partners", "view_historicalcontact", "de").endswith(
        "| Verlauf von Kontakt | Kann Verlauf von Kontakt ansehen"
    )
    assert label("projects", "change_historicalproject_themes", "nl").endswith(
        "| geschiedenis van project: thema's | Kan geschiedenis van project: thema's wijzigen"
    )
    assert label("core", "add_adminpreference", "en") == (
        "Portal administration | admin preference | Can add admin preference"
    )


@pytest.mark.parametrize("language", ["nl", "de"])
def test_the_group_and_user_forms_list_no_english_permission_names(admin_client, admin_user, language):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    group = Group.objects.create(name="Redactie")
    for page in (
        reverse("admin:auth_group_change", args=[group.pk]),
        reverse("admin:auth_user_change", args=[admin_user.pk]),
    ):
        html = admin_client.get(page).content.decode()
        options = [unescape(text) for text in re.findall(r"<option[^>]*>([^<]*)</option>", html)]
        permissions = [option for option in options if option.count(" | ") == 2]
        assert len(permissions) > 100, page
        assert [p for p in permissions if "Can " in p or "historical" in p or "Core" in p] == [], page
