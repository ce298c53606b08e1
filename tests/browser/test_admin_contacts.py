"""The liaison officer's merge of two duplicate contacts (and its reason in the history)
and erasure of one in a real browser, in Dutch and German: chosen from the list,
confirmed with the keyboard, each page passing axe."""

import pytest
from django.db.models import F
from django.urls import reverse

from partners.models import ContactList
from tests.browser.axe import axe_violations
from tests.browser.test_admin_languages import choose_language, log_in, run_action
from tests.factories import ContactFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["nl", "de"])
def test_two_duplicates_are_merged_from_the_list(page, language):
    partner = PartnerFactory()
    first = ContactFactory(partner=partner, name="Anna O'Neill", email="anna@example.org")
    second = ContactFactory(partner=partner, name="Anna O'Neill", email="a.oneill@example.org")
    log_in(page)
    choose_language(page, language)

    run_action(page, reverse("admin:partners_contact_changelist"), "merge_selected", first, second)
    page.wait_for_selector("table")
    assert axe_violations(page) == []
    submit = page.locator("form input[type=submit], form button[type=submit]").last
    submit.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".messagelist .success")
    assert not type(first).objects.filter(pk=second.pk).exists()
    assert axe_violations(page) == []
    # The kept contact's history says why, in the officer's language.
    page.goto(reverse("admin:partners_contact_history", args=[first.pk]))
    merged = {"nl": "Samengevoegd met", "de": "Zusammengeführt mit"}[language]
    assert f"{merged} Anna O'Neill (#{second.pk})" in page.locator("#change-history").inner_text()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["nl", "de"])
def test_a_contact_is_erased_after_confirming_with_the_keyboard(page, language):
    leaving = ContactFactory(name="Bernd Kühn", email="bernd@example.org")
    staying = ContactFactory(name="Carla Elsewhere")
    log_in(page)
    choose_language(page, language)

    run_action(page, reverse("admin:partners_contact_changelist"), "erase_selected", leaving)
    page.wait_for_selector("input.deletelink")
    assert "Bernd Kühn" in page.locator("#content-main ul").inner_text()
    assert type(leaving).objects.filter(pk=leaving.pk).exists(), "nothing goes before confirmation"
    assert axe_violations(page) == []
    page.locator("input.deletelink").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".messagelist .success")
    assert not type(leaving).objects.filter(pk=leaving.pk).exists()
    assert type(staying).objects.filter(pk=staying.pk).exists()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["nl", "de"])
def test_the_export_page_filters_with_one_click_each_and_downloads_what_it_lists(page, language):
    """The text box narrows a checkbox list, one click (or Space) picks a partner, the
    count and the first matching contacts follow, and Download beside the count gives
    exactly those contacts; a mailing leaves out who did not consent."""
    munster = PartnerFactory(name_nl="Stad Münster", name_en="City of Münster", name_de="Stadt Münster")
    PartnerFactory(name_nl="Stad Osnabrück", name_en="City of Osnabrück", name_de="Stadt Osnabrück")
    consenting = ContactFactory(
        partner=munster, name="Anna O'Neill", mailing_consent=True, mailing_consent_date="2026-01-05"
    )
    ContactFactory(partner=munster, name="Bernd Kühn", mailing_consent=False)
    ContactFactory(name="Carla Elsewhere")
    log_in(page)
    choose_language(page, language)

    page.goto(reverse("admin:partners_contact_export"))
    searches = page.locator("input.contact-filter-search")
    assert searches.count() == page.locator("div.contact-filter-choices").count() == 4
    assert axe_violations(page) == []

    partner_choices = page.locator("#id_partner")
    partner_search = page.locator("#id_partner").locator("xpath=preceding-sibling::input[1]")
    city = "Stadt" if language == "de" else "Stad"
    partner_search.fill("münster")
    assert partner_choices.get_by_label(f"{city} Münster").is_visible()
    assert not partner_choices.get_by_label(f"{city} Osnabrück").is_visible()
    # Keyboard alone: Tab from the text box to the first shown choice, Space ticks it.
    partner_search.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert partner_choices.locator(f"input[value='{munster.pk}']").is_checked()
    page.locator(".contact-export-filters input[name=count]").click()

    page.wait_for_selector(".contact-export-count h2")
    assert page.locator(".contact-export-count h2").inner_text().startswith("2 ")
    rows = page.locator("#content-main table tbody tr")
    assert [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())] == [
        "Anna O'Neill",
        "Bernd Kühn",
    ]
    assert axe_violations(page) == []

    # A mailing as a BCC list: the count says who is left out, and the file has only Anna.
    page.locator("input[name=purpose][value=mailing]").check()
    page.locator("input[name=export_format][value=emails]").check()
    page.locator(".contact-export-count input[name=count]").click()
    page.wait_for_selector(".contact-export-count p")
    assert page.locator(".contact-export-count h2").inner_text().startswith("1 ")
    with page.expect_download() as download_info:
        page.locator(".contact-export-count input[name=download]").click()
    content = download_info.value.path().read_text(encoding="utf-8")
    assert consenting.email in content
    assert content.count("@") == 1


@pytest.mark.parametrize("language", ["nl", "de"])
def test_the_contact_form_names_its_autocomplete_fields(page, language):
    """Select2 names its combobox after the chosen value only; an empty municipality or
    partner field must still have a name (its label), once Select2 has drawn it."""
    contact = ContactFactory(partner=PartnerFactory(), municipality=None)
    log_in(page)
    choose_language(page, language)
    page.goto(reverse("admin:partners_contact_change", args=[contact.pk]))
    page.wait_for_selector("#select2-id_municipality-container", state="attached")
    for field in ("municipality", "partner"):
        combobox = page.locator(f".field-{field} .select2-selection[role=combobox]")
        labelled_by = combobox.get_attribute("aria-labelledby").split()
        label_id = page.locator(f"label[for=id_{field}]").get_attribute("id")
        assert labelled_by[0] == label_id
        shown = page.locator(f"#select2-id_{field}-container")
        assert shown.get_attribute("aria-labelledby") == label_id
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["nl", "de"])
def test_a_saved_list_changed_meanwhile_is_not_overwritten_and_says_so(page, language):
    kept = ContactFactory(name="Jan Jansen")
    delegation = ContactList.objects.create(name="Delegation Münster 2027")
    log_in(page)
    choose_language(page, language)
    page.goto(reverse("admin:partners_contactlist_change", args=[delegation.pk]))
    # Another liaison officer adds a member while this form is open.
    delegation.members.add(kept)
    ContactList.objects.filter(pk=delegation.pk).update(version=F("version") + 1)
    page.fill("#id_description", "Visit in March.")
    page.locator("input[name=_save]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".errornote, .conflict, [role=alert]")
    delegation.refresh_from_db()
    assert delegation.description == "" and list(delegation.members.all()) == [kept]
    assert axe_violations(page) == []
