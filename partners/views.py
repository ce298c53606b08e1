"""The partner list (filtered, with open data) and the partner page."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners.filters import PartnerFilter
from partners.models import Contact, Partner, RelationshipKind
from twente.core.listing import FilteredListView, LatestExcerpt
from twente.core.models import PublicationState
from twente.core.opendata import LINK_AND_PLACE_COLUMNS, OpenDataColumn
from twente.core.preview import PreviewableDetailView

PUBLISHED = PublicationState.PUBLISHED


# How each kind of tie reads with its Twente side; gettext_lazy, so in the visitor's language.
TIE_PHRASES = {
    RelationshipKind.PARTNER_CITY: gettext_lazy("Partner city of %(with)s"),
    RelationshipKind.SISTER_CITY: gettext_lazy("Sister city of %(with)s"),
    RelationshipKind.EUROREGION: gettext_lazy("Euroregion of %(with)s"),
    RelationshipKind.CROSS_BORDER: gettext_lazy("Cross-border cooperation with %(with)s"),
    RelationshipKind.NETWORK: gettext_lazy("Network with %(with)s as a member"),
    RelationshipKind.KNOWLEDGE: gettext_lazy("Knowledge partner of %(with)s"),
}


def describe_relationship(relationship):
    """The tie in one phrase of the active language: "Partner city of Enschede since 2021".

    A tie with neither a municipality nor a region is with Twente as a whole."""
    counterpart = relationship.municipality or relationship.region
    phrase = TIE_PHRASES.get(relationship.kind, "%(with)s") % {
        "with": counterpart.name if counterpart else _("Twente")
    }
    if relationship.since_year:
        return _("%(tie)s since %(year)s") % {"tie": phrase, "year": relationship.since_year}
    return phrase


def latest_participations_of(partner):
    """The partner's newest participations in published projects, and their number.

    partners may not import projects: the Participation model is reached through the
    reverse relation instead."""
    participation = Partner.participations.rel.related_model
    participations = (
        participation.objects.filter(partner=partner, project__publication_state=PUBLISHED)
        .select_related("project")
        # The excerpt shows titles: not the project's long texts (projects.models.LONG_TEXTS).
        .defer("project__description", "project__kohesio_source")
        .order_by("-project__start_date", "-project__pk")
    )
    list_url = f"{reverse('projects:project-list')}?{urlencode({'partner': partner.slug})}"
    return LatestExcerpt(participations, list_url=list_url)


def _relationships(partner, request):
    return [describe_relationship(relationship) for relationship in partner.relationships.all()]


class PartnerListView(FilteredListView):
    template_name = "partners/partner_list.html"
    filterset_class = PartnerFilter
    context_object_name = "partners"
    open_data_name = "partners"
    open_data_columns = [
        OpenDataColumn("slug"),
        OpenDataColumn("name"),
        OpenDataColumn("kind"),
        OpenDataColumn("kind_label", lambda partner, request: partner.get_kind_display()),
        OpenDataColumn("country"),
        OpenDataColumn("city"),
        OpenDataColumn(
            "located_in",
            lambda partner, request: (
                partner.located_in.name if partner.located_in and partner.located_in.is_published else None
            ),
        ),
        OpenDataColumn(
            "located_in_slug",
            lambda partner, request: (
                partner.located_in.slug if partner.located_in and partner.located_in.is_published else None
            ),
        ),
        OpenDataColumn("relationships_with_twente", _relationships),
        OpenDataColumn("summary"),
        *LINK_AND_PLACE_COLUMNS,
    ]

    def get_base_queryset(self):
        return Partner.objects.for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for partner in context["partners"]:
            partner.ties = [
                describe_relationship(relationship) for relationship in partner.relationships.all()
            ]
        return context


class PartnerDetailView(PreviewableDetailView):
    model = Partner
    template_name = "partners/partner_detail.html"
    context_object_name = "partner"

    def get_public_queryset(self):
        return (
            super()
            .get_public_queryset()
            .prefetch_related(
                Prefetch("contacts", queryset=Contact.objects.public(), to_attr="public_contacts"),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.object
        context["relationships"] = [
            (relationship, describe_relationship(relationship))
            for relationship in partner.relationships.all()
        ]
        # Drafts stay off the public page: filtered here from the prefetched rows.
        context["networks"] = [m for m in partner.memberships.all() if m.network.is_published]
        context["members"] = [m for m in partner.members.all() if m.member.is_published]
        context["participations"] = latest_participations_of(partner)
        context["contacts"] = partner.public_contacts
        context["located_in"] = (
            partner.located_in if partner.located_in and partner.located_in.is_published else None
        )
        return context
