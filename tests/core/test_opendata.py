"""Open data: every list's current filtered result as CSV and JSON."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Partner, Relationship
from projects.models import Participation, Project
from regions.models import InnovationDistrict, Municipality
from tests.factories import (
    ClusterFactory,
    ContactFactory,
    InnovationDistrictFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PartnerFactory,
    ProjectFactory,
    RegionFactory,
    RelationshipFactory,
    ThemeFactory,
)
from twente.core import opendata
from twente.core.models import PublicationState
from twente.core.opendata import neutralise

pytestmark = pytest.mark.django_db

PROJECTS = "/en/projects/"
PARTNERS = "/en/partners/"


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response):
    text = body(response)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def json_data(response):
    return json.loads(body(response))


@pytest.fixture
def projects():
    water = ThemeFactory(slug="water", name_en="Water")
    enschede = MunicipalityFactory(slug="enschede", name_en="Enschede")
    muenster = PartnerFactory(slug="muenster", name_en="Münster", country="DE")
    stadsbeek = ProjectFactory(
        slug="stadsbeek",
        title_en="Stadsbeek in Stadsveld",
        themes=[water],
        municipalities=[enschede],
        start_date=date(2016, 3, 1),
        total_budget=Decimal("4000000"),
        eu_contribution=Decimal("1500000.50"),
    )
    ParticipationFactory(project=stadsbeek, partner=muenster, role="lead")
    ProjectFactory(slug="lighting", title_en="Street lighting", start_date=date(2021, 1, 1))
    ProjectFactory(
        slug="hidden", title_en="Hidden draft", themes=[water], publication_state=PublicationState.DRAFT
    )
    return stadsbeek


class TestCsv:
    def test_filtered_rows_with_header_bom_and_attachment(self, client, projects):
        response = client.get(f"{PROJECTS}?theme=water&format=csv")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="netwerkstad-twente-projects-en.csv"'
        rows = csv_rows(response)
        assert [row["slug"] for row in rows] == ["stadsbeek"]
        row = rows[0]
        assert row["title"] == "Stadsbeek in Stadsveld"
        assert row["themes"] == "Water"
        assert row["municipalities"] == "Enschede"
        assert row["lead_partner"] == "Münster"
        assert row["eu_contribution_eur"] == "1500000.50"
        assert row["co_financing_rate_percent"] == "37.5"
        assert row["start_date"] == "2016-03-01"
        assert row["url"] == "http://testserver/en/projects/stadsbeek/"

    def test_umlauts_survive_as_utf8(self, client, projects):
        raw = b"".join(client.get(f"{PARTNERS}?format=csv").streaming_content)
        assert raw.startswith(b"\xef\xbb\xbf")
        assert "Münster".encode() in raw

    def test_whole_result_not_one_page(self, client):
        for _ in range(45):
            PartnerFactory()
        assert len(csv_rows(client.get(f"{PARTNERS}?format=csv&page=2"))) == 45

    def test_formula_cells_are_neutralised(self, client):
        PartnerFactory(name_en='=HYPERLINK("http://evil")', summary_en="+1 cmd", city="@SUM(A1)")
        PartnerFactory(name_en="-2+3", city="\tTab", summary_en="\rCR")
        PartnerFactory(name_en="Palo Alto", latitude=Decimal("37.441883"), longitude=Decimal("-122.143019"))
        rows = {row["slug"]: row for row in csv_rows(client.get(f"{PARTNERS}?format=csv"))}
        cells = [cell for row in rows.values() for key, cell in row.items() if key not in ("longitude",)]
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")]
        assert '\'=HYPERLINK("http://evil")' in cells
        # A number the portal writes is data, not a formula: a western longitude stays negative.
        assert "-122.143019" in [row["longitude"] for row in rows.values()]

    def test_neutralise_only_touches_dangerous_text(self):
        assert neutralise("=1+1") == "'=1+1"
        assert neutralise("\nx") == "'\nx"
        assert neutralise("Münster") == "Münster"
        assert neutralise(Decimal("-1.5")) == Decimal("-1.5")


class TestJson:
    def test_count_results_stable_keys_and_absolute_urls(self, client, projects):
        response = client.get(f"{PROJECTS}?format=json")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json; charset=utf-8"
        data = json_data(response)
        assert data["count"] == 2
        assert [result["slug"] for result in data["results"]] == ["lighting", "stadsbeek"]
        keys = [list(result) for result in data["results"]]
        assert keys[0] == keys[1]
        assert keys[0][:4] == ["slug", "kohesio_id", "title", "summary"]
        stadsbeek = data["results"][1]
        assert stadsbeek["themes"] == ["Water"]
        assert stadsbeek["eu_contribution_eur"] == 1500000.5
        assert stadsbeek["total_budget_eur"] == 4000000
        assert stadsbeek["url"] == "http://testserver/en/projects/stadsbeek/"
        assert data["results"][0]["eu_contribution_eur"] is None

    def test_keeps_the_chosen_sorting_of_a_joined_filter(self, client, projects):
        ProjectFactory(slug="aqua", title_en="Aqua", themes=[projects.themes.get()])
        data = json_data(client.get(f"{PROJECTS}?theme=water&sort=title&format=json"))
        assert data["count"] == 2
        assert [result["slug"] for result in data["results"]] == ["aqua", "stadsbeek"]

    def test_content_follows_the_language(self, client, projects):
        data = json_data(
            client.get("/de/projects/?format=json&theme=water".replace("/de/projects/", german_list()))
        )
        assert data["results"][0]["title"] == projects.title_de
        assert "/de/" in data["results"][0]["url"]

    def test_partner_open_data_has_ties_and_no_contacts(self, client):
        enschede = MunicipalityFactory(name_en="Enschede")
        muenster = PartnerFactory(slug="muenster", name_en="Münster")
        RelationshipFactory(partner=muenster, municipality=enschede, since_year=2021)
        ContactFactory(partner=muenster, name="Anna Public", email="anna@example.org", is_public=True)
        ContactFactory(
            partner=muenster, name="Bernd Private", email="bernd@example.org", phone="+31534818181"
        )
        text = body(client.get(f"{PARTNERS}?format=json"))
        data = json.loads(text)
        assert data["results"][0]["relationships_with_twente"] == ["Partner city of Enschede since 2021"]
        text += body(client.get(f"{PARTNERS}?format=csv"))
        for secret in ("Anna", "Bernd", "example.org", "4818181"):
            assert secret not in text


def german_list():
    with translation.override("de"):
        return reverse("projects:project-list")


class TestDraftsAndBadRequests:
    @pytest.mark.parametrize("output_format", ["csv", "json"])
    def test_drafts_never_appear(self, client, projects, output_format):
        PartnerFactory(name_en="Draft partner", publication_state=PublicationState.DRAFT)
        ParticipationFactory(
            project=projects, partner=PartnerFactory(name_en="Secret partner", publication_state="draft")
        )
        for url in (PROJECTS, PARTNERS):
            text = body(client.get(f"{url}?format={output_format}"))
            assert "Hidden draft" not in text
            assert "Draft partner" not in text
            assert "Secret partner" not in text

    @pytest.mark.parametrize("value", ["xml", "", "CSV", "x" * 5000])
    def test_unknown_format_is_400_with_a_message(self, client, projects, value):
        response = client.get(f"{PROJECTS}?format={value}")
        assert response.status_code == 400
        assert "use format=csv or format=json" in response.content.decode()

    @pytest.mark.parametrize(
        "query", ["theme=nope", "eu_min=lots", "start_year_min=2022&start_year_max=2016", "q=" + "x" * 5000]
    )
    def test_invalid_filter_is_400_naming_the_problem(self, client, projects, query):
        response = client.get(f"{PROJECTS}?{query}&format=csv")
        assert response.status_code == 400
        content = response.content.decode()
        assert content.startswith("The filters could not be applied:")
        assert len(content) < 1000


class TestDownloadLinks:
    def test_links_carry_the_current_filters_without_page(self, client, projects):
        content = client.get(f"{PROJECTS}?theme=water&sort=title&page=1").content.decode()
        assert 'href="?theme=water&amp;sort=title&amp;format=csv"' in content
        assert 'href="?theme=water&amp;sort=title&amp;format=json"' in content

    def test_links_leave_out_invalid_filters(self, client, projects):
        content = client.get(f"{PROJECTS}?theme=water&eu_min=lots").content.decode()
        assert 'href="?theme=water&amp;format=csv"' in content

    def test_link_gives_the_rows_the_page_lists(self, client, projects):
        page = client.get(f"{PROJECTS}?theme=water&eu_min=lots")
        link = page.context["open_data_links"][0]["url"]
        rows = csv_rows(client.get(PROJECTS + link))
        assert [row["slug"] for row in rows] == [project.slug for project in page.context["projects"]]


class TestQueryCounts:
    @pytest.mark.parametrize("output_format", ["csv", "json"])
    def test_project_open_data_queries_do_not_grow(self, client, django_assert_num_queries, output_format):
        """Guards the N+1 of each row's programme, district, themes, municipalities and
        participants: the rows; once, the themes, places, programmes and districts; per
        chunk of rows, the links to themes and places, the participations and their
        partners' names; plus the count for JSON."""
        theme = ThemeFactory()
        place = MunicipalityFactory()
        partner = PartnerFactory()
        # One more than the rows need: the newest change for Last-Modified.
        expected = 10 if output_format == "csv" else 11
        for rows in (10, 200):
            start = Project.objects.count()
            projects = Project.objects.bulk_create(
                [
                    Project(slug=f"p-{start + n}", title_nl=f"P {start + n}", publication_state="published")
                    for n in range(rows - start)
                ]
            )
            for project in projects:
                project.themes.add(theme)
                project.municipalities.add(place)
            Participation.objects.bulk_create([Participation(project=p, partner=partner) for p in projects])
            with django_assert_num_queries(expected):
                text = body(client.get(f"{PROJECTS}?format={output_format}"))
            assert text.count("/en/projects/p-") == rows

    def test_each_chunk_of_rows_gets_its_own_relations(self, client, django_assert_num_queries, monkeypatch):
        """Rows come in chunks, each with its themes, places and participants looked up
        by id: four queries more a chunk, every row with its own (drafts left out)."""
        monkeypatch.setattr(opendata, "CHUNK_SIZE", 4)
        themes = ThemeFactory.create_batch(3)
        enschede = MunicipalityFactory(name_en="Enschede")
        draft_place = MunicipalityFactory(name_en="Draft place", publication_state=PublicationState.DRAFT)
        district = InnovationDistrictFactory(name_en="Kennispark", municipality=enschede)
        expected = {}
        for n in range(10):
            project = ProjectFactory(
                slug=f"p-{n:02}",
                themes=[themes[n % 3]],
                municipalities=[enschede, draft_place] if n % 2 else [],
                district=district if n == 7 else None,
            )
            ParticipationFactory(project=project, partner=PartnerFactory(name_en=f"Lead {n}"), role="lead")
            place = enschede if n % 2 else draft_place
            ParticipationFactory(project=project, partner=None, municipality=place)
            expected[project.slug] = {
                "theme_slugs": themes[n % 3].slug,
                "municipalities": "Enschede" if n % 2 else "",
                "district": "Kennispark" if n == 7 else "",
                "lead_partner": f"Lead {n}",
                "partners": "Enschede" if n % 2 else "",
            }
        # rows, the four looked up once, four for each of three chunks, Last-Modified
        with django_assert_num_queries(1 + 4 + 3 * 4 + 1):
            rows = csv_rows(client.get(f"{PROJECTS}?format=csv"))
        assert {row["slug"]: {key: row[key] for key in expected["p-00"]} for row in rows} == expected

    @pytest.mark.parametrize("output_format", ["csv", "json"])
    def test_partner_open_data_queries_do_not_grow(self, client, django_assert_num_queries, output_format):
        """Guards the N+1 of each row's located_in and ties with their municipality:
        rows (with located_in), relationships with municipality/region, plus the count for JSON."""
        place = MunicipalityFactory()
        # One more than the rows need: the newest change for Last-Modified.
        expected = 3 if output_format == "csv" else 4
        for rows in (10, 200):
            start = Partner.objects.count()
            partners = Partner.objects.bulk_create(
                [
                    Partner(
                        slug=f"b-{start + n}",
                        name_nl=f"B {start + n}",
                        kind="city",
                        located_in=place,
                        publication_state="published",
                    )
                    for n in range(rows - start)
                ]
            )
            Relationship.objects.bulk_create(
                [Relationship(partner=p, kind="partner_city", municipality=place) for p in partners]
            )
            with django_assert_num_queries(expected):
                text = body(client.get(f"{PARTNERS}?format={output_format}"))
            assert text.count("/en/partners/b-") == rows


