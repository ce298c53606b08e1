"""`manage.py import_kohesio FILE [--nuts NL213 ...] [--dry-run] [--publish]`: import the
region's EU-funded projects from a Kohesio project file (see `projects.kohesio`).

Exit status 0 when the file was read, even with invalid rows (they are listed); 2 when
it cannot be read as a Kohesio file, with the missing columns named."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.kohesio import DEFAULT_NUTS, KohesioFileError, valid_nuts_codes
from projects.services import projects_import_kohesio

NOT_A_KOHESIO_FILE = 2
GROUPS = (
    ("created", "created"),
    ("updated", "updated"),
    ("kept", "kept (an editor's value kept)"),
    ("unchanged", "unchanged"),
    ("skipped", "skipped (other regions)"),
    ("invalid", "invalid"),
)


def _rows(numbers):
    return ", ".join(str(number) for number in numbers)


def summary_lines(plan, *, filename, dry_run):
    """The command's report: the counts, then every row that needs a look."""
    counts = plan.counts
    yield (
        f"Kohesio import of {filename} for {', '.join(plan.nuts)}, as of {plan.today.isoformat()}"
        + (" (dry run: nothing was changed)" if dry_run else "")
    )
    for status, label in GROUPS:
        yield f"  {label}: {counts[status]}"
    yield f"  missing from this file (kept, not deleted): {counts['missing']}"
    for row in plan.having("invalid"):
        yield f"invalid row {row.number}: {' '.join(row.errors)}"
    for row in plan.having("kept"):
        fields = "; ".join(f"{name}: kept “{mine}”, file has “{theirs}”" for name, mine, theirs in row.kept)
        yield f"kept row {row.number} ({row.kohesio_id}): {fields}"
    for row in plan.having("updated"):
        fields = "; ".join(f"{name}: {old} → {new}" for name, old, new in row.changes)
        yield f"updated row {row.number} ({row.kohesio_id}): {fields}"
    for row in plan.rows:
        for note in row.notes:
            yield f"note row {row.number} ({row.kohesio_id}): {note}"
    for programme in plan.new_programmes.values():
        yield f"new funding programme: {programme}"
    for label, numbers in sorted(plan.unmapped.items()):
        yield f"unmapped category or objective “{label}” (rows {_rows(numbers)})"
    for name, numbers in sorted(plan.unmatched_beneficiaries.items()):
        yield f"beneficiary not matched to a partner: “{name}” (rows {_rows(numbers)})"
    for project in plan.missing:
        yield f"not in this file any more: {project.kohesio_id} “{project.title}”"
    for column in plan.ignored_columns:
        yield f"ignored column: {column}"


class Command(BaseCommand):
    help = "Import EU-funded projects of the given NUTS3 regions from a Kohesio project file (CSV or .xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a Kohesio project file: CSV (UTF-8, comma-separated) or .xlsx")
        parser.add_argument(
            "--nuts",
            action="append",
            metavar="CODE",
            help=f"a NUTS3 region to import (repeat for several); default {', '.join(DEFAULT_NUTS)} (Twente)",
        )
        parser.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
        parser.add_argument(
            "--publish", action="store_true", help="publish new projects at once (default: drafts)"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            nuts = valid_nuts_codes(options["nuts"] or DEFAULT_NUTS)
        except ValueError as error:
            raise CommandError(
                f"“{error}” is not a NUTS code (e.g. NL213).", returncode=NOT_A_KOHESIO_FILE
            ) from None
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(
                f"Cannot read {path}: {error.strerror}.", returncode=NOT_A_KOHESIO_FILE
            ) from None
        try:
            plan = projects_import_kohesio(
                content=content,
                filename=path.name,
                nuts=nuts,
                publish=options["publish"],
                dry_run=options["dry_run"],
                size_limit=None,
            )
        except KohesioFileError as error:
            raise CommandError(f"{path.name}: {error}", returncode=NOT_A_KOHESIO_FILE) from None
        for line in summary_lines(plan, filename=path.name, dry_run=options["dry_run"]):
            self.stdout.write(line)
