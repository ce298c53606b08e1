import time

from django.core.management.base import BaseCommand, no_translations

from twente.initial_data.loader import initial_data_load


class Command(BaseCommand):
    """Load the initial data: every municipality, region, alliance, partner, knowledge
    institute, innovation district, cluster, theme, project and contact that the source
    documents name, in Dutch, English and German, published.

    Idempotent: items are looked up by slug and only missing ones are created; an
    existing row is never changed, and the links an item owns (memberships,
    relationships, participations, many-to-many links) are created only together with
    that item, so a person's edits and removals survive the next run. Figures the
    documents do not give (budgets, EU contributions, dates, town populations) stay empty.

    Twente is modelled twice, as the documents describe it: the region "Twente" (the
    fourteen municipalities, 634,000 inhabitants, part of the EUREGIO since 1958, member
    of Dutch German Tech.Land) and "Regio Twente", the joint public body of those
    municipalities (catchment area of 626,000), now continuing as SamenTwente.
    Netwerkstad Twente is the alliance of Enschede, Hengelo and Almelo (more than
    330,000 inhabitants, stored as 330000).
    """

    help = (
        "Load the portal's initial data from the source documents. Creates only what is "
        "missing and never changes existing rows; safe to run again."
    )

    @no_translations
    def handle(self, *args, verbosity=1, **options):
        started = time.perf_counter()
        report = initial_data_load()
        if verbosity == 0:
            return
        for line in report.lines():
            self.stdout.write(line)
        elapsed = time.perf_counter() - started
        if report.total_created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Initial data loaded: {report.total_created} rows created in {elapsed:.2f} s."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Initial data already present: nothing created ({elapsed:.2f} s).")
            )
