"""Staged edits in a real browser, in German: an editor saves a change to a published
project as a draft, the public still reads the published text, the editor previews the
change at the public address, and publishes it with the keyboard. The pages pass axe
and show no English interface string."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.axe import axe_violations
from tests.browser.test_admin_languages import VISIBLE_TEXTS, choose_language, english_strings, log_in
from tests.factories import ProjectFactory
from twente.core.models import PendingChange, PublicationState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_stages_previews_and_publishes_a_change_in_german(page, browser, live_server):
    log_in(page)
    choose_language(page, "de")
    project = ProjectFactory(
        title_nl="Slimme warmte",
        title_en="Smart heat",
        title_de="Intelligente Wärme",
        slug="slimme-warmte",
        start_date="2024-01-01",
        publication_state=PublicationState.PUBLISHED,
    )
    with translation.override("de"):
        public_url = project.get_absolute_url()

    page.goto(reverse("admin:projects_project_change", args=[project.pk]))
    page.wait_for_selector("html[data-admin-enhanced]", state="attached")
    page.click("#tab_id_title_de")
    page.fill("#id_title_de", "Intelligente Wärme, zweite Phase")
    page.click("input[name=_save_pending]")
    page.wait_for_selector(".messagelist .success")

    assert page.locator(".pending-notice").is_visible()
    assert page.input_value("#id_title_de") == "Intelligente Wärme, zweite Phase"
    assert axe_violations(page) == []
    assert english_strings(page.evaluate(VISIBLE_TEXTS), "de") == []
    assert PendingChange.objects.count() == 1

    visitor = browser.new_context(base_url=live_server.url, locale="de-DE").new_page()
    visitor.goto(public_url)
    assert "Intelligente Wärme, zweite Phase" not in visitor.content()
    visitor.context.close()

    page.goto(public_url + "?preview=changes")
    assert page.get_by_role("heading", level=1).inner_text() == "Intelligente Wärme, zweite Phase"
    assert page.locator(".preview-banner").is_visible()
    assert axe_violations(page) == []

    page.goto(reverse("admin:projects_project_change", args=[project.pk]))
    page.focus("input[name=_publish_changes]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".messagelist .success")
    project.refresh_from_db()
    assert project.title_de == "Intelligente Wärme, zweite Phase"
    assert project.publication_state == PublicationState.PUBLISHED
    assert not PendingChange.objects.exists()
