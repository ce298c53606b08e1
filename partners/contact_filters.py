"""The liaison officer's contact filters, used by the export page and its tests.

Every filter narrows the list; left empty it does nothing. Filters that cross a
many-to-many relation (topics, region) use subqueries so no contact appears twice.
"""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partners.models import (
    Contact,
    ContactKind,
    ContactList,
    Membership,
    Partner,
    PartnerKind,
    Relationship,
    months_ago,
)
from regions.models import Country, Municipality, Region, Theme
from twente.core.listing import CorrectableForm
from twente.core.widgets import fast_widget

MUNICIPALITY_KIND = "municipality"

ORGANISATION_KIND_CHOICES = [(MUNICIPALITY_KIND, _("Twente municipality")), *PartnerKind.choices]


def contacts_in_municipalities(municipality_ids):
    """Contacts of the municipalities and of partners located in them."""
    return Q(municipality_id__in=municipality_ids) | Q(partner__located_in_id__in=municipality_ids)


def contacts_in_region(region_ids):
    """Contacts belonging to a region or alliance, in the sense of the region filter:
    contacts of its municipalities, of partners located in those municipalities, of
    partners with a relationship with the region, and of networks the region is a
    member of."""
    municipality_ids = Region.municipalities.through.objects.filter(region_id__in=region_ids).values(
        "municipality_id"
    )
    related_partner_ids = Relationship.objects.filter(region_id__in=region_ids).values("partner_id")
    network_ids = Membership.objects.filter(member_region_id__in=region_ids).values("network_id")
    return (
        contacts_in_municipalities(municipality_ids)
        | Q(partner_id__in=related_partner_ids)
        | Q(partner_id__in=network_ids)
    )


class ContactFilterSet(django_filters.FilterSet):
    partner = django_filters.ModelMultipleChoiceFilter(
        label=_("Partner organisation"),
        queryset=Partner.objects.order_by("name"),
        field_name="partner",
        help_text=_("Contacts of these partner organisations (e.g. Münster and Osnabrück)."),
    )
    municipality = django_filters.ModelMultipleChoiceFilter(
        label=_("Municipality"),
        queryset=Municipality.objects.order_by("name"),
        method="filter_municipality",
        help_text=_("Contacts of these municipalities and of partners located in them."),
    )
    organisation_kind = django_filters.MultipleChoiceFilter(
        label=_("Kind of organisation"),
        choices=ORGANISATION_KIND_CHOICES,
        method="filter_organisation_kind",
        widget=forms.CheckboxSelectMultiple,
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"),
        choices=Country.choices,
        method="filter_country",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The country of the contact's organisation."),
    )
    region = django_filters.ModelMultipleChoiceFilter(
        label=_("Region or alliance"),
        queryset=Region.objects.order_by("name"),
        method="filter_region",
        help_text=_(
            "Contacts of the region's municipalities, of partners located in those "
            "municipalities, of partners with a relationship with the region, and of "
            "networks the region is a member of."
        ),
    )
    topic = django_filters.ModelMultipleChoiceFilter(
        label=_("Topic or theme"),
        queryset=Theme.objects.all(),
        method="filter_topic",
        help_text=_("Contacts tagged with at least one of these themes."),
    )
    contact_list = django_filters.ModelMultipleChoiceFilter(
        label=_("Saved list"),
        queryset=ContactList.objects.order_by("name"),
        method="filter_contact_list",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Members of these saved contact lists."),
    )
    preferred_language = django_filters.MultipleChoiceFilter(
        label=_("Preferred language"), choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Person or mailbox"), choices=ContactKind.choices, widget=forms.CheckboxSelectMultiple
    )
    mailing_consent = django_filters.BooleanFilter(
        label=_("Consents to mailings"),
        widget=forms.Select(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))]),
    )
    is_public = django_filters.BooleanFilter(
        label=_("Public or internal"),
        widget=forms.Select(choices=[("", _("Any")), ("true", _("Public")), ("false", _("Internal only"))]),
    )
    verified_within_months = django_filters.NumberFilter(
        label=_("Verified within the last … months"),
        method="filter_verified_within",
        min_value=1,
        max_value=240,
        help_text=_("Leave empty to include contacts regardless of when they were last verified."),
    )

    class Meta:
        model = Contact
        fields = []
        form = CorrectableForm

    # One click per choice: checkbox lists (with a text filter in the page), sorted
    # by the name shown in the current language, not by the Dutch name.
    SORTED_BY_SHOWN_NAME = ("partner", "municipality", "region", "topic")
    CHOICE_LIST_CLASS = "contact-filter-choices"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or settings.LANGUAGE_CODE
        order = [language[:2], *settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get(language[:2], ())]
        order += [code for code in ("en", "nl", "de") if code not in order]
        for name in self.SORTED_BY_SHOWN_NAME:
            field = self.form.fields[name]
            shown = Coalesce(*(NullIf(f"name_{code}", Value("")) for code in order))
            # The widget first: setting the queryset hands its choices to the current widget.
            field.widget = fast_widget(forms.CheckboxSelectMultiple(attrs={"class": self.CHOICE_LIST_CLASS}))
            field.queryset = field.queryset.model.objects.order_by(Lower(shown), "pk")

    def filter_contact_list(self, queryset, name, value):
        if not value:
            return queryset
        members = ContactList.members.through.objects.filter(contactlist__in=value).values("contact_id")
        return queryset.filter(pk__in=members)

    def filter_municipality(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(contacts_in_municipalities([m.pk for m in value]))

    def filter_organisation_kind(self, queryset, name, value):
        if not value:
            return queryset
        condition = Q(partner__kind__in=[kind for kind in value if kind != MUNICIPALITY_KIND])
        if MUNICIPALITY_KIND in value:
            condition |= Q(municipality__isnull=False)
        return queryset.filter(condition)

    def filter_country(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(partner__country__in=value) | Q(municipality__country__in=value))

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(contacts_in_region([region.pk for region in value]))

    def filter_topic(self, queryset, name, value):
        if not value:
            return queryset
        tagged = Contact.topics.through.objects.filter(theme__in=value).values("contact_id")
        return queryset.filter(pk__in=tagged)

    def filter_verified_within(self, queryset, name, value):
        if value is None:
            return queryset
        since = months_ago(timezone.localdate(), int(value))
        return queryset.filter(last_verified__gte=since)

    def filters_for_log(self):
        """The filters as given, in a JSON-friendly form (slugs, not database ids)."""
        if not self.is_bound or not self.form.is_valid():
            return {}
        logged = {}
        for key, value in self.form.cleaned_data.items():
            if value in (None, "", [], ()) or (hasattr(value, "exists") and not value.exists()):
                continue
            if hasattr(value, "model") or (isinstance(value, list | tuple) and hasattr(value[0], "pk")):
                # Chosen objects, by slug; saved lists (no slug) by name.
                logged[key] = sorted(getattr(obj, "slug", None) or str(obj) for obj in value)
            elif isinstance(value, list | tuple):
                logged[key] = list(value)
            elif hasattr(value, "as_tuple"):  # Decimal from NumberFilter
                logged[key] = int(value)
            else:
                logged[key] = value
        return logged
