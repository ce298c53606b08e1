"""The admin language a staff member chooses is kept on their account: it applies in
another browser after login, ahead of the browser's own languages."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.staff import in_english, staff_member
from twente.core.models import AdminPreference
from twente.core.roles import EDITOR

pytestmark = pytest.mark.django_db

PASSWORD = "not-a-real-password-42"


def choose(client, language):
    return client.post(reverse("admin-language"), {"language": language, "next": reverse("admin:index")})


def index_html(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response


def test_the_choice_is_stored_on_the_staff_member_and_applies_at_once():
    editor = staff_member(EDITOR, username="erika")
    client = in_english(Client())
    client.force_login(editor)
    response = choose(client, "de")
    assert response.status_code == 302
    assert AdminPreference.objects.get(user=editor).language == "de"
    page = index_html(client)
    assert page["Content-Language"] == "de"
    assert "Verwaltung des Portals" in page.content.decode()


def test_the_choice_follows_the_staff_member_to_another_browser():
    editor = staff_member(EDITOR, username="erika")
    AdminPreference.objects.create(user=editor, language="nl")
    other_browser = in_english(Client())
    login = other_browser.post(
        reverse("admin:login"), {"username": "erika", "password": PASSWORD, "next": reverse("admin:index")}
    )
    assert login.status_code == 302
    page = index_html(other_browser)
    assert page["Content-Language"] == "nl"
    assert "Beheer van het portaal" in page.content.decode()


def test_without_a_choice_the_admin_follows_the_browser():
    client = in_english(Client())
    client.force_login(staff_member(EDITOR, username="erika"))
    assert index_html(client)["Content-Language"] == "en"


def test_an_unknown_language_changes_nothing_and_is_no_error():
    editor = staff_member(EDITOR, username="erika")
    client = in_english(Client())
    client.force_login(editor)
    response = choose(client, "xx")
    assert response.status_code in (302, 400)
    assert not AdminPreference.objects.exists()
    assert index_html(client)["Content-Language"] == "en"


def test_visitors_without_an_account_only_get_the_cookie():
    response = choose(Client(), "de")
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "de"
    assert not AdminPreference.objects.exists()
