"""Random and hostile query strings to every list in the admin and the type-ahead,
hostile selections to every list action, and hostile values in every field of every
add and change form, as a superuser: the answer is always 2xx, 3xx or 4xx (the test
client raises a view's exception, so a 500 fails with its traceback). On PostgreSQL a
NUL character reaching a query is an error of its own; it is among the values sent."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import ContactFactory, ProjectFactory
from tests.staff import admin_pages, form_data
from tests.twente.test_hostile_input import BOUNDED, hostile_text

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = {"app_label": "partners", "model_name": "partner", "field_name": "located_in"}


def admin_lists():
    return sorted(admin_pages("changelist"))


@pytest.fixture
def superuser_client(django_user_model):
    ProjectFactory()
    ContactFactory()
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x"))
    return client


def filter_parameters(client, address):
    """The parameter names of the list's own filter, search and sort links."""
    page = client.get(address).content.decode()
    names = {"q", "o", "p", "e", "all"}
    for link in re.findall(r'href="(\?[^"]*)"', page):
        names.update(name for name, _value in parse_qsl(urlsplit(unescape(link)).query))
    return sorted(names)


@BOUNDED
@given(data=st.data())
def test_hostile_query_strings_to_admin_lists(superuser_client, data):
    address = data.draw(st.sampled_from(admin_lists()))
    names = filter_parameters(superuser_client, address)
    query = data.draw(st.dictionaries(st.sampled_from(names), hostile_text, min_size=1, max_size=3))
    response = superuser_client.get(address, query)
    assert 200 <= response.status_code < 500, (address, query)


@BOUNDED
@given(term=hostile_text, page=hostile_text)
def test_hostile_terms_to_the_type_ahead(superuser_client, term, page):
    query = {**AUTOCOMPLETE, "term": term, "page": page}
    response = superuser_client.get(reverse("admin:autocomplete"), query)
    assert 200 <= response.status_code < 500, (term, page)


# A form's page and its post take longer than a list's: fewer examples keep it in bounds.
@settings(BOUNDED, max_examples=30)
@given(data=st.data())
def test_hostile_values_in_admin_forms(superuser_client, data):
    # Positions, not names: an earlier example's save may add inline rows, and so names.
    forms = sorted(admin_pages("add", "change"))
    address = forms[data.draw(st.integers(0, 10**6)) % len(forms)]
    page = superuser_client.get(address)
    if page.status_code != 200:  # no add form for the logs, which nobody writes
        return
    form = form_data(page)
    names = sorted(name for name in form if not name.endswith(("_FORMS", "edit_version")))
    if not names:
        return
    positions = data.draw(st.lists(st.integers(0, 10**6), min_size=1, max_size=3))
    values = data.draw(st.lists(hostile_text, min_size=len(positions), max_size=len(positions)))
    changes = {names[position % len(names)]: value for position, value in zip(positions, values, strict=True)}
    response = superuser_client.post(address, {**form, **changes})
    assert 200 <= response.status_code < 500, (address, changes)


def test_a_type_ahead_field_given_no_key_shows_the_form_again_with_its_message(superuser_client):
    """Django's autocomplete widget looked the posted value up to show it again: a 500."""
    contact = ContactFactory()
    address = reverse("admin:partners_contact_change", args=[contact.pk])
    for field in ("partner", "topics"):
        form = form_data(superuser_client.get(address))
        response = superuser_client.post(address, {**form, field: "abc\x00"})
        assert response.status_code == 200, field
        assert response.context["adminform"].form.errors[field]


def list_actions(client, address):
    page = client.get(address).content.decode()
    select = re.search(r'<select name="action".*?</select>', page, re.S)
    return re.findall(r'<option value="([^"]+)"', select.group(0)) if select else []


@BOUNDED
@given(data=st.data())
def test_hostile_selections_to_admin_list_actions(superuser_client, data):
    address = data.draw(st.sampled_from(admin_lists()))
    actions = list_actions(superuser_client, address)
    action = data.draw(st.sampled_from(actions) if actions else hostile_text)
    selected = data.draw(st.lists(hostile_text, min_size=1, max_size=3))
    response = superuser_client.post(address, {"action": action, "_selected_action": selected, "index": "0"})
    assert 200 <= response.status_code < 500, (address, action, selected)


def test_a_selection_that_names_no_item_is_refused_with_a_message(superuser_client):
    superuser_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl"
    for address, action in (
        (reverse("admin:projects_project_changelist"), "publish_selected"),
        (reverse("admin:partners_contact_changelist"), "erase_selected"),
        (reverse("admin:partners_contactlist_changelist"), "delete_selected"),
    ):
        for selected in ("abc", str(2**63)):  # not a number; more than the database holds
            query = {"action": action, "_selected_action": [selected], "index": "0"}
            response = superuser_client.post(address, query)
            assert response.status_code == 400, (address, selected)
            assert "De selectie noemt een item dat niet bestaat" in response.content.decode()


def test_a_nul_in_an_admin_address_is_refused_with_a_message(superuser_client):
    superuser_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    for address, query in (
        (reverse("admin:projects_project_changelist"), {"publication_state": "\x00"}),
        (reverse("admin:autocomplete"), {**AUTOCOMPLETE, "term": "a\x00"}),
    ):
        response = superuser_client.get(address, query)
        assert response.status_code == 400
        assert "NUL-Zeichen" in response.content.decode()
