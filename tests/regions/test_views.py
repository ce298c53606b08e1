"""Municipality and innovation-district pages as a visitor sees them."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Membership, RelationshipKind
from projects.models import ParticipantRole, Participation
from tests.factories import (
    ClusterFactory,
    ContactFactory,
    InnovationDistrictFactory,
    MunicipalityFactory,
    PartnerFactory,
    ProjectFactory,
    RegionFactory,
    RelationshipFactory,
)
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


@pytest.fixture
def enschede():
    netwerkstad = RegionFactory(
        slug="netwerkstad-twente",
        name_nl="Netwerkstad Twente",
        name_en="Network City Twente",
        name_de="Netzwerkstadt Twente",
        kind="alliance",
    )
    municipality = MunicipalityFactory(
        slug="enschede",
        name_nl="Enschede",
        name_en="Enschede",
        name_de="Enschede",
        summary_nl="Grootste stad van Twente.",
        summary_en="Largest city of Twente.",
        summary_de="",
        population=160_000,
        population_year=2023,
        website="https://www.enschede.nl/",
    )
    netwerkstad.municipalities.add(municipality)
    return municipality


def make_municipalities(count, region=None):
    municipalities = MunicipalityFactory.create_batch(count, population=1000, population_year=2024)
    region = region or RegionFactory()
    region.municipalities.add(*municipalities)
    return municipalities


# Language, translated content and alternates ---------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en", "de"])
def test_municipality_list_speaks_each_language(client, enschede, lang):
    response = client.get(reverse_list(lang))
    page = html(response)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in page
    for code in ("nl", "en", "de"):
        assert f'hreflang="{code}"' in page
    region_name = {"nl": "Netwerkstad Twente", "en": "Network City Twente", "de": "Netzwerkstadt Twente"}[
        lang
    ]
    assert region_name in page


def reverse_list(lang):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lang):
        return reverse("regions:municipality-list")


def reverse_detail(name, slug, lang="en"):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lang):
        return reverse(f"regions:{name}-detail", kwargs={"slug": slug})


def test_a_project_title_or_district_summary_in_a_fallback_language_carries_its_lang(client, enschede):
    project = ProjectFactory(title_nl="Waterstofketen", title_en="Hydrogen chain", title_de="")
    project.municipalities.add(enschede)
    InnovationDistrictFactory(municipality=enschede, summary_nl="Campus.", summary_en="", summary_de="")
    german = html(client.get(reverse_detail("municipality", "enschede", "de")))
    assert f'<a href="{project.get_absolute_url()}" lang="en">Hydrogen chain</a>' in german
    assert '<p class="card__summary" lang="nl">Campus.</p>' in german
    dutch = html(client.get(reverse_detail("municipality", "enschede", "nl")))
    assert '<p class="card__summary">Campus.</p>' in dutch


@pytest.mark.parametrize("lang", ["nl", "en", "de"])
def test_municipality_page_in_each_language_with_fallback(client, enschede, lang):
    response = client.get(reverse_detail("municipality", "enschede", lang))
    page = html(response)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in page
    assert page.count('rel="alternate" hreflang=') == 4  # nl, en, de and x-default
    # The German summary is empty: German visitors read the English one.
    expected = {
        "nl": "Grootste stad van Twente.",
        "en": "Largest city of Twente.",
        "de": "Largest city of Twente.",
    }
    assert expected[lang] in page


def test_language_links_keep_the_item_and_the_filters(client, enschede):
    response = client.get(reverse_list("en") + "?q=ensch")
    links = {link["code"]: link["url"] for link in response.context["language_links"]}
    for code in ("nl", "de"):
        assert links[code] == reverse_list(code) + "?q=ensch"
    response = client.get(reverse_detail("municipality", "enschede", "en"))
    links = {link["code"]: link["url"] for link in response.context["language_links"]}
    assert links["de"] == reverse_detail("municipality", "enschede", "de")


# The list: filters, result count, pagination ----------------------------------------------


def test_filter_by_region_and_name(client, enschede):
    other = MunicipalityFactory(name_nl="Hengelo", name_en="Hengelo", name_de="Hengelo", slug="hengelo")
    RegionFactory(slug="regio-twente").municipalities.add(other, enschede)

    page = html(client.get(reverse_list("en") + "?region=netwerkstad-twente"))
    assert ">Enschede</a>" in page and ">Hengelo</a>" not in page
    assert "1 result" in page
    assert "Clear all filters" in page

    page = html(client.get(reverse_list("en") + "?q=hENG"))
    assert ">Hengelo</a>" in page and ">Enschede</a>" not in page

    page = html(client.get(reverse_list("en")))
    assert "2 results" in page
    assert "Clear all filters" not in page


def test_cards_show_population_and_region_badges(client, enschede):
    page = html(client.get(reverse_list("en")))
    assert "160,000 inhabitants (2023)" in page
    assert '<li class="badge">Network City Twente</li>' in page
    page = html(client.get(reverse_list("nl")))
    assert "160.000" in page


def test_draft_regions_are_not_offered_as_filter_choices(client, enschede):
    RegionFactory(slug="concept-regio", name_en="Secret region", publication_state=PublicationState.DRAFT)
    page = html(client.get(reverse_list("en")))
    assert "Secret region" not in page
    response = client.get(reverse_list("en") + "?region=concept-regio")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html(response)


def test_pagination_keeps_the_filters(client):
    region = RegionFactory(slug="big")
    make_municipalities(45, region=region)
    page = html(client.get(reverse_list("en") + "?region=big&page=2"))
    assert "region=big&amp;page=3" in page
    assert "region=big&amp;page=1" in page
    assert 'aria-current="page"' in page


# Bad query strings: never a 500 ----------------------------------------------------------


def test_unknown_choice_is_reported_beside_the_field(client, enschede):
    response = client.get(reverse_list("en") + "?region=nope")
    page = html(response)
    assert response.status_code == 200
    assert 'id="id_region_error"' in page
    assert "Select a valid choice" in page
    # The invalid filter is ignored: every municipality is still listed.
    assert "Enschede" in page


def test_text_where_a_number_goes(client, enschede):
    response = client.get(reverse_list("en") + "?min_population=lots")
    assert response.status_code == 200
    assert 'id="id_min_population_error"' in html(response)
    assert "Enter a number" in html(response)


def test_population_filter(client, enschede):
    MunicipalityFactory(name_en="Tiny", population=10, population_year=2024)
    page = html(client.get(reverse_list("en") + "?min_population=1000"))
    assert ">Enschede</a>" in page and ">Tiny</a>" not in page


def test_page_that_is_not_a_number_shows_the_first_page_with_a_notice(client):
    make_municipalities(25)
    response = client.get(reverse_list("en") + "?page=abc")
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1
    assert "There is no page “abc”" in html(response)


def test_page_beyond_the_end_shows_the_last_page_with_a_notice(client):
    make_municipalities(25)
    response = client.get(reverse_list("en") + "?page=999999")
    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert "showing page 2 of 2" in html(response)


def test_very_long_text_filter_is_refused_clearly(client, enschede):
    response = client.get(reverse_list("en") + "?q=" + "x" * 5000)
    page = html(response)
    assert response.status_code == 200
    assert 'id="id_q_error"' in page
    assert "at most 200 characters" in page


def test_repeated_parameters_do_not_break_the_page(client, enschede):
    response = client.get(
        reverse_list("en") + "?region=nope&region=netwerkstad-twente&page=1&page=x&q=a&q=ens"
    )
    assert response.status_code == 200
    assert "Enschede" in html(response)


# The municipality page ------------------------------------------------------------------


def test_municipality_page_shows_everything_related(client, enschede):
    district = InnovationDistrictFactory(municipality=enschede, name_en="Kennispark Twente")
    district.clusters.add(ClusterFactory(name_en="Photonics"))
    ProjectFactory(municipalities=[enschede], title_en="Stadsbeek in Stadsveld")
    ProjectFactory(municipalities=[enschede], title_en="Unpublished plan", publication_state="draft")
    taking_part = ProjectFactory(title_en="Euregional learning pathway")
    Participation.objects.create(project=taking_part, municipality=enschede, role=ParticipantRole.LEAD)
    muenster = PartnerFactory(name_en="Münster")
    RelationshipFactory(
        partner=muenster, municipality=enschede, kind=RelationshipKind.PARTNER_CITY, since_year=2021
    )
    RelationshipFactory(
        partner=PartnerFactory(name_en="Palo Alto", country="US"),
        municipality=enschede,
        kind=RelationshipKind.SISTER_CITY,
        since_year=1980,
    )
    RelationshipFactory(
        partner=PartnerFactory(name_en="Hidden partner", publication_state="draft"), municipality=enschede
    )
    PartnerFactory(name_en="University of Twente", kind="knowledge_institute", located_in=enschede)
    Membership.objects.create(
        network=PartnerFactory(name_en="Eurocities", kind="network"), member_municipality=enschede
    )
    ContactFactory(
        municipality=enschede,
        partner=None,
        name="Bart Molenkamp",
        job_title_en="European Liaison Officer",
        email="liaison@example.org",
        phone="+31534818181",
        notes="Prefers mornings",
        is_public=True,
    )
    ContactFactory(municipality=enschede, partner=None, name="Private Person", is_public=False)

    page = html(client.get(reverse_detail("municipality", "enschede")))
    for text in (
        "Network City Twente",
        "Kennispark Twente",
        "Photonics",
        "Stadsbeek in Stadsveld",
        "Euregional learning pathway",
        "Lead partner",
        "Münster",
        "Partner city, since 2021",
        "Palo Alto",
        "Sister city, since 1980",
        "University of Twente",
        "Eurocities",
        "Bart Molenkamp",
        "European Liaison Officer",
        "mailto:liaison@example.org",
        "https://www.enschede.nl/",
        "160,000 (2023)",
        "/en/map/?kind=municipality",
    ):
        assert text in page, text
    for hidden in ("Unpublished plan", "Hidden partner", "Private Person", "+31", "Prefers mornings"):
        assert hidden not in page, hidden


def test_unknown_and_draft_municipalities_are_not_found(client, enschede):
    MunicipalityFactory(slug="concept", publication_state=PublicationState.DRAFT)
    MunicipalityFactory(slug="ingetrokken", publication_state=PublicationState.WITHDRAWN)
    for slug in ("concept", "ingetrokken", "nope"):
        assert client.get(reverse_detail("municipality", slug)).status_code == 404


def test_population_not_known_is_said_so(client):
    MunicipalityFactory(slug="onbekend", population=None)
    assert "not known yet" in html(client.get(reverse_detail("municipality", "onbekend")))


# Innovation districts -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en", "de"])
def test_district_pages_in_each_language(client, enschede, lang):
    district = InnovationDistrictFactory(
        slug="technology-base",
        municipality=enschede,
        name_nl="Technology Base",
        name_en="Technology Base",
        name_de="Technology Base",
        summary_nl="Voormalige vliegbasis.",
        summary_en="Former air force base.",
        summary_de="",
        area_hectares=Decimal("500"),
    )
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lang):
        list_url = reverse("regions:district-list")
    list_page = html(client.get(list_url))
    assert f'<html lang="{lang}">' in list_page
    assert "Technology Base" in list_page
    response = client.get(reverse_detail("district", district.slug, lang))
    page = html(response)
    assert f'<html lang="{lang}">' in page
    assert page.count('rel="alternate" hreflang=') == 4  # nl, en, de and x-default
    expected = {
        "nl": "Voormalige vliegbasis.",
        "en": "Former air force base.",
        "de": "Former air force base.",
    }
    assert expected[lang] in page
    assert {"nl": "500 hectare", "en": "500 hectares", "de": "500"}[lang] in page


def test_district_page_shows_clusters_projects_and_place(client, enschede):
    district = InnovationDistrictFactory(
        slug="kennispark", municipality=enschede, website="https://kennispark.nl/"
    )
    district.clusters.add(ClusterFactory(name_en="Batteries"))
    ProjectFactory(district=district, title_en="Battery hub")
    ProjectFactory(district=district, title_en="Draft hub", publication_state="draft")
    page = html(client.get(reverse_detail("district", "kennispark")))
    for text in (
        "Batteries",
        "Battery hub",
        "Enschede",
        "/en/municipalities/enschede/",
        "https://kennispark.nl/",
    ):
        assert text in page, text
    assert "Draft hub" not in page


def test_district_of_an_unpublished_municipality_does_not_link_it(client):
    hidden = MunicipalityFactory(slug="verborgen", name_en="Hidden town", publication_state="draft")
    InnovationDistrictFactory(slug="park", municipality=hidden)
    page = html(client.get(reverse_detail("district", "park")))
    assert "Hidden town" not in page
    assert "Hidden town" not in html(client.get("/en/districts/"))


def test_district_filters(client, enschede):
    hengelo = MunicipalityFactory(slug="hengelo", name_en="Hengelo")
    photonics = ClusterFactory(slug="photonics", name_en="Photonics")
    a = InnovationDistrictFactory(municipality=enschede, name_en="Kennispark Twente")
    a.clusters.add(photonics)
    InnovationDistrictFactory(municipality=hengelo, name_en="High Tech Systems Park")
    page = html(client.get("/en/districts/?cluster=photonics"))
    assert "Kennispark Twente" in page and "High Tech Systems Park" not in page
    page = html(client.get("/en/districts/?municipality=hengelo"))
    assert "Kennispark Twente" not in page and "High Tech Systems Park" in page
    response = client.get("/en/districts/?municipality=nope&cluster=nope&page=abc")
    assert response.status_code == 200
    assert 'id="id_municipality_error"' in html(response)
    assert 'id="id_cluster_error"' in html(response)


def test_draft_district_is_not_found(client, enschede):
    InnovationDistrictFactory(slug="concept", municipality=enschede, publication_state="draft")
    assert client.get(reverse_detail("district", "concept")).status_code == 404
    assert "concept" not in html(client.get("/en/districts/"))


# Query counts --------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_municipality_list_query_count_does_not_grow(client, django_assert_num_queries):
    """Guards the N+1 on each card's region badges (one query per municipality
    without the prefetch in `for_list`)."""
    region = RegionFactory(slug="r")
    make_municipalities(10, region=region)
    url = reverse_list("en") + "?region=r"
    with django_assert_num_queries(5):
        client.get(url)
    make_municipalities(190, region=region)
    with django_assert_num_queries(5):
        response = client.get(url)
    assert response.context["result_count"] == 200


def test_municipality_page_query_count_does_not_grow(client, enschede, django_assert_num_queries):
    """Guards the N+1s of the municipality page: clusters per district, programme per
    project, partner per tie, network per membership."""

    def add_related(count):
        for _ in range(count):
            district = InnovationDistrictFactory(municipality=enschede)
            district.clusters.add(ClusterFactory())
            project = ProjectFactory(municipalities=[enschede])
            Participation.objects.create(project=ProjectFactory(), municipality=enschede)
            RelationshipFactory(municipality=enschede)
            PartnerFactory(located_in=enschede)
            Membership.objects.create(network=PartnerFactory(kind="network"), member_municipality=enschede)
            ContactFactory(municipality=enschede, partner=None, is_public=True)
            assert project.pk

    add_related(2)
    url = reverse_detail("municipality", "enschede")
    with django_assert_num_queries(11):
        client.get(url)
    add_related(20)
    with django_assert_num_queries(11):
        client.get(url)


def test_district_list_query_count_does_not_grow(client, django_assert_num_queries):
    """Guards the N+1 on each card's municipality and clusters."""

    def add(count):
        for _ in range(count):
            district = InnovationDistrictFactory()
            district.clusters.add(ClusterFactory())

    add(10)
    with django_assert_num_queries(5):
        client.get("/en/districts/")
    add(190)
    with django_assert_num_queries(5):
        client.get("/en/districts/")


