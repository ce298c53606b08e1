"""Reading a Kohesio project file and planning what importing it would do.

Kohesio, the European Commission's database of projects funded by cohesion policy,
publishes one file of projects per country and period (CSV or XLSX). Columns are
matched by name (case-insensitive); unknown ones are ignored, and only what the import
truly needs is required (`REQUIRED_COLUMNS`, and one of the two title columns).

Rules, so that an import can be repeated and editors keep their work:

- A row is one project, matched by its Kohesio identifier (`Project.kohesio_id`).
- Rows outside the chosen NUTS3 regions are skipped; a row in them that breaks a rule
  (no identifier or title, a bad date or amount, an EU share above the total,
  coordinates outside the globe) is invalid with its reason, and the rest imports.
- The value of every field as the file gave it is kept in `Project.kohesio_source`.
  When a newer file brings a different value, a field still holding the last imported
  value is updated; a field an editor has changed since is kept, and reported.
- Nothing is ever deleted: a project no longer in the file is reported.

`plan_import` only reads; `projects.services.projects_import_kohesio` writes.
"""

import datetime
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.text import slugify
from django.utils.translation import gettext as _

from partners.imports import MAX_UPLOAD_BYTES
from partners.models import Partner
from projects.models import (
    FIRST_PROJECT_YEAR,
    LAST_PROJECT_YEAR,
    Fund,
    FundingProgramme,
    Project,
    ProjectStatus,
)
from regions.geo import twente_municipality_code
from regions.models import Municipality, Theme
from twente.core import uploads
from twente.core.uploads import MB, Table, UploadError, UploadLimits

DEFAULT_NUTS = ("NL213",)  # Twente
NUTS_CODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{1,3}$")
MULTI_VALUE_SEPARATOR = "|"
LANGUAGES = ("nl", "en", "de")
TITLE_LENGTH = Project._meta.get_field("title").max_length
SUMMARY_LENGTH = Project._meta.get_field("summary").max_length
MAX_AMOUNT = Decimal("999999999999.99")  # what the budget columns hold (14 digits, 2 decimals)

IDENTIFIER = "Operation_Unique_Identifier"
NAME_EN = "Operation_Name_English"
NAME_PROGRAMME = "Operation_Name_Programme_Language"
NUTS3 = "NUTS3_Code"
REQUIRED_COLUMNS = (IDENTIFIER, NUTS3)
TITLE_COLUMNS = (NAME_PROGRAMME, NAME_EN)
KNOWN_COLUMNS = (
    IDENTIFIER,
    "Operation_Local_Identifier",
    NAME_EN,
    NAME_PROGRAMME,
    "Country",
    "Postal_Code",
    "Operation_Start_Date",
    "Operation_End_Date",
    "Cofinancing_Rate",
    "Total_Eligible_Expenditure_amount",
    "Total_Eligible_Expenditure_Currency",
    "Project_EU_Budget",
    "Beneficiary_Unique_Identifier",
    "Beneficiary_Name",
    "Location_Indicator_latitude_longitude",
    "Location_Indicator_Postcode",
    "Category_Of_Intervention",
    "Category_Label",
    "Thematic_Objective_ID",
    "Thematic_Objective_Label",
    "Policy_Objective_ID",
    "Policy_Objective_Label",
    "Fund_Code",
    "Fund_Name",
    "Programme_Code",
    "Programme_Name",
    "Region",
    NUTS3,
    "LAU_Labels",
    "Programming_Period",
    "Operation_Summary_English",
    "Operation_Summary_Programme_Language",
    # Known, read by nothing here:
    "ManagingAuthority",
    "Image_URL",
    "InfoRegio_ID",
    "InfoRegio_URL",
    "NUTS1_Code",
    "NUTS2_Code",
    "NUTS1_Label",
    "NUTS2_Label",
    "NUTS3_Label",
    "Location_Indicator_NUTS_code",
)

