"""Contact export and import: time, peak memory and size for 20,000 contacts.

Builds a throwaway SQLite database (or uses DATABASE_URL) with synthetic contacts,
streams each format as the export page does and prints figures; asserts nothing.
Time is measured without tracemalloc; peak memory is what tracemalloc sees allocated
by Python in a second run of the same format: it stays flat as the count grows,
because rows are read in chunks and written out.
Then the import: the preview of the 20,000-row CSV export (a full round trip), and
applying a file of `--import-rows` (default 50,000) rows, half new and half changed,
in one transaction with bulk writes and bulk history. Peak RSS is the process's
high-water mark (resource.getrusage) read after each step: it only grows, so the
steps run from the least to the most memory-hungry.

    .venv/bin/python bench/contact_export.py [--contacts 20000] [--import-rows 50000]
"""

import argparse
import os
import resource
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
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label:<16} {elapsed:7.2f} s   tracemalloc peak {peak / 2**20:7.1f} MiB   "
        f"process peak RSS {rss:7.1f} MiB   size {size / 2**20:7.2f} MiB"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--import-rows", type=int, default=50_000)
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

    from django.contrib.auth import get_user_model
    from django.db import transaction

    from partners.services import contacts_import_apply

    user = get_user_model().objects.create_user("bench-officer")
    # The stored contacts get a new job title, the rest of the rows are new contacts.
    # Only a few columns, so that 50,000 rows stay within the 5 MB upload limit.
    lines = ["name,email,organisation_type,organisation,job_title_en"]
    for n in range(args.import_rows):
        lines.append(f"Contact {n},contact{n}@example.org,partner,bench-partner-{n % 40},Adviser {n % 7}")
    big = ("\r\n".join(lines) + "\r\n").encode()
    rows = lines[1:]
    plan = build_plan(read_upload(big, "big.csv"))
    print(f"import file      {len(rows)} rows, {plan.counts}")

    class Rollback(Exception):
        pass

    def apply_import():
        try:
            with transaction.atomic():
                contacts_import_apply(
                    content=big, filename="big.csv", user=user, expected_fingerprint=plan.fingerprint
                )
                raise Rollback  # both runs start from the same data
        except Rollback:
            pass
        return len(big)

    measure("import apply", apply_import)


if __name__ == "__main__":
    main()
