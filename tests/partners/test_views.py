"""The partner list (filters, count, pagination) and the partner page, as a visitor sees them."""

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Membership, PartnerKind, RelationshipKind
from projects.models import ParticipantRole
from tests.factories import (
    ContactFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PartnerFactory,
    ProjectFactory,
    RegionFactory,
    RelationshipFactory,
)
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db

LIST = "/en/partners/"


def url_in(language, name, **kwargs):
    """The page's address in `language`: German and Dutch paths are translated."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def names(response):
    return [partner.name for partner in response.context["partners"]]


@pytest.fixture
def enschede():
    return MunicipalityFactory(slug="enschede", name_nl="Enschede", name_en="Enschede", name_de="Enschede")


@pytest.fixture
def partners(enschede):
    """Münster (partner city, DE), Osnabrück (no tie, DE), Eurocities (network, BE),
    Palo Alto (sister city, US) and a draft."""
    muenster = PartnerFactory(
        slug="muenster",
        name_nl="Münster",
        name_en="Münster",
        name_de="Münster",
        summary_en="City in Westphalia",
        country="DE",
        city="Münster",
    )
    RelationshipFactory(
        partner=muenster, kind=RelationshipKind.PARTNER_CITY, municipality=enschede, since_year=2021
    )
    osnabrueck = PartnerFactory(
        slug="osnabrueck", name_nl="Osnabrück", name_en="Osnabrück", name_de="Osnabrück", country="DE"
    )
    eurocities = PartnerFactory(
        slug="eurocities",
        name_nl="Eurocities",
        name_en="Eurocities",
        name_de="Eurocities",
        kind=PartnerKind.NETWORK,
        country="BE",
        city="Brussel",
    )
    RelationshipFactory(partner=eurocities, kind=RelationshipKind.NETWORK, since_year=None)
    palo_alto = PartnerFactory(
        slug="palo-alto", name_nl="Palo Alto", name_en="Palo Alto", name_de="Palo Alto", country="US"
    )
    RelationshipFactory(
        partner=palo_alto, kind=RelationshipKind.SISTER_CITY, municipality=enschede, since_year=1980
    )
    PartnerFactory(slug="concept", name_nl="Conceptpartner", publication_state=PublicationState.DRAFT)
    return {"muenster": muenster, "osnabrueck": osnabrueck, "eurocities": eurocities, "palo_alto": palo_alto}


class TestPartnerList:
    def test_lists_published_partners_only(self, client, partners):
        response = client.get(LIST)
        assert response.status_code == 200
        assert names(response) == ["Eurocities", "Münster", "Osnabrück", "Palo Alto"]
        assert "Conceptpartner" not in response.content.decode()

    def test_card_says_tie_with_twente_and_since_when(self, client, partners):
        content = client.get(LIST).content.decode()
        assert "Partner city of Enschede since 2021" in content
        assert "Sister city of Enschede since 1980" in content
        # A tie with neither a municipality nor a region is with Twente as a whole.
        assert "Network with Twente as a member" in content
        assert "City · Münster, Germany" in content

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("country=DE", ["Münster", "Osnabrück"]),
            ("kind=network", ["Eurocities"]),
            ("relationship=sister_city", ["Palo Alto"]),
            ("q=westphalia", ["Münster"]),
            ("q=OSNA", ["Osnabrück"]),
            ("country=DE&relationship=partner_city", ["Münster"]),
            ("country=DE&kind=network", []),
        ],
    )
    def test_each_filter_and_combinations(self, client, partners, query, expected):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        assert names(response) == expected
        assert response.context["result_count"] == len(expected)

    def test_result_count_is_shown(self, client, partners):
        content = client.get(f"{LIST}?country=DE").content.decode()
        assert "2 results" in content

    def test_text_filter_searches_the_active_language_with_fallback(self, client):
        PartnerFactory(name_nl="Hogeschool Saxion", name_en="Saxion University", name_de=None)
        with translation.override("en"):
            assert names(client.get(f"{LIST}?q=university")) == ["Saxion University"]
            assert names(client.get(f"{LIST}?q=hogeschool")) == []
        # German is empty: the visitor sees (and finds) the English name.
        german_list = url_in("de", "partners:partner-list")
        assert names(client.get(f"{german_list}?q=university")) == ["Saxion University"]

    def test_pagination_keeps_the_filters(self, client):
        for number in range(25):
            PartnerFactory(name_nl=f"Stadt {number:02}", country="DE")
        PartnerFactory(name_nl="Ville", country="BE")
        response = client.get(f"{LIST}?country=DE")
        assert response.context["result_count"] == 25
        content = response.content.decode()
        assert "?country=DE&amp;page=2" in content
        second = client.get(f"{LIST}?country=DE&page=2")
        assert len(second.context["partners"]) == 5
        assert all(partner.country == "DE" for partner in second.context["partners"])

    def test_clear_link_only_when_filtered(self, client, partners):
        assert "Clear all filters" not in client.get(LIST).content.decode()
        assert "Clear all filters" not in client.get(f"{LIST}?page=1").content.decode()
        content = client.get(f"{LIST}?country=DE").content.decode()
        assert f'<a class="filter-form__clear" href="{LIST}">Clear all filters</a>' in content

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ("country=XX", "Select a valid choice"),
            ("kind=castle", "Select a valid choice"),
            ("relationship=enemy", "Select a valid choice"),
            ("q=" + "x" * 5000, "at most 200 characters"),
        ],
    )
    def test_bad_filter_values_give_a_message_not_an_error(self, client, partners, query, message):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        content = response.content.decode()
        assert message in content
        assert 'aria-invalid="true"' in content
        # The invalid filter is ignored: the visitor still sees every partner.
        assert len(response.context["partners"]) == 4

    @pytest.mark.parametrize("page", ["abc", "999999", "-1", "0"])
    def test_bad_page_numbers_show_the_nearest_page(self, client, partners, page):
        response = client.get(f"{LIST}?page={page}")
        assert response.status_code == 200
        assert "There is no page" in response.content.decode()

    def test_list_query_count_does_not_grow_with_partners(self, client, enschede, django_assert_num_queries):
        """Guards the N+1 of each card's ties with Twente and the municipality each names:
        count, page of partners (with located_in), relationships with their municipality."""
        for rows in (10, 200):
            for _ in range(rows - (0 if rows == 10 else 10)):
                partner = PartnerFactory(located_in=enschede)
                RelationshipFactory(partner=partner, municipality=enschede)
            with django_assert_num_queries(3):
                response = client.get(LIST)
            assert len(response.context["partners"]) == min(rows, 20)


@pytest.fixture
def muenster_page(enschede):
    """Münster with a tie, a network, a member, projects, and public and private contacts."""
    muenster = PartnerFactory(
        slug="muenster",
        name_nl="Münster",
        name_en="Münster",
        name_de="Münster",
        summary_nl="Stad in Westfalen",
        summary_en="City in Westphalia",
        summary_de=None,
        country="DE",
        city="Münster",
        located_in=None,
        website="https://www.stadt-muenster.de/",
        latitude="51.960665",
        longitude="7.626135",
    )
    RelationshipFactory(
        partner=muenster, kind=RelationshipKind.PARTNER_CITY, municipality=enschede, since_year=2021
    )
    network = PartnerFactory(
        slug="dgtl",
        name_nl="Dutch German Tech.Land",
        name_en="Dutch German Tech.Land",
        kind=PartnerKind.NETWORK,
    )
    draft_network = PartnerFactory(
        slug="secret-club",
        name_nl="Geheim netwerk",
        name_en="Geheim netwerk",
        kind=PartnerKind.NETWORK,
        publication_state="draft",
    )
    Membership.objects.create(network=network, member_partner=muenster, since_year=2019)
    Membership.objects.create(network=draft_network, member_partner=muenster)
    region = RegionFactory(name_nl="Münsterland", name_en="Münsterland", name_de="Münsterland")
    Membership.objects.create(network=muenster, member_region=region)
    project = ProjectFactory(slug="edl", title_en="Euregional learning pathway")
    ParticipationFactory(project=project, partner=muenster, role=ParticipantRole.LEAD)
    draft_project = ProjectFactory(slug="draft", title_en="Unfinished project", publication_state="draft")
    ParticipationFactory(project=draft_project, partner=muenster)
    ContactFactory(
        partner=muenster,
        name="Anna Public",
        job_title_en="Head of international affairs",
        email="anna@stadt-muenster.de",
        phone="+492514920000",
        notes="Prefers calls in the morning",
        is_public=True,
    )
    ContactFactory(partner=muenster, name="Bernd Private", email="bernd@stadt-muenster.de", is_public=False)
    return muenster


class TestPartnerDetail:
    url = "/en/partners/muenster/"

    def test_shows_ties_networks_members_projects_and_facts(self, client, muenster_page):
        response = client.get(self.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Partner city of Enschede since 2021" in content
        assert "Dutch German Tech.Land" in content
        assert "(member since 2019)" in content
        assert "Münsterland" in content
        assert 'href="/en/projects/edl/"' in content
        assert "Lead partner" in content
        assert 'href="https://www.stadt-muenster.de/"' in content
        assert "51.960665, 7.626135" in content
        assert 'href="geo:51.960665,7.626135"' in content
        assert 'href="/en/map/?kind=partner"' in content

    def test_drafts_never_appear(self, client, muenster_page):
        content = client.get(self.url).content.decode()
        assert "Geheim netwerk" not in content
        assert "Unfinished project" not in content

    def test_public_contacts_only_without_phone_or_notes(self, client, muenster_page):
        content = client.get(self.url).content.decode()
        assert "Anna Public" in content
        assert "Head of international affairs" in content
        assert 'href="mailto:anna@stadt-muenster.de"' in content
        assert "Bernd Private" not in content
        assert "bernd@" not in content
        assert "4920000" not in content
        assert "Prefers calls" not in content

    def test_translated_with_fallback(self, client, muenster_page):
        dutch_page = url_in("nl", "partners:partner-detail", slug="muenster")
        assert "Stad in Westfalen" in client.get(dutch_page).content.decode()
        assert "City in Westphalia" in client.get(self.url).content.decode()
        # No German summary: the English one is shown.
        german_page = url_in("de", "partners:partner-detail", slug="muenster")
        assert "City in Westphalia" in client.get(german_page).content.decode()

    def test_draft_is_404_for_the_public_and_a_preview_for_staff(self, client, admin_client):
        PartnerFactory(slug="concept", publication_state=PublicationState.DRAFT)
        assert client.get("/en/partners/concept/").status_code == 404
        response = admin_client.get("/en/partners/concept/")
        assert response.status_code == 200
        assert response.context["is_preview"] is True

    def test_unknown_partner_is_404(self, client):
        assert client.get("/en/partners/nobody/").status_code == 404

    def test_detail_query_count_does_not_grow(self, client, enschede, django_assert_num_queries):
        """Guards the N+1 of the page's ties (with municipality), networks, members,
        projects and contacts: partner, relationships, memberships, members,
        participations with project, public contacts."""
        partner = PartnerFactory(slug="busy")
        for rows in (10, 200):
            for _ in range(rows - (0 if rows == 10 else 10)):
                RelationshipFactory(partner=partner, municipality=enschede)
                ParticipationFactory(partner=partner)
                ContactFactory(partner=partner, is_public=True)
                Membership.objects.create(network=partner, member_partner=PartnerFactory())
            with django_assert_num_queries(7):
                response = client.get("/en/partners/busy/")
            # The latest 20 projects, with the number of all of them.
            assert len(response.context["participations"].items) == min(rows, 20)
            assert response.context["participations"].total == rows


def test_a_project_title_in_a_fallback_language_carries_its_lang_on_a_partner_page(client):
    partner = PartnerFactory(slug="muenster")
    ParticipationFactory(
        partner=partner,
        project=ProjectFactory(slug="h2", title_nl="Waterstofketen", title_en="", title_de=""),
    )
    german = client.get(url_in("de", "partners:partner-detail", slug="muenster")).content.decode()
    assert '<a href="/de/projekte/h2/" lang="nl">Waterstofketen</a>' in german
