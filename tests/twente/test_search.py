"""The site search: one box, every section, published items only, in the active language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import InnovationDistrictFactory, MunicipalityFactory, PartnerFactory, ProjectFactory
from twente.core.models import PublicationState
from twente.search import MAX_QUERY_LENGTH

pytestmark = pytest.mark.django_db


def search(client, language, query):
    """The search page in a language (its path may be translated)."""
    with translation.override(language):
        return client.get(reverse("search"), {"q": query})


def result_titles(response, key):
    group = next((g for g in response.context["groups"] if g.section.key == key), None)
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        return [str(item) for item in group.results] if group else []


@pytest.fixture
def munster():
    return PartnerFactory(
        slug="munster",
        name_nl="Münster",
        name_en="Münster",
        name_de="Münster",
        summary_en="Partner city of Enschede since 2021.",
    )


def test_munster_without_umlaut_finds_muenster(client, munster):
    response = client.get("/en/search/", {"q": "Munster"})
    assert response.status_code == 200
    assert result_titles(response, "partners") == ["Münster"]
    assert munster.get_absolute_url() in response.content.decode()


def test_osnabruck_without_umlaut_finds_osnabrueck(client):
    PartnerFactory(slug="osnabrueck", name_nl="Osnabrück", name_en="Osnabrück", name_de="Osnabrück")
    response = client.get("/en/search/", {"q": "Osnabruck"})
    assert result_titles(response, "partners") == ["Osnabrück"]


def test_accented_query_finds_the_same(client, munster):
    response = search(client, "de", "münster")
    assert result_titles(response, "partners") == ["Münster"]


def test_results_are_grouped_by_kind_with_counts(client):
    MunicipalityFactory(name_nl="Enschede", name_en="Enschede", name_de="Enschede", slug="enschede")
    PartnerFactory(name_nl="Saxion Enschede", name_en="Saxion Enschede", name_de="Saxion Enschede")
    PartnerFactory(name_nl="Universiteit Twente", name_en="University of Twente", summary_en="In Enschede.")
    InnovationDistrictFactory(name_nl="Kennispark", name_en="Kennispark", summary_en="Campus in Enschede")
    ProjectFactory(title_nl="Stadsbeek", title_en="Stadsbeek", summary_en="A stream in Enschede.")
    response = client.get("/en/search/", {"q": "Enschede"})
    counts = {group.section.key: group.count for group in response.context["groups"]}
    assert counts == {"municipalities": 1, "partners": 2, "districts": 1, "projects": 1}
    html = response.content.decode()
    assert re.search(r"<h2[^>]*>Partners <span[^>]*>\(2\)</span></h2>", html)
    assert "5 results for" in html
    # The title match ranks before the summary match.
    assert result_titles(response, "partners") == ["Saxion Enschede", "University of Twente"]


def test_drafts_and_withdrawn_items_are_never_found(client):
    PartnerFactory(name_nl="Geheim Lab", name_en="Secret Lab", publication_state=PublicationState.DRAFT)
    ProjectFactory(title_nl="Geheim", title_en="Secret project", publication_state=PublicationState.WITHDRAWN)
    MunicipalityFactory(name_nl="Geheimstad", name_en="Secret town", publication_state=PublicationState.DRAFT)
    response = client.get("/en/search/", {"q": "secret"})
    assert response.context["total_count"] == 0
    assert "Secret" not in response.content.decode().split("<main")[1]
    assert "Nothing found" in response.content.decode()


def test_german_only_word_is_found_on_the_german_site(client):
    ProjectFactory(
        slug="stadsbeek",
        title_nl="Stadsbeek",
        title_en="City stream",
        title_de="Stadtbach",
        description_nl="Regenwater wordt opgevangen.",
        description_en="Rain water is collected.",
        description_de="Das Regenwasser wird im Hochwasserschutzbecken gesammelt.",
    )
    german = search(client, "de", "Hochwasserschutzbecken")
    assert result_titles(german, "projects") == ["Stadtbach"]
    # English visitors read the English description, which does not say it.
    english = client.get("/en/search/", {"q": "Hochwasserschutzbecken"})
    assert english.context["total_count"] == 0


def test_translated_title_is_searched_and_shown_in_the_active_language(client):
    ProjectFactory(
        title_nl="Nieuwe straatverlichting", title_en="New street lighting", title_de="Neue Beleuchtung"
    )
    response = search(client, "nl", "straatverlichting")
    assert result_titles(response, "projects") == ["Nieuwe straatverlichting"]
    response = search(client, "de", "Beleuchtung")
    assert result_titles(response, "projects") == ["Neue Beleuchtung"]


def test_a_result_shown_in_a_fallback_language_carries_its_lang(client):
    ProjectFactory(
        title_nl="Waterstofketen",
        title_en="Hydrogen chain",
        title_de="",
        summary_en="From wind.",
        summary_de="",
    )
    german = search(client, "de", "Hydrogen").content.decode()
    assert re.search(r'<a class="search-result__link" href="[^"]+" lang="en">Hydrogen chain</a>', german)
    assert '<p class="search-result__summary" lang="en">From wind.</p>' in german
    english = search(client, "en", "Hydrogen").content.decode()
    assert re.search(r'<a class="search-result__link" href="[^"]+">Hydrogen chain</a>', english)


def test_empty_query_shows_help_and_no_results(client, django_assert_num_queries):
    PartnerFactory()
    with django_assert_num_queries(0):
        response = client.get("/en/search/", {"q": "   "})
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert "What can I search for?" in response.content.decode()
    assert client.get("/en/search/").status_code == 200


def test_a_very_long_query_is_shortened_with_a_message(client, munster):
    response = client.get("/en/search/", {"q": "Munster " + "x" * 5000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH
    assert "too long" in response.content.decode()


@pytest.mark.parametrize("query", ["\x00Munster", '"unbalanced quote', "a & b | !c", "100%_", "(-)'*:"])
def test_odd_characters_never_break_the_search(client, munster, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200


def test_query_count_does_not_grow_with_the_number_of_results(client):
    def queries_for(query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200
        return len(captured)

    MunicipalityFactory(name_nl="Almelo", name_en="Almelo")
    few = queries_for("Almelo")
    for number in range(6):
        MunicipalityFactory(name_nl=f"Almelo {number}", name_en=f"Almelo {number}")
        PartnerFactory(name_nl=f"Almelo partner {number}", name_en=f"Almelo partner {number}")
        InnovationDistrictFactory(name_nl=f"Almelo park {number}", name_en=f"Almelo park {number}")
        ProjectFactory(title_nl=f"Almelo project {number}", title_en=f"Almelo project {number}")
    many = queries_for("Almelo")
    # One query per section: municipalities, partners, districts, projects.
    assert few == many == 4


def test_the_section_with_the_best_match_comes_first(client, munster):
    MunicipalityFactory(name_nl="Enschede", name_en="Enschede", description_en="A partner city of Münster.")
    response = client.get("/en/search/", {"q": "Munster"})
    assert [group.section.key for group in response.context["found_groups"]] == ["partners", "municipalities"]
    html = response.content.decode()
    assert html.index('id="results-partners"') < html.index('id="results-municipalities"')


def test_the_exact_name_ranks_before_longer_names_containing_it(client, munster):
    PartnerFactory(name_nl="Fachhochschule Münster", name_en="Aachen-Münster University of Applied Sciences")
    response = client.get("/en/search/", {"q": "Munster"})
    assert result_titles(response, "partners") == ["Münster", "Aachen-Münster University of Applied Sciences"]


def test_the_query_is_shown_escaped(client):
    response = client.get("/en/search/", {"q": '<script>alert("x")</script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
