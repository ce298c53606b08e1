"""Fill a database with a realistic large data set for the load benchmark.

On top of the initial data (`load_twente`): `--projects` published EU projects in three
languages with themes, programmes, places (municipalities, districts, coordinates) and
participants, `--partners` partner organisations and `--contacts` contact persons with
topics. The same `--seed` gives the same data. Rows are written in bulk; an earlier
generated set (slugs starting with `gen-`) is replaced, the initial data is kept.

    DATABASE_URL=postgres://... .venv/bin/python bench/generate.py \\
        [--projects 10000] [--partners 2000] [--contacts 20000] [--seed 8]
"""

import argparse
import datetime
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PREFIX = "gen-"
EMAIL_DOMAIN = "generated.example"
BATCH = 2000

# (nl, en, de) words the titles and texts are made of, so that search and the text
# filter have real words in each language to find.
SUBJECTS = [
    ("water", "water", "Wasser"),
    ("energie", "energy", "Energie"),
    ("waterstof", "hydrogen", "Wasserstoff"),
    ("mobiliteit", "mobility", "Mobilität"),
    ("gezondheid", "health", "Gesundheit"),
    ("onderwijs", "education", "Bildung"),
    ("fotonica", "photonics", "Photonik"),
    ("batterijen", "batteries", "Batterien"),
    ("textiel", "textiles", "Textilien"),
    ("klimaat", "climate", "Klima"),
    ("grensoverschrijdende samenwerking", "cross-border cooperation", "grenzüberschreitende Zusammenarbeit"),
    ("straatverlichting", "street lighting", "Straßenbeleuchtung"),
]
ACTIONS = [
    ("Innovatie in", "Innovation in", "Innovation in"),
    ("Samen werken aan", "Working together on", "Gemeinsam für"),
    ("Kennisnetwerk", "Knowledge network", "Wissensnetz"),
    ("Proeftuin", "Living lab", "Reallabor"),
    ("Slimme", "Smart", "Intelligente"),
]
PLACES = ["Enschede", "Hengelo", "Almelo", "Münster", "Osnabrück", "Gronau", "Oldenzaal", "Nordhorn"]
PARTNER_WORDS = [
    "Stadtwerke",
    "Hochschule",
    "Technologiezentrum",
    "Kennisinstituut",
    "Innovatiehuis",
    "Netzwerk",
]
FIRST_NAMES = ["Anna", "Jürgen", "Sanne", "Lukas", "Femke", "Sören", "Daan", "Zoë", "Björn", "Maël"]
LAST_NAMES = ["de Vries", "Müller", "Jansen", "Groß", "Bakker", "Schäfer", "Visser", "Weiß", "Smit", "Köhler"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--partners", type=int, default=2_000)
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=8)
    return parser.parse_args(argv)


def _texts(rng, number):
    action, subject = rng.choice(ACTIONS), rng.choice(SUBJECTS)
    place = rng.choice(PLACES)
    titles = [f"{action[i]} {subject[i]} {place} {number}" for i in range(3)]
    summaries = [
        f"Een project over {subject[0]} in {place} en de regio Twente.",
        f"A project on {subject[1]} in {place} and the Twente region.",
        f"Ein Projekt zu {subject[2]} in {place} und der Region Twente.",
    ]
    other = rng.choice(SUBJECTS)
    descriptions = [
        f"{summaries[0]} Partners uit Nederland en Duitsland werken ook aan {other[0]}.",
        f"{summaries[1]} Partners from the Netherlands and Germany also work on {other[1]}.",
        f"{summaries[2]} Partner aus den Niederlanden und Deutschland arbeiten auch an {other[2]}.",
    ]
    return titles, summaries, descriptions


def _translated(name, values):
    return {f"{name}_{code}": value for code, value in zip(("nl", "en", "de"), values, strict=True)}


