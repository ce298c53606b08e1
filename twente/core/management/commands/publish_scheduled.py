"""Carry out the scheduled publications and withdrawals that are due (see the README:
run it every minute from cron or a systemd timer; a second run changes nothing)."""

from django.core.management.base import BaseCommand

from twente.core.scheduling import scheduled_items_run


class Command(BaseCommand):
    help = "Publish and withdraw the items whose scheduled time has come."

    def handle(self, *args, **options):
        published, withdrawn = scheduled_items_run()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Published {published}, withdrew {withdrawn}.")
