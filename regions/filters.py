"""Filters of the municipality and innovation-district lists.

Choices are published items only and are chosen by slug, so a filtered URL reads
well and stays valid across languages (`?region=netwerkstad-twente`).
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regions.models import Cluster, Municipality, Region
from twente.core.listing import FilterForm, translated

TEXT_MAX_LENGTH = 200


def published_regions(request):
    return Region.objects.published().only("slug", "name")


def published_municipalities(request):
    return Municipality.objects.published().only("slug", "name")


class MunicipalityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name contains"), method="filter_name", max_length=TEXT_MAX_LENGTH)
    region = django_filters.ModelChoiceFilter(
        label=_("Region or alliance"),
        field_name="regions",
        to_field_name="slug",
        queryset=published_regions,
        empty_label=_("All"),
    )
    min_population = django_filters.NumberFilter(
        label=_("Population at least"),
        field_name="population",
        lookup_expr="gte",
        min_value=0,
        max_value=100_000_000,
    )

    class Meta:
        form = FilterForm
        fields = []

    def filter_name(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.alias(_name=translated("name")).filter(_name__icontains=value)


class DistrictFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name contains"), method="filter_text", max_length=TEXT_MAX_LENGTH)
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        to_field_name="slug",
        queryset=published_municipalities,
        empty_label=_("All"),
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Economic cluster"),
        field_name="clusters",
        to_field_name="slug",
        queryset=Cluster.objects.only("slug", "name"),
        empty_label=_("All"),
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
