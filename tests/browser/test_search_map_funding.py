"""Search, map and funding pages in Chromium: accessibility, keyboard use, no third party."""

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.axe import axe_violations
from tests.factories import (
    FundingProgrammeFactory,
    MunicipalityFactory,
    PartnerFactory,
    ProjectFactory,
    ThemeFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("nl", "en", "de")


@pytest.fixture
def portal():
    enschede = MunicipalityFactory(
        slug="enschede",
        name_nl="Enschede",
        name_en="Enschede",
        name_de="Enschede",
        cbs_code="GM0153",
        latitude=Decimal("52.2215"),
        longitude=Decimal("6.8937"),
    )
    munster = PartnerFactory(
        slug="munster",
        name_nl="Münster",
        name_en="Münster",
        name_de="Münster",
        summary_en="Partner city of Enschede since 2021.",
        latitude=Decimal("51.9607"),
        longitude=Decimal("7.6261"),
    )
    PartnerFactory(
        slug="palo-alto",
        name_nl="Palo Alto",
        name_en="Palo Alto",
        name_de="Palo Alto",
        country="US",
        city="Palo Alto",
        latitude=Decimal("37.4419"),
        longitude=Decimal("-122.1430"),
    )
    water = ThemeFactory(slug="water", name_nl="Water", name_en="Water", name_de="Wasser")
    interreg = FundingProgrammeFactory(
        slug="interreg", name_nl="Interreg", name_en="Interreg", name_de="Interreg"
    )
    ProjectFactory(
        slug="stadsbeek",
        title_nl="Stadsbeek Stadsveld",
        title_en="Stadsbeek in Stadsveld",
        title_de="Stadtbach Stadsveld",
        eu_contribution=Decimal("1200000"),
        total_budget=Decimal("2400000"),
        programme=interreg,
        start_date=date(2021, 5, 1),
        themes=[water],
        municipalities=[enschede],
        latitude=Decimal("52.2150"),
        longitude=Decimal("6.8800"),
    )
    # Dutch only: its title is marked as Dutch on the English and German pages.
    ProjectFactory(
        slug="edl",
        title_nl="EDL",
        title_en="",
        title_de="",
        eu_contribution=None,
        programme=interreg,
        start_date=None,
    )
    return {"enschede": enschede, "munster": munster}


def url(name, language, query=""):
    with translation.override(language):
        return reverse(name) + query


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
def test_search_map_and_funding_pages_have_no_accessibility_violations(page, portal, language, width):
    """At phone width the wide tables scroll: they must be reachable by keyboard too."""
    page.set_viewport_size({"width": width, "height": 900})
    for address in (
        url("search", language, "?q=Enschede"),
        url("map", language),
        url("projects:funding", language),
    ):
        response = page.goto(address)
        assert response.status == 200, address
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], address
        if address == url("map", language):
            assert page.locator('#not-on-the-map a[lang="nl"]').count() == (0 if language == "nl" else 1)
    assert page.foreign_requests == []


