"""Reads for the site-wide pages (home, about): each a named function that fetches
exactly what its page shows, in a fixed number of queries."""

from django.db.models import Count, Prefetch, Q, Sum

from partners.models import PLACE_FIELDS, Contact, Partner, PartnerKind, Relationship
from projects.models import Project
from regions.models import Municipality, Region

# The regions the home and about pages are about. Their texts (summary, description)
# and populations come from the database, in every language: Twente as a whole
# (634,000 inhabitants), Regio Twente (the fourteen municipalities' joint venture) and
# Netwerkstad Twente (the alliance of the three cities).
TWENTE_SLUG = "twente"
REGIO_TWENTE_SLUG = "regio-twente"
NETWERKSTAD_SLUG = "netwerkstad-twente"
LATEST_PROJECT_COUNT = 3
CROSS_BORDER_PARTNER_COUNT = 50


def site_regions():
    """Twente, Regio Twente and Netwerkstad Twente with their published member
    municipalities, keyed by slug; a region that is not published is absent."""
    regions = Region.objects.published().filter(slug__in=[TWENTE_SLUG, REGIO_TWENTE_SLUG, NETWERKSTAD_SLUG])
    regions = regions.prefetch_related(
        Prefetch(
            "municipalities",
            queryset=Municipality.objects.published().order_by("name").only("slug", "name", "population"),
        )
    )
    return {region.slug: region for region in regions}


def key_figures(regions):
    """Figures computed from the database. A figure nobody has entered is None, which
    the page shows as "not known yet", never as 0."""
    twente = regions.get(TWENTE_SLUG)
    regio_twente = regions.get(REGIO_TWENTE_SLUG)
    netwerkstad = regions.get(NETWERKSTAD_SLUG)
    if regio_twente:
        municipality_count = len(regio_twente.municipalities.all())
    else:
        municipality_count = Municipality.objects.published().filter(country="NL").count()
    partner_count = Partner.objects.published().count()
    projects = Project.objects.published().aggregate(
        count=Count("pk"),
        eu_total=Sum("eu_contribution"),
        eu_known=Count("pk", filter=Q(eu_contribution__isnull=False)),
    )
    twente_population = next(
        (region.population for region in (twente, regio_twente) if region and region.population), None
    )
    return {
        "twente_population": twente_population,
        "netwerkstad_population": netwerkstad.population if netwerkstad else None,
        "cities": list(netwerkstad.municipalities.all()) if netwerkstad else [],
        "municipality_count": municipality_count,
        "partner_count": partner_count,
        "project_count": projects["count"],
        "eu_total": projects["eu_total"] if projects["eu_known"] else None,
        "eu_known": projects["eu_known"],
    }


def latest_projects():
    return list(Project.objects.for_latest().order_by("-published_at", "-pk")[:LATEST_PROJECT_COUNT])


def cross_border_partners():
    """Cities, regions and networks with a tie to Twente (a partner city, the Euroregion,
    a network it belongs to), with those ties; at most CROSS_BORDER_PARTNER_COUNT, by
    name. Every other partner is in the partner list: listing each city or network of
    thousands here made the page a list of a thousand names (170 KB)."""
    tied = Relationship.objects.values("partner_id")
    return (
        Partner.objects.published()
        .filter(kind__in=[PartnerKind.CITY, PartnerKind.REGION, PartnerKind.NETWORK], pk__in=tied)
        .only("slug", "name")
        .with_ties()
        .order_by("name")[:CROSS_BORDER_PARTNER_COUNT]
    )


def about_contacts(netwerkstad):
    """The published contacts (people and mailboxes) of the Netwerkstad cities:
    name, job title and work email only."""
    if not netwerkstad:
        return []
    cities = [m.pk for m in netwerkstad.municipalities.all()]
    return list(
        Contact.objects.public()
        .filter(municipality__in=cities)
        .select_related("municipality")
        .order_by("kind", "name")
        .only("kind", "name", "job_title", "email", *(f"municipality__{field}" for field in PLACE_FIELDS))
    )
