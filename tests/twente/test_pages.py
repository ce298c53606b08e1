"""Home, about, accessibility, privacy and error pages, in every language."""

import re
from decimal import Decimal

import pytest
from django.template import loader
from django.test import override_settings
from django.urls import reverse, translate_url
from django.utils import translation

from tests.factories import (
    ContactFactory,
    MunicipalityFactory,
    PartnerFactory,
    ProjectFactory,
    RegionFactory,
    RelationshipFactory,
)
from twente import pages
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "en", "de"]


def html(response):
    return response.content.decode()


def url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def twente():
    """The two regions the home page is about, with the three cities."""
    netwerkstad = RegionFactory(
        slug="netwerkstad-twente",
        kind="alliance",
        name_nl="Netwerkstad Twente",
        name_en="Network City Twente",
        name_de="Netzwerkstadt Twente",
        summary_nl="Drie steden, één ambitie.",
        summary_en="Three cities, one ambition.",
        summary_de="",
        description_en="A unique collaboration of Enschede, Hengelo and Almelo.",
        population=330_000,
    )
    regio = RegionFactory(
        slug="regio-twente",
        name_nl="Regio Twente",
        name_en="Twente Region",
        name_de="Region Twente",
        summary_en="The joint venture of the fourteen municipalities of Twente.",
        population=626_000,
    )
    twente = RegionFactory(
        slug="twente",
        name_nl="Twente",
        name_en="Twente",
        name_de="Twente",
        summary_en="The green technological top region on the eastern border of the Netherlands.",
        population=634_000,
    )
    cities = [
        MunicipalityFactory(
            slug=slug, name_nl=name, name_en=name, name_de=name, population=pop, population_year=2023
        )
        for slug, name, pop in [
            ("enschede", "Enschede", 160_000),
            ("hengelo", "Hengelo", None),
            ("almelo", "Almelo", 73_000),
        ]
    ]
    netwerkstad.municipalities.add(*cities)
    regio.municipalities.add(*cities, *MunicipalityFactory.create_batch(11))
    twente.municipalities.add(*regio.municipalities.all())
    return netwerkstad, regio, cities


# Every page, every language -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["home", "about", "accessibility", "privacy"])
def test_site_pages_render_in_each_language(client, twente, name, lang):
    response = client.get(url(name, lang))
    page = html(response)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in page
    for code in LANGUAGES:
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver{url(name, code)}">' in page
    assert 'class="skip-link" href="#main"' in page
    assert '<main id="main"' in page
    assert page.count("<h1") == 1
    assert "style=" not in page and "<script" not in page and "<style" not in page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "Drie steden, één ambitie."),
        ("en", "Three cities, one ambition."),
        ("de", "Three cities, one ambition."),
    ],
)
def test_home_shows_the_region_text_in_the_language_with_fallback(client, twente, lang, expected):
    assert expected in html(client.get(url("home", lang)))


def test_text_in_a_fallback_language_carries_its_lang_on_home_and_about(client, twente):
    ProjectFactory(title_nl="Waterstofketen", title_en="Hydrogen chain", title_de="", summary_de="")
    german = html(client.get(url("home", "de")))
    assert '<p class="lead" lang="en">Three cities, one ambition.</p>' in german
    assert re.search(r'<h3 class="card__title"><a href="[^"]+" lang="en">Hydrogen chain</a></h3>', german)
    assert '<p class="card__summary" lang="en">A summary.</p>' in german
    dutch = html(client.get(url("home", "nl")))
    assert '<p class="lead">Drie steden, één ambitie.</p>' in dutch
    assert '<p lang="en">The joint venture of the fourteen municipalities of Twente.</p>' in dutch
    assert '<p lang="en">A unique collaboration of Enschede, Hengelo and Almelo.</p>' in dutch
    about = html(client.get(url("about", "nl")))
    assert (
        '<p lang="en"><strong>The joint venture of the fourteen municipalities of Twente.</strong></p>'
        in about
    )
    assert '<p lang="en">A unique collaboration of Enschede, Hengelo and Almelo.</p>' in about


def test_home_key_figures_come_from_the_database(client, twente):
    ProjectFactory(eu_contribution=Decimal("1250000"), total_budget=Decimal("2500000"))
    ProjectFactory(eu_contribution=Decimal("250000.50"), total_budget=Decimal("500000"))
    ProjectFactory(eu_contribution=None)
    ProjectFactory(publication_state=PublicationState.DRAFT, eu_contribution=Decimal("999999"))
    PartnerFactory.create_batch(4)
    PartnerFactory(publication_state=PublicationState.DRAFT)

    response = client.get(url("home", "en"))
    figures = response.context["figures"]
    assert figures["twente_population"] == 634_000
    assert figures["municipality_count"] == 14
    assert figures["partner_count"] == 4
    assert figures["project_count"] == 3
    assert figures["eu_total"] == Decimal("1500000.50")
    page = html(response)
    # Twente as a whole counts 634,000; Regio Twente's catchment (626,000) is not the figure.
    assert "634,000" in page
    assert "626,000" not in page
    assert "330,000" in page
    assert "inhabitants of Enschede" in page and "160,000" in page
    assert "€1,500,000.50" in page
    assert "known for 2 projects" in page
    # Hengelo's population is not stored: no figure for it rather than a 0.
    assert "inhabitants of Hengelo" not in page

    page = html(client.get(url("home", "nl")))
    assert "634.000" in page
    assert "€\xa01.500.000,50" in page
    page = html(client.get(url("home", "de")))
    assert "1.500.000,50\xa0€" in page