# Categories of intervention and thematic/policy objectives → the portal's themes.
# Categories are matched by words in their English label (their codes differ between
# periods); objectives by number. Anything matching no line is listed as unmapped in
# the summary, never made into a new theme.
THEME_MAPPING = {
    "category": (
        (r"energy efficiency|renewable energy|smart energy|district heating|solar|wind|biomass", "energy"),
        (r"geothermal|low[- ]carbon|energy", "energy"),
        (r"energy poverty", "energy-poverty"),
        (r"climate change adaptation|flood|drought|climate", "climate-adaptation"),
        (r"water", "water"),
        (r"biodiversity|nature|air quality|pollution|soil|green infrastructure", "environment"),
        (r"circular economy|waste|resource efficiency", "sustainability"),
        (r"cycle|cycling|footpath|transport|mobility|railway|road|multimodal", "mobility"),
        (r"education|training|skills|lifelong learning|school|vocational", "education"),
        (r"health", "health"),
        (r"research|innovation|smes?|business|entrepreneurship|technology transfer|employment", "economy"),
        (r"ict|digital|digitisation|broadband|e-government", "smart-city"),
        (r"cultur\w*|heritage|tourism|language", "language-and-culture"),
        (r"risk prevention|safety|security|disaster", "safety"),
    ),
    # 2014–2020 thematic objectives (TO01 ... TO11).
    "thematic_objective": {
        "1": "economy",
        "2": "smart-city",
        "3": "economy",
        "4": "energy",
        "5": "climate-adaptation",
        "6": "environment",
        "7": "mobility",
        "8": "economy",
        "10": "education",
    },
    # 2021–2027 policy objectives (PO1 ... PO5).
    "policy_objective": {
        "1": "economy",
        "2": "environment",
        "3": "mobility",
    },
}
_CATEGORY_RULES = tuple(
    (re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), slug) for pattern, slug in THEME_MAPPING["category"]
)

# Scalar fields the import fills, in the order the preview shows them.
TEXT_FIELDS = tuple(f"{name}_{lang}" for name in ("title", "summary", "description") for lang in LANGUAGES)
SCALAR_FIELDS = (
    *TEXT_FIELDS,
    "start_date",
    "end_date",
    "status",
    "total_budget",
    "eu_contribution",
    "latitude",
    "longitude",
    "programme",
)
RELATED_FIELDS = ("themes", "municipalities", "participants")
SOURCE_FIELDS = SCALAR_FIELDS + RELATED_FIELDS


class KohesioFileError(Exception):
    """The file cannot be read as a Kohesio project file; the message says why."""


# --- reading ------------------------------------------------------------------------


# A Kohesio file lists a whole country's operations, with some 35 columns and long
# summaries: more rows and longer cells than a contact list, the same bomb checks.
KOHESIO_LIMITS = UploadLimits(max_bytes=MAX_UPLOAD_BYTES, max_rows=200_000, max_cell_chars=20_000)
# A file the command reads on the server: trusted for its size, still checked for the rest.
SERVER_FILE_LIMITS = replace(
    KOHESIO_LIMITS, max_bytes=1024 * MB, max_member_bytes=1024 * MB, max_total_bytes=2048 * MB
)


def read_table(content: bytes, filename: str, *, limit=MAX_UPLOAD_BYTES) -> Table:
    """The file's first sheet, read and checked by `twente.core.uploads` (size, unpacked
    size, rows, columns, cell length, nesting, encoding): CSV in UTF-8 with or without a
    byte order mark, or an .xlsx workbook. `limit` None lifts the size limit (the command
    reads a file on the server)."""
    limits = SERVER_FILE_LIMITS if limit is None else replace(KOHESIO_LIMITS, max_bytes=limit)
    try:
        table = uploads.read_table(content, filename, limits)
        # The rows stream and are checked while they are read: read them inside the try.
        return Table(header=table.header, rows=list(table.rows), kind=table.kind)
    except UploadError as error:
        raise KohesioFileError(str(error)) from None


