"""The project list (filters, sorting, count, pagination) and the project page."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Partner
from projects.models import ParticipantRole, Participation, Project, ProjectStatus
from regions.models import Municipality, Theme
from tests.factories import (
    FundingProgrammeFactory,
    InnovationDistrictFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PartnerFactory,
    ProjectFactory,
    ThemeFactory,
)
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db

LIST = "/en/projects/"


def url_in(language, name, kwargs=None):
    """The page's path in a language (Dutch and German paths may be translated)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def slugs(response):
    return [project.slug for project in response.context["projects"]]


@pytest.fixture
def catalogue():
    """Four published projects and a draft, spread over themes, programmes, places,
    partners, years and amounts."""
    water = ThemeFactory(slug="water", name_en="Water")
    energy = ThemeFactory(slug="energy", name_en="Energy")
    mobility = ThemeFactory(slug="mobility", name_en="Mobility")
    interreg = FundingProgrammeFactory(slug="interreg", name_en="Interreg Deutschland-Nederland")
    efro = FundingProgrammeFactory(slug="efro", name_en="EFRO Oost-Nederland")
    enschede = MunicipalityFactory(slug="enschede", name_en="Enschede")
    hengelo = MunicipalityFactory(slug="hengelo", name_en="Hengelo")
    kennispark = InnovationDistrictFactory(slug="kennispark", municipality=enschede)
    muenster = PartnerFactory(slug="muenster", name_en="Münster", country="DE")
    utwente = PartnerFactory(slug="utwente", name_en="University of Twente", country="NL")

    stadsbeek = ProjectFactory(
        slug="stadsbeek",
        title_en="Stadsbeek in Stadsveld",
        summary_en="A stream through the district",
        themes=[water],
        municipalities=[enschede],
        programme=efro,
        status=ProjectStatus.COMPLETED,
        start_date=date(2016, 3, 1),
        end_date=date(2019, 12, 31),
        eu_contribution=Decimal("1500000"),
        total_budget=Decimal("4000000"),
    )
    lighting = ProjectFactory(
        slug="lighting",
        title_en="New street lighting",
        themes=[energy],
        municipalities=[hengelo],
        programme=efro,
        status=ProjectStatus.RUNNING,
        start_date=date(2021, 1, 1),
        eu_contribution=Decimal("300000"),
    )
    edl = ProjectFactory(
        slug="edl",
        title_en="Euregional learning pathway",
        themes=[mobility, energy],
        programme=interreg,
        status=ProjectStatus.RUNNING,
        start_date=date(2023, 9, 1),
        eu_contribution=None,
    )
    ParticipationFactory(project=edl, partner=muenster, role=ParticipantRole.LEAD)
    ParticipationFactory(project=edl, partner=utwente)
    photonics = ProjectFactory(
        slug="photonics",
        title_en="Photonics lab",
        programme=interreg,
        district=kennispark,
        status=ProjectStatus.PLANNED,
        start_date=None,
        eu_contribution=Decimal("9000000"),
    )
    ParticipationFactory(project=photonics, partner=utwente, role=ParticipantRole.LEAD)
    ProjectFactory(
        slug="draft", title_en="Secret draft", themes=[water], publication_state=PublicationState.DRAFT
    )
    return {"stadsbeek": stadsbeek, "lighting": lighting, "edl": edl, "photonics": photonics}