def generate(*, projects, partners, contacts, seed, out=print):
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from partners.models import Contact, Partner, PartnerKind
    from projects.models import FundingProgramme, ParticipantRole, Participation, Project, ProjectStatus
    from regions.models import Country, InnovationDistrict, Municipality, Theme
    from twente.core.cache import public_content_changed
    from twente.core.models import PublicationState

    rng = random.Random(seed)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_twente", verbosity=0)
    published = PublicationState.PUBLISHED
    now = timezone.now()

    with transaction.atomic():
        Contact.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
        Project.objects.filter(slug__startswith=PREFIX).delete()
        Partner.objects.filter(slug__startswith=PREFIX).delete()
        FundingProgramme.objects.filter(slug__startswith=PREFIX).delete()

        themes = list(Theme.objects.order_by("pk"))
        municipalities = list(Municipality.objects.published().order_by("pk"))
        districts = list(InnovationDistrict.objects.published().order_by("pk"))
        programmes = list(FundingProgramme.objects.order_by("pk")) + FundingProgramme.objects.bulk_create(
            FundingProgramme(
                slug=f"{PREFIX}programme-{n}",
                **_translated("name", [f"Programma {n}", f"Programme {n}", f"Programm {n}"]),
            )
            for n in range(8)
        )

        partner_rows = []
        for n in range(partners):
            word, place = rng.choice(PARTNER_WORDS), rng.choice(PLACES)
            name = f"{word} {place} {n}"
            partner_rows.append(
                Partner(
                    slug=f"{PREFIX}partner-{n}",
                    **_translated("name", [name, name, name]),
                    **_translated("summary", [f"Uit {place}.", f"From {place}.", f"Aus {place}."]),
                    kind=rng.choice(PartnerKind.values),
                    country=rng.choice((Country.NETHERLANDS, Country.GERMANY)),
                    city=place,
                    located_in=rng.choice(municipalities) if rng.random() < 0.3 else None,
                    publication_state=published,
                    published_at=now,
                )
            )
        partner_rows = Partner.objects.bulk_create(partner_rows, batch_size=BATCH)
        out(f"partners: {len(partner_rows)}")

        project_rows = []
        for n in range(projects):
            titles, summaries, descriptions = _texts(rng, n)
            start = datetime.date(2007, 1, 1) + datetime.timedelta(days=rng.randrange(18 * 365))
            total = Decimal(rng.randrange(50_000, 20_000_000))
            has_place = rng.random() < 0.7
            project_rows.append(
                Project(
                    slug=f"{PREFIX}project-{n}",
                    **_translated("title", titles),
                    **_translated("summary", summaries),
                    **_translated("description", descriptions),
                    status=rng.choice(ProjectStatus.values),
                    start_date=start,
                    end_date=start + datetime.timedelta(days=rng.randrange(365, 6 * 365)),
                    total_budget=total,
                    eu_contribution=(total * Decimal(rng.randrange(20, 80)) / 100).quantize(Decimal("1")),
                    programme=rng.choice(programmes),
                    district=rng.choice(districts) if districts and rng.random() < 0.15 else None,
                    latitude=Decimal(f"{rng.uniform(52.0, 52.5):.6f}") if has_place else None,
                    longitude=Decimal(f"{rng.uniform(6.3, 7.1):.6f}") if has_place else None,
                    publication_state=published,
                    published_at=now,
                )
            )
        project_rows = Project.objects.bulk_create(project_rows, batch_size=BATCH)
        out(f"projects: {len(project_rows)}")

        theme_links, place_links, participations = [], [], []
        # Enschede, the largest city, is in many projects: its page is the heaviest.
        weights = [8 if m.slug == "enschede" else 1 for m in municipalities]
        for project in project_rows:
            for theme in rng.sample(themes, k=min(len(themes), rng.randint(1, 3))):
                theme_links.append(Project.themes.through(project_id=project.pk, theme_id=theme.pk))
            places = {m.pk for m in rng.choices(municipalities, weights, k=rng.randint(1, 2))}
            place_link = Project.municipalities.through
            place_links.extend(place_link(project_id=project.pk, municipality_id=pk) for pk in sorted(places))
            members = rng.sample(partner_rows, k=min(len(partner_rows), rng.randint(1, 4)))
            for index, partner in enumerate(members):
                role = ParticipantRole.LEAD if index == 0 else ParticipantRole.PARTNER
                participations.append(Participation(project=project, partner=partner, role=role))
            if rng.random() < 0.2:
                municipality = rng.choice(municipalities)
                participations.append(Participation(project=project, municipality=municipality))
        Project.themes.through.objects.bulk_create(theme_links, batch_size=BATCH)
        Project.municipalities.through.objects.bulk_create(place_links, batch_size=BATCH)
        Participation.objects.bulk_create(participations, batch_size=BATCH)
        out(f"participants: {len(participations)}, themes: {len(theme_links)}, places: {len(place_links)}")

        contact_rows = []
        for n in range(contacts):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            with_partner = rng.random() < 0.8
            consent = rng.random() < 0.6
            contact_rows.append(
                Contact(
                    name=f"{first} {last}",
                    **_translated("job_title", ["Beleidsadviseur", "Policy adviser", "Referent"]),
                    partner=rng.choice(partner_rows) if with_partner else None,
                    municipality=None if with_partner else rng.choice(municipalities),
                    email=f"contact{n}@{EMAIL_DOMAIN}",
                    phone="+31534818181",
                    preferred_language=rng.choice(("nl", "en", "de")),
                    is_public=rng.random() < 0.1,
                    mailing_consent=consent,
                    mailing_consent_date=datetime.date(2024, 5, 1) if consent else None,
                    last_verified=datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(600)),
                )
            )
        contact_rows = Contact.objects.bulk_create(contact_rows, batch_size=BATCH)
        topic_links = [
            Contact.topics.through(contact_id=contact.pk, theme_id=theme.pk)
            for contact in contact_rows
            for theme in rng.sample(themes, k=min(len(themes), rng.randint(0, 3)))
        ]
        Contact.topics.through.objects.bulk_create(topic_links, batch_size=BATCH)
        out(f"contacts: {len(contact_rows)}, topics: {len(topic_links)}")
        # Bulk writes send no signals: the page cache learns of them here.
        public_content_changed()

    from django.db import connection

    if connection.vendor == "postgresql":
        # As autovacuum would soon after: statistics for the planner, and the visibility
        # map without which no count is read from its covering index alone.
        # (VACUUM cannot run in a transaction, as under the tests.)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    out(f"done in {time.perf_counter() - started:.1f} s")


def main(argv=None):
    args = parse_args(argv)
    # The production settings, so that REDIS_URL's page cache hears of the new data.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twente.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    import django

    django.setup()
    generate(projects=args.projects, partners=args.partners, contacts=args.contacts, seed=args.seed)


if __name__ == "__main__":
    main()
