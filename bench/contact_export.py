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
steps run from the least to the most memory-hungry. It includes the migration and
the build, so each export is also run once in a fresh process that only sets Django
up and exports: its peak RSS ("worker peak RSS") is what a web worker needs for it.

    .venv/bin/python bench/contact_export.py [--contacts 20000] [--import-rows 50000]
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATCH = 2000
PREVIEW = "import-preview"
EXPORTS = ("csv", "xlsx", "vcard", "emails")
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
    # Written in batches, so that building does not set the process's peak RSS: the
    # figure printed after each export is then the export's own high-water mark.
    for start in range(0, count, BATCH):
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
            for n in range(start, min(start + BATCH, count))
        ]
        created = Contact.objects.bulk_create(contacts)
        through = Contact.topics.through
        links = [
            through(contact_id=contact.pk, theme_id=themes[(start + i) % len(themes)].pk)
            for i, contact in enumerate(created)
        ]
        through.objects.bulk_create(links)


def export_size(export_format):
    """Stream one export of every contact as the export page does; its size in bytes."""
    from partners import exports
    from partners.models import Contact

    contacts = Contact.objects.all()
    if export_format == "xlsx":
        with exports.xlsx_file(contacts) as output:
            return output.seek(0, os.SEEK_END)
    streams = {"csv": exports.csv_stream, "vcard": exports.vcard_stream, "emails": exports.email_list_stream}
    return sum(len(chunk) for chunk in streams[export_format](contacts))


def csv_export():
    from partners import exports
    from partners.models import Contact

    return exports.csv_stream(Contact.objects.all())


def preview_size(content):
    """The import preview of an uploaded file, as the import page builds it; its counts."""
    from partners.imports import build_plan, read_upload

    return build_plan(read_upload(content, "export.csv")).counts


def worker_rss(export_format):
    """Peak RSS (MiB) of a fresh process that sets Django up and exports once: what a
    worker needs for it. This process's own figure also holds the migration and build."""
    worker = [sys.executable, str(Path(__file__).resolve()), "--worker", export_format]
    return float(subprocess.run(worker, capture_output=True, text=True, check=True).stdout.split()[-1])


def peak_rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def own_peak_rss():
    """This process's own peak RSS (MiB): Linux carries ru_maxrss over from the parent
    through fork and exec, VmHWM belongs to this process's memory alone."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return peak_rss()


def measure(label, produce, worker=None):
    """Run `produce` (returns the size in bytes) twice: timed without tracemalloc
    (which slows Python code several times over), then traced for peak memory; for an
    export (`worker`), a third time in a fresh process for its peak RSS."""
    started = time.perf_counter()
    size = produce()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    produce()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    line = (
        f"{label:<16} {elapsed:7.2f} s   tracemalloc peak {peak / 2**20:7.1f} MiB   "
        f"process peak RSS {peak_rss():7.1f} MiB   size {size / 2**20:7.2f} MiB"
    )
    if worker:
        line += f"   worker peak RSS {worker_rss(worker):7.1f} MiB"
    print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--import-rows", type=int, default=50_000)
    parser.add_argument("--worker", choices=[*EXPORTS, PREVIEW], help=argparse.SUPPRESS)  # see worker_rss
    args = parser.parse_args()

    if "DATABASE_URL" not in os.environ:  # set for the worker processes too
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='twente-bench-')}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twente.settings_test")
    import django

    django.setup()
    if args.worker:
        if args.worker == PREVIEW:
            preview_size(b"".join(csv_export()))
        else:
            export_size(args.worker)
        print(f"{own_peak_rss():.1f}")
        return
    from django.core.management import call_command

    from partners.imports import build_plan, read_upload

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build(args.contacts)
    elapsed = time.perf_counter() - started
    print(f"{args.contacts} contacts built in {elapsed:.1f} s, process peak RSS {peak_rss():.1f} MiB")

    for export_format in EXPORTS:
        measure(export_format, lambda export_format=export_format: export_size(export_format), export_format)

    content = b"".join(csv_export())

    def preview():
        plan_counts = preview_size(content)
        assert plan_counts["unchanged"] == args.contacts, plan_counts
        return len(content)

    measure("import preview", preview, PREVIEW)

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
