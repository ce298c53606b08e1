"""Staged edits: a published item's changes saved as a draft stay off the public site
(content, links and inline rows) until "Publish changes"; staff preview them at the
public address; "Discard" drops them; stale forms are refused."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from projects.models import ParticipantRole, Participation, Project
from tests.core.test_history import change_url
from tests.core.test_revert import inline_rows, published_project_with_links
from tests.factories import MunicipalityFactory, PartnerFactory, ThemeFactory
from tests.staff import form_data, in_english, staff_member
from twente.core import cache
from twente.core.models import PendingChange, PublicationState
from twente.core.publishing import PUBLISHED_CHANGES_REASON
from twente.core.roles import EDITOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    in_english(client).force_login(staff_member(EDITOR, username="erika"))
    return client


def public_page(client, project, query=""):
    with translation.override("en"):
        return client.get(project.get_absolute_url() + query, HTTP_ACCEPT_LANGUAGE="en")


def stage(client, project, **changes):
    page = client.get(change_url(project))
    data = form_data(page, **changes)
    data["_save_pending"] = "1"
    response = client.post(change_url(project), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return response


def staged_project(editor_client):
    project, energy, enschede, lead = published_project_with_links()
    other_theme, other_place, new_partner = ThemeFactory(), MunicipalityFactory(), PartnerFactory()
    stage(
        editor_client,
        project,
        title_en="Smart heat, second phase",
        title_de="Intelligente Wärme, zweite Phase",
        themes=[str(other_theme.pk)],
        municipalities=[str(other_place.pk)],
        **inline_rows(
            "participations", [{"partner": str(new_partner.pk), "role": ParticipantRole.PARTNER}], existing=1
        ),
    )
    return project, energy, enschede, lead, other_theme, new_partner


def test_saving_as_draft_keeps_the_live_version_and_its_links_and_rows(editor_client):
    project, energy, enschede, lead, _theme, new_partner = staged_project(editor_client)
    history_before = project.history.count()

    project.refresh_from_db()
    assert project.title_en == "Smart heat"
    assert project.is_published
    assert list(project.themes.all()) == [energy]
    assert list(project.municipalities.all()) == [enschede]
    assert list(project.participations.values_list("partner", flat=True)) == [lead.partner_id]
    assert project.history.count() == history_before
    assert PendingChange.objects.count() == 1

    page = public_page(Client(), project)
    assert page.status_code == 200
    assert "Smart heat, second phase" not in page.content.decode()


def test_the_change_form_opens_on_the_pending_version(editor_client):
    project, *_rest, other_theme, new_partner = staged_project(editor_client)
    page = editor_client.get(change_url(project))
    form = page.context["adminform"].form
    assert form.initial["title_en"] == "Smart heat, second phase"
    assert [getattr(theme, "pk", theme) for theme in form.initial["themes"]] == [other_theme.pk]
    html = page.content.decode()
    assert "This item has unpublished changes." in html
    assert 'name="_publish_changes"' in html
    with translation.override("en"):
        # At the public address itself: the admin's "view on site" redirect drops the query.
        assert f'href="{project.get_absolute_url()}?preview=changes"' in html
    # Reading the pending version left the live row alone.
    project.refresh_from_db()
    assert project.title_en == "Smart heat"


def test_staff_preview_the_pending_version_at_the_public_address(editor_client):
    project, *_rest = staged_project(editor_client)
    live = public_page(editor_client, project).content.decode()
    preview = public_page(editor_client, project, "?preview=changes")
    assert "Smart heat, second phase" not in live
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Smart heat, second phase" in html
    assert "unpublished changes of this item" in html
    assert "no-store" in preview["Cache-Control"]
    project.refresh_from_db()
    assert project.title_en == "Smart heat"


def test_the_public_cannot_see_pending_changes(editor_client):
    project, *_rest = staged_project(editor_client)
    page = public_page(Client(), project, "?preview=changes")
    assert page.status_code == 200
    assert "Smart heat, second phase" not in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_publish_changes_applies_everything_and_records_it(editor_client):
    project, energy, _enschede, lead, other_theme, new_partner = staged_project(editor_client)
    generation = cache.current_generation()
    page = editor_client.get(change_url(project))
    data = form_data(page)
    data["_publish_changes"] = "1"
    response = editor_client.post(change_url(project), data)
    assert response.status_code == 302, response.context and response.context["errors"]

    project.refresh_from_db()
    assert project.title_en == "Smart heat, second phase"
    assert project.title_de == "Intelligente Wärme, zweite Phase"
    assert project.is_published
    assert list(project.themes.all()) == [other_theme]
    assert sorted(project.participations.values_list("partner", flat=True)) == sorted(
        [lead.partner_id, new_partner.pk]
    )
    assert not PendingChange.objects.exists()
    latest = project.history.first()
    assert latest.history_change_reason == PUBLISHED_CHANGES_REASON
    assert latest.title_en == "Smart heat, second phase"
    # The public pages are rebuilt (staging itself left the cache alone).
    assert cache.current_generation() > generation


def test_withdrawing_an_item_with_pending_changes_says_it_is_withdrawn(editor_client):
    project, *_rest = staged_project(editor_client)
    data = {**form_data(editor_client.get(change_url(project))), "_withdraw": "1"}
    response = editor_client.post(change_url(project), data, follow=True)
    project.refresh_from_db()
    assert project.publication_state == PublicationState.WITHDRAWN
    assert [str(message) for message in response.context["messages"]] == [
        f"“{project}” is withdrawn from the public site."
    ]


def test_a_plain_save_with_unpublished_changes_keeps_them_unpublished(editor_client):
    """Only "Publish changes" puts them live: a plain Save published a colleague's draft."""
    project, *_rest = staged_project(editor_client)
    page = editor_client.get(change_url(project))
    data = {**form_data(page, summary_en="Also a new summary."), "_save": "1"}
    response = editor_client.post(change_url(project), data, follow=True)
    project.refresh_from_db()
    assert project.title_en == "Smart heat"
    assert project.summary_en != "Also a new summary."
    pending = PendingChange.objects.get().data["item"][0]["fields"]
    assert (pending["title_en"], pending["summary_en"]) == ("Smart heat, second phase", "Also a new summary.")
    assert "saved as a draft" in str(next(iter(response.context["messages"])))


