"""Reads for the regions pages that reach beyond the regions app.

`regions` may not import `partners` or `projects`; the related models are reached
through the reverse relations that those apps declare on Municipality and
InnovationDistrict, so the import rule holds and each page still has one named
queryset that prefetches everything it shows.
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.http import urlencode

from regions.models import InnovationDistrict, Municipality
from twente.core.listing import LatestExcerpt
from twente.core.models import PublicationState


def _related_model(model, relation):
    return model._meta.get_field(relation).related_model


def municipality_page_queryset():
    """The municipality page: regions, districts with clusters (from `for_detail`),
    plus its partner ties, the partners located in it, the networks it belongs to and
    its public contacts. Its projects are an excerpt: `latest_projects_of`."""
    relationship = _related_model(Municipality, "partner_relationships")
    partner = _related_model(Municipality, "partners_located")
    membership = _related_model(Municipality, "memberships")
    contact = _related_model(Municipality, "contacts")
    published = PublicationState.PUBLISHED
    # The lists that grow with the data read only what the page shows of them: at 2,000
    # partners and 20,000 contacts a city's lists hold dozens of rows, each with every
    # description in three languages otherwise (a place's few networks are read whole).
    return Municipality.objects.for_detail().prefetch_related(
        Prefetch(
            "partner_relationships",
            queryset=relationship.objects.filter(partner__publication_state=published)
            .select_related("partner")
            .only("municipality", "kind", "since_year", "note", "partner__slug", "partner__name"),
        ),
        Prefetch(
            "partners_located",
            queryset=partner.objects.published().only("located_in", "slug", "name", "kind"),
        ),
        Prefetch(
            "memberships",
            queryset=membership.objects.filter(network__publication_state=published).select_related(
                "network"
            ),
        ),
        Prefetch(
            "contacts",
            queryset=contact.objects.public()
            .order_by("kind", "name")
            .only("municipality", "name", "job_title", "email"),
        ),
    )


def district_page_queryset():
    """The district page: its municipality and clusters; its projects: `latest_projects_in`."""
    return InnovationDistrict.objects.published().select_related("municipality").prefetch_related("clusters")


def _project_list_url(**filters):
    return f"{reverse('projects:project-list')}?{urlencode(filters)}"


def _newest_projects(model):
    project = _related_model(model, "projects")
    return project.objects.for_excerpt().order_by("-start_date", "-pk")


def latest_projects_of(municipality):
    """The municipality's newest published projects (placed there, directly or through
    a district, or taking part), each with the role the municipality plays in it, and
    their number: what the project list filtered to the municipality shows."""
    participation = _related_model(Municipality, "participations")
    newest = _newest_projects(Municipality)
    shown = newest.prefetch_related(
        Prefetch(
            "participations",
            queryset=participation.objects.filter(municipality=municipality),
            to_attr="municipality_roles",
        )
    )
    return LatestExcerpt(
        newest.involving(municipality),
        rows=shown,
        list_url=_project_list_url(municipality=municipality.slug),
    )


def latest_projects_in(district):
    """The district's newest published projects and their number."""
    projects = _newest_projects(InnovationDistrict).filter(district=district)
    return LatestExcerpt(projects, list_url=_project_list_url(district=district.slug))
