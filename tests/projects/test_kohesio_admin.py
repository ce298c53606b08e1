"""The Kohesio import in the admin: who may use it, upload, preview, confirm, and the
refusals (wrong kind of file, too large, outdated preview); the project page's source."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from projects.models import Project
from tests.projects.kohesio_data import ENSCHEDE_LIGHTING, SAMPLE_XLSX, portal_data, sample_bytes
from tests.staff import in_english, staff_member
from twente.core.models import PublicationState
from twente.core.roles import EDITOR, LIAISON_OFFICER

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/projects/project/import-kohesio/"
CONFIRM = "/admin/projects/project/import-kohesio/confirm/"


@pytest.fixture(params=[EDITOR, LIAISON_OFFICER])
def editor(request, client):
    portal_data()
    in_english(client).force_login(staff_member(request.param))
    return client


def upload(client, content=None, name="kohesio.csv", **data):
    file = SimpleUploadedFile(name, sample_bytes() if content is None else content)
    return client.post(UPLOAD, {"file": file, "nuts": "NL213", **data})


def test_editors_and_the_liaison_officer_find_the_import(editor):
    assert b"Import from Kohesio" in editor.get("/admin/projects/project/").content
    assert editor.get(UPLOAD).status_code == 200


def test_staff_without_the_project_permissions_are_refused(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("viewer", password="a-long-test-password-1", is_staff=True)
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 403
    assert client.post(CONFIRM).status_code == 403
    client.logout()
    assert client.get(UPLOAD).status_code == 302  # to the login page


def test_the_preview_shows_every_group_and_changes_nothing(editor):
    response = upload(editor)
    assert response.status_code == 200
    page = response.content.decode()
    assert "4 new projects" in page and "6 invalid rows" in page and "2 rows skipped (other regions)" in page
    assert "is above the total eligible expenditure" in page
    assert "lie outside the globe" in page
    assert "Saxion (sample)" in page
    assert "PO4 A more social and inclusive Europe" in page
    assert Project.objects.count() == 0


def test_confirming_applies_the_preview(editor):
    response = upload(editor, SAMPLE_XLSX.read_bytes(), "kohesio.xlsx", publish="on")
    digest = response.context["digest"]
    response = editor.post(CONFIRM, {"digest": digest})
    assert response.status_code == 302
    assert Project.objects.count() == 4
    lighting = Project.objects.get(kohesio_id=ENSCHEDE_LIGHTING)
    assert lighting.publication_state == PublicationState.PUBLISHED
    assert lighting.history.first().history_user is not None
    assert lighting.history.first().history_change_reason == "kohesio-import:kohesio.xlsx"
    # The preview is used up.
    assert editor.post(CONFIRM, {"digest": digest}).status_code == 302
    assert Project.objects.count() == 4


def test_a_preview_outdated_by_another_import_is_shown_again(editor):
    digest = upload(editor).context["digest"]
    from projects.services import projects_import_kohesio

    projects_import_kohesio(content=sample_bytes(), filename="other.csv")
    response = editor.post(CONFIRM, {"digest": digest})
    assert response.status_code == 409
    assert "nothing was imported" in response.content.decode()


def test_a_file_of_the_wrong_kind_is_refused_with_the_missing_columns(editor):
    response = upload(editor, b"name,email\nAnna,anna@example.org\n", "contacts.csv")
    assert response.status_code == 400
    assert "Operation_Unique_Identifier" in response.content.decode()


@pytest.mark.parametrize("nuts", ["Twente", ""])
def test_a_bad_region_code_is_refused(editor, nuts):
    response = editor.post(UPLOAD, {"file": SimpleUploadedFile("k.csv", sample_bytes()), "nuts": nuts})
    assert response.status_code == 400


def test_a_file_above_the_limit_is_refused_before_it_is_read(editor):
    from projects.kohesio import MAX_UPLOAD_BYTES

    response = editor.post(
        UPLOAD, {"file": SimpleUploadedFile("big.csv", b"x" * (MAX_UPLOAD_BYTES + 70_000))}
    )
    assert response.status_code == 413


def test_the_project_page_shows_the_source_with_its_link(client):
    portal_data()
    from projects.services import projects_import_kohesio

    projects_import_kohesio(content=sample_bytes(), filename="k.csv", publish=True)
    lighting = Project.objects.get(kohesio_id=ENSCHEDE_LIGHTING)
    page = client.get(f"/en/projects/{lighting.slug}/").content.decode()
    assert "Kohesio, European Commission" in page
    assert 'href="https://kohesio.ec.europa.eu/en/projects/Q9990001"' in page
    assert "imported on" in page
