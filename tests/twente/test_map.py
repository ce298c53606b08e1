"""The map: the base geography drawn on the server, municipalities as linked shapes with
their project counts, grouped markers, legible labels and a list alternative."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests.factories import InnovationDistrictFactory, MunicipalityFactory, PartnerFactory, ProjectFactory
from twente.map import LAYER_BY_KEY, Projection, build_markers

pytestmark = pytest.mark.django_db

TWENTE_CODES = {
    "GM0141", "GM0147", "GM1774", "GM0153", "GM0158", "GM0163", "GM0164",
    "GM1735", "GM0168", "GM0173", "GM1742", "GM0183", "GM1700", "GM0189",
}  # fmt: skip


def svg_of(html):
    return re.search(r'<svg class="map-svg".*?</svg>', html, re.S).group(0)


@pytest.fixture
def shipped(db):
    call_command("load_twente", verbosity=0)


def test_the_fourteen_municipalities_are_shapes_linked_to_their_pages(client, shipped):
    svg = svg_of(client.get("/en/map/").content.decode())
    areas = re.findall(r'<a class="map-area[^"]*" href="([^"]+)" data-code="(GM\d{4})"', svg)
    assert {code for _href, code in areas} == TWENTE_CODES
    assert ("/en/municipalities/enschede/", "GM0153") in areas
    # Countries first, then neighbours, then Twente; the border is an open line on top.
    assert svg.index("map-country--de") < svg.index("map-neighbour") < svg.index("map-area")
    assert re.search(r'<path class="map-border" d="M[^"Z]+" fill="none"', svg)
    for town in ("Gronau",):
        assert f">{town}</text>" in svg


def test_municipalities_show_their_number_of_published_projects(client, shipped):
    response = client.get("/en/map/")
    enschede = next(s for s in response.context["drawing"]["shapes"] if s["code"] == "GM0153")
    published = enschede["municipality"].projects.published().count()
    assert published > 0
    assert enschede["count"] == published
    assert f"Enschede: {published} published projects" in response.content.decode()
    assert enschede["level"] > 0


def test_no_label_overlaps_another_with_the_shipped_data(client, shipped):
    for language in ("nl", "en", "de"):
        with translation.override(language):
            url = reverse("map")
        boxes = [box for _text, box in client.get(url).context["drawing"]["labels"]]
        assert len(boxes) > 14
        for index, (left, top, right, bottom) in enumerate(boxes):
            assert left >= 0 and right <= Projection.width and top >= 0 and bottom <= Projection.height
            for other in boxes[index + 1 :]:
                overlap = left < other[2] and right > other[0] and top < other[3] and bottom > other[1]
                assert not overlap, (language, (left, top, right, bottom), other)


def test_co_located_points_are_one_marker_with_a_count_and_a_list(client):
    PartnerFactory(name_en="University", latitude=Decimal("52.2393"), longitude=Decimal("6.8555"))
    InnovationDistrictFactory(
        municipality=None, name_en="Science park", latitude=Decimal("52.2390"), longitude=Decimal("6.8560")
    )
    ProjectFactory(title_en="Lab project", latitude=Decimal("52.2391"), longitude=Decimal("6.8557"))
    html = client.get("/en/map/").content.decode()
    groups = re.findall(
        r'<a class="map-marker map-marker--group" href="#(map-place-\d+)" aria-label="([^"]+)"', html
    )
    assert len(groups) == 1
    anchor, name = groups[0]
    assert name == "3 places here: see the list"
    entry = html.split(f'id="{anchor}"')[1].split("</ul>")[0]
    for item in ("University", "Science park", "Lab project"):
        assert f">{item}</a>" in entry


def test_a_project_title_in_a_fallback_language_carries_its_lang(client):
    # As the Kohesio import leaves them: the programme's language and English, no German.
    ProjectFactory(
        slug="placed",
        title_nl="Waterstofketen",
        title_en="Hydrogen chain",
        title_de="",
        latitude=Decimal("52.2391"),
        longitude=Decimal("6.8557"),
    )
    ProjectFactory(slug="unplaced", title_nl="Zonnedak", title_en="Solar roof", title_de="")
    PartnerFactory(
        slug="saxion",
        name_nl="Hogeschool Saxion",
        name_en="",
        name_de="",
        latitude=Decimal("52.4500"),
        longitude=Decimal("7.5000"),
    )
    german = client.get("/de/karte/").content.decode()
    assert '<a href="/de/partner/saxion/" lang="nl">Hogeschool Saxion</a>' in german
    assert '<a href="/de/projekte/placed/" lang="en">Hydrogen chain</a>' in german
    assert re.search(r'<text class="map-label" [^>]*lang="en">Hydrogen chain</text>', svg_of(german))
    missing = german.split('id="map-group-missing"')[1].split("</section>")[0]
    assert '<a href="/de/projekte/unplaced/" lang="en">Solar roof</a>' in missing
    dutch = client.get("/nl/kaart/").content.decode()
    assert '<a href="/nl/projecten/placed/">Waterstofketen</a>' in dutch
    assert 'lang="en"' not in dutch.split("<main")[1]


def test_items_without_coordinates_are_listed_as_not_on_the_map(client):
    PartnerFactory(name_en="Eurocities", slug="eurocities", latitude=None, longitude=None)
    PartnerFactory(
        name_en="Palo Alto", slug="palo-alto", latitude=Decimal("37.44"), longitude=Decimal("-122.14")
    )
    html = client.get("/en/map/").content.decode()
    missing = html.split('id="map-group-missing"')[1].split("</section>")[0]
    assert '<a href="/en/partners/eurocities/">Eurocities</a>' in missing
    assert '<a href="/en/partners/palo-alto/">Palo Alto</a>' in missing
    assert "/en/partners/palo-alto/" not in svg_of(html)


def test_the_not_on_the_map_group_is_paged(client):
    for number in range(35):
        PartnerFactory(name_en=f"Network {number:02}", latitude=None, longitude=None)
    first = client.get("/en/map/").content.decode()
    second = client.get("/en/map/", {"page": 2}).content.decode()
    assert "Network 00" in first and "Network 34" not in first
    assert "Network 34" in second and 'rel="prev"' in second


def test_filter_by_kind(client):
    PartnerFactory(name_en="Partner A", latitude=Decimal("52.0"), longitude=Decimal("7.5"))
    ProjectFactory(title_en="Project B", latitude=Decimal("52.4"), longitude=Decimal("6.5"))
    html = client.get("/en/map/", {"kind": ["partner"]}).content.decode()
    svg = svg_of(html)
    assert "Partner A (Partner)" in svg and "Project B" not in svg
    assert 'value="partner" id="map-kind-partner" checked' in html
    response = client.get("/en/map/", {"kind": "volcano"})
    assert response.status_code == 200
    assert "All kinds are shown." in response.content.decode()


def test_a_control_character_sent_as_a_kind_is_not_echoed(client):
    """HTML forbids it in a page; the bad kind is reported and the whole map shown."""
    page = client.get("/en/map/", {"kind": ["partner\x01", "\x9e"]}).content.decode()
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", page)
    assert "partner\ufffd" in page


def test_names_are_escaped_in_the_markers_and_the_list(client):
    PartnerFactory(name_en='<b>R&D "Lab"</b>', latitude=Decimal("52.0"), longitude=Decimal("7.5"))
    html = client.get("/en/map/", {"kind": ["partner"]}).content.decode()
    escaped = "&lt;b&gt;R&amp;D &quot;Lab&quot;&lt;/b&gt;"
    assert f'aria-label="{escaped} (Partner)"' in svg_of(html)
    assert f">{escaped}</a> (Partner)" in html
    assert "<b>R&D" not in html


def test_no_external_url_and_no_script_by_default(client, shipped):
    html = client.get("/en/map/").content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert [url for url in urls if re.match(r"^(https?:)?//", url) and "//testserver/" not in url] == []
    # One script, the portal's own (the focus outline, static/js/map-focus.js): no tiles.
    scripts = re.findall(r"<script[^>]*>", html)
    assert [re.search(r'src="[^"]*/([^/"]+)"', script).group(1) for script in scripts] == ["map-focus.js"]
    assert " style=" not in svg_of(html)
    assert "CBS, Kadaster/PDOK (CC BY 4.0); Natural Earth" in html


@override_settings(MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png")
def test_tile_mode_only_when_a_tile_server_is_configured(client, shipped):
    html = client.get("/en/map/").content.decode()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert '<script id="map-points" type="application/json">' in html
    assert len(re.findall(r"<script>", html)) == 0


def _add_projects(number, enschede):
    for index in range(number):
        project = ProjectFactory(
            title_en=f"Project {index:04}",
            eu_contribution=Decimal(1000),
            latitude=Decimal("52.2215") + Decimal(index % 3) / 1000,
            longitude=Decimal("6.8937"),
        )
        project.municipalities.add(enschede)


def test_the_map_does_not_grow_with_the_number_of_projects(client, django_assert_num_queries):
    """Projects are counted per municipality and grouped per marker in the database, the
    items not on the map counted in one query: the page is the same size and takes the
    same queries at 10 and at 200 projects."""
    enschede = MunicipalityFactory(slug="enschede", name_en="Enschede", cbs_code="GM0153")
    _add_projects(10, enschede)
    with django_assert_num_queries(8):
        small = client.get("/en/map/").content.decode()
    _add_projects(190, enschede)
    with django_assert_num_queries(8):
        large = client.get("/en/map/").content.decode()
    assert "Enschede: 200 published projects" in large
    # Only digits of the counts and sums differ.
    assert abs(len(large) - len(small)) < 40
    assert len(large) < 150_000


def test_items_without_coordinates_are_paged_from_the_database(client):
    """Thousands of partners without coordinates are counted, not loaded: a page of the
    "not on the map" list reads its thirty rows, kind after kind, with the same queries."""
    for index in range(25):
        PartnerFactory(name_en=f"Partner {index:02}", latitude=None, longitude=None)
    for index in range(10):
        ProjectFactory(title_en=f"Loose project {index:02}", latitude=None, longitude=None)
    first = client.get("/en/map/")
    assert first.context["missing"].paginator.count == 35
    names = [item.name for item in first.context["missing"]]
    assert len(names) == 30
    assert names[:25] == [f"Partner {index:02}" for index in range(25)]
    assert names[25:] == [f"Loose project {index:02}" for index in range(5)]
    second = client.get("/en/map/?page=2")
    assert [item.name for item in second.context["missing"]] == [
        f"Loose project {i:02}" for i in range(5, 10)
    ]
    for item in second.context["missing"]:
        assert f'<a href="{item.target.get_absolute_url()}">{item.name}</a>' in second.content.decode()


def test_a_marker_names_the_newest_projects_of_its_cell_and_counts_the_rest():
    # Seven projects at one spot: one grid cell of the database grouping.
    projects = [
        ProjectFactory(title_en=f"Spot project {index}", latitude=Decimal("52.3"), longitude=Decimal("6.6"))
        for index in range(7)
    ]
    with translation.override("en"):
        markers, _outside = build_markers([LAYER_BY_KEY["project"]])
        (marker,) = markers
        assert marker.items[0].url == projects[2].get_absolute_url()
    assert marker.count == 7
    assert [item.name for item in marker.items] == [f"Spot project {index}" for index in range(2, 7)]
    assert marker.unnamed_count == 2
    assert (float(marker.latitude), float(marker.longitude)) == pytest.approx((52.3, 6.6))