def test_home_says_not_known_yet_when_no_eu_contribution_is_known(client, twente):
    ProjectFactory(eu_contribution=None)
    response = client.get(url("home", "en"))
    assert response.context["figures"]["eu_total"] is None
    page = html(response)
    assert "not known yet" in page
    assert "€0" not in page


def test_home_without_any_data_still_renders(client):
    response = client.get(url("home", "en"))
    assert response.status_code == 200
    assert "not known yet" in html(response)


def test_home_links_every_section_and_the_latest_projects(client, twente):
    ProjectFactory(title_en="Older project")
    ProjectFactory(title_en="Stadsbeek in Stadsveld")
    ProjectFactory(title_en="Draft project", publication_state=PublicationState.DRAFT)
    page = html(client.get(url("home", "en")))
    for name in (
        "regions:municipality-list",
        "partners:partner-list",
        "regions:district-list",
        "projects:project-list",
        "projects:funding",
        "map",
    ):
        assert f'href="{url(name, "en")}"' in page, name
    assert "Stadsbeek in Stadsveld" in page
    assert "Draft project" not in page


def test_home_query_count_does_not_grow(client, twente, django_assert_num_queries):
    """Guards the N+1s of the home page: the member cities of each region and the
    programme and themes of each latest project card; and that the figures
    are aggregates, not per-row counts."""
    ProjectFactory.create_batch(10, eu_contribution=Decimal("1000"))
    with django_assert_num_queries(6):
        client.get(url("home", "en"))
    ProjectFactory.create_batch(190, eu_contribution=Decimal("1000"))
    PartnerFactory.create_batch(50)
    with django_assert_num_queries(6):
        response = client.get(url("home", "en"))
    assert response.context["figures"]["project_count"] == 200


# About and contact ----------------------------------------------------------------------


def test_about_shows_the_regions_cross_border_ties_and_public_contacts(client, twente):
    _netwerkstad, _regio, (enschede, _hengelo, _almelo) = twente
    ContactFactory(
        municipality=enschede,
        partner=None,
        kind="mailbox",
        name="International cooperation",
        job_title_en="",
        email="info-internationaal@enschede.nl",
        is_public=True,
    )
    ContactFactory(
        municipality=enschede,
        partner=None,
        name="Bart Molenkamp",
        job_title_en="European Liaison Officer",
        email="liaison@example.org",
        phone="+31534818181",
        notes="internal note",
        is_public=True,
    )
    ContactFactory(municipality=enschede, partner=None, name="Not Public", is_public=False)
    muenster = PartnerFactory(name_en="Münster", kind="city")
    RelationshipFactory(partner=muenster, municipality=enschede, kind="partner_city", since_year=2021)
    page = html(client.get(url("about", "en")))
    for text in (
        "Network City Twente",
        "A unique collaboration of Enschede, Hengelo and Almelo.",
        "Twente Region",
        "The joint venture of the fourteen municipalities of Twente.",
        "The green technological top region on the eastern border of the Netherlands.",
        "Münster",
        "Partner city",
        "since 2021",
        "mailto:info-internationaal@enschede.nl",
        "Bart Molenkamp",
        "European Liaison Officer",
    ):
        assert text in page, text
    for hidden in ("Not Public", "+31", "internal note"):
        assert hidden not in page


def test_accessibility_statement_says_target_testing_and_how_to_report(client):
    page = html(client.get(url("accessibility", "en")))
    assert "WCAG" in page and "2.1" in page and "AA" in page
    assert "axe-core" in page
    assert "mailto:info-internationaal@enschede.nl" in page


def test_privacy_statement_covers_published_and_never_published_data(client):
    page = html(client.get(url("privacy", "en")))
    for text in (
        "name, job title and work email",
        "Phone numbers",
        "internal notes",
        "export",
        "cookie",
        "analytics",
    ):
        assert text in page, text


# Errors and language choice -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_in_the_visitors_language(client, lang):
    response = client.get(f"/{lang}/this-page-does-not-exist/")
    page = html(response)
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in page
    assert f'href="{url("home", lang)}"' in page
    # The missing page has no other-language version: the switcher leads home.
    for code in LANGUAGES:
        if code != lang:
            assert f'href="{url("home", code)}" hreflang="{code}"' in page


def test_500_page_renders_without_a_request_context():
    with translation.override("de"):
        page = loader.get_template("500.html").render()
    assert '<html lang="de">' in page
    assert 'href="/de/"' in page


