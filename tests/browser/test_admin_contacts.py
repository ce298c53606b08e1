"""The liaison officer's merge of two duplicate contacts in a real browser, in Dutch and
German: chosen from the list, confirmed with the keyboard, each page passing axe."""

import pytest
from django.urls import reverse

from tests.browser.axe import axe_violations
from tests.browser.test_admin_languages import choose_language, log_in
from tests.factories import ContactFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["nl", "de"])
def test_two_duplicates_are_merged_from_the_list(page, language):
    partner = PartnerFactory()
    first = ContactFactory(partner=partner, name="Anna O'Neill", email="anna@example.org")
    second = ContactFactory(partner=partner, name="Anna O'Neill", email="a.oneill@example.org")
    log_in(page)
    choose_language(page, language)

    page.goto(reverse("admin:partners_contact_changelist"))
    page.check(f"input[name=_selected_action][value='{first.pk}']")
    page.check(f"input[name=_selected_action][value='{second.pk}']")
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    page.wait_for_selector("table")
    assert axe_violations(page) == []
    submit = page.locator("form input[type=submit], form button[type=submit]").last
    submit.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".messagelist .success")
    assert not type(first).objects.filter(pk=second.pk).exists()
    assert axe_violations(page) == []