@dataclass
class KohesioTable:
    """The rows of a Kohesio file, each as {canonical column name: text}."""

    rows: list  # (row number as a spreadsheet shows it, {column: text})
    ignored_columns: list = field(default_factory=list)


def parse_table(table: Table) -> KohesioTable:
    """Map the header to Kohesio's column names; refuse a file that lacks the required ones."""
    header, records = table.header, table.rows
    canonical = {name.lower(): name for name in KNOWN_COLUMNS}
    columns = [canonical.get(cell.strip().lstrip("\ufeff").lower()) for cell in header]
    present = set(columns)
    missing = [name for name in REQUIRED_COLUMNS if name not in present]
    if not present.intersection(TITLE_COLUMNS):
        missing.append(_("%(first)s or %(second)s") % {"first": TITLE_COLUMNS[0], "second": TITLE_COLUMNS[1]})
    if missing:
        raise KohesioFileError(
            _("This is not a Kohesio project file: the column(s) %(missing)s are missing.")
            % {"missing": ", ".join(missing)}
        )
    rows = []
    for number, record in records:
        if any(cell.strip() for cell in record):
            rows.append(
                (
                    number,
                    {column: cell.strip() for column, cell in zip(columns, record, strict=False) if column},
                )
            )
    ignored = [
        cell.strip() for cell, column in zip(header, columns, strict=True) if column is None and cell.strip()
    ]
    return KohesioTable(rows=rows, ignored_columns=ignored)


def read_kohesio_file(content: bytes, filename: str, *, limit=MAX_UPLOAD_BYTES) -> KohesioTable:
    """Read and check a Kohesio file; `limit` is the contact import's upload limit unless
    the caller (the command, reading a file on the server) lifts it with None."""
    return parse_table(read_table(content, filename, limit=limit))


# --- values -------------------------------------------------------------------------


def split_values(text):
    return [part.strip() for part in (text or "").split(MULTI_VALUE_SEPARATOR) if part.strip()]


def fold(name):
    """A name compared without accents, case or repeated spaces ("Münster" = "MUNSTER")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def parse_date(text):
    """An ISO date, possibly with a time part (`2016-01-01T00:00:00`)."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?", text)
    if not match:
        raise ValueError
    return datetime.date.fromisoformat(match.group(1))


def parse_amount(text):
    """A non-negative amount in euro, to the cent."""
    try:
        amount = Decimal(text.replace(" ", ""))
    except InvalidOperation:
        raise ValueError(_("is not a number")) from None
    if not amount.is_finite():
        raise ValueError(_("is not a number"))
    if amount < 0:
        raise ValueError(_("is negative"))
    if amount > MAX_AMOUNT:
        raise ValueError(_("is too large"))
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def parse_coordinates(text):
    """`"lat,lon"` in WGS84 degrees, to six decimals."""
    parts = text.split(",")
    if len(parts) != 2:
        raise ValueError(_("are not “latitude,longitude”"))
    try:
        latitude, longitude = (Decimal(part.strip()) for part in parts)
    except InvalidOperation:
        raise ValueError(_("are not “latitude,longitude”")) from None
    if not (latitude.is_finite() and longitude.is_finite()) or abs(latitude) > 90 or abs(longitude) > 180:
        raise ValueError(_("lie outside the globe (latitude −90 to 90, longitude −180 to 180)"))
    six = Decimal("0.000001")
    return latitude.quantize(six, rounding=ROUND_HALF_UP), longitude.quantize(six, rounding=ROUND_HALF_UP)


