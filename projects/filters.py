"""The project list's filters and sorting."""

import django_filters
from django import forms
from django.conf import settings
from django.db import connection
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from projects.models import (
    FIRST_PROJECT_YEAR,
    LAST_PROJECT_YEAR,
    FundingProgramme,
    Participation,
    Project,
    ProjectStatus,
)
from regions.models import Country, InnovationDistrict, Municipality, Theme
from twente.core.db import fold_accents
from twente.core.listing import FilterForm, translated
from twente.core.search_vectors import StoredSearch

TEXT_MAX_LENGTH = 200
# Plausible bounds: they turn a mistyped figure into a message instead of a query.
EURO_MAX = 10**12

SORTS = {
    "newest": (_("Newest start first"), (F("start_date").desc(nulls_last=True), "slug")),
    "oldest": (_("Oldest start first"), (F("start_date").asc(nulls_last=True), "slug")),
    "title": (_("Title A–Z"), ("_shown_title", "slug")),
    "eu_contribution": (
        _("EU contribution, highest first"),
        (F("eu_contribution").desc(nulls_last=True), "slug"),
    ),
}


class ProjectFilterForm(FilterForm):
    """Ranges whose end lies before their start are reported at the end field."""

    ranges = (
        ("start_year_min", "start_year_max", _("The last year must not be before the first year.")),
        ("eu_min", "eu_max", _("The maximum must not be below the minimum.")),
    )

    def clean(self):
        cleaned_data = super().clean()
        for low, high, message in self.ranges:
            low_value, high_value = cleaned_data.get(low), cleaned_data.get(high)
            if low_value is not None and high_value is not None and high_value < low_value:
                # Neither end applies until corrected: half a range would mislead.
                self.add_error(high, message)
                cleaned_data.pop(low, None)
        return cleaned_data


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Title or summary contains"), method="filter_text", max_length=TEXT_MAX_LENGTH
    )
    # Projects with any of the themes, as a subquery: a join needs a DISTINCT over
    # every wide column (a theme's list at 10,000 projects: 8 ms for its count alone).
    theme = django_filters.ModelMultipleChoiceFilter(
        label=_("Themes"),
        to_field_name="slug",
        queryset=Theme.objects.only("slug", "name"),
        widget=forms.CheckboxSelectMultiple,
        method="filter_themes",
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Funding programme"),
        to_field_name="slug",
        queryset=FundingProgramme.objects.only("slug", "name", "short_name"),
        empty_label=_("All"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ProjectStatus.choices, empty_label=_("All")
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        to_field_name="slug",
        queryset=Municipality.objects.published().only("slug", "name"),
        method="filter_municipality",
        empty_label=_("All"),
    )
    # A text field, not a choice: with thousands of partners a <select> would be a
    # page of options. It matches a partner's name in any language, or its slug (the
    # partner page links the list with it).
    partner = django_filters.CharFilter(
        label=_("Participating organisation (name)"), method="filter_partner", max_length=TEXT_MAX_LENGTH
    )
    district = django_filters.ModelChoiceFilter(
        label=_("Innovation district"),
        to_field_name="slug",
        queryset=InnovationDistrict.objects.published().only("slug", "name"),
        empty_label=_("All"),
    )
    partner_country = django_filters.ChoiceFilter(
        label=_("Country of a participant"),
        choices=Country.choices,
        empty_label=_("All"),
        method="filter_partner_country",
    )
    start_year_min = django_filters.NumberFilter(
        label=_("Started in or after (year)"),
        field_name="start_date__year",
        lookup_expr="gte",
        min_value=FIRST_PROJECT_YEAR,
        max_value=LAST_PROJECT_YEAR,
        decimal_places=0,
    )
    start_year_max = django_filters.NumberFilter(
        label=_("Started in or before (year)"),
        field_name="start_date__year",
        lookup_expr="lte",
        min_value=FIRST_PROJECT_YEAR,
        max_value=LAST_PROJECT_YEAR,
        decimal_places=0,
    )
    eu_min = django_filters.NumberFilter(
        label=_("EU contribution at least (€)"),
        field_name="eu_contribution",
        lookup_expr="gte",
        min_value=0,
        max_value=EURO_MAX,
    )
    eu_max = django_filters.NumberFilter(
        label=_("EU contribution at most (€)"),
        field_name="eu_contribution",
        lookup_expr="lte",
        min_value=0,
        max_value=EURO_MAX,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),  # leaving it out keeps the list's default order, newest first
        choices=[(key, label) for key, (label, _ordering) in SORTS.items()],
        method="sort_by",
        empty_label=None,
    )

    class Meta:
        form = ProjectFilterForm
        fields = []

    def filter_text(self, queryset, name, value):
        """On PostgreSQL the stored, indexed vectors of the active language (the words of
        title, summary and description, stemmed, accents ignored) or a title containing
        the text; elsewhere the title or summary containing it."""
        value = value.strip()
        if not value:
            return queryset
        if connection.vendor == "postgresql":
            language = translation.get_language() or settings.LANGUAGE_CODE
            stored = StoredSearch(Project, "title", fold_accents(value), language)
            return queryset.filter(stored.matches_by_id(typos=False))
        return queryset.alias(_title=translated("title"), _summary=translated("summary")).filter(
            Q(_title__icontains=value) | Q(_summary__icontains=value)
        )

    def filter_themes(self, queryset, name, value):
        if not value:  # no theme ticked (an empty queryset, which django-filter passes on)
            return queryset
        tagged = Project.themes.through.objects.filter(theme__in=value)
        return queryset.filter(pk__in=tagged.values("project_id"))

    def filter_partner_country(self, queryset, name, value):
        participants = Participation.objects.filter(partner__country=value)
        return queryset.filter(pk__in=participants.values("project_id"))

    def filter_municipality(self, queryset, name, value):
        """Projects placed in the municipality, directly or through their district, or
        in which it takes part (what the municipality's page counts)."""
        return queryset.involving(value)

    def filter_partner(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        names = Q(slug=value)
        for code, _language in settings.LANGUAGES:
            names |= Q(**{f"name_{code}__icontains": value})
        partners = Partner.objects.published().filter(names).values("pk")
        return queryset.filter(pk__in=Participation.objects.filter(partner__in=partners).values("project"))

    @staticmethod
    def sort_by(queryset, name, value):
        """Also the list's order when no sort is chosen (or the choice is invalid)."""
        _label, ordering = SORTS.get(value, SORTS["newest"])
        if value == "title":
            queryset = queryset.annotate(_shown_title=translated("title"))
        return queryset.order_by(*ordering)
