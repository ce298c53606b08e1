"""Contact export: time, peak Python memory and size per format for 20,000 contacts.

Builds a throwaway SQLite database (or uses DATABASE_URL) with synthetic contacts,
streams each format as the export page does and prints figures; asserts nothing.
Time is measured without tracemalloc; peak memory is what tracemalloc sees allocated
by Python in a second run of the same format: it stays flat as the count grows,
because rows are read in chunks and written out.
The last line times the import preview of the CSV export (a full round trip).

    .venv/bin/python bench/contact_export.py [--contacts 20000]
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(count):
    import datetime

    from partners.models import Contact, Partner
    from regions.models import Municipality, Theme

    themes = [Theme.objects.create(slug=f"bench-theme-{n}", name_nl=f"Thema {n}") for n in range(6)]
    partners = [
        Partner.objects.create(slug=f"bench-partner-{n}", name_nl=f"Partner {n} Münster", kind="city")
        for n in range(40)
    ]
    municipality = Municipality.objects.create(slug="bench-enschede", name_nl="Enschede")
    contacts = [
        Contact(
            name=f"Jürgen Groß {n}, Dr.",
            job_title_nl="Beleidsadviseur",
            job_title_de="Referent für Außenbeziehungen",
            partner=None if n % 5 == 0 else partners[n % len(partners)],
            municipality=municipality if n % 5 == 0 else None,
            email=f"contact{n}@example.org",
            phone="+31534818181",
            preferred_language=("nl", "en", "de")[n % 3],
            mailing_consent=n % 2 == 0,
            mailing_consent_date=datetime.date(2025, 1, 1) if n % 2 == 0 else None,
            last_verified=datetime.date(2025, 6, 1),
            notes="=formula-looking note; with, punctuation" if n % 10 == 0 else "",
        )
        for n in range(count)
    ]
    Contact.objects.bulk_create(contacts, batch_size=2000)
    through = Contact.topics.through
    links = [
        through(contact_id=pk, theme_id=themes[i % len(themes)].pk)
        for i, pk in enumerate(Contact.objects.values_list("pk", flat=True))
    ]
    through.objects.bulk_create(links, batch_size=5000)


def measure(label, produce):
    """Run `produce` (returns the size in bytes) twice: timed without tracemalloc
    (which slows Python code several times over), then traced for peak memory."""
    started = time.perf_counter()
    size = produce()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    produce()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<14} {elapsed:7.2f} s   peak {peak / 2**20:7.1f} MiB   size {size / 2**20:7.2f} MiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=20_000)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="twente-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twente.settings_test")
    import django

    django.setup()
    from django.core.management import call_command

    from partners import exports
    from partners.imports import build_plan, read_upload
    from partners.models import Contact

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build(args.contacts)
    print(f"{args.contacts} contacts built in {time.perf_counter() - started:.1f} s")

    contacts = Contact.objects.all()

    def stream_size(stream):
        return sum(len(chunk) for chunk in stream)

    def xlsx_size():
        with exports.xlsx_file(contacts) as output:
            return output.seek(0, os.SEEK_END)

    measure("csv", lambda: stream_size(exports.csv_stream(contacts)))
    measure("xlsx", xlsx_size)
    measure("vcard", lambda: stream_size(exports.vcard_stream(contacts)))
    measure("emails", lambda: stream_size(exports.email_list_stream(contacts)))

    content = b"".join(exports.csv_stream(contacts))

    def preview():
        plan = build_plan(read_upload(content, "export.csv"))
        assert plan.counts["unchanged"] == args.contacts, plan.counts
        return len(content)

    measure("import preview", preview)


if __name__ == "__main__":
    main()
