import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from regions.models import Municipality
from tests.factories import MunicipalityFactory
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db


def test_name_is_stored_per_language_and_shown_in_the_active_one():
    place = MunicipalityFactory(name_nl="Münster (nl)", name_en="Munster (en)", name_de="Münster")
    with translation.override("de"):
        assert Municipality.objects.get(pk=place.pk).name == "Münster"
    with translation.override("en"):
        assert Municipality.objects.get(pk=place.pk).name == "Munster (en)"


def test_missing_german_text_falls_back_to_english_then_dutch():
    place = MunicipalityFactory(description_nl="Nederlands", description_en="English", description_de="")
    with translation.override("de"):
        assert Municipality.objects.get(pk=place.pk).description == "English"
    place.description_en = ""
    place.save()
    with translation.override("de"):
        assert Municipality.objects.get(pk=place.pk).description == "Nederlands"


def test_missing_dutch_text_falls_back_to_english():
    place = MunicipalityFactory(summary_nl="", summary_en="Only English")
    with translation.override("nl"):
        assert Municipality.objects.get(pk=place.pk).summary == "Only English"


def test_only_published_items_are_public():
    published = MunicipalityFactory()
    MunicipalityFactory(publication_state=PublicationState.DRAFT)
    MunicipalityFactory(publication_state=PublicationState.WITHDRAWN)
    assert list(Municipality.objects.published()) == [published]


def test_slug_is_unique():
    MunicipalityFactory(slug="enschede")
    with pytest.raises(IntegrityError), transaction.atomic():
        MunicipalityFactory(slug="enschede")


def test_coordinates_come_in_pairs():
    with pytest.raises(IntegrityError), transaction.atomic():
        MunicipalityFactory(latitude=52.2, longitude=None)


def test_population_needs_the_year_it_was_counted():
    with pytest.raises(IntegrityError), transaction.atomic():
        MunicipalityFactory(population=160000, population_year=None)
