"""The funding overview: sums per theme, programme and year, unknown figures apart."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from projects.funding import (
    eu_contribution_by_programme,
    eu_contribution_by_theme,
    eu_contribution_by_year,
    figures_by_programme_and_year,
)
from tests.factories import FundingProgrammeFactory, ProjectFactory, ThemeFactory
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    water = ThemeFactory(slug="water", name_nl="Water", name_en="Water", name_de="Wasser")
    energy = ThemeFactory(slug="energy", name_nl="Energie", name_en="Energy", name_de="Energie")
    interreg = FundingProgrammeFactory(
        slug="interreg", name_nl="Interreg VI", name_en="Interreg VI", name_de="Interreg VI"
    )
    efro = FundingProgrammeFactory(slug="efro", name_nl="EFRO Oost", name_en="ERDF East", name_de="EFRE Ost")
    ProjectFactory(
        eu_contribution=Decimal("1000000"),
        programme=interreg,
        start_date=date(2021, 3, 1),
        themes=[water, energy],
    )
    ProjectFactory(
        eu_contribution=Decimal("250000.50"), programme=interreg, start_date=date(2022, 1, 1), themes=[water]
    )
    ProjectFactory(eu_contribution=None, programme=efro, start_date=date(2021, 6, 1), themes=[energy])
    ProjectFactory(eu_contribution=Decimal("400000"), programme=efro, start_date=None, themes=[])
    # Not published: never part of any figure.
    ProjectFactory(
        eu_contribution=Decimal("9999999"),
        programme=interreg,
        start_date=date(2021, 1, 1),
        themes=[water],
        publication_state=PublicationState.DRAFT,
    )
    return {"water": water, "energy": energy}


def as_table(rows):
    return {row.label: (row.amount, row.known, row.unknown) for row in rows}


def test_sums_per_theme_equal_the_data_with_unknown_figures_apart(data):
    with translation.override("en"):
        rows = as_table(eu_contribution_by_theme())
    assert rows == {
        "Water": (Decimal("1250000.50"), 2, 0),
        "Energy": (Decimal("1000000"), 1, 1),
        "No theme given": (Decimal("400000"), 1, 0),
    }


def test_sums_per_programme_equal_the_data(data):
    with translation.override("de"):
        rows, _total = eu_contribution_by_programme(figures_by_programme_and_year())
    assert as_table(rows) == {
        "Interreg VI": (Decimal("1250000.50"), 2, 0),
        "EFRE Ost": (Decimal("400000"), 1, 1),
    }


def test_the_total_of_all_projects_equals_the_data(data):
    ProjectFactory(eu_contribution=Decimal("75000"), programme=None)
    with translation.override("en"):
        _rows, total = eu_contribution_by_programme(figures_by_programme_and_year())
    assert (total.label, total.amount, total.known, total.unknown) == (
        "All projects",
        Decimal("1725000.50"),
        4,
        1,
    )


def test_the_total_is_not_known_when_no_figure_is(db):
    ProjectFactory(eu_contribution=None)
    _rows, total = eu_contribution_by_programme(figures_by_programme_and_year())
    assert (total.amount, total.known, total.unknown, total.has_amount) == (None, 0, 1, False)


def test_sums_per_start_year_equal_the_data_oldest_first(data):
    with translation.override("en"):
        rows = eu_contribution_by_year(figures_by_programme_and_year())
    assert [(r.label, r.amount, r.known, r.unknown) for r in rows] == [
        ("2021", Decimal("1000000"), 1, 1),
        ("2022", Decimal("250000.50"), 1, 0),
        ("Start date not known", Decimal("400000"), 1, 0),
    ]


def test_a_theme_with_only_unknown_figures_says_not_known_rather_than_zero(client):
    theme = ThemeFactory(name_en="Mobility")
    ProjectFactory(eu_contribution=None, themes=[theme])
    html = client.get("/en/projects/funding/").content.decode()
    row = re.search(r'<th scope="row"[^>]*>Mobility</th>\s*<td class="numeric"[^>]*>([^<]+)</td>', html)
    assert row.group(1) == "not known"
    assert "€0" not in html
    assert "For 1 project the EU contribution is not known yet" in html


def test_table_and_chart_show_the_same_figures(client, data):
    html = client.get("/en/projects/funding/").content.decode()
    for key in ("theme", "programme", "year"):
        section = html.split(f'id="chart-{key}"')[1].split("</section>")[0]
        chart = dict(
            re.findall(
                r'<li class="bar-chart__row" data-label="([^"]+)">'
                r'.*?<span class="bar-chart__value[^"]*">([^<]+)</span>',
                section,
                re.S,
            )
        )
        table = dict(
            re.findall(r'<th scope="row"[^>]*>([^<]+)</th>\s*<td class="numeric"[^>]*>([^<]+)</td>', section)
        )
        assert {label: value.strip() for label, value in chart.items()} == table
        assert table
    assert "€1,250,000.50" in html


def test_bars_are_proportional_to_the_amounts(client, data):
    with translation.override("de"):
        response = client.get(reverse("projects:funding"))
    programme = next(c for c in response.context["charts"] if c.key == "programme")
    widths = {row.label: float(row.bar_width) for row in programme.rows}
    assert widths["Interreg VI"] == pytest.approx(100.0)
    assert widths["EFRE Ost"] == pytest.approx(100.0 * 400000 / 1250000.5, abs=0.1)
    # SVG attributes keep the dot even on the German page, where 100,0 would break them.
    html = response.content.decode()
    assert '<rect class="bar-chart__bar" x="0" y="0" width="100.0" height="10"/>' in html


def test_amounts_follow_the_active_language(client, data):
    with translation.override("nl"):
        dutch = client.get(reverse("projects:funding")).content.decode()
    with translation.override("de"):
        german = client.get(reverse("projects:funding")).content.decode()
    assert "€\u00a01.250.000,50" in dutch
    assert "1.250.000,50\u00a0€" in german
    assert "Wasser" in german


def test_charts_have_a_text_alternative(client, data):
    html = client.get("/en/projects/funding/").content.decode()
    for key in ("theme", "programme", "year"):
        assert f'role="img" aria-labelledby="chart-{key}-title chart-{key}-desc"' in html
        assert f'id="chart-{key}-title">' in html
        desc = re.search(rf'id="chart-{key}-desc">([^<]+)<', html).group(1)
        assert "the same figures are in the table" in desc
    assert html.count('<th scope="col"') == 12
    assert '<link rel="alternate" type="application/atom+xml"' in html


def test_page_without_projects_says_so(client):
    response = client.get("/en/projects/funding/")
    assert response.status_code == 200
    assert "No projects have been published yet." in response.content.decode()


def test_query_count_does_not_grow_with_the_number_of_projects(client, data, django_assert_num_queries):
    with django_assert_num_queries(4):
        client.get("/en/projects/funding/")
    for number in range(10):
        ProjectFactory(
            eu_contribution=Decimal(number * 1000),
            programme=FundingProgrammeFactory(),
            start_date=date(2010 + number, 1, 1),
            themes=[ThemeFactory()],
        )
    # Theme (rows + names), programme and year (one grouping for both) and programme
    # names: four, whatever the size.
    with django_assert_num_queries(4):
        client.get("/en/projects/funding/")


def test_the_chart_image_is_not_a_figure_with_a_caption(client, data):
    """W3C checker: role="img" is not allowed on a <figure> that has a <figcaption>."""
    html = client.get("/en/projects/funding/").content.decode()
    assert '<div class="bar-chart" role="img"' in html
    assert "<figure" not in html
