"""The map of Twente and its neighbours, drawn on the server as SVG: no other host is contacted.

What is drawn, bottom to top (the geography's README asks for the countries first):
the Netherlands and Germany, the neighbouring Dutch municipalities, the 14 Twente
municipalities as links to their pages (shaded by their number of published projects,
with a count badge), the Netherlands–Germany border as an open line, the towns across
the border, and markers for partners, innovation districts and projects that have
their own coordinates.

The page does not grow with the data: projects are counted per municipality in the
database, and points are grouped per grid cell of the drawing (in the database for
projects), so there is at most one marker per cell whatever the number of projects.
Names are placed only where they overlap nothing; every item is also in the list
alternative below the map, grouped by municipality, with a paged "not on the map" group.
"""

import heapq
import math
from dataclasses import dataclass, field
from functools import cache

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Avg, CharField, Count, StringAgg, Sum, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from modeltranslation.utils import build_localized_fieldname

from partners.models import Partner
from projects.models import Project
from regions import geo
from regions.geo import Projection
from regions.models import InnovationDistrict, Municipality
from twente.core.addresses import detail_address, detail_address_pattern
from twente.core.db import aggregate_each, pk_in
from twente.core.listing import CorrectableForm, fallback_language, shown_languages, shown_text
from twente.core.models import PublicationState
from twente.map_markup import marker_list, markers_svg

CELL = geo.MAP_CELL
HIT_RADIUS = 24
MARKER_RADIUS = 8
NAMES_PER_MARKER = 5
NOT_ON_MAP_PER_PAGE = 30
LABEL_FONT_SIZE = 11
LABEL_CHAR_WIDTH = 6.2  # a generous average for the system sans-serif at 11 units
BADGE_HEIGHT = 16

# Towns across the border, marked for orientation (public coordinates of their centres).
CROSS_BORDER_PLACES = (
    ("Münster", 51.9625, 7.6256),
    ("Osnabrück", 52.2799, 8.0472),
    ("Gronau", 52.2125, 7.0227),
)
COUNTRY_LABELS = ((_("Netherlands"), 52.55, 6.25), (_("Germany"), 52.5, 7.75))


def fmt(value):
    # Formatted here, not in the template: template localisation would write 12,5 in nl and de.
    return f"{value:.1f}"


@dataclass(frozen=True)
class Layer:
    key: str
    label: str
    singular: str


LAYERS = (
    Layer("municipality", _("Municipalities"), _("Municipality")),
    Layer("partner", _("Partners"), _("Partner")),
    Layer("district", _("Innovation districts"), _("Innovation district")),
    Layer("project", _("EU projects"), _("EU project")),
)
LAYER_BY_KEY = {layer.key: layer for layer in LAYERS}


class MapFilterForm(CorrectableForm):
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


def _path(polygons):
    """SVG path data of polygons (lists of rings of lon, lat)."""
    parts = []
    for rings in polygons:
        for ring in rings:
            points = [Projection.project(lat, lon) for lon, lat in ring]
            parts.append("M" + "L".join(f"{fmt(x)},{fmt(y)}" for x, y in points) + "Z")
    return "".join(parts)


def _label_point(polygons):
    """Where a shape's badge goes: the area-weighted centroid of its largest outer ring."""
    outer = max((rings[0] for rings in polygons), key=len)
    points = [Projection.project(lat, lon) for lon, lat in outer]
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return points[0]
    return cx / (3 * area), cy / (3 * area)


