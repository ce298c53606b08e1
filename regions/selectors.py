"""Reads for the regions pages that reach beyond the regions app.

`regions` may not import `partners` or `projects`; the related models are reached
through the reverse relations that those apps declare on Municipality and
InnovationDistrict, so the import rule holds and each page still has one named
queryset that prefetches everything it shows.
"""

from django.db.models import Prefetch

from regions.models import InnovationDistrict, Municipality
from twente.core.models import PublicationState


def _related_model(model, relation):
    return model._meta.get_field(relation).related_model


def municipality_page_queryset():
    """The municipality page: regions, districts with clusters (from `for_detail`),
    plus its published EU projects (located there or taking part), its partner ties,
    the partners located in it, the networks it belongs to and its public contacts."""
    project = _related_model(Municipality, "projects")
    participation = _related_model(Municipality, "participations")
    relationship = _related_model(Municipality, "partner_relationships")
    partner = _related_model(Municipality, "partners_located")
    membership = _related_model(Municipality, "memberships")
    contact = _related_model(Municipality, "contacts")
    published = PublicationState.PUBLISHED
    return Municipality.objects.for_detail().prefetch_related(
        Prefetch(
            "projects",
            queryset=project.objects.published().select_related("programme").order_by("-start_date", "pk"),
        ),
        Prefetch(
            "participations",
            queryset=participation.objects.filter(project__publication_state=published).select_related(
                "project", "project__programme"
            ),
        ),
        Prefetch(
            "partner_relationships",
            queryset=relationship.objects.filter(partner__publication_state=published).select_related(
                "partner"
            ),
        ),
        Prefetch("partners_located", queryset=partner.objects.published()),
        Prefetch(
            "memberships",
            queryset=membership.objects.filter(network__publication_state=published).select_related(
                "network"
            ),
        ),
        Prefetch("contacts", queryset=contact.objects.public().order_by("kind", "name")),
    )


def district_page_queryset():
    """The district page: its municipality, clusters and the published projects located in it."""
    project = _related_model(InnovationDistrict, "projects")
    return (
        InnovationDistrict.objects.published()
        .select_related("municipality")
        .prefetch_related(
            "clusters",
            Prefetch(
                "projects",
                queryset=project.objects.published()
                .select_related("programme")
                .order_by("-start_date", "pk"),
            ),
        )
    )


def projects_of(municipality):
    """The municipality's published projects, located there or taking part, each
    once, with the role it plays when it takes part (from the prefetched rows)."""
    roles = {p.project_id: p for p in municipality.participations.all()}
    projects = {project.pk: project for project in municipality.projects.all()}
    for participation in roles.values():
        projects.setdefault(participation.project_id, participation.project)
    rows = [{"project": project, "participation": roles.get(pk)} for pk, project in projects.items()]
    rows.sort(key=lambda row: str(row["project"]).lower())
    return rows