def test_visitor_searches_munster_with_the_keyboard_and_reaches_the_partner(page, portal):
    page.goto(url("home", "en"))
    page.locator("#site-search-q").focus()
    page.keyboard.type("Munster")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/?q=Munster" in page.url
    result = page.locator(".search-result__link", has_text="Münster")
    assert result.count() == 1
    with translation.override("en"):
        target = portal["munster"].get_absolute_url()
    for _step in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == target:
            break
    else:
        pytest.fail("The Münster result is not reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(target)
    assert page.locator("h1").inner_text().strip() == "Münster"
    assert page.foreign_requests == []


def test_map_shapes_and_markers_are_reachable_by_tab_and_lead_to_the_item(page, portal):
    page.goto(url("map", "en"))
    assert page.locator("svg.map-svg a.map-marker").count() == 2
    assert "Palo Alto" in page.locator("#not-on-the-map").inner_text()
    wanted = {"Enschede: 1 published project", "Münster (Partner)", "Stadsbeek in Stadsveld (EU project)"}
    reached = []
    for _step in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(() => { const e = document.activeElement; if (!e.closest('svg.map-svg')) return null;"
            " return [e.getAttribute('href'), e.getAttribute('aria-label')] })()"
        )
        if focused and focused[1] in wanted:
            reached.append(focused)
            if focused[1].startswith("Enschede"):
                # Its outline drawn again above the shapes and markers after it.
                ring = page.evaluate("document.querySelector('.map-svg > .map-focus-ring').getAttribute('d')")
                assert ring == page.evaluate(
                    "document.activeElement.querySelector('.map-area__shape').getAttribute('d')"
                )
            if len(reached) == 3:
                break
    assert {label for _href, label in reached} == wanted
    # The focused marker shows a visible focus indicator.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    href = page.evaluate("document.activeElement.getAttribute('href')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)
    assert page.foreign_requests == []


TARGETS = """(selector) => [...document.querySelectorAll(selector)]
    .filter((e) => e.getClientRects().length)
    .map((e) => { const r = e.getBoundingClientRect(); return [e.getAttribute('aria-label') || e.id || e.name,
                  Math.round(r.width), Math.round(r.height)]; })"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_phone_width_nothing_scrolls_sideways_and_targets_are_24_px(page, portal, language):
    page.set_viewport_size({"width": 375, "height": 800})
    for name, selector in (
        ("map", "svg.map-svg a, .map-filter input"),
        ("projects:project-list", ".filter-disclosure__summary"),
    ):
        page.goto(url(name, language))
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, name
        targets = page.evaluate(TARGETS, selector)
        assert targets, name
        small = [target for target in targets if target[1] < 24 or target[2] < 24]
        assert small == [], (name, small)
        assert axe_violations(page) == [], (name, language)
    # Results first: the filters are closed until opened, then their checkboxes are 24 px too.
    assert page.locator("#results").bounding_box()["y"] < 800
    page.locator(".filter-disclosure__summary").click()
    checkboxes = page.evaluate(TARGETS, ".filter-form input[type=checkbox]")
    assert checkboxes and all(width >= 24 and height >= 24 for _name, width, height in checkboxes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_phone_width_the_header_is_compact_and_its_menu_opens_with_the_keyboard(page, portal, language):
    """Logo and languages (by code) share a row, the search follows and the sections sit
    behind a closed "Menu" disclosure: the header is under a fifth of the screen. On a
    wide screen the sections are shown as before, with no disclosure."""
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(url("projects:project-list", language))
    assert page.locator(".site-header").bounding_box()["height"] <= 812 / 5
    assert page.locator(".site-nav a").first.is_hidden()
    languages = page.evaluate(TARGETS, ".language-switcher a, .language-switcher [aria-current]")
    assert len(languages) == 3 and all(width >= 24 and height >= 24 for _name, width, height in languages)
    # The codes are shown; each link's accessible name is still the language's own name.
    assert page.get_by_role("link", name="Deutsch" if language != "de" else "Nederlands").is_visible()
    toggle = page.locator(".site-menu__toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.locator(".site-menu").get_attribute("open") is not None
    links = page.evaluate(TARGETS, ".site-nav a")
    assert len(links) == 6 and all(height >= 24 for _name, _width, height in links)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url("projects:project-list", language))
    assert toggle.is_hidden()
    assert page.locator(".site-nav a").nth(5).is_visible()


def test_map_page_contacts_no_other_host(page, portal):
    page.goto(url("map", "nl"))
    page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []
    # Only the portal's own script (the focus outline); the map itself needs none.
    sources = page.eval_on_selector_all("script", "(scripts) => scripts.map((s) => s.getAttribute('src'))")
    assert [source.split("/")[-1].split(".")[0] for source in sources] == ["map-focus"]


def test_tile_mode_draws_leaflet_markers_within_the_content_security_policy(
    page, portal, live_server, settings
):
    # A tile server on the portal's own host: the test contacts no other host.
    settings.MAP_TILE_URL = live_server.url + "/tiles/{z}/{x}/{y}.png"
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and problems.append(message.text)
    )
    page.goto(url("map", "en"))
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-marker-icon").count() == 2  # Münster and the Stadsbeek
    assert page.locator("svg.map-svg").is_hidden()
    marker = page.locator(".leaflet-marker-icon[title='Münster (Partner)']")
    marker.focus()
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content a").get_attribute("href").endswith("/partners/munster/")
    assert problems == []
    assert page.foreign_requests == []


def accessibility_roles(page):
    """How many nodes of each role the browser's accessibility tree holds."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return Counter(node.get("role", {}).get("value") for node in nodes if not node.get("ignored"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_funding_tables_stack_on_a_phone_with_every_figure_named(page, portal, language):
    """At 375 px no funding cell is cut and nothing scrolls sideways: each row is a card
    whose figures stand beside their column's name; at 1280 px it is a plain table."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(url("projects:funding", language))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    table = page.locator(".funding-table").first
    assert page.evaluate(
        "(t) => t.closest('.table-wrapper').scrollWidth <= t.closest('.table-wrapper').clientWidth",
        table.element_handle(),
    )
    cells = table.locator("td")
    for index in range(cells.count()):
        cell = cells.nth(index)
        # Nothing inside is clipped: the cell is as wide as its content needs.
        assert cell.evaluate("(c) => c.scrollWidth <= c.clientWidth + 1"), cell.inner_text()
        label = cell.evaluate("(c) => getComputedStyle(c, '::before').content")
        assert cell.get_attribute("data-label") in label
    assert not table.locator("thead").is_visible() or table.locator("thead").bounding_box()["width"] <= 1
    assert axe_violations(page) == []
    # Stacked, it is still a table to assistive technology: Chromium's own accessibility
    # tree keeps its rows, row headers and cells (the markup has no explicit roles).
    stacked = accessibility_roles(page)
    rows = page.locator(".funding-table tbody tr").count()
    assert stacked["table"] == page.locator(".funding-table").count()
    assert stacked["rowheader"] == rows
    assert stacked["cell"] == page.locator(".funding-table td").count()

    page.set_viewport_size({"width": 1280, "height": 800})
    assert table.locator("thead th").first.is_visible()
    assert table.locator("td").first.evaluate("(c) => getComputedStyle(c).display") == "table-cell"