class TestRegionsLists:
    def test_municipalities_filtered_with_their_regions(self, client):
        netwerkstad = RegionFactory(slug="netwerkstad-twente", name_en="Netwerkstad Twente")
        enschede = MunicipalityFactory(
            slug="enschede", name_en="Enschede", population=158986, population_year=2022
        )
        enschede.regions.add(netwerkstad)
        MunicipalityFactory(slug="losser", name_en="Losser")
        MunicipalityFactory(slug="concept", name_en="Draft town", publication_state=PublicationState.DRAFT)
        url = url_of("regions:municipality-list")
        rows = csv_rows(client.get(f"{url}?region=netwerkstad-twente&format=csv"))
        assert [(row["slug"], row["regions"], row["population"]) for row in rows] == [
            ("enschede", "Netwerkstad Twente", "158986")
        ]
        data = json_data(client.get(f"{url}?format=json"))
        assert data["count"] == 2
        assert "Draft town" not in json.dumps(data)
        assert (
            'href="?region=netwerkstad-twente&amp;format=csv"'
            in client.get(f"{url}?region=netwerkstad-twente").content.decode()
        )

    def test_districts_filtered_with_municipality_and_clusters(self, client):
        enschede = MunicipalityFactory(slug="enschede", name_en="Enschede")
        photonics = ClusterFactory(slug="photonics", name_en="Photonics")
        kennispark = InnovationDistrictFactory(
            slug="kennispark", municipality=enschede, area_hectares=Decimal("170")
        )
        kennispark.clusters.add(photonics)
        InnovationDistrictFactory(slug="xl-park")
        data = json_data(client.get(url_of("regions:district-list") + "?cluster=photonics&format=json"))
        assert data["count"] == 1
        result = data["results"][0]
        assert (result["slug"], result["municipality"], result["clusters"], result["area_hectares"]) == (
            "kennispark",
            "Enschede",
            ["Photonics"],
            170,
        )

    @pytest.mark.parametrize("output_format", ["csv", "json"])
    def test_municipality_and_district_queries_do_not_grow(
        self, client, django_assert_num_queries, output_format
    ):
        """Guards the N+1 of each municipality's regions and each district's municipality
        and clusters: rows, one prefetch (regions; clusters), plus the count for JSON."""
        region = RegionFactory()
        cluster = ClusterFactory()
        # One more than the rows need: the newest change for Last-Modified.
        expected = 3 if output_format == "csv" else 4
        for rows in (10, 200):
            start = Municipality.objects.count()
            places = Municipality.objects.bulk_create(
                [
                    Municipality(
                        slug=f"m-{start + n}", name_nl=f"M {start + n}", publication_state="published"
                    )
                    for n in range(rows - start)
                ]
            )
            region.municipalities.add(*places)
            districts = InnovationDistrict.objects.bulk_create(
                [
                    InnovationDistrict(
                        slug=f"d-{p.slug}", name_nl=p.name_nl, municipality=p, publication_state="published"
                    )
                    for p in places
                ]
            )
            cluster.districts.add(*districts)
            for name, prefix in (("regions:municipality-list", "m-"), ("regions:district-list", "d-m-")):
                with django_assert_num_queries(expected):
                    text = body(client.get(url_of(name) + f"?format={output_format}"))
                assert text.count(f"/{prefix}") == rows