@cache
def base_geography():
    """The projected shapes, computed once per process: the window never changes."""
    border = geo.features("nl-de-border")[0]["geometry"]["coordinates"]
    border_points = [Projection.project(lat, lon) for lon, lat in border]
    twente = []
    for feature in geo.features("twente-municipalities"):
        polygons = geo.polygons(feature["geometry"])
        twente.append(
            {
                "code": feature["properties"]["code"],
                "name": feature["properties"]["name"],
                "d": _path(polygons),
                "centre": _label_point(polygons),
            }
        )
    places = []
    for name, latitude, longitude in CROSS_BORDER_PLACES:
        x, y = Projection.project(latitude, longitude)
        places.append({"name": name, "x": fmt(x), "y": fmt(y), "at": (x, y)})
    return {
        "countries": [
            {"iso": f["properties"]["iso"], "d": _path(geo.polygons(f["geometry"]))}
            for f in geo.features("countries")
        ],
        "neighbours": [
            {
                "code": f["properties"]["code"],
                "name": f["properties"]["name"],
                "d": _path(geo.polygons(f["geometry"])),
            }
            for f in geo.features("neighbour-municipalities")
        ],
        "twente": twente,
        "border": "M" + "L".join(f"{fmt(x)},{fmt(y)}" for x, y in border_points),
        "places": places,
    }


@dataclass
class Item:
    """One named thing in a marker or the list: a partner, a district, a project."""

    kind: str
    name: str
    target: object = None  # the model instance, whose address is worked out only if shown
    address: str | None = None  # or the address itself, when it is known already
    lang: str = ""  # the name's language when it is a fallback

    @classmethod
    def named(cls, kind, obj, name_field="name"):
        """The item of a model instance, named as shown, with the name's language."""
        return cls(kind, getattr(obj, name_field), obj, lang=fallback_language(obj, name_field))

    @property
    def url(self):
        if self.address is None:
            self.address = self.target.get_absolute_url()
        return self.address

    @property
    def layer(self):
        return LAYER_BY_KEY[self.kind]


