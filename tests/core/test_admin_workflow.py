"""Drafts and publishing, translation completeness, the needs-attention panel and the
admin lists that staff use every day."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partners.models import Contact, Partner
from projects.models import Project
from regions.models import InnovationDistrict, Theme
from tests.factories import (
    ContactFactory,
    InnovationDistrictFactory,
    MunicipalityFactory,
    PartnerFactory,
    ProjectFactory,
    ThemeFactory,
)
from tests.staff import form_data, in_english, staff_member
from twente.core.models import PublicationState
from twente.core.roles import EDITOR, LIAISON_OFFICER

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED, WITHDRAWN = PublicationState.DRAFT, PublicationState.PUBLISHED, PublicationState.WITHDRAWN


@pytest.fixture
def editor(client):
    client.force_login(staff_member(EDITOR, username="erika"))
    return in_english(client)


@pytest.fixture
def liaison(client):
    client.force_login(staff_member(LIAISON_OFFICER, username="lotte"))
    return in_english(client)


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


# Drafts and publishing


def test_a_new_item_is_created_as_a_draft_whatever_the_form_says(editor):
    add_url = reverse("admin:partners_partner_add")
    data = form_data(
        editor.get(add_url),
        name_nl="Universiteit Twente",
        slug="universiteit-twente",
        kind="knowledge_institute",
        publication_state="published",
    )
    assert editor.post(add_url, data).status_code == 302
    partner = Partner.objects.get(slug="universiteit-twente")
    assert partner.publication_state == DRAFT
    assert partner.published_at is None
    assert partner.history.first().history_user.username == "erika"


def test_bulk_publish_and_withdraw_are_recorded_in_history(editor):
    drafts = [ProjectFactory(publication_state=DRAFT) for _ in range(2)]
    ids = [p.pk for p in drafts]
    editor.post(changelist(Project), {"action": "publish_selected", "_selected_action": ids})
    published = Project.objects.filter(pk__in=ids)
    assert {p.publication_state for p in published} == {PUBLISHED}
    assert all(p.published_at is not None for p in published)
    first_published_at = {p.pk: p.published_at for p in published}
    for project in published:
        record = project.history.first()
        assert (record.history_change_reason, record.history_user.username) == ("published", "erika")

    editor.post(changelist(Project), {"action": "withdraw_selected", "_selected_action": ids})
    assert set(Project.objects.filter(pk__in=ids).values_list("publication_state", flat=True)) == {WITHDRAWN}
    editor.post(changelist(Project), {"action": "publish_selected", "_selected_action": ids})
    for project in Project.objects.filter(pk__in=ids):
        assert project.published_at == first_published_at[project.pk]  # first publication kept


def test_save_and_publish_button_on_the_change_form(editor):
    partner = PartnerFactory(publication_state=DRAFT)
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    page = editor.get(url)
    html = page.content.decode()
    assert 'name="_publish"' in html
    assert "Preview on site" in html
    response = editor.post(
        # The factory's partner lacks some translations: publishing asks to confirm that.
        url,
        {
            **form_data(page, summary_en="Partner city."),
            "_publish": "Save and publish",
            "_publish_confirmed": "1",
        },
    )
    assert response.status_code == 302 and response.url == url
    partner.refresh_from_db()
    assert partner.publication_state == PUBLISHED
    assert partner.summary_en == "Partner city."
    assert partner.history.first().history_change_reason == "published"

    html = editor.get(url).content.decode()
    assert 'name="_withdraw"' in html
    assert "View on site" in html and "Preview on site" not in html


def test_view_on_site_leads_to_the_public_page(editor):
    partner = PartnerFactory()
    html = editor.get(reverse("admin:partners_partner_change", args=[partner.pk])).content.decode()
    assert 'class="viewsitelink"' in html
    content_type = reverse("admin:view_on_site", args=[_content_type_id(Partner), partner.pk])
    assert content_type in html
    assert editor.get(content_type).url.endswith(f"/{partner.slug}/")


def _content_type_id(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def test_the_list_shows_the_state_and_filters_by_it(editor):
    PartnerFactory(name_en="Gepubliceerd")
    PartnerFactory(name_en="Concept", publication_state=DRAFT)
    html = editor.get(changelist(Partner), {"publication_state__exact": "draft"}).content.decode()
    assert "Concept" in html and "Gepubliceerd" not in html
    assert "Draft" in editor.get(changelist(Partner)).content.decode()


# Translation completeness


def test_the_list_shows_and_filters_missing_languages(editor):
    PartnerFactory(name_nl="Compleet", name_en="Fully translated", name_de="Vollständig")
    PartnerFactory(name_nl="Zonder Duits", name_en="Without German", name_de="")
    PartnerFactory(name_nl="Alleen Nederlands", name_en="", name_de="", description_nl="Tekst")
    # The list shows English names, falling back to Dutch where English is missing.
    html = editor.get(changelist(Partner)).content.decode()
    assert "<span>Translations</span>" in html
    assert "EN missing · DE missing" in html and "DE missing" in html and "complete" in html

    german = editor.get(changelist(Partner), {"translation": "missing-de"}).content.decode()
    assert "Without German" in german and "Alleen Nederlands" in german and "Fully translated" not in german
    english = editor.get(changelist(Partner), {"translation": "missing-en"}).content.decode()
    assert "Alleen Nederlands" in english and "Without German" not in english
    any_language = editor.get(changelist(Partner), {"translation": "missing"})
    assert any_language.context["cl"].result_count == 2


def test_a_text_written_only_in_german_is_missing_in_dutch(editor):
    partner = PartnerFactory(description_de="Nur auf Deutsch.")
    result = editor.get(changelist(Partner), {"translation": "missing-nl"}).context["cl"].result_list
    assert list(result) == [partner]


# Needs attention


def test_the_index_lists_what_needs_attention_with_links(liaison):
    summarised = PartnerFactory(name_de="", summary_nl="Kort.", summary_en="Short.", summary_de="Kurz.")
    PartnerFactory(summary_nl="", summary_en="", summary_de="")
    PartnerFactory(summary_nl="", publication_state=DRAFT)  # a draft needs no summary yet
    ContactFactory(partner=summarised, last_verified=None)
    ContactFactory(partner=summarised, last_verified=timezone.localdate() - datetime.timedelta(days=400))
    ContactFactory(partner=summarised, last_verified=timezone.localdate() - datetime.timedelta(days=30))
    html = liaison.get(reverse("admin:index")).content.decode()
    assert "Needs attention" in html
    assert f'href="{changelist(Partner)}?translation=missing"' in html
    assert "Partner organisations with missing translations: 1" in html
    assert "Published partner organisations without a summary: 1" in html
    assert "Contacts not verified in the last 12 months: 2" in html

    stale = liaison.get(reverse("admin:partners_contact_changelist"), {"verified": "stale"})
    assert stale.context["cl"].result_count == 2


def test_the_index_shows_no_contact_figures_to_an_editor(editor):
    ContactFactory(last_verified=None)
    html = editor.get(reverse("admin:index")).content.decode()
    assert "Needs attention" in html
    assert "Contacts not verified" not in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_index_query_count_does_not_grow_with_the_data(liaison):
    """Guards against a query per item in the needs-attention panel."""
    PartnerFactory(name_de="")
    ContactFactory(last_verified=None)
    few = count_queries(liaison, reverse("admin:index"))
    for _ in range(10):
        PartnerFactory(name_de="", summary_nl="")
        ContactFactory(last_verified=None)
        MunicipalityFactory(name_en="")
    assert count_queries(liaison, reverse("admin:index")) == few


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Partner, lambda: ContactFactory(partner=PartnerFactory(located_in=MunicipalityFactory())).partner),
        (Project, lambda: ProjectFactory(themes=[ThemeFactory()])),
        (Contact, lambda: ContactFactory()),
        (InnovationDistrict, lambda: InnovationDistrictFactory()),
        (Theme, lambda: ProjectFactory(themes=[ThemeFactory()]).themes.get()),
    ],
)
def test_changelist_query_count_does_not_grow_with_the_rows(liaison, model, make):
    """Guards against an N+1 in the list columns (organisation, programme, counts)."""
    make()
    few = count_queries(liaison, changelist(model))
    for _ in range(10):
        make()
    assert count_queries(liaison, changelist(model)) == few


def test_related_items_are_one_click_away(liaison):
    partner = PartnerFactory()
    ContactFactory(partner=partner)
    html = liaison.get(changelist(Partner)).content.decode()
    assert f"{reverse('admin:partners_contact_changelist')}?partner__id__exact={partner.pk}" in html
    assert f"{changelist(Project)}?partner={partner.pk}" in html


def test_search_finds_a_partner_by_its_german_name(editor):
    PartnerFactory(name_nl="Stad Münster", name_de="Stadt Münster")
    PartnerFactory(name_nl="Osnabrück")
    result = editor.get(changelist(Partner), {"q": "Stadt"}).context["cl"].result_list
    assert [p.name_nl for p in result] == ["Stad Münster"]


def test_preview_on_site_shows_a_draft_to_staff_only(editor):
    from django.test import Client

    partner = PartnerFactory(publication_state=DRAFT, description_en="Draft text.")
    preview_link = reverse("admin:view_on_site", args=[_content_type_id(Partner), partner.pk])
    preview = editor.get(preview_link, follow=True)
    assert preview.status_code == 200
    assert preview.context["is_preview"] is True
    assert "Draft text." in preview.content.decode()

    public_url = preview.redirect_chain[-1][0]
    assert Client().get(public_url).status_code == 404


def test_partners_filter_by_their_tie_with_twente(editor):
    from tests.factories import RelationshipFactory

    sister = RelationshipFactory(kind="sister_city", partner=PartnerFactory(name_en="Palo Alto")).partner
    RelationshipFactory(kind="partner_city", partner=PartnerFactory(name_en="Münster"))
    result = editor.get(changelist(Partner), {"tie": "sister_city"}).context["cl"].result_list
    assert list(result) == [sister]


def test_withdrawing_leaves_drafts_as_drafts(editor):
    draft = ProjectFactory(publication_state=DRAFT)
    editor.post(changelist(Project), {"action": "withdraw_selected", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.publication_state == DRAFT
    assert draft.version == 1