def shorten(text, limit):
    """Cut at a word boundary to fit `limit` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def status_on(day, start, end):
    """Planned, running or completed on `day`, from the dates; empty when none is known."""
    if start and start > day:
        return ProjectStatus.PLANNED.value
    if end and end < day:
        return ProjectStatus.COMPLETED.value
    if start or end:
        return ProjectStatus.RUNNING.value
    return ""


def programme_language(values):
    """Dutch programmes write in Dutch, German ones in German; the country says which."""
    country = fold(values.get("Country", ""))
    if country in ("nl", "nld", "netherlands", "nederland", "niederlande"):
        return "nl"
    if country in ("de", "deu", "germany", "duitsland", "deutschland"):
        return "de"
    prefix = values.get(NUTS3, "")[:2].lower()
    return prefix if prefix in ("nl", "de") else "nl"


def postal_area(text):
    """The four digits of a Dutch postal code (`7511 AB` → `7511`), else empty."""
    match = re.fullmatch(r"(\d{4})\s*[A-Za-z]{0,2}", text.strip())
    return match.group(1) if match else ""


def _fund_code(text):
    for code in split_values(text.upper()):
        code = {"ESF PLUS": "ESF+", "EFRO": "ERDF", "EFRE": "ERDF"}.get(code, code)
        if code in Fund.values:
            return code
    return ""


def _objective_number(text):
    match = re.search(r"(\d+)", text)
    return str(int(match.group(1))) if match else ""


def themes_for(values):
    """The theme slugs the row's categories and objectives map to, and the labels that
    map to none."""
    slugs, unmapped = [], []
    codes = split_values(values.get("Category_Of_Intervention", ""))
    labels = split_values(values.get("Category_Label", ""))
    for index, label in enumerate(labels or codes):
        found = [slug for pattern, slug in _CATEGORY_RULES if pattern.search(label)]
        slugs.extend(found)
        if not found:
            code = codes[index] if labels and index < len(codes) else ""
            unmapped.append(f"{code} {label}".strip())
    for kind, id_column, label_column in (
        ("thematic_objective", "Thematic_Objective_ID", "Thematic_Objective_Label"),
        ("policy_objective", "Policy_Objective_ID", "Policy_Objective_Label"),
    ):
        ids = split_values(values.get(id_column, ""))
        labels = split_values(values.get(label_column, ""))
        for index, identifier in enumerate(ids):
            slug = THEME_MAPPING[kind].get(_objective_number(identifier))
            if slug:
                slugs.append(slug)
            else:
                unmapped.append(f"{identifier} {labels[index] if index < len(labels) else ''}".strip())
    return list(dict.fromkeys(slugs)), unmapped


# --- planning -----------------------------------------------------------------------


@dataclass
class NewProgramme:
    """A funding programme the file names and the portal does not have yet."""

    code: str
    name: str
    fund: str
    instance: FundingProgramme | None = None  # once created

    def __str__(self):
        return self.name or self.code


@dataclass
class RowPlan:
    number: int
    status: str  # created, updated, kept, unchanged, skipped, invalid
    kohesio_id: str = ""
    title: str = ""
    nuts3: str = ""
    errors: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # (field, old shown, new shown)
    kept: list = field(default_factory=list)  # (field, the editor's value, the file's value)
    notes: list = field(default_factory=list)  # what an editor should look at
    project: Project | None = None
    values: dict = field(default_factory=dict)  # field → value to write
    source: dict = field(default_factory=dict)  # the new `kohesio_source`
    programme: object = None  # the file's programme: a FundingProgramme or NewProgramme

    @property
    def labelled_changes(self):
        return [(field_label(name), old, new) for name, old, new in self.changes]

    @property
    def labelled_kept(self):
        return [(field_label(name), mine, theirs) for name, mine, theirs in self.kept]

    slug: str = ""


@dataclass
class KohesioPlan:
    rows: list
    nuts: tuple
    today: datetime.date
    ignored_columns: list = field(default_factory=list)
    new_programmes: dict = field(default_factory=dict)
    unmapped: dict = field(default_factory=dict)  # category or objective → row numbers
    unmatched_beneficiaries: dict = field(default_factory=dict)  # name → row numbers
    missing: list = field(default_factory=list)  # projects imported before, not in this file
    fingerprint: str = ""

    STATUSES = ("created", "updated", "kept", "unchanged", "skipped", "invalid")

    def having(self, status):
        return [row for row in self.rows if row.status == status]

    @property
    def counts(self):
        counts = dict.fromkeys(self.STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        counts["missing"] = len(self.missing)
        return counts

    @property
    def writes(self):
        return [row for row in self.rows if row.status in ("created", "updated", "kept")]


class _Lookups:
    """Everything a plan needs from the database, in a few queries."""

    def __init__(self, identifiers):
        self.projects = {
            project.kohesio_id: project
            for project in Project.objects.filter(kohesio_id__in=identifiers)
            .select_related("programme")
            .prefetch_related("themes", "municipalities", "participations__partner")
        }
        self.slugs = set(Project.objects.values_list("slug", flat=True))
        self.programme_slugs = set(FundingProgramme.objects.values_list("slug", flat=True))
        self.programmes_by_code, self.programmes_by_name = {}, {}
        # In key order, so that of two programmes with one name the same is found each time.
        for programme in FundingProgramme.objects.order_by("pk"):
            if programme.code:
                self.programmes_by_code[programme.code.upper()] = programme
            for name in (
                programme.name,
                programme.short_name,
                *(getattr(programme, f"name_{c}") for c in LANGUAGES),
            ):
                if name:
                    self.programmes_by_name.setdefault(fold(name), programme)
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.municipalities = {m.cbs_code: m for m in Municipality.objects.exclude(cbs_code=None)}
        self.municipalities_by_name = {}
        for municipality in self.municipalities.values():
            for lang in LANGUAGES:
                name = getattr(municipality, f"name_{lang}")
                if name:
                    self.municipalities_by_name[fold(name)] = municipality
        self.partners = defaultdict(list)
        for partner in Partner.objects.all():
            for name in {getattr(partner, f"name_{lang}") for lang in LANGUAGES} - {None, ""}:
                if partner not in self.partners[fold(name)]:
                    self.partners[fold(name)].append(partner)
        # Postal areas learnt from earlier imports: where a located project lay.
        self.postal_areas = defaultdict(set)
        for source in Project.objects.exclude(kohesio_id="").values_list("kohesio_source", flat=True):
            if source.get("postal_area") and source.get("located_in"):
                self.postal_areas[source["postal_area"]].add(source["located_in"])


def build_plan(table: KohesioTable, *, nuts=DEFAULT_NUTS, today: datetime.date) -> KohesioPlan:
    """What importing the file would do, row by row. Reads only."""
    wanted = {code.upper() for code in nuts}
    plan = KohesioPlan(
        rows=[], nuts=tuple(sorted(wanted)), today=today, ignored_columns=table.ignored_columns
    )
    in_region = []
    for number, values in table.rows:
        regions = [code.upper() for code in split_values(values.get(NUTS3, ""))]
        row = RowPlan(
            number=number,
            status="skipped",
            kohesio_id=values.get(IDENTIFIER, ""),
            title=values.get(NAME_PROGRAMME) or values.get(NAME_EN, ""),
            nuts3=", ".join(regions),
        )
        plan.rows.append(row)
        if wanted.intersection(regions):
            in_region.append((row, values))
    lookups = _Lookups([row.kohesio_id for row, _values in in_region if row.kohesio_id])
    seen = {}
    parsed = []
    for row, values in in_region:
        source = _parse_row(row, values, today, seen)
        if row.errors:
            row.status = "invalid"
        else:
            parsed.append((row, values, source))
    # Postal areas of the file's own located rows help place the rows without coordinates.
    for _row, _values, source in parsed:
        if source["postal_area"] and source["located_in"]:
            lookups.postal_areas[source["postal_area"]].add(source["located_in"])
    for row, values, source in parsed:
        _plan_row(plan, row, values, source, lookups)
    in_file = {values.get(IDENTIFIER, "") for _number, values in table.rows}
    plan.missing = [
        project
        for project in Project.objects.exclude(kohesio_id="")
        .exclude(kohesio_id__in=in_file)
        .order_by("title")
        if wanted.intersection(project.kohesio_source.get("nuts3", []))
    ]
    plan.fingerprint = _fingerprint(plan)
    return plan


def _parse_row(row, values, today, seen):
    """The row's values, checked; problems go to `row.errors`."""
    errors = row.errors
    if not row.kohesio_id:
        errors.append(_("The row has no Kohesio identifier (%(column)s).") % {"column": IDENTIFIER})
    elif len(row.kohesio_id) > Project._meta.get_field("kohesio_id").max_length:
        errors.append(_("The Kohesio identifier is too long."))
    elif row.kohesio_id in seen:
        errors.append(_("The identifier also appears on row %(row)d.") % {"row": seen[row.kohesio_id]})
    else:
        seen[row.kohesio_id] = row.number
    if not row.title:
        errors.append(_("The row has no title (%(columns)s).") % {"columns": " / ".join(TITLE_COLUMNS)})

    dates = {}
    for name, column in (("start_date", "Operation_Start_Date"), ("end_date", "Operation_End_Date")):
        text = values.get(column, "")
        try:
            dates[name] = parse_date(text) if text else None
        except ValueError:
            dates[name] = None
            errors.append(
                _("%(column)s: “%(value)s” is not a date (YYYY-MM-DD).") % {"column": column, "value": text}
            )
        day = dates[name]
        if day and not FIRST_PROJECT_YEAR <= day.year <= LAST_PROJECT_YEAR:
            dates[name] = None
            errors.append(
                _("%(column)s: %(date)s does not lie between the years %(first)s and %(last)s.")
                % {"column": column, "date": day, "first": FIRST_PROJECT_YEAR, "last": LAST_PROJECT_YEAR}
            )
    if dates["start_date"] and dates["end_date"] and dates["end_date"] < dates["start_date"]:
        errors.append(_("The project ends before it starts."))

    amounts = {}
    for name, column in (
        ("total_budget", "Total_Eligible_Expenditure_amount"),
        ("eu_contribution", "Project_EU_Budget"),
    ):
        text = values.get(column, "")
        try:
            amounts[name] = parse_amount(text) if text else None
        except ValueError as reason:
            amounts[name] = None
            errors.append(
                _("%(column)s: “%(value)s” %(reason)s.") % {"column": column, "value": text, "reason": reason}
            )
    currency = values.get("Total_Eligible_Expenditure_Currency", "").upper()
    if currency and currency not in ("EUR", "€"):
        errors.append(_("The amounts are in %(currency)s, not in euro.") % {"currency": currency})
    total, eu_share = amounts["total_budget"], amounts["eu_contribution"]
    if total is not None and eu_share is not None and eu_share > total:
        errors.append(
            _("The EU budget (%(eu)s) is above the total eligible expenditure (%(total)s).")
            % {"eu": eu_share, "total": total}
        )

    latitude = longitude = None
    text = values.get("Location_Indicator_latitude_longitude", "")
    if text:
        try:
            latitude, longitude = parse_coordinates(text)
        except ValueError as reason:
            errors.append(_("The coordinates “%(value)s” %(reason)s.") % {"value": text, "reason": reason})
    located_in = (
        twente_municipality_code(longitude, latitude) if latitude is not None and not errors else None
    )
    postal = values.get("Postal_Code") or values.get("Location_Indicator_Postcode", "")
    return {
        **dates,
        **amounts,
        "latitude": latitude,
        "longitude": longitude,
        "located_in": located_in,
        "postal_area": postal_area(split_values(postal)[0]) if split_values(postal) else "",
        "status": status_on(today, dates["start_date"], dates["end_date"]),
    }