class TestProjectList:
    def test_lists_published_projects_newest_first(self, client, catalogue):
        response = client.get(LIST)
        assert response.status_code == 200
        assert slugs(response) == ["edl", "lighting", "stadsbeek", "photonics"]
        assert "Secret draft" not in response.content.decode()

    def test_partner_filter_is_a_text_field_not_a_list_of_every_partner(self, client, catalogue):
        """With thousands of partners a <select> would be a page of options."""
        content = client.get(LIST).content.decode()
        assert '<select name="partner"' not in content
        assert 'name="partner"' in content

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("q=stream", ["stadsbeek"]),
            ("q=LIGHTING", ["lighting"]),
            ("theme=water", ["stadsbeek"]),
            ("theme=water&theme=mobility", ["edl", "stadsbeek"]),
            ("theme=energy", ["edl", "lighting"]),
            ("programme=interreg", ["edl", "photonics"]),
            ("status=running", ["edl", "lighting"]),
            ("municipality=enschede", ["stadsbeek", "photonics"]),
            ("partner=utwente", ["edl", "photonics"]),
            ("partner=university+of+twente", ["edl", "photonics"]),
            ("partner=nobody", []),
            ("partner_country=DE", ["edl"]),
            ("start_year_min=2021", ["edl", "lighting"]),
            ("start_year_max=2020", ["stadsbeek"]),
            ("start_year_min=2016&start_year_max=2021", ["lighting", "stadsbeek"]),
            ("eu_min=1000000", ["stadsbeek", "photonics"]),
            ("eu_max=1500000", ["lighting", "stadsbeek"]),
            ("eu_min=500000&eu_max=2000000", ["stadsbeek"]),
            ("programme=interreg&theme=energy&status=running&partner_country=DE", ["edl"]),
            ("programme=efro&partner=utwente", []),
            # Filters that join (distinct rows) with each sorting.
            ("theme=water&theme=mobility&sort=title", ["edl", "stadsbeek"]),
            ("municipality=enschede&sort=oldest", ["stadsbeek", "photonics"]),
            ("partner=utwente&sort=eu_contribution", ["photonics", "edl"]),
            ("partner_country=NL&theme=energy&sort=newest", ["edl"]),
        ],
    )
    def test_each_filter_and_combinations(self, client, catalogue, query, expected):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        assert not response.context["filter"].form.errors
        assert slugs(response) == expected
        assert response.context["result_count"] == len(expected)

    @pytest.mark.parametrize(
        ("sort", "expected"),
        [
            ("newest", ["edl", "lighting", "stadsbeek", "photonics"]),
            ("oldest", ["stadsbeek", "lighting", "edl", "photonics"]),
            ("title", ["edl", "lighting", "photonics", "stadsbeek"]),
            ("eu_contribution", ["photonics", "stadsbeek", "lighting", "edl"]),
        ],
    )
    def test_sorting(self, client, catalogue, sort, expected):
        assert slugs(client.get(f"{LIST}?sort={sort}")) == expected

    def test_title_sort_follows_the_active_language(self, client, catalogue):
        with translation.override("de"):
            catalogue["photonics"].title_de = "Aaa Photonik"
            catalogue["photonics"].save()
        assert slugs(client.get(url_in("de", "projects:project-list") + "?sort=title"))[0] == "photonics"
        assert slugs(client.get(f"{LIST}?sort=title"))[0] == "edl"

    def test_card_shows_programme_themes_places_status_dates_and_amount(self, client, catalogue):
        content = client.get(f"{LIST}?q=stream").content.decode()
        assert "EFRO Oost-Nederland" in content
        assert "Completed" in content
        assert "2016 to 2019" in content
        assert "Water" in content
        assert "Where: Enschede" in content
        assert "€1,500,000" in content

    def test_card_names_published_places_and_themes_in_the_visitors_language(self, client, catalogue):
        """The cards' places and themes are read apart from the projects (a prefetch
        into lists): drafts stay out, and a missing translation falls back as elsewhere."""
        stadsbeek = catalogue["stadsbeek"]
        stadsbeek.municipalities.add(MunicipalityFactory(name_en="Draftville", publication_state="draft"))
        stadsbeek.municipalities.add(MunicipalityFactory(name_nl="Oldenzaal", name_en="", name_de=""))
        stadsbeek.themes.add(ThemeFactory(slug="klimaat", name_nl="Klimaat", name_en="Climate", name_de=""))
        content = client.get(url_in("de", "projects:project-list") + "?theme=klimaat").content.decode()
        places = re.search(r'<p class="card__places">([^<]*)</p>', content).group(1)
        assert "Oldenzaal" in places and "Draftville" not in places
        assert '<li class="badge">Climate</li>' in content

    def test_card_says_not_known_without_eu_contribution(self, client, catalogue):
        content = client.get(f"{LIST}?q=pathway").content.decode()
        assert 'EU contribution: <span class="muted">not known</span>' in content

    def test_euro_amounts_per_language(self, client, catalogue):
        def card(language):
            return client.get(url_in(language, "projects:project-list") + "?theme=water").content.decode()

        assert "€1,500,000" in card("en")
        assert "€\u00a01.500.000" in card("nl")
        assert "1.500.000\u00a0€" in card("de")

    def test_result_count_pagination_keeps_filters_and_clear_link(self, client):
        energy = ThemeFactory(slug="energy")
        for number in range(23):
            ProjectFactory(themes=[energy], start_date=date(2020, 1, number % 28 + 1))
        ProjectFactory()
        response = client.get(f"{LIST}?theme=energy&sort=oldest")
        content = response.content.decode()
        assert "23 results" in content
        assert "?theme=energy&amp;sort=oldest&amp;page=2" in content
        assert "Clear all filters" in content
        second = client.get(f"{LIST}?theme=energy&sort=oldest&page=2")
        assert len(second.context["projects"]) == 3
        assert "Clear all filters" not in client.get(LIST).content.decode()

    @pytest.mark.parametrize(
        ("query", "field", "message"),
        [
            ("theme=nope", "theme", "Select a valid choice"),
            ("programme=nope", "programme", "Select a valid choice"),
            ("status=dreaming", "status", "Select a valid choice"),
            ("municipality=atlantis", "municipality", "Select a valid choice"),
            ("district=nowhere", "district", "Select a valid choice"),
            ("partner_country=XX", "partner_country", "Select a valid choice"),
            ("start_year_min=abc", "start_year_min", "Enter a number"),
            ("start_year_max=20.5", "start_year_max", "Ensure that there are no more than 0 decimal places"),
            ("start_year_min=99999999999999999999", "start_year_min", "less than or equal to 2100"),
            ("eu_min=lots", "eu_min", "Enter a number"),
            ("eu_max=-5", "eu_max", "greater than or equal to 0"),
            ("eu_max=1e400", "eu_max", "less than or equal to"),
            ("sort=random", "sort", "Select a valid choice"),
            ("q=" + "x" * 5000, "q", "at most 200 characters"),
            ("q=a%00b", "q", "Null characters are not allowed"),
            (
                "start_year_min=2022&start_year_max=2016",
                "start_year_max",
                "must not be before the first year",
            ),
            ("eu_min=500&eu_max=10", "eu_max", "must not be below the minimum"),
        ],
    )
    def test_bad_query_strings_give_a_message_never_a_500(self, client, catalogue, query, field, message):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        errors = response.context["filter"].form.errors
        assert message in " ".join(errors[field])
        content = response.content.decode()
        assert f'id="id_{field}_error"' in content
        # The bad filter is ignored: every published project is still listed.
        assert len(response.context["projects"]) == 4

    @pytest.mark.parametrize("page", ["abc", "999999", "2"])
    def test_bad_page_numbers_show_the_nearest_page(self, client, catalogue, page):
        response = client.get(f"{LIST}?theme=energy&page={page}")
        assert response.status_code == 200
        assert slugs(response) == ["edl", "lighting"]
        assert "There is no page" in response.content.decode()

    def test_list_query_count_does_not_grow_with_projects(self, client, django_assert_num_queries):
        """Guards the N+1 of each card's programme, district, themes and municipalities:
        count, page of projects (with programme, district), themes, municipalities, and
        the filter form's theme, programme, municipality and partner choices."""
        theme = ThemeFactory()
        place = MunicipalityFactory()
        partner = PartnerFactory()
        for rows in (10, 200):
            add_projects(rows - (0 if rows == 10 else 10), theme, place, partner)
            with django_assert_num_queries(8):
                response = client.get(f"{LIST}?sort=title")
            assert len(response.context["projects"]) == min(rows, 20)


