"""The municipality and district pages in a real browser."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.axe import axe_violations
from tests.browser.pages_data import build_twente

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "en", "de"]


@pytest.fixture
def twente(db):
    return build_twente()


def open_in(page, lang, english_path):
    page.goto(f"/en/{english_path}")
    if lang != "en":
        page.click(f".language-switcher a[hreflang='{lang}']")
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "municipalities/",
        "municipalities/?region=nope&min_population=lots",
        "municipalities/?region=netwerkstad-twente",
        "municipalities/enschede/",
        "districts/",
        "districts/kennispark-twente/",
    ],
)
def test_regions_pages_have_no_accessibility_violations(page, twente, path, lang):
    open_in(page, lang, path)
    assert axe_violations(page) == []
    assert page.foreign_requests == []


def test_filter_error_is_shown_next_to_the_field_and_announced(page, twente):
    page.goto("/en/municipalities/?region=nope")
    field = page.locator("#id_region")
    assert field.get_attribute("aria-invalid") == "true"
    assert "id_region_error" in field.get_attribute("aria-describedby")
    assert page.locator("#id_region_error").is_visible()
    assert page.locator("[role=alert]").count() >= 1


def test_filter_form_can_be_filled_and_submitted_with_the_keyboard(page, twente):
    page.goto("/en/municipalities/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_q":
            break
    else:
        pytest.fail("The name filter is not reachable with Tab.")
    page.keyboard.type("hen")
    page.keyboard.press("Tab")  # the region select
    assert page.evaluate("document.activeElement.id") == "id_region"
    page.keyboard.press("Tab")  # population
    page.keyboard.press("Tab")  # the apply button
    assert page.evaluate("document.activeElement.type") == "submit"
    # Nothing applies before the button is pressed (WCAG 3.2.2).
    assert "q=" not in page.url
    page.keyboard.press("Enter")
    page.wait_for_url("**/municipalities/?q=hen*")
    assert page.locator(".card h3 a").all_inner_texts() == ["Hengelo"]
    assert page.locator(".result-count").inner_text().strip() == "1 result"
    assert page.locator("a.filter-form__clear").count() == 1


def test_pagination_keeps_the_filter(page, twente):
    page.goto("/en/municipalities/?region=regio-twente")
    page.click(".pagination a[rel=next]")
    assert "region=regio-twente" in page.url and "page=2" in page.url
    assert page.locator("#id_region").input_value() == "regio-twente"


def test_language_switch_keeps_the_item(page, twente):
    page.goto("/en/municipalities/enschede/")
    page.click(".language-switcher a[hreflang='de']")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.url.endswith("/enschede/")
    assert page.locator("h1").inner_text() == "Enschede"


@pytest.mark.parametrize(
    "path",
    [
        "/en/municipalities/",
        "/en/municipalities/enschede/",
        "/en/districts/",
        "/en/districts/kennispark-twente/",
    ],
)
def test_regions_pages_fit_a_360_pixel_phone(page, twente, path):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize(
    ("lang", "name", "slug", "query"),
    [
        ("en", "home", None, ""),
        ("de", "about", None, ""),
        ("nl", "regions:municipality-detail", "enschede", ""),
        ("de", "regions:municipality-detail", "enschede", ""),
        ("en", "regions:district-detail", "technology-base", ""),
        ("en", "regions:municipality-list", None, "?region=netwerkstad-twente"),
    ],
    ids=[
        "en-home",
        "de-about",
        "nl-enschede",
        "de-enschede",
        "en-technology-base",
        "en-netwerkstad-municipalities",
    ],
)
def test_pages_with_the_initial_data_are_accessible_and_fit_a_phone(page, lang, name, slug, query):
    """The real texts (long descriptions, addresses, many ties) from load_twente."""
    from django.core.management import call_command

    call_command("load_twente", verbosity=0)
    with translation.override(lang):  # German and Dutch paths are translated
        path = reverse(name, kwargs={"slug": slug} if slug else None) + query
    page.set_viewport_size({"width": 360, "height": 800})
    response = page.goto(path)
    assert response.status == 200
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.foreign_requests == []
