"""Public page timings: median and 95th percentile per page type, and SQL queries.

Builds a throwaway SQLite database (or uses DATABASE_URL) with the initial data plus
synthetic projects, then requests each page through Django's test client. Prints
figures; asserts nothing (query counts are pinned in the tests).

    .venv/bin/python bench/pages.py [--projects 500] [--repeat 30]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="twente-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twente.settings_test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import translation

    from partners.models import Partner
    from projects.models import Project
    from regions.models import Municipality, Theme
    from twente.core.models import PublicationState

    call_command("migrate", verbosity=0)
    call_command("load_twente", verbosity=0)
    enschede = Municipality.objects.get(slug="enschede")
    themes = list(Theme.objects.all())
    for number in range(args.projects):
        project = Project.objects.create(
            slug=f"bench-project-{number}",
            title_nl=f"Benchproject {number}",
            title_en=f"Bench project {number}",
            title_de=f"Benchprojekt {number}",
            summary_nl="Een project om mee te meten.",
            eu_contribution=1000 * number,
            total_budget=2000 * number,
            publication_state=PublicationState.PUBLISHED,
        )
        project.municipalities.add(enschede)
        project.themes.set(themes[number % len(themes) : number % len(themes) + 2])

    with translation.override("en"):
        pages = {
            "home": reverse("home"),
            "municipality list": reverse("regions:municipality-list"),
            "municipality detail": enschede.get_absolute_url(),
            "partner list": reverse("partners:partner-list"),
            "partner detail": Partner.objects.published().first().get_absolute_url(),
            "project list": reverse("projects:project-list"),
            "project list, filtered": reverse("projects:project-list") + f"?theme={themes[0].slug}",
            "project detail": Project.objects.published().first().get_absolute_url(),
            "project CSV": reverse("projects:project-list") + "?format=csv",
            "funding overview": reverse("projects:funding"),
            "map": reverse("map"),
            "search": reverse("search") + "?q=Munster",
            "sitemap": "/sitemap.xml",
        }

    client = Client()
    print(f"{args.projects} synthetic projects on {connection.vendor}; {args.repeat} requests a page")
    print(f"{'page':28} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'status':>7}")
    for name, url in pages.items():
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(
            f"{name:28} {statistics.median(timings):10.1f} {p95:8.1f} "
            f"{len(queries.captured_queries):8d} {response.status_code:7d}"
        )


if __name__ == "__main__":
    main()
