"""The partner list and page in Chromium: accessibility in three languages, keyboard filters."""

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import PartnerKind, RelationshipKind
from tests.browser.axe import axe_violations
from tests.factories import ContactFactory, MunicipalityFactory, PartnerFactory, RelationshipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "en", "de"]


def url_in(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def partners():
    enschede = MunicipalityFactory(
        slug="enschede", name_nl="Enschede", name_en="Enschede", name_de="Enschede"
    )
    muenster = PartnerFactory(
        slug="muenster",
        name_nl="Münster",
        name_en="Münster",
        name_de="Münster",
        summary_nl="Partnerstad over de grens",
        summary_en="Partner city across the border",
        summary_de="Partnerstadt jenseits der Grenze",
        country="DE",
        city="Münster",
        website="https://www.stadt-muenster.de/",
        latitude="51.960665",
        longitude="7.626135",
    )
    RelationshipFactory(
        partner=muenster, kind=RelationshipKind.PARTNER_CITY, municipality=enschede, since_year=2021
    )
    ContactFactory(partner=muenster, name="Anna Public", is_public=True)
    PartnerFactory(slug="eurocities", name_nl="Eurocities", kind=PartnerKind.NETWORK, country="BE")
    return muenster


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_list_and_page_have_no_axe_violations(page, partners, language):
    page.goto(url_in(language, "partners:partner-list") + "?country=DE&kind=castle")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".form-field__error").count() == 1
    assert axe_violations(page) == []

    page.goto(url_in(language, "partners:partner-detail", slug="muenster"))
    assert page.locator("h1").inner_text() == "Münster"
    assert axe_violations(page) == []
    assert page.foreign_requests == []


def test_filter_form_works_with_the_keyboard_alone(page, partners):
    page.goto(url_in("en", "partners:partner-list"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_country":
            break
    assert page.evaluate("document.activeElement.id") == "id_country"
    # Focus is visible.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type("Ger")  # type-ahead picks "Germany" in the closed select
    assert page.locator("#id_country").input_value() == "DE"
    # Changing a field does not submit the form (WCAG 3.2.2): only the button does.
    assert "country=" not in page.url
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**country=DE**")
    assert page.locator(".card__title").all_inner_texts() == ["Münster"]
    assert "Partner city of Enschede since 2021" in page.locator(".card").inner_text()
    assert page.foreign_requests == []
