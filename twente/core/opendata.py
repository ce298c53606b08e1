"""Open data: a list page's current filtered result as CSV or JSON.

A list view declares its columns once, as `OpenDataColumn`s; the same columns feed
both formats, so the CSV header and the JSON keys never drift apart. Both responses
stream the whole result (every page), built from the view's published queryset, so a
draft can never leak.

Contacts are never part of open data, not even the public ones: a partner's page may
name its public contact for a visitor, but a bulk download of names and work emails
would hand out personal data for harvesting, which their consent to be shown on a
page does not cover.
"""

import csv
import itertools
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Max
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.http import http_date

FORMATS = ("csv", "json")

# Rows fetched per database round trip while streaming; a chunk runs the queryset's
# prefetches once, so the number of queries grows by chunk, never by row.
CHUNK_SIZE = 1000

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class OpenDataColumn:
    """One column: its stable key (CSV header and JSON key) and how to read it.

    `value` is an attribute name or a callable `(obj, request) -> value`; a value may
    be text, a number, a date, None or a list of those (a list becomes one CSV cell
    joined with "; ", and a JSON array)."""

    key: str
    value: object = None

    def read(self, obj, request):
        getter = self.value or self.key
        if callable(getter):
            return getter(obj, request)
        return getattr(obj, getter)


def absolute_url(obj, request):
    return request.build_absolute_uri(obj.get_absolute_url())


# The closing columns every public item shares: its website, place and page.
LINK_AND_PLACE_COLUMNS = (
    OpenDataColumn("website"),
    OpenDataColumn("latitude"),
    OpenDataColumn("longitude"),
    OpenDataColumn("url", absolute_url),
)


def neutralise(cell):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    Numbers are written by the portal itself (a negative longitude is data, not a
    formula), so only text is changed."""
    if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return neutralise("; ".join(str(_csv_cell(item)) for item in value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return neutralise(str(value))


def _json_value(value):
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


class Echo:
    """csv.writer writes into this and gets the line back, for streaming."""

    def write(self, value):
        return value


def _rows(queryset, load=None):
    """The rows, with the first chunk already fetched: the query runs before the
    response starts, so a database outage answers 503 rather than a cut-off 200.

    `load(chunk)`, when given, attaches to a chunk's objects what the columns read
    beyond their own fields, in a few queries a chunk."""
    chunks = itertools.batched(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE)

    def loaded(chunk):
        if load is not None and chunk:
            load(chunk)
        return chunk

    first = loaded(next(chunks, ()))
    return itertools.chain(first, itertools.chain.from_iterable(map(loaded, chunks)))


def _in_language(language, chunks):
    # A streaming body is produced after the view returns: keep the page's language
    # active so translated fields and URLs come out as the visitor asked.
    with translation.override(language):
        yield from chunks


def csv_response(queryset, columns, request, filename, load=None):
    """UTF-8 with a byte order mark, so Excel shows ü and ö correctly; header first."""

    rows = _rows(queryset, load)

    def chunks():
        writer = csv.writer(Echo())
        yield "\ufeff" + writer.writerow([column.key for column in columns])
        for obj in rows:
            yield writer.writerow([_csv_cell(column.read(obj, request)) for column in columns])

    response = StreamingHttpResponse(
        _in_language(translation.get_language(), chunks()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(queryset, columns, request, filename, load=None):
    """`{"count": n, "results": [...]}`, each result with the same keys in the same order."""

    count = queryset.count()
    rows = _rows(queryset, load)

    def chunks():
        yield f'{{"count": {count}, "results": ['
        separator = ""
        for obj in rows:
            row = {column.key: _json_value(column.read(obj, request)) for column in columns}
            yield separator + json.dumps(row, ensure_ascii=False)
            separator = ", "
        yield "]}\n"

    response = StreamingHttpResponse(
        _in_language(translation.get_language(), chunks()), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    # Public data without cookies: any site may fetch it.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def open_data_response(output_format, queryset, columns, request, filename, load=None):
    build = csv_response if output_format == "csv" else json_response
    return build(queryset, columns, request, filename, load)


def open_data_license():
    """The open data's licence (settings OPEN_DATA_LICENSE_URL and _NAME; CC0 1.0 by default)."""
    return {"url": settings.OPEN_DATA_LICENSE_URL, "name": settings.OPEN_DATA_LICENSE_NAME}


def with_last_modified(response, queryset):
    """`Last-Modified`: the newest change among the rows of the download (one query)."""
    newest = queryset.order_by().aggregate(newest=Max("updated_at"))["newest"]
    if newest:
        response["Last-Modified"] = http_date(newest.timestamp())
    response["Link"] = f'<{settings.OPEN_DATA_LICENSE_URL}>; rel="license"'
    return response


def slugs(attribute):
    """A column of the slugs of a many-to-many relation (prefetched by the list's queryset)."""
    return lambda obj, request: [item.slug for item in getattr(obj, attribute).all()]
