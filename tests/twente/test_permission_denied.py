"""The 403 page: in the staff member's language, with a way back."""

import pytest
from django.urls import reverse

from tests.staff import staff_member
from twente.core.roles import EDITOR

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading", "back"),
    [
        ("nl", "Geen toegang", "Terug naar het beheer"),
        ("de", "Zugriff verweigert", "Zurück zur Verwaltung"),
    ],
)
def test_an_editor_refused_the_contacts_gets_a_translated_page_with_a_way_back(
    client, language, heading, back
):
    client.force_login(staff_member(EDITOR))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language

    response = client.get(reverse("admin:partners_contact_changelist"))

    assert response.status_code == 403
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert f'<a href="{reverse("admin:index")}">{back}</a>' in page
