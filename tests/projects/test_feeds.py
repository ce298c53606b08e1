"""The Atom feed of the latest published projects."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from projects.models import Project
from tests.factories import ProjectFactory, ThemeFactory
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def fetch_feed(client, language="en"):
    with translation.override(language):
        response = client.get(reverse("projects:project-feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 (the portal's own response)


def test_feed_is_valid_atom_with_published_projects_only(client):
    now = timezone.now()
    water = ThemeFactory(name_en="Water")
    ProjectFactory(slug="older", title_en="Older project", published_at=now - timedelta(days=3))
    ProjectFactory(slug="stadsbeek", title_en="Stadsbeek", published_at=now, themes=[water])
    ProjectFactory(slug="secret", title_en="Draft project", publication_state=PublicationState.DRAFT)
    ProjectFactory(slug="gone", title_en="Withdrawn project", publication_state=PublicationState.WITHDRAWN)

    feed = fetch_feed(client)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    # Required Atom elements of the feed.
    for element in ("atom:title", "atom:id", "atom:updated"):
        assert feed.find(element, ATOM) is not None
    assert feed.find("atom:link[@rel='self']", ATOM).get("href") == "http://testserver/en/projects/feed/"
    entries = feed.findall("atom:entry", ATOM)
    assert [e.find("atom:title", ATOM).text for e in entries] == ["Stadsbeek", "Older project"]
    first = entries[0]
    for element in ("atom:id", "atom:updated", "atom:published", "atom:summary"):
        assert first.find(element, ATOM) is not None
    assert first.find("atom:link", ATOM).get("href") == "http://testserver/en/projects/stadsbeek/"
    assert [c.get("term") for c in first.findall("atom:category", ATOM)] == ["Water"]


def test_a_control_character_stored_in_a_text_is_written_as_a_replacement_character(client):
    """XML forbids it and Django's writer refuses it (a 500 for the whole feed): a title
    stored before the portal cleaned its input is written with U+FFFD instead."""
    water = ThemeFactory(name_en="Water\x02")
    ProjectFactory(title_en="Water\x0bfrom the Dinkel", summary_en="Line\x0cbreak", themes=[water])
    entry = fetch_feed(client).find("atom:entry", ATOM)
    assert entry.find("atom:title", ATOM).text == "Water\ufffdfrom the Dinkel"
    assert entry.find("atom:summary", ATOM).text == "Line\ufffdbreak"
    assert entry.find("atom:category", ATOM).get("term") == "Water\ufffd"


def test_feed_speaks_the_language_of_its_url(client):
    ProjectFactory(
        slug="verlichting", title_nl="Nieuwe straatverlichting", title_de="Neue Straßenbeleuchtung"
    )
    german = fetch_feed(client, "de")
    assert german.get(XML_LANG) == "de"
    entry = german.find("atom:entry", ATOM)
    assert entry.find("atom:title", ATOM).text == "Neue Straßenbeleuchtung"
    with translation.override("de"):
        expected = "http://testserver" + reverse("projects:project-detail", kwargs={"slug": "verlichting"})
    assert entry.find("atom:link", ATOM).get("href") == expected


def test_feed_is_linked_from_every_page_footer(client):
    html = client.get("/en/projects/funding/").content.decode()
    assert 'href="/en/projects/feed/"' in html


def test_feed_query_count_is_fixed(client, django_assert_num_queries):
    # Projects with programme and district, then their themes: two, whatever the number.
    for count in (5, 25):
        while Project.objects.count() < count:
            ProjectFactory(themes=[ThemeFactory()])
        with django_assert_num_queries(2):
            fetch_feed(client)


def test_entries_are_dated_by_the_projects_publication_not_their_last_save(client):
    published = timezone.now() - timedelta(days=30)
    project = ProjectFactory(slug="dated", title_en="Dated project", published_at=published)
    project.title_en = "Dated project, corrected"
    project.save()
    entry = fetch_feed(client).find("atom:entry", ATOM)
    for element in ("atom:published", "atom:updated"):
        assert entry.find(element, ATOM).text.startswith(published.date().isoformat())


def test_a_title_or_summary_in_a_fallback_language_carries_its_xml_lang(client):
    # As the Kohesio import leaves them: the programme's language and English, no German.
    ProjectFactory(title_nl="Waterstofketen", title_en="Hydrogen chain", title_de="", summary_de="Aus Wind.")
    entry = fetch_feed(client, "de").find("atom:entry", ATOM)
    title, summary = entry.find("atom:title", ATOM), entry.find("atom:summary", ATOM)
    assert (title.text, title.get(XML_LANG)) == ("Hydrogen chain", "en")
    assert (summary.text, summary.get(XML_LANG)) == ("Aus Wind.", None)
    english = fetch_feed(client, "en").find("atom:entry", ATOM)
    assert english.find("atom:title", ATOM).get(XML_LANG) is None
