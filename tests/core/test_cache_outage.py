"""The page cache is an aid, never a condition: with Redis down or silent, pages and the
admin are answered without it, a write that could not mark cached pages out of date is
not a 500, and no page older than that write is served once the cache is back."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from tests.factories import ProjectFactory
from tests.staff import form_data, in_english, staff_member
from twente.core import cache as page_cache
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db(transaction=True)

WORKING_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "outage"}
}


def redis_at(port):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = WORKING_CACHE
    page_cache.outage.clear()
    cache.clear()
    yield
    page_cache.outage.clear()


def project_list_url():
    with translation.override("en"):
        return reverse("projects:project-list")


@pytest.mark.parametrize("address", ["/en/", "/de/karte/", "/healthz", "/admin/login/"])
def test_pages_are_served_without_a_cache_that_is_down(client, settings, closed_port, address):
    settings.CACHES = redis_at(closed_port)
    response = client.get(address, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    if address == "/en/":
        assert response["Content-Encoding"] == "gzip"
    assert client.get("/en/no-such-page/").status_code == 404


def test_a_cache_that_hangs_costs_one_timeout_then_is_left_alone(client, settings, silent_server):
    settings.CACHES = redis_at(silent_server)
    start = time.monotonic()
    assert client.get("/en/").status_code == 200
    first = time.monotonic() - start
    start = time.monotonic()
    assert client.get(project_list_url()).status_code == 200
    second = time.monotonic() - start
    assert 0.5 <= first < 5
    assert second < 0.5  # no wait on the cache: it is paused after the first failure


def test_an_admin_save_while_the_cache_is_down_is_kept_and_no_stale_page_follows(
    client, settings, closed_port
):
    project = ProjectFactory(title_en="Old title")
    assert client.get(project_list_url())["X-Page-Cache"] == "miss"
    assert client.get(project_list_url())["X-Page-Cache"] == "hit"

    settings.CACHES = redis_at(closed_port)
    editor = in_english(client)
    editor.force_login(staff_member("Editor"))
    url = reverse("admin:projects_project_change", args=[project.pk])
    response = editor.post(url, form_data(editor.get(url), title_en="New title"))
    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).title_en == "New title"
    assert page_cache.outage.generation_behind

    # The cache is back (same store, the old page still in it) and the pause is over.
    settings.CACHES = WORKING_CACHE
    page_cache.outage.paused_until = 0
    client.logout()
    response = client.get(project_list_url())
    assert response["X-Page-Cache"] == "miss"
    assert b"New title" in response.content
    assert not page_cache.outage.generation_behind
    assert client.get(project_list_url())["X-Page-Cache"] == "hit"


def test_no_page_is_served_from_the_cache_while_its_generation_is_behind(client, settings, closed_port):
    ProjectFactory(title_en="Shown", publication_state=PublicationState.PUBLISHED)
    client.get(project_list_url())
    settings.CACHES = redis_at(closed_port)
    page_cache.public_content_changed()
    assert page_cache.outage.generation_behind
    page_cache.outage.paused_until = 0  # the pause is over, the cache still down
    response = client.get(project_list_url())
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