def test_district_page_query_count_does_not_grow(client, enschede, django_assert_num_queries):
    """Guards the N+1 on the programme of each project located in the district."""
    district = InnovationDistrictFactory(slug="k", municipality=enschede)

    def add(count):
        for _ in range(count):
            district.clusters.add(ClusterFactory())
            ProjectFactory(district=district)

    add(2)
    with django_assert_num_queries(4):
        client.get(reverse_detail("district", "k"))
    add(30)
    with django_assert_num_queries(4):
        client.get(reverse_detail("district", "k"))


def test_municipality_page_shows_the_latest_twenty_projects_and_the_total(client, enschede):
    """Placed there, through a district, or taking part: each counted once."""
    district = InnovationDistrictFactory(municipality=enschede)
    for year in range(2000, 2015):
        ProjectFactory(municipalities=[enschede], start_date=datetime.date(year, 1, 1))
    for _ in range(5):
        ProjectFactory(district=district, start_date=datetime.date(1990, 1, 1))
    both = ProjectFactory(municipalities=[enschede], district=district, start_date=datetime.date(1980, 1, 1))
    Participation.objects.create(project=both, municipality=enschede)
    newest = ProjectFactory(start_date=datetime.date(2030, 1, 1))
    Participation.objects.create(project=newest, municipality=enschede)
    ProjectFactory(municipalities=[enschede], publication_state="draft")
    ProjectFactory()  # elsewhere

    response = client.get(reverse_detail("municipality", "enschede"))
    excerpt = response.context["projects"]
    assert len(excerpt.items) == 20
    assert excerpt.total == 22
    assert excerpt.items[0].start_date == datetime.date(2030, 1, 1)
    assert excerpt.items[0].municipality_roles[0].municipality == enschede
    assert "The latest 20 of 22 projects." in response.text
    listed = client.get(excerpt.list_url)
    assert listed.context["result_count"] == 22


def test_district_page_shows_the_latest_twenty_projects_and_the_total(client, enschede):
    district = InnovationDistrictFactory(slug="big", municipality=enschede)
    for _ in range(23):
        ProjectFactory(district=district)
    ProjectFactory(district=district, publication_state="draft")
    response = client.get(reverse_detail("district", "big"))
    excerpt = response.context["projects"]
    assert (len(excerpt.items), excerpt.total) == (20, 23)
    assert client.get(excerpt.list_url).context["result_count"] == 23
