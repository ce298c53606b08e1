"""The shared list machinery: language-aware text, accessible filter errors, safe pages."""

import re

import pytest
from django import forms
from django.utils import translation

from partners.models import Partner
from tests.factories import PartnerFactory
from twente.core.listing import FilterForm, fallback_language, translated
from twente.core.templatetags.portal import lang_attr, lang_span

pytestmark = pytest.mark.django_db


def shown_names(language):
    with translation.override(language):
        return list(
            Partner.objects.annotate(shown=translated("name"))
            .order_by("slug")
            .values_list("shown", flat=True)
        )


def test_translated_is_the_text_the_visitor_sees_with_fallbacks():
    PartnerFactory(slug="a", name_nl="Hogeschool", name_en="University", name_de="Hochschule")
    PartnerFactory(slug="b", name_nl="Alleen Nederlands", name_en=None, name_de="")
    PartnerFactory(slug="c", name_nl="Nederlands", name_en="English only", name_de=None)
    assert shown_names("nl") == ["Hogeschool", "Alleen Nederlands", "Nederlands"]
    assert shown_names("en") == ["University", "Alleen Nederlands", "English only"]
    # German falls back to English, then Dutch, as modeltranslation shows it.
    assert shown_names("de") == ["Hochschule", "Alleen Nederlands", "English only"]
    with translation.override("de"):
        assert [p.name for p in Partner.objects.order_by("slug")] == shown_names("de")


class YearForm(FilterForm):
    year = forms.IntegerField(required=False)
    name = forms.CharField(required=False)


def test_filter_form_points_an_invalid_field_to_its_message():
    form = YearForm({"year": "abc", "name": "ok"})
    assert not form.is_valid()
    year = str(form["year"])
    assert 'aria-invalid="true"' in year
    assert 'aria-describedby="id_year_error"' in year
    assert "aria-invalid" not in str(form["name"])


@pytest.mark.parametrize(
    ("page", "shown", "notice"),
    [
        ("2", 2, False),
        ("abc", 1, True),
        ("999999", 2, True),
        ("-3", 2, True),
        ("9" * 500, 2, True),
    ],
)
def test_page_numbers_never_fail(client, page, shown, notice):
    for _ in range(25):
        PartnerFactory()
    response = client.get(f"/en/partners/?page={page}")
    assert response.status_code == 200
    assert response.context["page_obj"].number == shown
    assert bool(response.context["page_notice"]) is notice


def test_filters_count_as_applied_but_page_and_format_do_not(client):
    PartnerFactory()
    assert client.get("/en/partners/?page=1").context["is_filtered"] is False
    assert client.get("/en/partners/?country=").context["is_filtered"] is False
    assert client.get("/en/partners/?country=DE").context["is_filtered"] is True


def test_a_phone_visitor_can_jump_past_the_filters_to_the_counted_results(client):
    PartnerFactory.create_batch(3, country="DE")
    PartnerFactory(country="NL")
    html = client.get("/en/partners/?country=DE").content.decode()
    assert '<a href="#results">Go to the 3 results</a>' in html
    assert '<section id="results" tabindex="-1"' in html


def test_an_invalid_number_filter_is_echoed_in_a_text_field_not_a_number_field(client):
    html = client.get("/en/projects/", {"eu_min": "abc"}).content.decode()
    field = re.search(r'<input[^>]*name="eu_min"[^>]*>', html).group(0)
    assert 'type="text"' in field and 'value="abc"' in field and 'inputmode="decimal"' in field
    assert 'aria-invalid="true"' in field
    # The HTML checker allows min, max and step on a number field only.
    assert not re.search(r" (min|max|step)=", field)
    valid = client.get("/en/projects/", {"eu_min": "1000"}).content.decode()
    assert re.search(r'<input type="number" name="eu_min" value="1000"[^>]* min="0"', valid)


FORBIDDEN_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(
    ("address", "query"),
    [
        ("/en/projects/", {"q": "a\x00b", "sort": "\x9e<b>x</b>\x01"}),
        ("/de/projekte/", {"eu_min": "1\x17", "status": "\x83"}),
        ("/nl/partners/", {"country": "\x01", "q": "univ\x7f"}),
        ("/en/municipalities/", {"q": "\x08"}),
    ],
)
def test_control_characters_sent_to_a_filter_are_echoed_as_replacement_characters(client, address, query):
    """HTML forbids them in a page (W3C checker); they are refused or ignored as before,
    and what was sent is shown with U+FFFD in their place, as a browser would show it."""
    page = client.get(address, query).content.decode()
    assert not FORBIDDEN_IN_HTML.search(page)
    assert "\ufffd" in page
    assert "<b>x</b>" not in page


def test_a_nul_in_the_text_filter_is_still_refused_with_its_own_message(client):
    page = client.get("/en/projects/", {"q": "a\x00b"}).content.decode()
    assert "Null characters are not allowed" in page
    field = re.search(r'<input[^>]*name="q"[^>]*id="id_q"[^>]*>', page).group(0)
    assert 'value="a\ufffdb"' in field and 'aria-invalid="true"' in field


def test_fallback_language_names_the_language_of_a_fallback_text_only():
    partner = PartnerFactory.build(name_nl="Alleen Nederlands", name_en="", name_de=None, summary_nl="")
    with translation.override("nl"):
        assert fallback_language(partner, "name") == ""
        assert lang_attr(partner, "name") == ""
    with translation.override("de"):
        # German falls back to English, then Dutch.
        assert fallback_language(partner, "name") == "nl"
        assert lang_attr(partner, "name") == ' lang="nl"'
        # No text in any language: nothing to mark.
        assert lang_attr(partner, "summary") == ""


def test_lang_span_wraps_a_fallback_text_within_a_sentence_and_escapes_it():
    partner = PartnerFactory.build(summary_nl="<b>Zon</b> & wind", summary_en="", summary_de="Sonne")
    with translation.override("en"):
        assert lang_span(partner, "summary") == '<span lang="nl">&lt;b&gt;Zon&lt;/b&gt; &amp; wind</span>'
    with translation.override("de"):
        # The page's own language: the text alone, escaped by the template as any other.
        assert lang_span(partner, "summary") == "Sonne"