def _texts(values):
    """Title, summary and description per language: the programme's language from the
    programme-language columns, English from the English ones, the third left empty
    (it falls back, and the admin lists it as not yet translated)."""
    texts = dict.fromkeys(TEXT_FIELDS, "")
    own = programme_language(values)
    for lang, name_column, summary_column in (
        ("en", NAME_EN, "Operation_Summary_English"),
        (own, NAME_PROGRAMME, "Operation_Summary_Programme_Language"),
    ):
        title = " ".join(values.get(name_column, "").split())
        summary = values.get(summary_column, "").replace("\r\n", "\n").strip()
        if title:
            texts[f"title_{lang}"] = shorten(title, TITLE_LENGTH)
        if summary:
            texts[f"summary_{lang}"] = shorten(" ".join(summary.split()), SUMMARY_LENGTH)
            texts[f"description_{lang}"] = summary if len(summary) > SUMMARY_LENGTH else ""
    return texts


def _programme(plan, values, lookups):
    code = values.get("Programme_Code", "").strip()
    name = " ".join(values.get("Programme_Name", "").split())
    if not code and not name:
        return None
    programme = lookups.programmes_by_code.get(code.upper()) if code else None
    if programme is None and name:
        programme = lookups.programmes_by_name.get(fold(name))
    if programme is not None:
        return programme
    programme = NewProgramme(
        code=code, name=shorten(name or code, 200), fund=_fund_code(values.get("Fund_Code", ""))
    )
    plan.new_programmes[code.upper() or fold(name)] = programme
    # Later rows find it as they would find it stored, by code and then by name: a row
    # without the code then joins it, as it will in the next import of the same file.
    if code:
        lookups.programmes_by_code[code.upper()] = programme
    if name:
        lookups.programmes_by_name[fold(name)] = programme
    return programme


