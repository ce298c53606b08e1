"""The anonymous page cache: what it serves, to whom, and that every kind of write a
page may show makes the next anonymous request see the new state."""

import gzip

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from tests.factories import MunicipalityFactory, ProjectFactory
from tests.staff import staff_member
from twente.core.cache import current_generation, public_content_changed
from twente.core.models import PublicationState
from twente.core.publishing import items_publish, items_withdraw

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def project_list_url(language="en"):
    with translation.override(language):
        return reverse("projects:project-list")


def project_url(project, language="en"):
    with translation.override(language):
        return reverse("projects:project-detail", kwargs={"slug": project.slug})


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_second_anonymous_request_is_served_from_the_cache(client):
    ProjectFactory(title_en="Stadsbeek")
    first = get(client, project_list_url())
    second = get(client, project_list_url())
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert b"Stadsbeek" in second.content
    assert "public" in second["Cache-Control"]


def test_each_language_and_query_string_is_its_own_entry(client):
    get(client, project_list_url("en"))
    assert get(client, project_list_url("de"))["X-Page-Cache"] == "miss"
    assert get(client, project_list_url("en") + "?q=water")["X-Page-Cache"] == "miss"
    assert get(client, project_list_url("en") + "?q=water")["X-Page-Cache"] == "hit"


def test_publishing_shows_on_the_next_anonymous_request(client):
    draft = ProjectFactory(title_en="Street lighting", publication_state=PublicationState.DRAFT)
    assert b"Street lighting" not in get(client, project_list_url()).content
    items_publish(items=[draft], user=staff_member("Editor"))
    response = get(client, project_list_url())
    assert response["X-Page-Cache"] == "miss"
    assert b"Street lighting" in response.content


def test_a_change_shows_on_the_next_anonymous_request(client):
    project = ProjectFactory(title_en="Old title")
    assert b"Old title" in get(client, project_url(project)).content
    project.title_en = "New title"
    project.save()
    content = get(client, project_url(project)).content
    assert b"New title" in content
    assert b"Old title" not in content


def test_withdrawing_shows_on_the_next_anonymous_request(client):
    project = ProjectFactory(title_en="Withdrawn soon")
    assert get(client, project_url(project)).status_code == 200
    items_withdraw(items=[project], user=staff_member("Editor"))
    assert get(client, project_url(project)).status_code == 404
    assert b"Withdrawn soon" not in get(client, project_list_url()).content


def test_a_change_to_a_related_item_shows_on_the_next_anonymous_request(client):
    municipality = MunicipalityFactory(name_en="Hengelo")
    project = ProjectFactory(municipalities=[])
    get(client, project_url(project))
    project.municipalities.add(municipality)  # a many-to-many change, no save of the project
    assert b"Hengelo" in get(client, project_url(project)).content


def test_a_bulk_write_that_says_so_shows_on_the_next_anonymous_request(client):
    """bulk_create and QuerySet.update send no signals: an import calls
    public_content_changed() itself, once for the whole transaction."""
    existing = ProjectFactory(title_en="Existing")
    programme = existing.programme
    get(client, project_list_url())
    generation = current_generation()
    with transaction.atomic():
        Project.objects.bulk_create(
            [
                ProjectFactory.build(title_en=f"Imported {n}", slug=f"new-{n}", programme=programme)
                for n in ("one", "two")
            ]
        )
        Project.objects.filter(title_en="Existing").update(title_en="Renamed by import")
        public_content_changed()
        public_content_changed()
    assert current_generation() == generation + 1
    content = get(client, project_list_url()).content
    assert b"Imported one" in content and b"Imported two" in content
    assert b"Renamed by import" in content


def test_a_rolled_back_write_leaves_the_cache_alone(client):
    generation = current_generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        ProjectFactory()
        raise RuntimeError
    assert current_generation() == generation


def test_staff_never_get_or_fill_a_cached_page(client):
    ProjectFactory(title_en="Shown to all")
    client.force_login(staff_member("Editor"))
    first = get(client, project_list_url())
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in get(client, project_list_url())
    client.logout()
    assert get(client, project_list_url())["X-Page-Cache"] == "miss"


def test_a_preview_is_never_cached(client):
    draft = ProjectFactory(title_en="Draft only", publication_state=PublicationState.DRAFT)
    get(client, project_url(draft))  # the public 404 is not stored either
    client.force_login(staff_member("Editor"))
    preview = get(client, project_url(draft))
    assert preview.status_code == 200
    assert "X-Page-Cache" not in preview
    assert "no-store" in preview["Cache-Control"]
    client.logout()
    anonymous = get(client, project_url(draft))
    assert anonymous.status_code == 404
    assert b"Draft only" not in anonymous.content


def test_a_cached_page_carries_no_csrf_token_nonce_or_cookie(client):
    ProjectFactory()
    get(client, project_list_url())
    cached = get(client, project_list_url())
    assert cached["X-Page-Cache"] == "hit"
    assert b"csrfmiddlewaretoken" not in cached.content
    assert "nonce-" not in cached.get("Content-Security-Policy", "")
    assert not cached.cookies


def test_a_page_with_a_csrf_token_is_not_stored(client):
    get(client, "/admin/login/")
    response = get(client, "/admin/login/")
    assert "X-Page-Cache" not in response


def test_a_matching_etag_gets_a_304(client):
    ProjectFactory()
    etag = get(client, project_list_url())["ETag"]
    response = get(client, project_list_url(), if_none_match=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert get(client, project_list_url(), if_none_match='W/"other"').status_code == 200


def test_a_change_changes_the_etag(client):
    project = ProjectFactory(title_en="Before")
    etag = get(client, project_url(project))["ETag"]
    project.title_en = "After"
    project.save()
    assert get(client, project_url(project), if_none_match=etag).status_code == 200


def test_pages_are_gzipped_for_clients_that_accept_it(client):
    ProjectFactory(title_en="Compressed")
    get(client, project_list_url())
    response = get(client, project_list_url(), accept_encoding="gzip, deflate")
    assert response["Content-Encoding"] == "gzip"
    assert b"Compressed" in gzip.decompress(response.content)
    assert "Accept-Encoding" in response["Vary"]


def test_the_not_found_page_is_gzipped_but_not_kept(client):
    response = get(client, "/en/no-such-page/", accept_encoding="gzip")
    assert response.status_code == 404
    assert response["Content-Encoding"] == "gzip"
    assert b"Page not found" in gzip.decompress(response.content)
    assert "Accept-Encoding" in response["Vary"]
    assert "X-Page-Cache" not in response
    assert "Content-Encoding" not in get(client, "/en/no-such-page/")  # not asked for


def test_the_catalogue_is_cached_in_each_format(client):
    for url in ("/catalog.ttl", "/catalog.jsonld"):
        first = get(client, url)
        second = get(client, url)
        assert second["X-Page-Cache"] == "hit"
        assert second["Content-Type"] == first["Content-Type"]
        assert second.content == first.content


def test_a_page_negotiated_by_accept_is_never_stored(client):
    """/catalog answers Turtle or JSON-LD by the Accept header at one address."""
    turtle = get(client, "/catalog", accept="text/turtle")
    json_ld = get(client, "/catalog", accept="application/ld+json")
    assert turtle["Content-Type"].startswith("text/turtle")
    assert json_ld["Content-Type"].startswith("application/ld+json")
    assert "X-Page-Cache" not in turtle
    assert "X-Page-Cache" not in json_ld


def test_health_probe_is_never_cached(client):
    get(client, "/healthz")
    assert "X-Page-Cache" not in get(client, "/healthz")