def add_projects(count, theme, place, partner):
    """Published projects with a theme, a place and a participant (bulk, to stay quick)."""
    start = Project.objects.count()
    programme = FundingProgrammeFactory()
    projects = Project.objects.bulk_create(
        [
            Project(
                slug=f"bulk-{start + n}",
                title_nl=f"Project {start + n}",
                programme=programme,
                start_date=date(2000 + n % 25, 1, 1),
                publication_state="published",
            )
            for n in range(count)
        ]
    )
    Project.themes.through.objects.bulk_create(
        [Project.themes.through(project=project, theme=theme) for project in projects]
    )
    Project.municipalities.through.objects.bulk_create(
        [Project.municipalities.through(project=project, municipality=place) for project in projects]
    )
    Participation.objects.bulk_create(
        [Participation(project=project, partner=partner) for project in projects]
    )


def add_participants(project, count):
    """Many partners, themes and places at once (bulk: the query-count tests stay quick)."""
    start = Partner.objects.count()
    partners = Partner.objects.bulk_create(
        [
            Partner(
                slug=f"bulk-{start + n}",
                name_nl=f"Bulk {start + n}",
                kind="city",
                publication_state="published",
            )
            for n in range(count)
        ]
    )
    Participation.objects.bulk_create(
        [Participation(project=project, partner=partner) for partner in partners]
    )
    themes = Theme.objects.bulk_create(
        [Theme(slug=f"bulk-{start + n}", name_nl=f"Thema {start + n}") for n in range(count)]
    )
    places = Municipality.objects.bulk_create(
        [
            Municipality(
                slug=f"bulk-{start + n}", name_nl=f"Plaats {start + n}", publication_state="published"
            )
            for n in range(count)
        ]
    )
    project.themes.add(*themes)
    project.municipalities.add(*places)