def url_of(name):
    with translation.override("en"):
        return reverse(name)


@pytest.mark.parametrize("output_format", ["csv", "json"])
def test_every_open_data_file_carries_stable_codes_and_last_modified(client, output_format):
    from django.core.management import call_command

    call_command("load_twente", verbosity=0)
    expected = {
        "/en/municipalities/": {"slug", "cbs_code", "region_slugs"},
        "/en/partners/": {"slug", "country", "located_in_slug"},
        "/en/districts/": {"slug", "municipality_slug", "municipality_cbs_code", "cluster_slugs"},
        "/en/projects/": {
            "slug",
            "programme_slug",
            "theme_slugs",
            "municipality_slugs",
            "municipality_cbs_codes",
        },
    }
    for url, columns in expected.items():
        response = client.get(url, {"format": output_format})
        assert response.status_code == 200
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        if output_format == "csv":
            header = set(body.splitlines()[0].split(","))
        else:
            header = set(json.loads(body)["results"][0])
        assert columns <= header, url
        assert response["Last-Modified"].endswith("GMT")
        assert "creativecommons.org/publicdomain/zero/1.0" in response["Link"]
    # Codes, not translated labels: the same in every language.
    dutch = b"".join(client.get("/nl/projecten/", {"format": "json"}).streaming_content)
    english = b"".join(client.get("/en/projects/", {"format": "json"}).streaming_content)
    codes = [[row["theme_slugs"], row["municipality_cbs_codes"]] for row in json.loads(dutch)["results"]]
    assert codes == [
        [row["theme_slugs"], row["municipality_cbs_codes"]] for row in json.loads(english)["results"]
    ]
    assert any("GM0153" in cbs for _themes, cbs in codes)


@pytest.mark.parametrize("url", ["/en/municipalities/", "/en/partners/", "/en/districts/", "/en/projects/"])
def test_the_licence_is_shown_beside_the_download_links_of_every_list(client, url):
    html = client.get(url).content.decode()
    downloads = html.split('class="open-data"')[1].split("</p>")[0]
    assert (
        '<a href="http://creativecommons.org/publicdomain/zero/1.0/" rel="license">CC0 1.0</a>' in downloads
    )
    assert 'href="/en/open-data/"' in downloads


def test_the_open_data_page_names_the_licence_and_the_catalogue(client):
    html = client.get("/en/open-data/").content.decode()
    assert "CC0 1.0" in html and 'href="/catalog.ttl"' in html and 'href="/catalog.jsonld"' in html
