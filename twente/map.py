"""The map: every published municipality, partner, innovation district and project
that has coordinates, drawn on the server as SVG so that no other host is contacted.

The SVG shows the Twente–Münster–Osnabrück area in an equirectangular projection of
the bounding box of the points inside it; places far away (the sister city Palo Alto,
a network seated in Brussels) are listed as "outside the map area" rather than
squashing everything else into a corner. The same points are listed as tables below
the map. Only when a tile server is configured (`MAP_TILE_URL`) does a script
replace the drawing with a Leaflet map of that server's tiles.
"""

import math
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from partners.models import Partner
from projects.models import Project
from regions.models import InnovationDistrict, Municipality

# The region the drawing covers (WGS84 degrees): Twente, the Achterhoek and Salland
# around it, and Münster and Osnabrück across the border.
MAP_AREA = {"south": 51.5, "north": 53.2, "west": 5.5, "east": 9.0}
SVG_WIDTH = 800
SVG_PADDING = 36
# A single point, or points very close together, still get a sensible area around them.
MIN_SPAN_DEGREES = 0.3


@dataclass(frozen=True)
class Layer:
    key: str
    label: str
    singular: str
    model: type


LAYERS = (
    Layer("municipality", _("Municipalities"), _("Municipality"), Municipality),
    Layer("partner", _("Partners"), _("Partner"), Partner),
    Layer("district", _("Innovation districts"), _("Innovation district"), InnovationDistrict),
    Layer("project", _("EU projects"), _("EU project"), Project),
)
LAYER_BY_KEY = {layer.key: layer for layer in LAYERS}


def _coordinate(value):
    # Formatted here, not in the template: template localisation would write 12,5 in nl and de.
    return f"{value:.1f}"


def symbol(kind, x, y, size=7.0):
    """SVG attributes of a point's symbol: kinds differ in shape as well as in colour."""
    if kind == "municipality":
        return {"tag": "circle", "cx": _coordinate(x), "cy": _coordinate(y), "r": _coordinate(size)}
    if kind == "partner":
        return {
            "tag": "rect",
            "x": _coordinate(x - size * 0.9),
            "y": _coordinate(y - size * 0.9),
            "side": _coordinate(size * 1.8),
        }
    if kind == "district":
        corners = [(x, y - size * 1.15), (x + size, y + size * 0.8), (x - size, y + size * 0.8)]
    else:
        corners = [(x, y - size * 1.15), (x + size * 1.15, y), (x, y + size * 1.15), (x - size * 1.15, y)]
    return {"tag": "polygon", "points": " ".join(f"{_coordinate(a)},{_coordinate(b)}" for a, b in corners)}


LEGEND = [{"layer": layer, "shape": symbol(layer.key, 10, 10)} for layer in LAYERS]


@dataclass
class Point:
    layer: Layer
    name: str
    url: str
    latitude: float
    longitude: float
    x: float = 0.0
    y: float = 0.0
    # Where the visible name goes, when it fits without covering another (see place_labels).
    text: dict | None = None

    @property
    def kind(self):
        return self.layer.key

    @property
    def label(self):
        return f"{self.name} ({self.layer.singular})"

    @property
    def shape(self):
        return symbol(self.kind, self.x, self.y)

    def as_json(self):
        return {
            "kind": self.kind,
            "kindLabel": str(self.layer.singular),
            "name": self.name,
            "url": self.url,
            "lat": self.latitude,
            "lon": self.longitude,
            "inside": in_map_area(self),
        }


class MapFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label=_("Show"),
        choices=[(layer.key, layer.label) for layer in LAYERS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def selected_layers(self):
        """The layers to show: those ticked, or all when none is (or the input is bad)."""
        kinds = self.cleaned_data.get("kind") if self.is_valid() else None
        return [layer for layer in LAYERS if not kinds or layer.key in kinds]


def points_for(layers):
    """Published items with coordinates of the given layers: one query per layer."""
    points = []
    for layer in layers:
        queryset = layer.model.objects.published().filter(latitude__isnull=False, longitude__isnull=False)
        for item in queryset:
            points.append(
                Point(
                    layer=layer,
                    name=str(item),
                    url=item.get_absolute_url(),
                    latitude=float(item.latitude),
                    longitude=float(item.longitude),
                )
            )
    return points


def in_map_area(point):
    return (
        MAP_AREA["south"] <= point.latitude <= MAP_AREA["north"]
        and MAP_AREA["west"] <= point.longitude <= MAP_AREA["east"]
    )


@dataclass
class Projection:
    """Equirectangular projection of a bounding box onto an SVG canvas."""

    south: float
    north: float
    west: float
    east: float

    @classmethod
    def around(cls, points):
        south = min(p.latitude for p in points)
        north = max(p.latitude for p in points)
        west = min(p.longitude for p in points)
        east = max(p.longitude for p in points)
        if north - south < MIN_SPAN_DEGREES:
            middle = (north + south) / 2
            south, north = middle - MIN_SPAN_DEGREES / 2, middle + MIN_SPAN_DEGREES / 2
        if east - west < MIN_SPAN_DEGREES:
            middle = (east + west) / 2
            west, east = middle - MIN_SPAN_DEGREES / 2, middle + MIN_SPAN_DEGREES / 2
        return cls(south, north, west, east)

    @property
    def x_stretch(self):
        # A degree of longitude is shorter than one of latitude, by cos(latitude).
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def scale(self):
        return (SVG_WIDTH - 2 * SVG_PADDING) / ((self.east - self.west) * self.x_stretch)

    @property
    def height(self):
        return round((self.north - self.south) * self.scale + 2 * SVG_PADDING)

    @property
    def width(self):
        return SVG_WIDTH

    def project(self, latitude, longitude):
        x = SVG_PADDING + (longitude - self.west) * self.x_stretch * self.scale
        y = SVG_PADDING + (self.north - latitude) * self.scale
        return round(x, 1), round(y, 1)

    def graticule(self):
        """Labelled grid lines to give the drawing a scale: every half degree, or every
        quarter when the area is small."""
        lines = []
        step = 0.25 if self.north - self.south < 1 else 0.5
        latitude = math.ceil(self.south / step) * step
        while latitude <= self.north:
            _x, y = self.project(latitude, self.west)
            lines.append({"horizontal": True, "position": _coordinate(y), "label": f"{latitude:.2f}° N"})
            latitude += step
        longitude = math.ceil(self.west / step) * step
        while longitude <= self.east:
            x, _y = self.project(self.north, longitude)
            lines.append({"horizontal": False, "position": _coordinate(x), "label": f"{longitude:.2f}° E"})
            longitude += step
        return lines


LABEL_FONT_SIZE = 12
LABEL_CHAR_WIDTH = 6.8  # a generous average for the system sans-serif at 12px


def place_labels(points, width):
    """Name as many points as fit: right of the point, else left, above or below it,
    never over another name or point. Municipalities first, then partners, districts and projects; the
    unnamed ones still have their accessible name, their tooltip and the list."""
    # Every symbol is taken space too: a name never hides another point.
    placed = [(p.x - 8, p.y - 8, p.x + 8, p.y + 8) for p in points]
    order = {layer.key: index for index, layer in enumerate(LAYERS)}
    for point in sorted(points, key=lambda p: (order[p.kind], p.name)):
        text_width = len(point.name) * LABEL_CHAR_WIDTH
        # (anchor, x of the anchor, baseline y, left edge of the text) for each try.
        tries = [
            ("start", point.x + 10, point.y + 4, point.x + 10),
            ("end", point.x - 10, point.y + 4, point.x - 10 - text_width),
            ("middle", point.x, point.y - 11, point.x - text_width / 2),
            ("middle", point.x, point.y + 20, point.x - text_width / 2),
        ]
        for anchor, anchor_x, baseline, left in tries:
            right, top, bottom = left + text_width, baseline - LABEL_FONT_SIZE + 2, baseline + 1
            if left < 0 or right > width:
                continue
            if any(left < r and right > x0 and top < b and bottom > y0 for x0, y0, r, b in placed):
                continue
            placed.append((left, top, right, bottom))
            point.text = {"x": _coordinate(anchor_x), "y": _coordinate(baseline), "anchor": anchor}
            break


def build_map(points):
    """Split the points into those drawn and those outside the area, and place the drawn ones."""
    inside = [p for p in points if in_map_area(p)]
    outside = [p for p in points if not in_map_area(p)]
    projection = Projection.around(inside) if inside else None
    for point in inside:
        point.x, point.y = projection.project(point.latitude, point.longitude)
    if projection:
        place_labels(inside, projection.width)
    return {"inside": inside, "outside": outside, "projection": projection}


class MapView(TemplateView):
    template_name = "twente/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = MapFilterForm(self.request.GET or None)
        layers = form.selected_layers() if form.is_bound else list(LAYERS)
        points = points_for(layers)
        drawing = build_map(points)
        context.update(
            form=form,
            layers=layers,
            all_layers=LAYERS,
            legend=LEGEND,
            drawing=drawing,
            groups=[{"layer": layer, "points": [p for p in points if p.layer == layer]} for layer in layers],
            point_count=len(points),
            tile_url=settings.MAP_TILE_URL,
        )
        if settings.MAP_TILE_URL:
            context["points_json"] = [p.as_json() for p in points]
            context["tile_attribution"] = settings.MAP_TILE_ATTRIBUTION
        return context