class TestProjectDetail:
    url = "/en/projects/edl/"

    def test_shows_programme_themes_places_participants_dates_and_funding(self, client, catalogue):
        response = client.get("/en/projects/stadsbeek/")
        assert response.status_code == 200
        content = response.content.decode()
        assert "Stadsbeek in Stadsveld" in content
        assert "EFRO Oost-Nederland" in content
        assert "Water" in content
        assert 'href="/en/municipalities/enschede/"' in content
        assert "€4,000,000" in content
        assert "€1,500,000" in content
        assert "37.5&nbsp;%" in content
        assert "March 1, 2016 to Dec. 31, 2019" in content
        assert "Completed" in content
        assert 'href="/en/projects/funding/"' in content

    def test_participants_with_roles_link_to_their_pages(self, client, catalogue):
        content = client.get(self.url).content.decode()
        assert (
            '<a href="/en/partners/muenster/">Münster</a> <span class="muted">(Lead partner)</span>'
            in content
        )
        assert (
            '<a href="/en/partners/utwente/">University of Twente</a> <span class="muted">(Partner)</span>'
            in content
        )

    def test_missing_figures_are_not_known(self, client, catalogue):
        content = client.get(self.url).content.decode()
        assert content.count("not known") >= 3  # total budget, EU contribution, co-financing rate

    def test_district_and_coordinates(self, client, catalogue):
        project = catalogue["photonics"]
        project.latitude, project.longitude = Decimal("52.239000"), Decimal("6.856000")
        project.save()
        content = client.get("/en/projects/photonics/").content.decode()
        assert 'href="/en/districts/kennispark/"' in content
        assert 'href="geo:52.239000,6.856000"' in content

    def test_draft_participants_and_places_stay_hidden(self, client, catalogue):
        hidden = PartnerFactory(slug="hidden", name_en="Hidden partner", publication_state="draft")
        ParticipationFactory(project=catalogue["edl"], partner=hidden)
        draft_place = MunicipalityFactory(name_en="Draftville", publication_state="draft")
        catalogue["edl"].municipalities.add(draft_place)
        content = client.get(self.url).content.decode()
        assert "Hidden partner" not in content
        assert "Draftville" not in content

    def test_translated_with_fallback(self, client, catalogue):
        project = catalogue["stadsbeek"]
        project.title_nl, project.title_de = "Stadsbeek", None
        project.save()
        detail = {"slug": "stadsbeek"}
        assert (
            "<h1>Stadsbeek</h1>"
            in client.get(url_in("nl", "projects:project-detail", detail)).content.decode()
        )
        # No German title: the English one is shown, marked as English.
        german = client.get(url_in("de", "projects:project-detail", detail)).content.decode()
        assert '<h1 lang="en">Stadsbeek in Stadsveld</h1>' in german
        assert '<span aria-current="page" lang="en">Stadsbeek in Stadsveld</span>' in german

    def test_euro_and_rate_per_language(self, client, catalogue):
        def page(language):
            url = url_in(language, "projects:project-detail", {"slug": "stadsbeek"})
            return client.get(url).content.decode().replace("&nbsp;", "\u00a0")

        assert "€\u00a04.000.000" in page("nl")
        assert "37,5\u00a0%" in page("nl")
        assert "€4,000,000" in page("en")
        assert "4.000.000\u00a0€" in page("de")

    def test_draft_is_404_for_the_public_and_a_preview_for_staff(self, client, admin_client, catalogue):
        assert client.get("/en/projects/draft/").status_code == 404
        response = admin_client.get("/en/projects/draft/")
        assert response.status_code == 200
        assert response.context["is_preview"] is True

    def test_detail_query_count_does_not_grow(self, client, django_assert_num_queries):
        """Guards the N+1 of the participants (partner or municipality of each) and the
        themes and places: project (with programme, district), themes, municipalities,
        participations with their organisation."""
        project = ProjectFactory(slug="big")
        for rows in (10, 200):
            add_participants(project, rows - (0 if rows == 10 else 10))
            with django_assert_num_queries(4):
                response = client.get("/en/projects/big/")
            assert len(response.context["participants"]) == rows