def _municipality(row, values, source, lookups):
    """From the coordinates (point in polygon), else the postal area when it lies in one
    municipality, else the file's own municipality name (LAU) when it names one."""
    if source["latitude"] is not None:
        municipality = lookups.municipalities.get(source["located_in"])
        if municipality is None:
            row.notes.append(_("The coordinates lie outside every Twente municipality."))
        return municipality
    candidates = lookups.postal_areas.get(source["postal_area"], set())
    if len(candidates) == 1:
        return lookups.municipalities.get(next(iter(candidates)))
    named = {
        lookups.municipalities_by_name.get(fold(label))
        for label in split_values(values.get("LAU_Labels", ""))
    }
    named.discard(None)
    if len(named) == 1:
        return named.pop()
    row.notes.append(
        _("No municipality found: the row has no coordinates, and its postal code names no single one.")
    )
    return None


def _partners(plan, row, values, lookups):
    found = []
    for name in split_values(values.get("Beneficiary_Name", "")):
        matches = lookups.partners.get(fold(name), [])
        if len(matches) == 1:
            found.append(matches[0])
        else:
            plan.unmatched_beneficiaries.setdefault(name, []).append(row.number)
    return found


def _plan_row(plan, row, values, source, lookups):
    texts = _texts(values)
    programme = row.programme = _programme(plan, values, lookups)
    slugs, unmapped = themes_for(values)
    for label in unmapped:
        plan.unmapped.setdefault(label, []).append(row.number)
    themes = [lookups.themes[slug] for slug in slugs if slug in lookups.themes]
    for slug in slugs:
        if slug not in lookups.themes:
            plan.unmapped.setdefault(_("theme “%(slug)s” (not in the portal)") % {"slug": slug}, []).append(
                row.number
            )
    municipality = _municipality(row, values, source, lookups)
    partners = _partners(plan, row, values, lookups)

    wanted = {
        **texts,
        **{
            name: source[name]
            for name in ("start_date", "end_date", "status", "total_budget", "eu_contribution")
        },
        "latitude": source["latitude"],
        "longitude": source["longitude"],
        "programme": programme,
        "themes": sorted(themes, key=lambda theme: theme.slug),
        "municipalities": [municipality] if municipality else [],
        "participants": sorted(partners, key=lambda partner: partner.slug),
    }
    encoded = {name: encode(name, value) for name, value in wanted.items()}
    row.source = {
        "fields": encoded,
        "nuts3": [code for code in row.nuts3.split(", ") if code],
        "postal_area": source["postal_area"],
        "located_in": source["located_in"] or "",
    }
    row.project = project = lookups.projects.get(row.kohesio_id)
    if project is None:
        row.status = "created"
        row.values = wanted
        row.slug = _unique_slug(texts, row.kohesio_id, lookups.slugs)
        row.changes = [
            (name, "—", shown(value)) for name, value in wanted.items() if encoded[name] not in (None, "", [])
        ]
        return
    last = project.kohesio_source.get("fields", {})
    for name, value in wanted.items():
        new = encoded[name]
        current = encode(name, current_value(project, name))
        if name in last and new == last[name] or current == new:
            continue
        untouched = current == last[name] if name in last else current in (None, "", [])
        if untouched:
            row.values[name] = value
            row.changes.append((name, shown(current_value(project, name)), shown(value)))
        else:
            row.kept.append((name, shown(current_value(project, name)), shown(value)))
    row.status = "kept" if row.kept else "updated" if row.changes else "unchanged"


