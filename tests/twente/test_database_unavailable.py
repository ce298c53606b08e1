"""The portal with its database down: a translated 503 page with Retry-After on
public pages, open data and the admin, /healthz 503, and recovery by itself."""

import time
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.urls import reverse

from tests.core.test_db_failure import needs_postgresql, point_default_database_at
from tests.core.test_headers import assert_security_headers
from tests.factories import ProjectFactory
from tests.staff import form_data, in_english, staff_member

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def database_down(monkeypatch, closed_port):
    """The request's own connection pointed at a port nothing listens on."""
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
    monkeypatch.setitem(connection.settings_dict, "PORT", str(closed_port))
    yield
    connection.close()


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/nl/", "Tijdelijk niet beschikbaar"),
        ("/en/projects/", "Temporarily unavailable"),
        ("/de/projekte/", "Vorübergehend nicht verfügbar"),
        ("/de/projekte/?q=Wasser", "Vorübergehend nicht verfügbar"),  # matches read first
        ("/sitemap.xml", "Tijdelijk niet beschikbaar"),
        ("/de/karte/", "Vorübergehend nicht verfügbar"),
        # Its serialisation is kept per worker, but the dates it is keyed by are read first.
        ("/catalog.ttl", "Tijdelijk niet beschikbaar"),
    ],
)
def test_a_public_page_answers_503_with_a_translated_page(client, database_down, path, words):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="nl", secure=True)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert words in response.content.decode()
    assert_security_headers(response)


@pytest.mark.parametrize("output_format", ["csv", "json"])
def test_open_data_answers_503_rather_than_a_cut_off_download(client, database_down, output_format):
    response = client.get(f"/en/projects/?format={output_format}")
    assert response.status_code == 503
    assert not response.streaming


def test_the_admin_answers_503_for_a_signed_in_editor(client, admin_user, monkeypatch, closed_port):
    client.force_login(admin_user)
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "PORT", str(closed_port))
    monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
    response = client.get("/admin/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    connection.close()


@pytest.mark.parametrize("method", ["get", "head"])
def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch, closed_port, method):
    point_default_database_at(monkeypatch, closed_port)
    response = getattr(client, method)("/healthz")
    assert response.status_code == 503


def test_the_portal_recovers_by_itself_when_the_database_returns(client, monkeypatch, closed_port):
    ProjectFactory()
    connection.close()
    with monkeypatch.context() as down:
        down.setitem(connection.settings_dict, "HOST", "127.0.0.1")
        down.setitem(connection.settings_dict, "PORT", str(closed_port))
        assert client.get("/en/projects/").status_code == 503
    assert client.get("/en/projects/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_healthz_answers_503_within_3_seconds_when_the_database_hangs(client, monkeypatch, silent_server):
    point_default_database_at(monkeypatch, silent_server)
    start = time.monotonic()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert time.monotonic() - start < 3


class _HiddenFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.action, self.fields = None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.action = attrs["action"]
        elif tag == "input" and attrs.get("type") == "hidden":
            self.fields.append((attrs["name"], attrs.get("value", "")))


def test_an_admin_form_posted_while_the_database_is_down_can_be_sent_again(client, monkeypatch, closed_port):
    project = ProjectFactory(title_de="Alter Titel")
    editor = in_english(client)
    editor.force_login(staff_member("Editor"))
    url = reverse("admin:projects_project_change", args=[project.pk])
    typed = {"title_de": "Neuer Titel <mit> “Zeichen”", "description_de": "Erste Zeile\r\nzweite Zeile"}
    data = form_data(editor.get(url), **typed, _continue="Save and continue editing")
    connection.close()
    with monkeypatch.context() as down:
        down.setitem(connection.settings_dict, "HOST", "127.0.0.1")
        down.setitem(connection.settings_dict, "PORT", str(closed_port))
        response = editor.post(url, data, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 503
    page = response.content.decode()
    assert "Nicht gespeichert" in page
    assert "Neuer Titel &lt;mit&gt; “Zeichen”" in page  # listed to copy, escaped
    assert "Erste Zeile<br>zweite Zeile" in page
    assert "<dt>title_de</dt>" in page
    assert "<dt>edit_version</dt>" not in page  # kept in the form, not listed to copy
    form = _HiddenFields()
    form.feed(page)
    assert form.action == url
    posted = {
        name: value if isinstance(value, list) else [value] for name, value in data.items() if value != []
    }
    assert _as_post(form.fields) == posted

    again = editor.post(form.action, _as_post(form.fields))  # the button, once the database is back
    assert again.status_code == 302
    project.refresh_from_db()
    assert {name: getattr(project, name) for name in typed} == typed


def _as_post(fields):
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data
