"""Public pages at 200% text (WCAG 1.4.4), with wider text spacing (1.4.12) and at every
width from a phone's to a desktop's: nothing sticks out sideways. A reflow check found
long badges outside their cards, the pagination's hidden words widening the page at
some widths, and key figures broken inside the number."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ProjectFactory, ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)


def add_style(page, css):
    """A style sheet built in the page (the CSP refuses a <style> element)."""
    page.evaluate(
        "(css) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
        css,
    )


def project_list(language):
    with translation.override(language):
        return reverse("projects:project-list")


@pytest.mark.parametrize("language", ["nl", "de"])
def test_the_project_list_fits_at_200_percent_text_and_with_wider_spacing(page, language):
    theme = ThemeFactory(name_nl="Klimaatadaptatie", name_de="Wirtschaftliche Zusammenarbeit")
    for number in range(25):  # two pages
        ProjectFactory(themes=[theme], title_nl=f"Project {number}", title_de=f"Projekt {number}")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(project_list(language) + "?page=2")
    add_style(page, "html { font-size: 200% !important; }")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    badges_out = page.evaluate(
        "[...document.querySelectorAll('article.card .badge')].filter((badge) =>"
        " badge.getBoundingClientRect().right > badge.closest('article').getBoundingClientRect().right + 1)"
        ".length"
    )
    assert badges_out == 0
    page.reload()  # normal text size, wider spacing, every width
    add_style(page, TEXT_SPACING)
    for width in range(320, 1281, 12):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width


@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_the_home_pages_key_figures_keep_each_number_on_one_line_on_a_phone(page, language):
    ProjectFactory(eu_contribution=49_670_873_087, total_budget=99_670_873_087)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"/{language}/")
    lines = page.evaluate(
        "[...document.querySelectorAll('.key-figure__value')].map((value) =>"
        " Math.round(value.getBoundingClientRect().height / parseFloat(getComputedStyle(value).lineHeight)))"
    )
    assert lines and set(lines) == {1}
