"""The project list's open data: its columns, and what they read beyond a project's own
fields, looked up by id a chunk at a time.

Prefetching the themes, places and participants builds some ten model instances a
project: 7 s for all 10,000. Here each chunk of projects costs four queries of ids and
names, and the themes, places, programmes and districts (a few hundred rows at most)
are read once per download.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from partners.models import Partner
from projects.models import FundingProgramme, ParticipantRole, Participation, Project
from regions.models import InnovationDistrict, Municipality, Theme
from twente.core.opendata import LINK_AND_PLACE_COLUMNS, OpenDataColumn


@dataclass
class Relations:
    """One project's programme, district, themes, places and published participants."""

    programme: FundingProgramme | None = None
    district: InnovationDistrict | None = None
    themes: list[Theme] = field(default_factory=list)
    places: list[Municipality] = field(default_factory=list)
    lead: str | None = None
    partners: list[str] = field(default_factory=list)


class RelationsLoader:
    """Attaches `open_data_relations` to each project of a chunk (the `load` of
    twente.core.opendata's writers). Only published places, districts and participants
    appear, as on the project page."""

    def __init__(self):
        # In each model's own order (themes by slug, places by name), as a prefetch gives them.
        self.themes = {theme.pk: theme for theme in Theme.objects.only("slug", "name")}
        self.places = {
            place.pk: place for place in Municipality.objects.published().only("slug", "name", "cbs_code")
        }
        programmes = FundingProgramme.objects.only("slug", "name", "short_name")
        self.programmes = {programme.pk: programme for programme in programmes}
        self.districts = {
            district.pk: district for district in InnovationDistrict.objects.published().only("slug", "name")
        }

    def __call__(self, projects):
        ids = [project.pk for project in projects]
        themes = self._linked(Project.themes.through, "theme_id", ids, self.themes)
        places = self._linked(Project.municipalities.through, "municipality_id", ids, self.places)
        participations = list(
            Participation.objects.filter(project_id__in=ids)
            .order_by("role", "pk")
            .values_list("project_id", "role", "partner_id", "municipality_id")
        )
        partner_ids = {partner_id for _, _, partner_id, _ in participations if partner_id}
        partner_names = dict(Partner.objects.published().filter(pk__in=partner_ids).values_list("pk", "name"))
        for project in projects:
            project.open_data_relations = Relations(
                programme=self.programmes.get(project.programme_id),
                district=self.districts.get(project.district_id),
                themes=themes[project.pk],
                places=places[project.pk],
            )
        by_pk = {project.pk: project.open_data_relations for project in projects}
        for project_id, role, partner_id, municipality_id in participations:
            if partner_id:
                name = partner_names.get(partner_id)
            else:
                place = self.places.get(municipality_id)
                name = place.name if place else None
            if name is None:  # a draft organisation stays unnamed
                continue
            relations = by_pk[project_id]
            if role == ParticipantRole.LEAD:
                relations.lead = relations.lead or name
            else:
                relations.partners.append(name)

    @staticmethod
    def _linked(through, target, ids, known):
        """Each project's linked items of `known`, in the order of `known`."""
        rank = {pk: position for position, pk in enumerate(known)}
        linked = defaultdict(list)
        rows = through.objects.filter(project_id__in=ids, **{f"{target}__in": list(known)}).values_list(
            "project_id", target
        )
        for project_id, target_id in sorted(rows, key=lambda row: rank[row[1]]):
            linked[project_id].append(known[target_id])
        return linked


def _related(name, read=None):
    """A column of the project's `Relations.name`, each item through `read` if given."""

    def value(project, request):
        related = getattr(project.open_data_relations, name)
        if read is None:
            return related
        if isinstance(related, list):
            return [read(item) for item in related]
        return read(related) if related is not None else None

    return value


COLUMNS = [
    OpenDataColumn("slug"),
    OpenDataColumn("kohesio_id"),
    OpenDataColumn("title"),
    OpenDataColumn("summary"),
    OpenDataColumn("programme", _related("programme", str)),
    OpenDataColumn("programme_slug", _related("programme", lambda programme: programme.slug)),
    OpenDataColumn("themes", _related("themes", str)),
    OpenDataColumn("theme_slugs", _related("themes", lambda theme: theme.slug)),
    OpenDataColumn("municipalities", _related("places", str)),
    OpenDataColumn("municipality_slugs", _related("places", lambda place: place.slug)),
    OpenDataColumn(
        "municipality_cbs_codes",
        lambda project, request: [
            place.cbs_code for place in project.open_data_relations.places if place.cbs_code
        ],
    ),
    OpenDataColumn("district", _related("district", lambda district: district.name)),
    OpenDataColumn("district_slug", _related("district", lambda district: district.slug)),
    OpenDataColumn("lead_partner", _related("lead")),
    OpenDataColumn("partners", _related("partners")),
    OpenDataColumn("status"),
    OpenDataColumn("start_date"),
    OpenDataColumn("end_date"),
    OpenDataColumn("total_budget_eur", "total_budget"),
    OpenDataColumn("eu_contribution_eur", "eu_contribution"),
    OpenDataColumn("co_financing_rate_percent", "co_financing_rate"),
    *LINK_AND_PLACE_COLUMNS,
]
