"""Outdated translations in a real browser: the tab of an outdated translation says so,
its panel explains since when, and "The English texts are still correct" clears it;
the form and the bulk publish confirmation (in English, Dutch and German, confirmed with
the keyboard) pass axe-core."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from projects.models import Project
from tests.browser.axe import axe_violations
from tests.browser.test_admin_languages import choose_language, run_action
from tests.browser.test_admin_languages import log_in as log_in_as
from tests.factories import ProjectFactory
from twente.core.models import PublicationState
from twente.core.roles import EDITOR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page):
    log_in_as(page, EDITOR, username="erika", ready="#translation-status-heading")


def test_an_outdated_translation_is_marked_in_its_tab_and_confirmed(page):
    project = ProjectFactory(publication_state=PublicationState.DRAFT)
    project.summary_nl = "Een herschreven samenvatting."
    project.save()
    log_in(page)

    page.goto(reverse("admin:projects_project_change", args=[project.pk]))
    page.wait_for_selector("html[data-admin-enhanced]", state="attached")
    english_tab = page.locator("#tab_id_summary_en")
    assert "(outdated)" in english_tab.inner_text()
    assert "(outdated)" not in page.locator("#tab_id_title_en").inner_text()
    english_tab.click()
    assert page.locator("#panel_id_summary_en .outdated-notice").is_visible()
    assert "outdated: Summary" in page.locator("#publish-warning").inner_text()
    assert axe_violations(page) == []

    page.get_by_label("The English texts are still correct").check()
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    project.refresh_from_db()
    assert list(project.outdated_translations) == ["de"]
    assert "(outdated)" not in page.locator("#tab_id_summary_en").inner_text()
    assert "(outdated)" in page.locator("#tab_id_summary_de").inner_text()


@pytest.mark.parametrize("language", ["en", "nl", "de"])
def test_the_bulk_publish_confirmation_passes_axe_and_publishes(page, language):
    project = ProjectFactory(publication_state=PublicationState.DRAFT, title_en="Lighting", summary_de="")
    log_in(page)
    if language != "en":
        choose_language(page, language)
    run_action(page, reverse("admin:projects_project_changelist"), "publish_selected", project)
    page.wait_for_selector(".publish-problems")
    with translation.override(language):
        shown_name = str(Project.objects.get(pk=project.pk))  # the title in the admin's language
        missing = gettext("German")
        confirm = page.locator(f"input[type=submit][value='{gettext('Confirm: publish them')}']")
    problems = page.locator(".publish-problems").inner_text()
    assert shown_name in problems and missing in problems
    assert axe_violations(page) == []
    assert not Project.objects.published().exists()
    confirm.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".messagelist .success")
    assert page.locator("html").get_attribute("lang") == language
    assert Project.objects.published().count() == 1
