"""The map's repeated markup, written in Python: each marker in the drawing and its
entry in the list alternative. At 10,000 projects there are about 70 markers naming
some 400 places, and the templates' per-variable lookups and includes took more time
than everything else on the page. The markup is the one the templates had."""

import html

from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext, ngettext


def _html(template, *args):
    """Django's format_html, cheaper for the map's few hundred snippets: each
    argument escaped as django.utils.html.escape does (html.escape), unless already safe."""
    return mark_safe(  # noqa: S308 - every argument is escaped here
        template.format(*(arg if isinstance(arg, SafeData) else html.escape(str(arg)) for arg in args))
    )


def _joined(separator, parts):
    return mark_safe(separator.join(parts))  # noqa: S308 - each part is safe markup


def _counted(singular, plural, count):
    return ngettext(singular, plural, count) % {"counter": count}


def _lang(item):
    """The ` lang="…"` of an item's name shown in a fallback language (WCAG 3.1.2)."""
    return _html(' lang="{}"', item.lang) if item.lang else ""


def _item_link(item):
    return _html('<a href="{}"{}>{}</a> ({})', item.url, _lang(item), item.name, item.layer.singular)


def marker_svg(marker):
    point = marker.svg()
    single = marker.single
    hit = _html(
        '<circle class="map-marker__hit" cx="{}" cy="{}" r="{}"/>', point["x"], point["y"], point["hit"]
    )
    if single:
        if marker.symbol:
            shape = _html(
                '<polygon class="map-marker__shape map-marker__shape--{}" points="{}"/>',
                single.kind,
                marker.symbol,
            )
        else:
            shape = _html(
                '<circle class="map-marker__shape map-marker__shape--{}" cx="{}" cy="{}" r="{}"/>',
                single.kind,
                point["x"],
                point["y"],
                point["r"],
            )
        label = ""
        if marker.label:
            label = _html(
                '<text class="map-label" x="{}" y="{}" text-anchor="{}"{}>{}</text>',
                marker.label["x"],
                marker.label["y"],
                marker.label["anchor"],
                _lang(single),
                single.name,
            )
        return _html(
            '<a class="map-marker map-marker--{}" href="{}" aria-label="{} ({})">{}{}{}</a>',
            single.kind,
            single.url,
            single.name,
            single.layer.singular,
            hit,
            shape,
            label,
        )
    name = _counted(
        "%(counter)s place here: see the list", "%(counter)s places here: see the list", marker.count
    )
    return _html(
        '<a class="map-marker map-marker--group" href="#{}" aria-label="{}">{}'
        '<circle class="map-marker__shape map-marker__shape--group" cx="{}" cy="{}" r="{}"/>'
        '<text class="map-marker__count" x="{}" y="{}" dy="4" text-anchor="middle">{}</text></a>',
        marker.anchor,
        name,
        hit,
        point["x"],
        point["y"],
        point["r"],
        point["x"],
        point["y"],
        marker.count,
    )


def markers_svg(markers):
    return _joined("\n", (marker_svg(marker) for marker in markers))


def marker_list_item(marker, projects_url=None):
    """The marker's `<li>` in the list: its item, or every named item and how many more."""
    if marker.single:
        body = _item_link(marker.single)
    else:
        heading = _counted("%(counter)s place at one spot:", "%(counter)s places at one spot:", marker.count)
        items = _joined("", (_html("<li>{}</li>", _item_link(item)) for item in marker.items))
        more = ""
        if marker.unnamed_count:
            more = _counted(
                "and %(counter)s more project", "and %(counter)s more projects", marker.unnamed_count
            )
            if projects_url:
                link = gettext("see the project list")
                more = _html('{}: <a href="{}">{}</a>', more, projects_url, link)
            more = _html("<li>{}</li>", more)
        body = _html("{}<ul>{}{}</ul>", heading, items, more)
    return _html('<li id="{}" tabindex="-1" class="map-list__marker">{}</li>', marker.anchor, body)


def marker_list(markers, projects_url=None):
    return _joined("\n", (marker_list_item(marker, projects_url) for marker in markers))
