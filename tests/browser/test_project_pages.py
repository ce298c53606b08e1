"""The project list and page in Chromium: accessibility in three languages, language
switching, filtering across pages, clearing, downloading the filtered CSV, keyboard use."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from projects.models import ParticipantRole
from tests.browser.axe import axe_violations
from tests.factories import (
    FundingProgrammeFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PartnerFactory,
    ProjectFactory,
    ThemeFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "en", "de"]


def url_in(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def catalogue():
    """23 water projects of Interreg (more than a page), plus others that must not match."""
    water = ThemeFactory(slug="water", name_nl="Water", name_en="Water", name_de="Wasser")
    energy = ThemeFactory(slug="energy", name_nl="Energie", name_en="Energy", name_de="Energie")
    interreg = FundingProgrammeFactory(
        slug="interreg", name_nl="Interreg VI", name_en="Interreg VI", name_de="Interreg VI"
    )
    efro = FundingProgrammeFactory(slug="efro", name_nl="EFRO", name_en="ERDF", name_de="EFRE")
    enschede = MunicipalityFactory(
        slug="enschede", name_nl="Enschede", name_en="Enschede", name_de="Enschede"
    )
    muenster = PartnerFactory(slug="muenster", name_nl="Münster", name_en="Münster", name_de="Münster")
    stadsbeek = ProjectFactory(
        slug="stadsbeek",
        title_nl="Stadsbeek in Stadsveld",
        title_en="Urban stream in Stadsveld",
        title_de="Stadtbach in Stadsveld",
        themes=[water],
        municipalities=[enschede],
        programme=interreg,
        start_date=date(2016, 3, 1),
        end_date=date(2019, 12, 31),
        total_budget=Decimal("4000000"),
        eu_contribution=Decimal("1500000"),
        latitude=Decimal("52.218000"),
        longitude=Decimal("6.870000"),
    )
    ParticipationFactory(project=stadsbeek, partner=muenster, role=ParticipantRole.LEAD)
    for number in range(22):
        # The newest as the Kohesio import leaves a project: no German text.
        untranslated = {"title_de": "", "summary_de": ""} if number == 21 else {}
        ProjectFactory(
            slug=f"water-{number:02}",
            themes=[water],
            programme=interreg,
            start_date=date(2020, 1, number + 1),
            **untranslated,
        )
    ProjectFactory(slug="water-efro", themes=[water], programme=efro)
    ProjectFactory(slug="energy-interreg", themes=[energy], programme=interreg)
    return stadsbeek


@pytest.mark.parametrize("language", LANGUAGES)
def test_project_list_and_page_have_no_axe_violations(page, catalogue, language):
    # Filters applied, and one filter in error.
    page.goto(url_in(language, "projects:project-list") + "?theme=water&programme=interreg&eu_min=lots")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".form-field__error").count() == 1
    assert page.locator(".card").count() == 20
    # Its English title and summary are marked as English on the German page.
    assert page.locator('.card [lang="en"]').count() == (2 if language == "de" else 0)
    assert axe_violations(page) == []

    page.goto(url_in(language, "projects:project-detail", slug="stadsbeek"))
    assert axe_violations(page) == []
    assert page.foreign_requests == []


def test_visitor_switches_language_and_stays_on_the_project(page, catalogue):
    page.goto(url_in("en", "projects:project-detail", slug="stadsbeek"))
    assert page.locator("h1").inner_text() == "Urban stream in Stadsveld"
    page.locator('.language-switcher a[hreflang="de"]').click()
    page.wait_for_url("**" + url_in("de", "projects:project-detail", slug="stadsbeek"))
    assert page.locator("h1").inner_text() == "Stadtbach in Stadsveld"
    assert page.locator("html").get_attribute("lang") == "de"
    page.locator('.language-switcher a[hreflang="nl"]').click()
    page.wait_for_url("**" + url_in("nl", "projects:project-detail", slug="stadsbeek"))
    assert page.locator("h1").inner_text() == "Stadsbeek in Stadsveld"
    assert page.foreign_requests == []


def test_filter_by_theme_and_programme_page_two_keeps_filters_then_clear(page, catalogue):
    page.goto(url_in("en", "projects:project-list"))
    assert page.locator(".result-count").inner_text() == "25 results"
    page.get_by_label("Water").check()
    page.get_by_label("Funding programme").select_option("interreg")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**theme=water**")
    assert page.locator(".result-count").inner_text() == "23 results"

    page.locator(".pagination").get_by_role("link", name="Next page").click()
    page.wait_for_url("**page=2**")
    assert "theme=water" in page.url and "programme=interreg" in page.url
    assert page.locator(".card").count() == 3
    assert page.get_by_label("Water").is_checked()
    assert page.get_by_label("Funding programme").input_value() == "interreg"

    page.get_by_role("link", name="Clear all filters").click()
    page.wait_for_url("**" + url_in("en", "projects:project-list"))
    assert "?" not in page.url
    assert page.locator(".result-count").inner_text() == "25 results"
    assert page.foreign_requests == []


def test_download_the_filtered_csv(page, catalogue):
    page.goto(url_in("en", "projects:project-list") + "?theme=water&programme=interreg&sort=oldest&page=2")
    with page.expect_download() as download_info:
        page.locator(".open-data").get_by_role("link", name="CSV").click()
    download = download_info.value
    assert download.suggested_filename == "netwerkstad-twente-projects-en.csv"
    raw = download.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    # The whole filtered result, not only page 2, in the chosen order.
    assert len(rows) == 23
    assert rows[0]["slug"] == "stadsbeek"
    assert {row["slug"] for row in rows} == {"stadsbeek", *(f"water-{n:02}" for n in range(22))}
    assert rows[0]["lead_partner"] == "Münster"
    assert page.foreign_requests == []


def test_filter_form_works_with_the_keyboard_alone(page, catalogue):
    page.goto(url_in("en", "projects:project-list"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_q":
            break
    assert page.evaluate("document.activeElement.id") == "id_q"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type("stadsveld")
    page.keyboard.press("Tab")
    checkbox = page.evaluate("[document.activeElement.type, document.activeElement.value]")
    assert checkbox == ["checkbox", "energy"]  # themes in slug order: energy, water
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.get_by_label("Water").is_checked()
    page.keyboard.press("Enter")  # submits the form from a field
    page.wait_for_url("**q=stadsveld**")
    assert "theme=water" in page.url
    assert page.locator(".card__title").all_inner_texts() == ["Urban stream in Stadsveld"]
    assert page.foreign_requests == []
