"""A form refused for its security token (a session that ended or changed in another
window) gets the portal's page in the reader's language with the texts typed to copy,
not Django's bare English-and-technical one, and never a button that sends them again."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ProjectFactory
from tests.staff import form_data, staff_member

pytestmark = pytest.mark.django_db


def test_a_form_with_a_stale_token_is_refused_with_its_texts_to_copy():
    project = ProjectFactory(title_de="Alter Titel")
    editor = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="de")
    editor.force_login(staff_member("Editor"))
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = form_data(editor.get(url), title_de="Neuer <Titel>", summary_de="Zwei\r\nZeilen")
    data["csrfmiddlewaretoken"] = "x" * 64  # the token of a session that has since changed
    response = editor.post(url, data)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Nicht gespeichert: Ihre Sitzung hat sich geändert" in page
    assert "Neuer &lt;Titel&gt;" in page
    assert "Zwei<br>Zeilen" in page
    assert "<form" not in page
    assert response["Cache-Control"] == "no-store"
    project.refresh_from_db()
    assert project.title_de == "Alter Titel"
