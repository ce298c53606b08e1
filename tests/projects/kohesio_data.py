"""The invented sample Kohesio files (see `data/README.md`) and the portal data they refer
to: the Twente municipalities with their CBS codes, the themes, a partner."""

import csv
import datetime
import io
from pathlib import Path

from tests.factories import MunicipalityFactory, PartnerFactory, ThemeFactory

DATA = Path(__file__).resolve().parent / "data"
SAMPLE_CSV = DATA / "kohesio-sample.csv"
SAMPLE_XLSX = DATA / "kohesio-sample.xlsx"
# The day the tests import on: row 2 has ended, row 3 runs, row 4 has not started.
IMPORT_DAY = datetime.date(2025, 6, 1)
ENSCHEDE_LIGHTING = "https://linkedopendata.eu/entity/Q9990001"
CYCLE_ROUTE = "Q9990002"
HENGELO_SKILLS = "Q9990003"
OUTSIDE_TWENTE = "Q9990004"
BORKEN_HYDROGEN = "Q9990006"


def sample_bytes():
    return SAMPLE_CSV.read_bytes()


def portal_data():
    """What the sample rows are mapped to."""
    enschede = MunicipalityFactory(slug="enschede", name_nl="Enschede", name_en="Enschede", cbs_code="GM0153")
    hengelo = MunicipalityFactory(slug="hengelo", name_nl="Hengelo", name_en="Hengelo", cbs_code="GM0164")
    themes = {
        slug: ThemeFactory(slug=slug)
        for slug in ("energy", "mobility", "water", "environment", "economy", "education")
    }
    university = PartnerFactory(
        slug="universiteit-twente",
        name_nl="Universiteit Twente",
        name_en="University of Twente",
        country="NL",
    )
    return {"enschede": enschede, "hengelo": hengelo, "themes": themes, "university": university}


def edited_sample(change=None, drop=()):
    """The sample CSV with rows changed or left out, as a newer file would be.

    `change` maps an identifier to {column: new value}; `drop` lists identifiers."""
    rows = list(csv.DictReader(io.StringIO(SAMPLE_CSV.read_text(encoding="utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        identifier = row["Operation_Unique_Identifier"]
        if identifier in drop:
            continue
        row.update((change or {}).get(identifier, {}))
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def one_row_file(**values):
    """A Kohesio file of one Twente row: the first sample row with `values` changed."""
    return edited_sample(
        change={ENSCHEDE_LIGHTING: values}, drop=[CYCLE_ROUTE, HENGELO_SKILLS, OUTSIDE_TWENTE]
    )