@override_settings(DEBUG=False)
def test_server_error_handler_answers_500_without_touching_the_database(rf, django_assert_num_queries):
    from twente.views import server_error

    # LocaleMiddleware has activated the request's language before any view fails.
    with django_assert_num_queries(0), translation.override("en"):
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("de-DE,de;q=0.9", "/de/"), ("en-GB,en;q=0.8", "/en/"), ("nl", "/nl/"), ("fr", "/nl/")],
)
def test_root_redirects_to_the_browsers_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_switcher_keeps_the_visitor_on_the_same_item_with_filters(client, twente):
    response = client.get(url("regions:municipality-detail", "en", slug="enschede"))
    links = {link["code"]: link for link in response.context["language_links"]}
    assert links["en"]["is_current"]
    for code in ("nl", "de"):
        expected = translate_url(url("regions:municipality-detail", "en", slug="enschede"), code)
        assert links[code]["url"] == expected
        assert expected.startswith(f"/{code}/") and expected.endswith("/enschede/")
    response = client.get(url("regions:municipality-list", "en") + "?region=regio-twente&page=2")
    switcher = html(response)
    assert f'href="{url("regions:municipality-list", "de")}?region=regio-twente&amp;page=2"' in switcher
    assert 'lang="de"' in switcher


def test_nav_marks_the_current_section(client, twente):
    page = html(client.get(url("regions:municipality-list", "en")))
    assert f'href="{url("regions:municipality-list", "en")}" aria-current="true"' in page
    assert f'href="{url("regions:district-list", "en")}" aria-current' not in page


def test_about_query_count_does_not_grow(client, twente, django_assert_num_queries):
    """Guards the N+1s of the about page: the ties (and their municipality or region)
    of each cross-border partner, and the municipality of each contact."""
    _netwerkstad, regio, (enschede, _hengelo, _almelo) = twente

    def add(count):
        for _ in range(count):
            partner = PartnerFactory(kind="city")
            RelationshipFactory(partner=partner, municipality=enschede)
            RelationshipFactory(partner=partner, region=regio, municipality=None, kind="cross_border")
            ContactFactory(municipality=enschede, partner=None, is_public=True)

    add(2)
    with django_assert_num_queries(5):
        client.get(url("about", "en"))
    add(30)
    with django_assert_num_queries(5):
        response = client.get(url("about", "en"))
    assert len(response.context["contacts"]) == 32


def test_about_lists_the_partners_tied_to_twente_not_every_city_or_network(client, twente, monkeypatch):
    """Thousands of partners must not make the about page a list of them all."""
    _netwerkstad, _regio, (enschede, _hengelo, _almelo) = twente
    monkeypatch.setattr(pages, "CROSS_BORDER_PARTNER_COUNT", 2)
    tied = [PartnerFactory(name_en=f"Tied city {letter}", kind="city") for letter in "ABC"]
    for partner in tied:
        RelationshipFactory(partner=partner, municipality=enschede)
    PartnerFactory(name_en="Untied network", kind="network")
    page = html(client.get(url("about", "en")))
    assert "Tied city A" in page and "Tied city B" in page
    assert "Tied city C" not in page  # beyond the limit, by name
    assert "Untied network" not in page


def test_every_page_names_its_canonical_url_and_filter_variants_point_to_the_bare_list(client, twente):
    html = client.get("/en/projects/", {"theme": "water", "page": "1"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/en/projects/">' in html
    home = client.get("/de/").content.decode()
    assert '<link rel="canonical" href="http://testserver/de/">' in home


def test_a_later_page_of_an_unfiltered_list_is_its_own_canonical_page_in_every_language(client, twente):
    html = client.get("/en/projects/", {"page": "2"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/en/projects/?page=2">' in html
    assert '<link rel="alternate" hreflang="de" href="http://testserver/de/projekte/?page=2">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/nl/projecten/?page=2">' in html
    # The first page, a filtered page and a mangled number point to the bare list.
    for query in ({"page": "1"}, {"page": "2", "status": "running"}, {"page": "02"}, {"page": "x"}):
        html = client.get("/en/projects/", query).content.decode()
        assert '<link rel="canonical" href="http://testserver/en/projects/">' in html, query


def test_hreflang_alternates_include_x_default_on_the_dutch_page(client, twente):
    html = client.get("/en/projects/", {"theme": "water"}).content.decode()
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/nl/projecten/">' in html
    assert '<link rel="alternate" hreflang="de" href="http://testserver/de/projekte/">' in html


def test_a_404_page_has_no_hreflang_alternates_and_no_canonical(client):
    html = client.get("/en/no-such-page/").content.decode()
    assert 'hreflang="' not in html.split("</head>")[0]
    assert 'rel="canonical"' not in html


def test_list_filters_sit_behind_a_disclosure_open_only_when_filtering(client, twente):
    plain = client.get("/en/projects/").content.decode()
    assert '<details class="filter-disclosure">' in plain
    assert plain.index('href="#results"') < plain.index('<details class="filter-disclosure"')
    filtered = client.get("/en/projects/", {"status": "running"}).content.decode()
    assert '<details class="filter-disclosure" open>' in filtered
