"""Publishing a draft whose translations are missing asks for confirmation and says
which languages are missing."""

import pytest
from django.urls import reverse

from tests.factories import ProjectFactory
from tests.staff import form_data, in_english, staff_member
from twente.core.models import PublicationState
from twente.core.roles import EDITOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    in_english(client).force_login(staff_member(EDITOR))
    return client


def dutch_only_draft():
    return ProjectFactory(
        publication_state=PublicationState.DRAFT, title_en="", title_de="", summary_en="", summary_de=""
    )


def test_publishing_a_dutch_only_project_asks_first_and_names_the_languages(editor):
    project = dutch_only_draft()
    url = reverse("admin:projects_project_change", args=[project.pk])
    page = editor.get(url)
    assert "Texts in English, German are missing" in page.content.decode()

    response = editor.post(url, {**form_data(page, title_nl="Nieuwe titel"), "_publish": "1"}, follow=True)
    project.refresh_from_db()
    assert project.publication_state == PublicationState.DRAFT
    assert project.title_nl == "Nieuwe titel"  # the edit is kept
    message = " ".join(str(m) for m in response.context["messages"])
    assert "not published" in message and "English and German" in message


def test_confirmed_publishing_goes_ahead(editor):
    project = dutch_only_draft()
    url = reverse("admin:projects_project_change", args=[project.pk])
    page = editor.get(url)
    editor.post(url, {**form_data(page), "_publish": "1", "_publish_confirmed": "1"})
    project.refresh_from_db()
    assert project.publication_state == PublicationState.PUBLISHED


def test_a_fully_translated_project_publishes_without_a_question(editor):
    project = ProjectFactory(publication_state=PublicationState.DRAFT)
    url = reverse("admin:projects_project_change", args=[project.pk])
    page = editor.get(url)
    assert "publish-warning" not in page.content.decode()
    editor.post(url, {**form_data(page), "_publish": "1"})
    project.refresh_from_db()
    assert project.is_published
