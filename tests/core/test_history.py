"""History: who changed what and when, shown per field and language, and a revert that
restores the exact earlier values in all three languages (and related items)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from tests.factories import PartnerFactory, ProjectFactory, RelationshipFactory, ThemeFactory
from tests.staff import form_data, in_english, staff_member
from twente.core.roles import EDITOR

pytestmark = pytest.mark.django_db

ORIGINAL = {
    "name_nl": "Stad Münster",
    "name_en": "City of Münster",
    "name_de": "Stadt Münster",
    "description_nl": "Partnerstad van Enschede.",
    "description_en": "Partner city of Enschede.",
    "description_de": "Partnerstadt von Enschede.",
}
EDITED = {key: f"{value} (edited)" for key, value in ORIGINAL.items()}


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def edit(client, obj, **changes):
    response = client.get(change_url(obj))
    response = client.post(change_url(obj), form_data(response, **changes))
    assert response.status_code == 302, response.context and response.context["errors"]


def revert(client, obj, record):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, record.pk])
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, form_data(page))


@pytest.fixture
def editor_client(client):
    in_english(client).force_login(staff_member(EDITOR, username="erika"))
    return client


def test_an_admin_edit_records_who_when_and_what(editor_client):
    partner = PartnerFactory(**ORIGINAL)
    edit(editor_client, partner, description_de="Partnerstadt seit 2021.")
    latest = partner.history.first()
    assert latest.history_user.username == "erika"
    assert latest.description_de == "Partnerstadt seit 2021."
    assert latest.description_nl == ORIGINAL["description_nl"]


def test_history_page_shows_each_change_per_field_and_language(editor_client):
    partner = PartnerFactory(**ORIGINAL)
    edit(editor_client, partner, description_de="Partnerstadt seit 2021.")
    page = editor_client.get(history_url(partner)).content.decode()
    assert "Description [de]:" in page
    # The changed words are marked, so the texts are read without the marks.
    text = strip_tags(page)
    assert "Partnerstadt von Enschede." in text and "Partnerstadt seit 2021." in text
    assert "Partnerstadt <del>von Enschede.</del>" in page and "<ins>seit 2021.</ins>" in page
    assert "erika" in page
    # Only the German text changed: the other languages are not listed as changes.
    assert "Description [nl]:" not in page
    assert "style=" not in page  # strict CSP: no inline styles


def test_an_admin_save_stores_text_without_control_characters(editor_client):
    """Pasted from a word processor: its line break within a paragraph (a vertical tab)
    becomes a newline, and a stray control character, which no page or feed can show,
    is dropped."""
    partner = PartnerFactory(**ORIGINAL)
    relationship = RelationshipFactory(partner=partner, note_en="Since 2021.")
    note = next(key for key in form_data(editor_client.get(change_url(partner))) if key.endswith("-note_en"))
    edit(
        editor_client,
        partner,
        name_en="City\x01 of Münster",
        description_de="Zeile eins\x0bZeile zwei",
        **{note: "Since\x0c2021."},  # in an inline row
    )
    partner.refresh_from_db()
    relationship.refresh_from_db()
    assert partner.name_en == "City of Münster"
    assert partner.description_de == "Zeile eins\nZeile zwei"
    assert relationship.note_en == "Since\n2021."


def test_history_page_dates_each_change_in_a_valid_html_datetime(editor_client):
    """Seconds and a zone offset: HTML allows at most three decimals, which Django's "c"
    format exceeds (W3C checker)."""
    partner = PartnerFactory(**ORIGINAL)
    edit(editor_client, partner, description_de="Partnerstadt seit 2021.")
    page = editor_client.get(history_url(partner)).content.decode()
    stamps = re.findall(r'<time datetime="([^"]*)"', page)
    assert stamps
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp) for stamp in stamps), stamps


@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_revert_restores_the_exact_earlier_values_in_all_three_languages(editor_client, language):
    partner = PartnerFactory(**ORIGINAL)
    first_version = partner.history.first()
    with translation.override(language):
        edit(editor_client, partner, **EDITED)
        partner.refresh_from_db()
        assert partner.description_de == EDITED["description_de"]

        response = revert(editor_client, partner, first_version)
    assert response.status_code == 302
    partner.refresh_from_db()
    for field, value in ORIGINAL.items():
        assert getattr(partner, field) == value, field


def test_the_revert_itself_is_recorded(editor_client):
    partner = PartnerFactory(**ORIGINAL)
    first_version = partner.history.first()
    edit(editor_client, partner, **EDITED)
    revert(editor_client, partner, first_version)
    latest = partner.history.first()
    assert partner.history.count() == 3
    assert latest.history_user.username == "erika"
    assert latest.history_change_reason.startswith("restored:")
    assert latest.name_de == ORIGINAL["name_de"]
    partner.refresh_from_db()
    assert partner.version == 3


def test_revert_restores_related_items_kept_in_history(editor_client):
    energy, health = ThemeFactory(), ThemeFactory()
    project = ProjectFactory(themes=[energy])
    edit(editor_client, project, themes=[str(health.pk)])
    project.refresh_from_db()
    assert list(project.themes.all()) == [health]
    version_with_energy = project.history.filter(version=1).order_by("-history_date").first()
    assert [row.theme_id for row in version_with_energy.themes.all()] == [energy.pk]

    revert(editor_client, project, version_with_energy)
    assert list(project.themes.all()) == [energy]


def test_someone_who_may_only_view_cannot_revert(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user(
        username="viewer", password="x-long-password-1", is_staff=True
    )
    viewer.user_permissions.add(Permission.objects.get(codename="view_partner"))
    partner = PartnerFactory(**ORIGINAL)
    first_version = partner.history.first()
    partner.name_de = "Geändert"
    partner.save()
    in_english(client).force_login(viewer)
    url = reverse("admin:partners_partner_simple_history", args=[partner.pk, first_version.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="Revert"' not in page.content.decode()
    assert client.post(url, {"name_nl": "x"}).status_code == 403
    partner.refresh_from_db()
    assert partner.name_de == "Geändert"


@pytest.mark.parametrize("suffix", ["12/change/history/", "abc/history/", "1/history/abc/"])
def test_a_mistyped_history_address_is_a_404(editor_client, suffix):
    PartnerFactory()
    assert editor_client.get(f"/admin/partners/partner/{suffix}").status_code == 404