def test_discarding_changes_saved_again_since_the_form_opened_is_refused(editor_client):
    project, *_rest = staged_project(editor_client)
    opened = form_data(editor_client.get(change_url(project)))
    other = in_english(Client())
    other.force_login(staff_member(EDITOR, username="piet"))
    stage(other, project, title_en="Smart heat, third phase")
    response = editor_client.post(change_url(project), {**opened, "_discard_pending": "1"}, follow=True)
    assert PendingChange.objects.get().data["item"][0]["fields"]["title_en"] == "Smart heat, third phase"
    assert "so nothing was discarded" in str(next(iter(response.context["messages"])))


def test_a_stale_save_names_who_saved_the_unpublished_changes(editor_client):
    project, *_rest = published_project_with_links()
    opened = form_data(editor_client.get(change_url(project)), summary_en="Erika's summary.")
    other = in_english(Client())
    other.force_login(staff_member(EDITOR, username="piet"))
    stage(other, project, title_en="Piet's title")
    response = editor_client.post(change_url(project), {**opened, "_save_pending": "1"})
    assert response.status_code == 200
    assert "piet saved this item" in response.content.decode()


def test_discard_drops_the_pending_change(editor_client):
    project, energy, *_rest = staged_project(editor_client)
    page = editor_client.get(change_url(project))
    response = editor_client.post(change_url(project), {**form_data(page), "_discard_pending": "1"})
    assert response.status_code == 302
    assert not PendingChange.objects.exists()
    project.refresh_from_db()
    assert project.title_en == "Smart heat"
    assert list(project.themes.all()) == [energy]
    page = editor_client.get(change_url(project))
    assert page.context["adminform"].form.initial["title_en"] == "Smart heat"


def test_a_form_opened_before_the_changes_were_staged_is_refused(editor_client):
    project, *_rest = published_project_with_links()
    stale = form_data(editor_client.get(change_url(project)), title_en="Stale edit")
    stage(editor_client, project, title_en="Staged edit")
    response = editor_client.post(change_url(project), {**stale, "_save_pending": "1"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert PendingChange.objects.get().data["item"][0]["fields"]["title_en"] == "Staged edit"


def test_lists_show_and_filter_items_with_unpublished_changes(editor_client):
    project, *_rest = staged_project(editor_client)
    other = Project.objects.exclude(pk=project.pk).first()
    url = reverse("admin:projects_project_changelist")
    page = editor_client.get(url)
    assert "Published, with unpublished changes" in page.content.decode()
    filtered = editor_client.get(url, {"pending": "yes"})
    assert list(filtered.context["cl"].result_list) == [project]
    unfiltered = editor_client.get(url, {"pending": "no"})
    assert project not in list(unfiltered.context["cl"].result_list)
    assert other is None or other in list(unfiltered.context["cl"].result_list)


def test_drafts_have_no_staging_button(editor_client):
    project, *_rest = published_project_with_links()
    Project.objects.filter(pk=project.pk).update(publication_state=PublicationState.DRAFT)
    html = editor_client.get(change_url(project)).content.decode()
    assert 'name="_save_pending"' not in html
    assert Participation.objects.filter(project=project).count() == 1


def test_deleting_an_item_drops_its_pending_change(editor_client):
    project, *_rest = staged_project(editor_client)
    project.participations.all().delete()
    project.delete()
    assert not PendingChange.objects.exists()


def test_the_staging_buttons_and_notice_are_in_dutch_and_german(client):
    project, *_rest = published_project_with_links()
    client.force_login(staff_member(EDITOR, username="erika"))
    for language, button, notice in (
        ("nl", "Wijzigingen publiceren", "Dit item heeft niet-gepubliceerde wijzigingen."),
        ("de", "Änderungen veröffentlichen", "Dieser Eintrag hat unveröffentlichte Änderungen."),
    ):
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
        stage(client, project, title_en=f"Staged in {language}")
        html = client.get(change_url(project)).content.decode()
        assert button in html
        assert notice in html
