"""The service that loads the initial data: create what is missing, touch nothing else.

Items are looked up by slug (contacts, which have none, by email or name). An item that
exists is left exactly as it is, whoever changed it. The links an item owns (its
many-to-many links, relationships, memberships, participations) are created only in
the run that creates the item, so a link a person removed later stays removed.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from partners.models import Contact, Membership, Partner, Relationship
from projects.models import Participation, Project
from regions.models import Cluster, InnovationDistrict, Municipality, Region, Theme
from twente.core.models import PublicationState, PublishableModel
from twente.initial_data import partners as partner_data
from twente.initial_data import projects as project_data
from twente.initial_data import regions as region_data
from twente.initial_data.text import Text

# Keys of an item's data that are not model fields: links and references by slug.
_LINK_KEYS = {
    "municipalities",
    "clusters",
    "themes",
    "topics",
    "relationships",
    "members",
    "participants",
    "municipality",
    "located_in",
    "partner",
}


@dataclass
class LoadReport:
    """How many rows of each kind the run created, and how many were there already."""

    created: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)

    def count(self, model, created):
        label = str(model._meta.verbose_name_plural)
        bucket = self.created if created else self.present
        self.created.setdefault(label, 0)
        self.present.setdefault(label, 0)
        bucket[label] += 1

    def link(self, model, number=1):
        label = str(model._meta.verbose_name_plural)
        self.created[label] = self.created.get(label, 0) + number

    @property
    def total_created(self):
        return sum(self.created.values())

    def lines(self):
        for label, created in self.created.items():
            if label in self.present:
                yield f"{label}: {created} created, {self.present[label]} already present"
            else:
                yield f"{label}: {created} created"


def _fields(data):
    """Model field values from an item's data: each Text becomes its _nl, _en and _de."""
    values = {}
    for key, value in data.items():
        if key in _LINK_KEYS:
            continue
        if isinstance(value, Text):
            values.update({f"{key}_{lang}": text for lang, text in value._asdict().items()})
        else:
            values[key] = value
    return values


class _Loader:
    def __init__(self):
        self.report = LoadReport()
        self.now = timezone.now()
        self.municipalities = {}
        self.regions = {}
        self.partners = {}
        self.themes = {}
        self.clusters = {}

    def _load(self, model, items):
        """Every item of `items` by slug, created when missing; returns (all, new ones)."""
        existing = model.objects.in_bulk([item["slug"] for item in items], field_name="slug")
        new = []
        for item in items:
            if item["slug"] in existing:
                self.report.count(model, created=False)
                continue
            obj = model(**_fields(item))
            if isinstance(obj, PublishableModel):
                obj.publication_state = PublicationState.PUBLISHED
                obj.published_at = self.now
            self._set_references(obj, item)
            # save(), not bulk_create(): the history records the initial version.
            obj.save()
            existing[item["slug"]] = obj
            new.append((obj, item))
            self.report.count(model, created=True)
        return existing, new

    def _set_references(self, obj, item):
        if item.get("municipality"):
            obj.municipality = self.municipalities[item["municipality"]]
        if item.get("located_in"):
            obj.located_in = self.municipalities[item["located_in"]]

    def _set_links(self, manager, lookup, slugs):
        if slugs:
            manager.set([lookup[slug] for slug in slugs])

    def run(self):
        self.themes, _ = self._load(Theme, region_data.THEMES)
        self.clusters, _ = self._load(Cluster, region_data.CLUSTERS)
        self.municipalities, _ = self._load(Municipality, region_data.MUNICIPALITIES)

        self.regions, new_regions = self._load(Region, region_data.REGIONS)
        for region, item in new_regions:
            self._set_links(region.municipalities, self.municipalities, item.get("municipalities"))

        _, new_districts = self._load(InnovationDistrict, region_data.DISTRICTS)
        for district, item in new_districts:
            self._set_links(district.clusters, self.clusters, item.get("clusters"))

        # All partners first: a network's members may be partners created in this run.
        self.partners, new_partners = self._load(Partner, partner_data.PARTNERS)
        for partner, item in new_partners:
            for tie in item.get("relationships", []):
                self._create_relationship(partner, tie)
            for member in item.get("members", []):
                self._create_membership(partner, member)

        _, new_projects = self._load(Project, project_data.PROJECTS)
        for project, item in new_projects:
            self._set_links(project.themes, self.themes, item.get("themes"))
            self._set_links(project.municipalities, self.municipalities, item.get("municipalities"))
            for participant in item.get("participants", []):
                self._create_participation(project, participant)

        self._load_contacts(partner_data.CONTACTS)
        return self.report

    def _create_relationship(self, partner, tie):
        relationship = Relationship(
            partner=partner,
            municipality=self.municipalities.get(tie.get("municipality")),
            region=self.regions.get(tie.get("region")),
            **_fields({key: value for key, value in tie.items() if key not in {"municipality", "region"}}),
        )
        relationship.save()
        self.report.link(Relationship)

    def _create_membership(self, network, member):
        Membership.objects.create(
            network=network,
            member_municipality=self.municipalities.get(member.get("municipality")),
            member_region=self.regions.get(member.get("region")),
            member_partner=self.partners.get(member.get("partner")),
            since_year=member.get("since_year"),
        )
        self.report.link(Membership)

    def _create_participation(self, project, participant):
        Participation.objects.create(
            project=project,
            municipality=self.municipalities.get(participant.get("municipality")),
            partner=self.partners.get(participant.get("partner")),
            role=participant["role"],
        )
        self.report.link(Participation)

    def _load_contacts(self, items):
        """Contacts have no slug: one is present when a contact with its email (if it has
        one) or its name exists, so a person who corrected either is not duplicated."""
        for item in items:
            match = Q(name__iexact=item["name"])
            if item.get("email"):
                match |= Q(email__iexact=item["email"])
            if Contact.objects.filter(match).exists():
                self.report.count(Contact, created=False)
                continue
            contact = Contact(
                municipality=self.municipalities.get(item.get("municipality")),
                partner=self.partners.get(item.get("partner")),
                **_fields(item),
            )
            contact.full_clean()
            contact.save()
            self._set_links(contact.topics, self.themes, item.get("topics"))
            self.report.count(Contact, created=True)


@transaction.atomic
def initial_data_load() -> LoadReport:
    """Load every place, organisation, project and contact the source documents name,
    in one transaction; return what was created and what was already there."""
    return _Loader().run()
