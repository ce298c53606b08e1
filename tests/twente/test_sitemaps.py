"""sitemap.xml and robots.txt: what crawlers are told about the public site."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.requests import RequestSite
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from projects.models import Project
from tests.factories import InnovationDistrictFactory, MunicipalityFactory, PartnerFactory, ProjectFactory
from twente.core.models import PublicationState
from twente.sitemaps import SITEMAPS, ItemLanguagePairs, ProjectSitemap

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (the portal's own response)


def section_pages(client):
    """The sitemap pages /sitemap.xml names (an index of sections)."""
    index = parsed(client, "/sitemap.xml")
    return [
        (sitemap.find("sm:loc", NS).text, getattr(sitemap.find("sm:lastmod", NS), "text", None))
        for sitemap in index.findall("sm:sitemap", NS)
    ]


def sitemap_entries(client):
    entries = {}
    for location, _lastmod in section_pages(client):
        entries.update(page_entries(client, location))
    return entries


def page_entries(client, location):
    entries = {}
    for url in parsed(client, location.removeprefix("http://testserver")).findall("sm:url", NS):
        loc = url.find("sm:loc", NS).text
        entries[loc] = {
            "lastmod": getattr(url.find("sm:lastmod", NS), "text", None),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)},
        }
    return entries


def absolute(obj_or_name, language):
    with translation.override(language):
        path = (
            obj_or_name.get_absolute_url()
            if hasattr(obj_or_name, "get_absolute_url")
            else reverse(obj_or_name)
        )
    return f"http://testserver{path}"


def test_every_published_item_in_three_languages_with_alternates(client):
    items = [
        MunicipalityFactory(slug="enschede"),
        PartnerFactory(slug="munster"),
        InnovationDistrictFactory(slug="kennispark"),
        ProjectFactory(slug="stadsbeek"),
    ]
    entries = sitemap_entries(client)
    for item in items:
        for language in ("nl", "en", "de"):
            entry = entries[absolute(item, language)]
            assert entry["alternates"] == {
                "nl": absolute(item, "nl"),
                "en": absolute(item, "en"),
                "de": absolute(item, "de"),
                "x-default": absolute(item, "nl"),
            }
            assert entry["lastmod"].startswith(timezone.localdate(item.updated_at).isoformat())


def test_list_and_site_pages_are_listed_in_every_language(client):
    entries = sitemap_entries(client)
    for name in (
        "home",
        "regions:municipality-list",
        "partners:partner-list",
        "projects:funding",
        "map",
        "about",
    ):
        for language in ("nl", "en", "de"):
            assert absolute(name, language) in entries
    assert not any("/search/" in loc for loc in entries)


def test_drafts_and_withdrawn_items_are_not_listed(client):
    MunicipalityFactory(slug="conceptstad", publication_state=PublicationState.DRAFT)
    PartnerFactory(slug="geheim", publication_state=PublicationState.DRAFT)
    ProjectFactory(slug="ingetrokken", publication_state=PublicationState.WITHDRAWN)
    locations = " ".join(sitemap_entries(client))
    for slug in ("conceptstad", "geheim", "ingetrokken"):
        assert slug not in locations


def test_sitemap_query_count_is_fixed(client, django_assert_num_queries):
    """The index asks each item section for its size and latest change in one aggregate
    (not every item's date), and the site pages for every list's latest change in one
    query; a page is that aggregate and one slice of its items."""
    for rows in (5, 40):
        while Project.objects.count() < rows:
            ProjectFactory()
            PartnerFactory()
        with django_assert_num_queries(5):
            client.get("/sitemap.xml")
        with django_assert_num_queries(2):
            client.get("/sitemap-projects.xml")


def test_large_sections_are_split_into_pages(client, monkeypatch):
    monkeypatch.setattr(ProjectSitemap, "limit", 9)  # URLs: three projects in three languages
    projects = [ProjectFactory() for _ in range(7)]
    project_pages = [location for location, _lastmod in section_pages(client) if "projects" in location]
    assert project_pages == [
        "http://testserver/sitemap-projects.xml",
        "http://testserver/sitemap-projects.xml?p=2",
        "http://testserver/sitemap-projects.xml?p=3",
    ]
    listed = {}
    for location in project_pages:
        listed.update(page_entries(client, location))
    assert len(listed) == 7 * 3
    assert all(absolute(project, "en") in listed for project in projects)


def test_index_and_list_pages_carry_the_latest_change(client):
    ProjectFactory()
    newest = PartnerFactory()
    lastmods = dict(section_pages(client))
    assert lastmods["http://testserver/sitemap-partners.xml"].startswith(
        timezone.localdate(newest.updated_at).isoformat()
    )
    entries = sitemap_entries(client)
    assert entries[absolute("partners:partner-list", "en")]["lastmod"].startswith(
        timezone.localdate(newest.updated_at).isoformat()
    )
    assert entries[absolute("about", "en")]["lastmod"] is None


@pytest.mark.parametrize("section", ["pages", "municipalities", "partners", "projects"])
def test_pages_are_written_as_djangos_sitemap_template_writes_them(client, section):
    """The urlset is written in Python for speed: byte for byte the template's output."""
    MunicipalityFactory()
    PartnerFactory()
    ProjectFactory(title_en="Water & <energy>", slug="water-energy")
    written = client.get(f"/sitemap-{section}.xml").content
    with translation.override("nl"):
        urls = SITEMAPS[section]().get_urls(site=RequestSite(RequestFactory().get("/")), protocol="http")
        expected = render_to_string("sitemap.xml", {"urlset": urls})
    assert written.decode() == expected
    assert b"<url>" in written


def test_the_index_is_written_as_djangos_index_template_writes_it(client, rf):
    """The index is written in Python too: byte for byte what Django's view and template give."""
    MunicipalityFactory()
    PartnerFactory()
    ProjectFactory()
    written = client.get("/sitemap.xml").content
    with translation.override("nl"):
        request = rf.get("/sitemap.xml")
        expected = sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap-section").render().content
    assert written == expected
    assert written.count(b"<sitemap>") == len(SITEMAPS)


def test_the_index_answers_with_nothing_published(client):
    MunicipalityFactory(publication_state=PublicationState.DRAFT)
    pages = section_pages(client)
    assert len(pages) == len(SITEMAPS)
    assert all(lastmod is None for _location, lastmod in pages)


def test_robots_txt_allows_the_site_hides_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_pages_cut_across_an_items_languages_keep_every_pair_once():
    projects = [ProjectFactory() for _ in range(7)]
    queryset = Project.objects.published().order_by("slug")
    pairs = ItemLanguagePairs(queryset, ["nl", "en", "de"], queryset.count())
    expected = [
        (project.slug, code)
        for project in sorted(projects, key=lambda p: p.slug)
        for code in ("nl", "en", "de")
    ]
    assert len(pairs) == 21
    for size in (4, 10):
        pages = [pairs[start : start + size] for start in range(0, len(pairs), size)]
        assert [(item.slug, code) for page in pages for item, code in page] == expected
    assert (pairs[5][0].slug, pairs[5][1]) == expected[5]
