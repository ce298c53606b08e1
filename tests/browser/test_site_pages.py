"""The site-wide pages in a real browser: accessibility, keyboard, no third parties, phones."""

import pytest

from tests.browser.axe import axe_violations
from tests.browser.pages_data import build_twente

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "en", "de"]
PAGES = {"home": "", "about": "about/", "accessibility": "accessibility/", "privacy": "privacy/"}


def open_in(page, lang, english_path):
    """Open a page in English, then follow the switcher to the wanted language, so the
    test works whatever the translated paths are."""
    page.goto(f"/en/{english_path}")
    if lang != "en":
        page.click(f".language-switcher a[hreflang='{lang}']")
    assert page.locator("html").get_attribute("lang") == lang


@pytest.fixture
def twente(db):
    return build_twente()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_site_pages_have_no_accessibility_violations(page, twente, name, lang):
    open_in(page, lang, PAGES[name])
    assert axe_violations(page) == []
    assert page.foreign_requests == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_has_no_accessibility_violations(page, lang):
    response = page.goto(f"/{lang}/no-such-page/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert axe_violations(page) == []
    assert page.foreign_requests == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, twente):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_search_form_and_nav_are_reachable_by_keyboard(page, twente):
    page.goto("/en/")
    reached = set()
    for _ in range(25):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.innerText.trim() || document.activeElement.id"))
    assert {"site-search-q", "Municipalities", "Map", "Deutsch"} <= reached


def test_home_page_fits_a_360_pixel_phone(page, twente):
    page.set_viewport_size({"width": 360, "height": 800})
    for path in ["/en/", "/de/", "/en/about/", "/en/privacy/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_focus_is_visible(page, twente):
    page.goto("/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    assert outline[0] != "none" or outline[2] != "none"


def test_pages_work_without_javascript(browser, live_server, twente):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/en/municipalities/")
    tab.fill("#id_q", "ensch")
    tab.click("button:has-text('Apply filters')")
    assert "q=ensch" in tab.url
    assert tab.locator("h3 a", has_text="Enschede").count() == 1
    context.close()