def _unique_slug(texts, kohesio_id, taken):
    title = texts["title_nl"] or texts["title_en"] or texts["title_de"]
    base = slugify(title)[:180].strip("-") or slugify(kohesio_id.rsplit("/", 1)[-1]) or "project"
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    taken.add(slug)
    return slug


def field_label(name):
    """A field as the preview names it: "title (de)", "EU contribution (EUR)", ..."""
    if name == "participants":
        return _("participants")
    if name in TEXT_FIELDS:
        base, lang = name.rsplit("_", 1)
        return f"{Project._meta.get_field(base).verbose_name} ({lang})"
    return str(Project._meta.get_field(name).verbose_name)


def current_value(project, name):
    if name == "themes":
        return sorted(project.themes.all(), key=lambda theme: theme.slug)
    if name == "municipalities":
        return sorted(project.municipalities.all(), key=lambda municipality: municipality.slug)
    if name == "participants":
        partners = {p.partner for p in project.participations.all() if p.partner_id}
        return sorted(partners, key=lambda partner: partner.slug)
    return getattr(project, name)


def encode(name, value):
    """A field's value as stored in `kohesio_source` (JSON) and compared."""
    if name in TEXT_FIELDS:
        return (value or "").replace("\r\n", "\n")
    if isinstance(value, list):
        return [item.slug for item in value]
    if name == "programme":
        if isinstance(value, NewProgramme):
            return value.instance.pk if value.instance else f"new:{value.code or value.name}"
        return value.pk if value else None
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    return value


def shown(value):
    """A value as the preview shows it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, str):
        return shorten(value, 120)
    return str(value)


def _fingerprint(plan):
    """A digest of what the plan would do: if the data changes between the preview and
    the confirmation, so does the digest, and nothing is imported."""
    summary = [
        (row.number, row.status, getattr(row.project, "pk", None), row.changes, row.kept, len(row.errors))
        for row in plan.rows
    ]
    summary.append(sorted(plan.new_programmes))
    summary.append([project.pk for project in plan.missing])
    return hashlib.sha256(json.dumps(summary, default=str).encode()).hexdigest()


def valid_nuts_codes(codes):
    """The NUTS codes given, upper-cased; a ValueError names the first malformed one."""
    cleaned = []
    for code in codes:
        code = code.strip().upper()
        if not NUTS_CODE.match(code):
            raise ValueError(code)
        cleaned.append(code)
    return tuple(dict.fromkeys(cleaned)) or DEFAULT_NUTS
