import pytest

from regions import geo
from regions.models import Municipality
from twente.initial_data.loader import initial_data_load


def test_the_fourteen_twente_municipalities_ship_with_their_cbs_codes():
    codes = geo.twente_municipality_codes()
    assert len(codes) == 14
    assert codes["Enschede"] == "GM0153"


@pytest.mark.parametrize(
    ("lon", "lat", "code"),
    [
        (6.8937, 52.2215, "GM0153"),  # Enschede, town centre
        (6.7931, 52.2658, "GM0164"),  # Hengelo, town centre
        (6.6625, 52.3567, "GM0141"),  # Almelo, town centre
        (7.6261, 51.9607, None),  # Münster, across the border
        (6.0944, 52.5168, None),  # Zwolle, elsewhere in Overijssel
    ],
)
def test_a_point_is_placed_in_the_twente_municipality_that_contains_it(lon, lat, code):
    assert geo.twente_municipality_code(lon, lat) == code


def test_a_hole_is_outside_its_polygon():
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    geometry = {"type": "Polygon", "coordinates": [square, hole]}
    assert geo.contains(geometry, 2, 2)
    assert not geo.contains(geometry, 5, 5)
    assert not geo.contains(geometry, 11, 5)


@pytest.mark.django_db
def test_initial_data_gives_each_municipality_the_code_of_its_shape():
    initial_data_load()
    stored = dict(Municipality.objects.filter(cbs_code__isnull=False).values_list("name_nl", "cbs_code"))
    assert stored == geo.twente_municipality_codes()
