"""The base geography shipped in `regions/geodata/`: boundaries to draw and to locate points in.

Files are read once per process. Coordinates are WGS84 (lon, lat), as GeoJSON orders them.
"""

import json
import math
from functools import cache
from pathlib import Path

from django.db.models import FloatField, Q
from django.db.models.functions import Cast, Floor

GEODATA = Path(__file__).resolve().parent / "geodata"
MAP_CREDIT = "CBS, Kadaster/PDOK (CC BY 4.0); Natural Earth"


@cache
def features(name):
    """The features of one shipped file, e.g. `features("twente-municipalities")`."""
    with (GEODATA / f"{name}.geojson").open(encoding="utf-8") as file:
        return tuple(json.load(file)["features"])


def polygons(geometry):
    """A Polygon or MultiPolygon as a list of polygons, each a list of rings of (lon, lat)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def _in_ring(lon, lat, ring):
    """Ray casting: does a ray from the point eastwards cross the ring an odd number of times?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def contains(geometry, lon, lat):
    """Whether the point lies inside the geometry (inside an outer ring and outside its holes)."""
    return any(
        _in_ring(lon, lat, outer) and not any(_in_ring(lon, lat, hole) for hole in holes)
        for outer, *holes in polygons(geometry)
    )


def twente_municipality_codes():
    """{name: CBS code} of the 14 Twente municipalities, as the boundary file names them."""
    return {
        feature["properties"]["name"]: feature["properties"]["code"]
        for feature in features("twente-municipalities")
    }


@cache
def _twente_shapes():
    """Each Twente municipality's code, geometry and bounding box (west, south, east, north)."""
    shapes = []
    for feature in features("twente-municipalities"):
        points = [point for rings in polygons(feature["geometry"]) for point in rings[0]]
        lons, lats = [lon for lon, _lat in points], [lat for _lon, lat in points]
        bounds = (min(lons), min(lats), max(lons), max(lats))
        shapes.append((feature["properties"]["code"], feature["geometry"], bounds))
    return tuple(shapes)


def twente_municipality_code(lon, lat):
    """The CBS code of the Twente municipality that contains the point, or None outside Twente."""
    lon, lat = float(lon), float(lat)
    for code, geometry, (west, south, east, north) in _twente_shapes():
        # Only a shape whose box holds the point is walked edge by edge.
        if west <= lon <= east and south <= lat <= north and contains(geometry, lon, lat):
            return code
    return None


# The public map (twente.map) draws this window (WGS84 degrees): Twente with Salland and
# the Achterhoek to the west and Münster and Osnabrück across the border to the east.
# The window and the grid are in the index `project_published_map_cells`: a change
# needs a migration that replaces it on PostgreSQL only, as `projects` 0011 made it.
MAP_WINDOW = {"south": 51.9, "north": 52.62, "west": 6.15, "east": 8.12}
MAP_WIDTH = 640
# Points closer than this (map units) share one marker; it is also the grid by which the
# database groups projects. 24 units stay a 24 px target on a 375 px phone with the hit
# area.
MAP_CELL = 24


class Projection:
    """Equirectangular projection of MAP_WINDOW onto the map's canvas, north up."""

    west, east, south, north = (MAP_WINDOW[side] for side in ("west", "east", "south", "north"))
    # A degree of longitude is shorter than one of latitude, by cos(latitude).
    x_stretch = math.cos(math.radians((north + south) / 2))
    scale = MAP_WIDTH / ((east - west) * x_stretch)
    width = MAP_WIDTH
    height = round((north - south) * scale)

    @classmethod
    def project(cls, latitude, longitude):
        return (longitude - cls.west) * cls.x_stretch * cls.scale, (cls.north - latitude) * cls.scale

    @classmethod
    def contains(cls, latitude, longitude):
        return cls.south <= latitude <= cls.north and cls.west <= longitude <= cls.east


def in_map_window():
    """Rows (with `latitude` and `longitude` fields) inside the map's window."""
    return Q(
        latitude__gte=Projection.south,
        latitude__lte=Projection.north,
        longitude__gte=Projection.west,
        longitude__lte=Projection.east,
    )


def map_cell_expressions():
    """A row's grid cell on the map, column and row, computed by the database: the
    projects' model indexes these very expressions (`project_published_map_cells`),
    so the map groups its projects in index order without computing or sorting."""
    x = (Cast("longitude", FloatField()) - Projection.west) * (Projection.x_stretch * Projection.scale)
    y = (Projection.north - Cast("latitude", FloatField())) * Projection.scale
    return Floor(x / MAP_CELL), Floor(y / MAP_CELL)