def test_text_in_a_fallback_language_carries_its_lang_and_a_visible_note(client):
    from tests.factories import ProjectFactory

    ProjectFactory(
        slug="fallback",
        title_nl="Terugval",
        summary_nl="Alleen Nederlands.",
        summary_en="",
        summary_de="",
        description_nl="Een Nederlandse beschrijving.",
        description_en="An English description.",
        description_de="",
    )
    english = client.get("/en/projects/fallback/").content.decode()
    assert '<p class="lead" lang="nl">Alleen Nederlands.</p>' in english
    assert "Text in Dutch; no translation yet." in english
    # The English description is the page's own language: no lang, no note for it.
    assert '<div class="prose"><p>An English description.</p></div>' in english
    german = client.get("/de/projekte/fallback/").content.decode()
    assert "Text auf Niederländisch; noch nicht übersetzt." in german
    # German falls back to English first, then Dutch.
    assert '<div class="prose" lang="en"><p>An English description.</p></div>' in german


def test_a_card_shown_in_a_fallback_language_carries_its_lang(client):
    # As the Kohesio import leaves them: the programme's language and English, no German.
    from tests.factories import ProjectFactory

    ProjectFactory(
        slug="kohesio",
        title_nl="Waterstofketen",
        title_en="Hydrogen chain",
        title_de="",
        summary_nl="Uit wind.",
        summary_en="From wind.",
        summary_de="",
    )
    german = client.get("/de/projekte/").content.decode()
    assert '<a href="/de/projekte/kohesio/" lang="en">Hydrogen chain</a>' in german
    assert '<p class="card__summary" lang="en">From wind.</p>' in german
    dutch = client.get("/nl/projecten/").content.decode()
    assert '<a href="/nl/projecten/kohesio/">Waterstofketen</a>' in dutch
    assert '<p class="card__summary">Uit wind.</p>' in dutch
