"""Every group of fields on the portal's own admin pages has a name that screen readers
announce on entering it: a legend, or a heading that it names with aria-labelledby, as
Django's own fieldsets do. The export and import pages' groups had only a heading beside
them (found by IBM's Equal Access checker)."""

import re

import pytest
from django.urls import reverse

from tests.factories import ContactFactory
from tests.twente.test_html_conformance import ADMIN_VIEWS

pytestmark = pytest.mark.django_db

# A fieldset's opening tag and its first child (a legend must come first).
FIELDSET = re.compile(r"<fieldset\b([^>]*)>\s*<(\w+)")


def unnamed_fieldsets(html):
    unnamed = []
    for attributes, first_child in FIELDSET.findall(html):
        labelled_by = re.search(r'aria-labelledby="([^"]+)"', attributes)
        named = first_child == "legend" or (labelled_by and f'id="{labelled_by.group(1)}"' in html)
        if not named:
            unnamed.append(attributes.strip())
    return unnamed


@pytest.mark.parametrize("view", ADMIN_VIEWS)
def test_every_fieldset_on_the_portals_admin_pages_is_named(client, django_user_model, view):
    ContactFactory()
    client.force_login(django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x"))
    html = client.get(reverse(view)).content.decode()
    assert "<fieldset" in html
    assert unnamed_fieldsets(html) == []
