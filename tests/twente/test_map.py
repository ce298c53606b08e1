"""The map: every published item with coordinates, drawn on the server, no third party."""

import re
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests.factories import InnovationDistrictFactory, MunicipalityFactory, PartnerFactory, ProjectFactory
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db


def svg_links(html):
    """(href, accessible name) of each point link in the SVG drawing."""
    svg = re.search(r"<svg class=\"map-svg\".*?</svg>", html, re.S).group(0)
    return re.findall(r'<a class="map-point[^"]*" href="([^"]+)" aria-label="([^"]+)"', svg)


@pytest.fixture
def places():
    return {
        "enschede": MunicipalityFactory(
            slug="enschede",
            name_nl="Enschede",
            name_en="Enschede",
            latitude=Decimal("52.2215"),
            longitude=Decimal("6.8937"),
        ),
        "munster": PartnerFactory(
            slug="munster",
            name_nl="Münster",
            name_en="Münster",
            latitude=Decimal("51.9607"),
            longitude=Decimal("7.6261"),
        ),
        "osnabrueck": PartnerFactory(
            slug="osnabrueck",
            name_nl="Osnabrück",
            name_en="Osnabrück",
            latitude=Decimal("52.2799"),
            longitude=Decimal("8.0472"),
        ),
        "kennispark": InnovationDistrictFactory(
            slug="kennispark",
            municipality=None,
            name_nl="Kennispark Twente",
            name_en="Kennispark Twente",
            latitude=Decimal("52.2380"),
            longitude=Decimal("6.8500"),
        ),
        "stadsbeek": ProjectFactory(
            slug="stadsbeek",
            title_nl="Stadsbeek",
            title_en="Stadsbeek",
            latitude=Decimal("52.2150"),
            longitude=Decimal("6.8800"),
        ),
        "palo_alto": PartnerFactory(
            slug="palo-alto",
            name_nl="Palo Alto",
            name_en="Palo Alto",
            latitude=Decimal("37.4419"),
            longitude=Decimal("-122.1430"),
        ),
    }


def test_every_kind_with_coordinates_is_a_point_linking_to_its_page(client, places):
    html = client.get("/en/map/").content.decode()
    links = dict(svg_links(html))
    assert links == {
        "/en/municipalities/enschede/": "Enschede (Municipality)",
        "/en/partners/munster/": "Münster (Partner)",
        "/en/partners/osnabrueck/": "Osnabrück (Partner)",
        "/en/districts/kennispark/": "Kennispark Twente (Innovation district)",
        "/en/projects/stadsbeek/": "Stadsbeek (EU project)",
    }
    for kind in ("municipality", "partner", "district", "project"):
        assert f"map-shape--{kind}" in html


def test_points_are_placed_by_their_coordinates(client, places):
    response = client.get("/en/map/")
    points = {p.name: p for p in response.context["drawing"]["inside"]}
    west_to_east = sorted(points.values(), key=lambda p: p.x)
    assert [p.name for p in west_to_east][-1] == "Osnabrück"
    # North is up: Münster lies south of Enschede, which lies a little south of Osnabrück.
    assert points["Münster"].y > points["Enschede"].y > points["Osnabrück"].y
    width, height = (
        response.context["drawing"]["projection"].width,
        response.context["drawing"]["projection"].height,
    )
    assert all(0 < p.x < width and 0 < p.y < height for p in points.values())


def test_items_without_coordinates_and_drafts_are_not_drawn(client, places):
    PartnerFactory(name_nl="Eurocities", name_en="Eurocities", latitude=None, longitude=None)
    MunicipalityFactory(name_nl="Conceptstad", name_en="Draft town", publication_state=PublicationState.DRAFT)
    ProjectFactory(
        title_nl="Ingetrokken",
        title_en="Withdrawn project",
        latitude=Decimal(52),
        longitude=Decimal(7),
        publication_state=PublicationState.WITHDRAWN,
    )
    html = client.get("/en/map/").content.decode()
    assert "Eurocities" not in html
    assert "Draft town" not in html
    assert "Withdrawn project" not in html
    assert len(svg_links(html)) == 5


def test_far_away_places_are_listed_outside_the_map_area(client, places):
    response = client.get("/en/map/")
    html = response.content.decode()
    outside = html.split('id="map-outside-heading"')[1].split("</section>")[0]
    assert "Outside the map area" in html
    assert '<a href="/en/partners/palo-alto/">Palo Alto</a>' in outside
    assert "/en/partners/palo-alto/" not in dict(svg_links(html))
    # The drawing is not stretched to California: it spans a few degrees at most.
    projection = response.context["drawing"]["projection"]
    assert projection.east - projection.west < 3


def test_the_list_alternative_names_every_point_with_coordinates(client, places):
    with translation.override("nl"):
        html = client.get(reverse("map")).content.decode()
        expected = [
            places[key].get_absolute_url() for key in ("enschede", "palo_alto", "stadsbeek", "kennispark")
        ]
    table_part = html.split('id="map-list"')[1]
    for url in expected:
        assert f'<a href="{url}">' in table_part
    # Coordinates in Dutch notation in the table, but the SVG keeps its dot decimals.
    assert "52,2215" in table_part
    assert re.search(r'cx="\d+\.\d"', html)


def test_filter_by_kind_with_a_get_form(client, places):
    html = client.get("/en/map/", {"kind": ["partner"]}).content.decode()
    names = [name for _href, name in svg_links(html)]
    assert names and all(name.endswith("(Partner)") for name in names)
    assert 'value="partner" id="map-kind-partner" checked' in html
    assert 'value="municipality" id="map-kind-municipality">' in html
    # A bad value is reported and everything is shown, never an error page.
    response = client.get("/en/map/", {"kind": "volcano"})
    assert response.status_code == 200
    assert len(svg_links(response.content.decode())) == 5
    assert "All kinds are shown." in response.content.decode()


def test_no_external_url_and_no_script_by_default(client, places):
    html = client.get("/en/map/").content.decode()
    # Without a filter every kind is shown, and ticked.
    assert html.count('name="kind"') == html.count('" checked>') == 4
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    foreign = [
        url for url in urls if re.match(r"^(https?:)?//", url) and not url.startswith("http://testserver/")
    ]
    assert foreign == []
    assert "<script" not in html
    assert "leaflet" not in html


@override_settings(MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png")
def test_tile_mode_only_when_a_tile_server_is_configured(client, places):
    html = client.get("/en/map/").content.decode()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert '<script id="map-points" type="application/json">' in html
    assert re.search(r'<script src="/static/vendor/leaflet/leaflet\.js"></script>', html)
    assert re.search(r'<script src="/static/js/map\.js"></script>', html)
    # Only the data island and local files: no inline executable script.
    assert len(re.findall(r"<script>", html)) == 0
    # The SVG and the list stay for visitors without scripts.
    assert len(svg_links(html)) == 5


def test_query_count_does_not_grow_with_the_number_of_points(client, places, django_assert_num_queries):
    with django_assert_num_queries(4):
        client.get("/en/map/")
    for number in range(5):
        MunicipalityFactory(name_nl=f"Plaats {number}")
        PartnerFactory(name_nl=f"Partner {number}", latitude=Decimal(52), longitude=Decimal(7))
        InnovationDistrictFactory(municipality=None, latitude=Decimal("52.1"), longitude=Decimal("6.9"))
        ProjectFactory(latitude=Decimal("52.3"), longitude=Decimal("6.7"))
    # One query per kind, whatever the number of points.
    with django_assert_num_queries(4):
        response = client.get("/en/map/")
    assert len(response.context["drawing"]["inside"]) == 25
