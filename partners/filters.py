"""The partner list's filters: country, kind, tie with Twente and a text search."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models import PartnerKind, RelationshipKind
from regions.models import Country
from twente.core.listing import FilterForm, translated

TEXT_MAX_LENGTH = 200


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or description contains"), method="filter_text", max_length=TEXT_MAX_LENGTH
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=Country.choices, empty_label=_("All"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind of organisation"), choices=PartnerKind.choices, empty_label=_("All")
    )
    relationship = django_filters.ChoiceFilter(
        label=_("Relationship with Twente"),
        field_name="relationships__kind",
        choices=RelationshipKind.choices,
        empty_label=_("All"),
        distinct=True,
    )

    class Meta:
        form = FilterForm
        fields = []

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.alias(_name=translated("name"), _summary=translated("summary")).filter(
            Q(_name__icontains=value) | Q(_summary__icontains=value)
        )