@dataclass
class Marker:
    """Items sharing a spot on the drawing; `count` includes projects not named in `items`."""

    x: float
    y: float
    latitude: float
    longitude: float
    items: list = field(default_factory=list)
    count: int = 0
    number: int = 0
    label: dict | None = None

    @property
    def single(self):
        return self.items[0] if self.count == 1 and self.items else None

    @property
    def kind(self):
        kinds = {item.kind for item in self.items}
        return kinds.pop() if len(kinds) == 1 else "mixed"

    @property
    def unnamed_count(self):
        return self.count - len(self.items)

    @property
    def anchor(self):
        return f"map-place-{self.number}"

    @property
    def symbol(self):
        """Points of the kind's symbol (circle for groups): kinds differ in shape too."""
        x, y, r = self.x, self.y, MARKER_RADIUS
        if self.kind == "partner" and self.single:
            corners = [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
        elif self.kind == "district" and self.single:
            corners = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
        elif self.single:
            corners = [(x, y - r * 1.25), (x + r * 1.25, y), (x, y + r * 1.25), (x - r * 1.25, y)]
        else:
            return None
        return " ".join(f"{fmt(a)},{fmt(b)}" for a, b in corners)

    def svg(self):
        return {"x": fmt(self.x), "y": fmt(self.y), "r": fmt(MARKER_RADIUS + 3), "hit": fmt(HIT_RADIUS)}


def _cell(x, y):
    return (math.floor(x / CELL), math.floor(y / CELL))


def project_cells():
    """Published projects with coordinates inside the window, grouped per grid cell in
    the database: each cell's count and mean position with at most NAMES_PER_MARKER of
    its projects (the newest added). Two queries, the rows bounded by the number of
    cells: the grouping reads the index of the cells' expressions
    (`project_published_map_cells`) in order, neither computing a cell per project nor
    sorting them (at 10,000 projects 19 ms of SQL became 5); the titles of the named
    projects follow by primary key."""
    cell_x, cell_y = geo.map_cell_expressions()
    cells = list(
        Project.objects.published()
        .filter(geo.in_map_window())
        .annotate(cell_x=cell_x, cell_y=cell_y)
        .values("cell_x", "cell_y")
        .annotate(
            count=Count("id"),
            # Averaged as the stored decimals: casting each to a float cost more than the
            # grouping itself.
            latitude=Avg("latitude"),
            longitude=Avg("longitude"),
            ids=StringAgg(Cast("id", CharField()), Value(",")),
        )
        .values("count", "latitude", "longitude", "ids")
        .order_by("cell_x", "cell_y")
    )
    for cell in cells:
        cell["latitude"], cell["longitude"] = float(cell["latitude"]), float(cell["longitude"])
        # Picked here: an ordered aggregate took longer in the database, and SQLite has none.
        cell["ids"] = heapq.nlargest(NAMES_PER_MARKER, map(int, cell["ids"].split(",")))
    # Titles as shown (the language's own, else its fallbacks, with the language of a
    # fallback) and addresses from one reversed pattern: no model instance and no
    # reverse() per project.
    languages = shown_languages()
    titles = (
        Project.objects.filter(pk_in(Project, [pk for cell in cells for pk in cell["ids"]]))
        .values_list("pk", "slug", *(build_localized_fieldname("title", code) for code in languages))
        .order_by()
    )
    pattern = detail_address_pattern(Project)
    shown = {}
    for pk, slug, *texts in titles:
        title, lang = shown_text(texts, languages)
        shown[pk] = (title, detail_address(pattern, slug), lang)
    for cell in cells:
        cell["projects"] = [shown[pk] for pk in cell.pop("ids")]
    return cells


def _point_items(model, kind):
    """Published partners or districts with coordinates (few: they are organisations)."""
    queryset = (
        model.objects.published().filter(latitude__isnull=False).only("slug", "name", "latitude", "longitude")
    )
    return [(Item.named(kind, item), float(item.latitude), float(item.longitude)) for item in queryset]


def build_markers(layers):
    """Markers for the selected point layers, grouped per cell and then merged with any
    neighbour closer than CELL, so no two markers overlap. Also returns those outside."""
    kinds = {layer.key for layer in layers}
    cells = {}
    outside = []

    def add(item, latitude, longitude, count=1, named=True):
        if not Projection.contains(latitude, longitude):
            outside.append((item, latitude, longitude))
            return None
        x, y = Projection.project(latitude, longitude)
        marker = cells.setdefault(_cell(x, y), Marker(0, 0, 0, 0))
        # Weighted mean position of everything in the marker.
        total = marker.count + count
        marker.latitude = (marker.latitude * marker.count + latitude * count) / total
        marker.longitude = (marker.longitude * marker.count + longitude * count) / total
        marker.count = total
        if named:
            marker.items.append(item)
        return marker

    if "partner" in kinds:
        for item, latitude, longitude in _point_items(Partner, "partner"):
            add(item, latitude, longitude)
    if "district" in kinds:
        for item, latitude, longitude in _point_items(InnovationDistrict, "district"):
            add(item, latitude, longitude)
    if "project" in kinds:
        for cell in project_cells():
            first, *others = (
                Item("project", title, address=url, lang=lang) for title, url, lang in cell["projects"]
            )
            marker = add(first, cell["latitude"], cell["longitude"], count=cell["count"])
            if marker:
                marker.items.extend(others)
    markers = list(cells.values())
    for marker in markers:
        marker.x, marker.y = Projection.project(marker.latitude, marker.longitude)
    return _merge_close(markers), outside


def _merge_close(markers):
    merged = []
    for marker in sorted(markers, key=lambda m: -m.count):
        near = next((m for m in merged if math.dist((m.x, m.y), (marker.x, marker.y)) < CELL), None)
        if near is None:
            merged.append(marker)
            continue
        total = near.count + marker.count
        near.x = (near.x * near.count + marker.x * marker.count) / total
        near.y = (near.y * near.count + marker.y * marker.count) / total
        near.latitude = (near.latitude * near.count + marker.latitude * marker.count) / total
        near.longitude = (near.longitude * near.count + marker.longitude * marker.count) / total
        near.count = total
        near.items.extend(marker.items)
    merged.sort(key=lambda m: (m.y, m.x))
    for number, marker in enumerate(merged, start=1):
        marker.number = number
        marker.items.sort(key=lambda item: (item.kind, item.name))
        # Merged cells bring up to NAMES_PER_MARKER project names each: keep as many as
        # one cell, so the page stays the same size as the projects grow (the rest are
        # counted, with a link to the project list).
        projects = [item for item in marker.items if item.kind == "project"]
        for item in projects[NAMES_PER_MARKER:]:
            marker.items.remove(item)
    return merged


@dataclass
class Labels:
    """Axis-aligned boxes already taken on the drawing; a new label goes only where it
    overlaps none of them and stays inside the canvas."""

    width: float
    height: float
    taken: list = field(default_factory=list)
    boxes: list = field(default_factory=list)

    def reserve(self, box):
        self.taken.append(box)

    def free(self, box):
        left, top, right, bottom = box
        if left < 0 or top < 0 or right > self.width or bottom > self.height:
            return False
        return not any(left < r and right > x0 and top < b and bottom > y0 for x0, y0, r, b in self.taken)

    def place(self, text, x, y, gap, char_width=LABEL_CHAR_WIDTH):
        """Right of the point, else left, above or below; None when nothing fits."""
        width = len(text) * char_width
        tries = [
            ("start", x + gap, y + 4, x + gap),
            ("end", x - gap, y + 4, x - gap - width),
            ("middle", x, y - gap - 2, x - width / 2),
            ("middle", x, y + gap + LABEL_FONT_SIZE, x - width / 2),
        ]
        for anchor, anchor_x, baseline, left in tries:
            box = (left, baseline - LABEL_FONT_SIZE + 1, left + width, baseline + 3)
            if self.free(box):
                self.reserve(box)
                self.boxes.append((text, box))
                return {"x": fmt(anchor_x), "y": fmt(baseline), "anchor": anchor}
        return None


def municipality_figures():
    """Published municipalities with their published projects' count and EU contribution
    (two queries)."""
    # Summed over the link table and the covering index `project_published_eu` (a hash
    # join of narrow rows), then set on the few municipalities: grouping the
    # municipalities' own wide rows by every project read the whole project table.
    sums = {
        row["municipality_id"]: row
        for row in Project.municipalities.through.objects.filter(
            project__publication_state=PublicationState.PUBLISHED
        )
        .values("municipality_id")
        .annotate(project_count=Count("pk"), eu_total=Sum("project__eu_contribution"))
        .order_by()
    }
    municipalities = list(
        Municipality.objects.published().only("slug", "name", "cbs_code", "latitude", "longitude")
    )
    for municipality in municipalities:
        row = sums.get(municipality.pk, {})
        municipality.project_count = row.get("project_count", 0)
        municipality.eu_total = row.get("eu_total")
    return municipalities


def shade_level(count, highest):
    """0 for none, then 1–4 by share of the highest count (a choropleth of four classes)."""
    if not count or not highest:
        return 0
    return min(4, 1 + int(4 * count / (highest + 1)))


def shade_legend(highest):
    """Each class's range of counts for the legend, leaving out empty classes."""
    legend = [{"level": 0, "low": 0, "high": 0}]
    for level in range(1, 5):
        # shade_level is 1 + int(4n / (highest + 1)): invert it for the class's bounds.
        low = max(1, math.ceil((level - 1) * (highest + 1) / 4))
        high = highest if level == 4 else min(highest, math.ceil(level * (highest + 1) / 4) - 1)
        if low <= high:
            legend.append({"level": level, "low": low, "high": high})
    return legend


# Where a badge may go relative to its shape's centre, nearest first.
BADGE_OFFSETS = sorted(
    ((dx, dy) for dx in range(-24, 25, 8) for dy in range(-24, 25, 8)), key=lambda d: math.hypot(*d)
)


def _badge(labels, centre, count):
    """The count badge of a shape: at its centre, or moved just enough to clear a marker
    or another badge. None only when no spot nearby is free (the count is still in the
    shape's accessible name and in the list)."""
    width = 8 + 7 * len(str(count))
    x0, y0 = centre
    for dx, dy in BADGE_OFFSETS:
        x, y = x0 + dx, y0 + dy
        box = (x - width / 2 - 1, y - BADGE_HEIGHT / 2 - 1, x + width / 2 + 1, y + BADGE_HEIGHT / 2 + 1)
        if labels.free(box):
            labels.reserve(box)
            labels.boxes.append((str(count), box))
            return {
                "x": fmt(x - width / 2),
                "y": fmt(y - BADGE_HEIGHT / 2),
                "width": fmt(width),
                "height": BADGE_HEIGHT,
                "tx": fmt(x),
                "ty": fmt(y + 4),
                "centre": (x, y),
                "half_width": width / 2,
            }
    return None


def build_map(layers):
    geography = base_geography()
    kinds = {layer.key for layer in layers}
    labels = Labels(Projection.width, Projection.height)
    municipalities = municipality_figures()
    by_code = {m.cbs_code: m for m in municipalities if m.cbs_code}
    highest = max((m.project_count for m in by_code.values()), default=0)
    show_counts = "municipality" in kinds or "project" in kinds
    markers, outside = build_markers([layer for layer in layers if layer.key != "municipality"])
    # Municipalities without a shape (across the border, say) are markers of their own.
    if "municipality" in kinds:
        for municipality in municipalities:
            if municipality.cbs_code or not municipality.has_coordinates:
                continue
            item = Item.named("municipality", municipality)
            lat, lon = float(municipality.latitude), float(municipality.longitude)
            if not Projection.contains(lat, lon):
                outside.append((item, lat, lon))
                continue
            x, y = Projection.project(lat, lon)
            near = next((m for m in markers if math.dist((m.x, m.y), (x, y)) < CELL), None)
            if near:
                near.items.insert(0, item)
                near.count += 1
            else:
                markers.append(Marker(x, y, lat, lon, [item], 1, len(markers) + 1))
    for marker in markers:
        reach = MARKER_RADIUS + 3
        labels.reserve((marker.x - reach, marker.y - reach, marker.x + reach, marker.y + reach))
    shapes = []
    for shape in geography["twente"]:
        municipality = by_code.get(shape["code"])
        count = municipality.project_count if municipality else 0
        badge = _badge(labels, shape["centre"], count) if municipality and show_counts else None
        shapes.append(
            {
                **shape,
                "municipality": municipality,
                "count": count,
                "badge": badge,
                "level": shade_level(count, highest) if show_counts else 0,
            }
        )
    places = []
    for place in geography["places"]:
        px, py = place["at"]
        if any(math.dist((m.x, m.y), (px, py)) < CELL for m in markers):
            # A partner of the same town stands there already: its marker names it.
            continue
        labels.reserve((px - 3, py - 3, px + 3, py + 3))
        places.append({**place, "label": labels.place(place["name"], px, py, 6)})
    countries = []
    for name, latitude, longitude in COUNTRY_LABELS:
        x, y = Projection.project(latitude, longitude)
        countries.append({"name": name, "label": labels.place(str(name).upper(), x, y, 0, char_width=9)})
    for shape in shapes:
        if shape["municipality"]:
            x, y = shape["badge"]["centre"] if shape["badge"] else shape["centre"]
            gap = shape["badge"]["half_width"] + 3 if shape["badge"] else 0
            shape["label"] = labels.place(shape["name"], x, y, gap)
    for marker in sorted(markers, key=lambda m: -m.count):
        name = marker.single.name if marker.single else None
        if name:
            marker.label = labels.place(name, marker.x, marker.y, MARKER_RADIUS + 4)
    return {
        "geography": geography,
        "shapes": shapes,
        "markers": markers,
        "markers_svg": markers_svg(markers),
        "outside": outside,
        "places": places,
        "countries": countries,
        "labels": labels.boxes,
        "legend": shade_legend(highest) if show_counts else [],
        "projection": Projection,
        "municipalities": municipalities,
    }


class ItemsNotOnMap:
    """The published items the map cannot show, kind after kind, read a page at a time:
    the paginator counts each kind in the database and fetches only the page's rows
    (thousands of partners without coordinates are never loaded to show thirty)."""

    def __init__(self, sources):
        self.sources = sources  # (kind, queryset ordered by its model, name field)
        self._counts = None

    def counts(self):
        """Each kind's count, in one query."""
        if self._counts is None:
            counted = aggregate_each({kind: queryset for kind, queryset, _name in self.sources}, Count("pk"))
            self._counts = [counted[kind] for kind, _queryset, _name in self.sources]
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    def __getitem__(self, page):
        start, stop = page.start or 0, page.stop
        items = []
        offset = 0
        for (kind, queryset, name_field), count in zip(self.sources, self.counts(), strict=True):
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                items += [Item.named(kind, row, name_field) for row in queryset[low:high]]
            offset += count
        return items


def not_on_the_map(layers):
    """Published items that the map cannot show: partners and districts without
    coordinates, projects with neither coordinates nor a municipality."""
    kinds = {layer.key for layer in layers}
    sources = []
    if "partner" in kinds:
        sources.append(
            (
                "partner",
                Partner.objects.published().filter(latitude__isnull=True).only("slug", "name"),
                "name",
            )
        )
    if "district" in kinds:
        districts = InnovationDistrict.objects.published().filter(latitude__isnull=True).only("slug", "name")
        sources.append(("district", districts, "name"))
    if "project" in kinds:
        loose = (
            Project.objects.published()
            .filter(latitude__isnull=True)
            .exclude(municipalities__publication_state=PublicationState.PUBLISHED)
            .only("slug", "title")
        )
        sources.append(("project", loose, "title"))
    if "municipality" in kinds:
        places = Municipality.objects.published().filter(cbs_code__isnull=True, latitude__isnull=True)
        sources.append(("municipality", places.only("slug", "name"), "name"))
    return ItemsNotOnMap(sources)


def list_groups(drawing):
    """The list alternative: markers grouped by the Twente municipality they lie in
    (found in the shipped boundaries), then those elsewhere on the map."""
    codes = {}
    for marker in drawing["markers"]:
        code = geo.twente_municipality_code(marker.longitude, marker.latitude)
        codes.setdefault(code, []).append(marker)
    project_list = reverse("projects:project-list")
    groups = []
    for shape in sorted(drawing["shapes"], key=lambda s: s["name"]):
        municipality = shape["municipality"]
        if municipality is None and shape["code"] not in codes:
            continue
        groups.append(
            {
                "code": shape["code"],
                "name": municipality.name if municipality else shape["name"],
                "municipality": municipality,
                "projects_url": f"{project_list}?municipality={municipality.slug}" if municipality else None,
                "markers": codes.get(shape["code"], []),
            }
        )
    for group in groups:
        group["markers_html"] = marker_list(group["markers"], group["projects_url"])
    return groups, codes.get(None, [])


def twente_totals():
    """Published projects in at least one Twente municipality, each counted once, and
    their EU contribution (one query)."""
    in_twente = Municipality.objects.published().filter(cbs_code__isnull=False)
    linked = Project.municipalities.through.objects.filter(municipality__in=in_twente)
    projects = Project.objects.published().filter(pk__in=linked.values("project_id"))
    return projects.aggregate(count=Count("pk"), eu_total=Sum("eu_contribution"))


def tile_points(drawing):
    """The markers for the optional tile-server map (static/js/map.js)."""
    points = []
    for marker in drawing["markers"]:
        single = marker.single
        points.append(
            {
                "kind": single.kind if single else "group",
                "kindLabel": str(single.layer.singular) if single else "",
                "name": single.name if single else ", ".join(item.name for item in marker.items),
                "url": single.url if single else f"#{marker.anchor}",
                "lat": marker.latitude,
                "lon": marker.longitude,
                "inside": True,
            }
        )
    return points


class MapView(TemplateView):
    template_name = "twente/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = MapFilterForm(self.request.GET or None)
        layers = form.selected_layers() if form.is_bound else list(LAYERS)
        drawing = build_map(layers)
        groups, elsewhere = list_groups(drawing)
        missing = Paginator(not_on_the_map(layers), NOT_ON_MAP_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        context.update(
            form=form,
            layers=layers,
            all_layers=LAYERS,
            drawing=drawing,
            groups=groups,
            elsewhere=elsewhere,
            elsewhere_html=marker_list(elsewhere),
            missing=missing,
            twente_totals=twente_totals(),
            map_credit=geo.MAP_CREDIT,
            tile_url=settings.MAP_TILE_URL,
        )
        if settings.MAP_TILE_URL:
            context["points_json"] = tile_points(drawing)
            context["tile_attribution"] = settings.MAP_TILE_ATTRIBUTION
        return context
