"""The admin entirely in the staff member's language: a member chooses Dutch or German
in the admin header, and the index, a list, a change form, the history and the revert
page show no English interface string (the visible text is checked against the English
texts of every catalogue the admin uses: Django's, modeltranslation's, simple-history's,
axes's and the portal's). And the admin works with a keyboard alone."""

import re
from functools import cache
from pathlib import Path

import axes
import django
import pytest
import simple_history
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils.translation import trans_real

from tests.factories import ParticipationFactory, ProjectFactory
from tests.staff import staff_member
from twente.core.models import PublicationState
from twente.core.roles import LIAISON_OFFICER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "not-a-real-password-42"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _catalogue_files():
    roots = [Path(django.__file__).parent, Path(simple_history.__file__).parent, Path(axes.__file__).parent]
    for root in roots:
        for domain in ("django", "djangojs"):
            yield from root.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")
            yield from root.glob(f"**/locale/de/LC_MESSAGES/{domain}.po")  # packages without an English one
    for locale_path in settings.LOCALE_PATHS:
        yield from Path(locale_path).glob("*/LC_MESSAGES/django*.po")


@cache
def english_texts():
    """Every English interface text (msgid) of the admin's catalogues: exact texts, and
    patterns for those with placeholders ("Search %(name)s")."""
    exact, patterns = set(), []
    for path in _catalogue_files():
        with path.open("rb") as file:
            for message in read_po(file):
                for msgid in message.id if isinstance(message.id, tuple) else [message.id]:
                    if not msgid or len(msgid) < 3:
                        continue
                    if PLACEHOLDER.search(msgid):
                        parts = PLACEHOLDER.split(msgid)
                        if sum(len(part.strip()) for part in parts) >= 6:
                            patterns.append((msgid, re.compile(".+?".join(map(re.escape, parts)) + "$")))
                    else:
                        exact.add(msgid)
    return exact, patterns


def english_strings(texts, language):
    """The visible `texts` that are English interface strings in a `language` page."""
    merged = trans_real.translation(language)._catalog
    scripts = trans_real.DjangoTranslation(language, domain="djangojs")._catalog
    # Every translation of every catalogue (the portal's first, then the packages').
    translations = {value for _msgid, value in [*merged.items(), *scripts.items()] if isinstance(value, str)}
    catalogue = {msgid: merged.get(msgid) for msgid, _value in merged.items()}
    exact, patterns = english_texts()
    found = []
    for text in texts:
        text = text.strip().rstrip(":").strip()
        if len(text) < 3 or text in translations:
            continue  # a translated text, or one the same in both languages ("Filter", "Status")
        untranslated = (pattern.match(text) and catalogue.get(msgid) != msgid for msgid, pattern in patterns)
        if text in exact or any(untranslated):
            found.append(text)
    return found


VISIBLE_TEXTS = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!element || element.closest("script, style, template, noscript")) continue;
    if (!element.checkVisibility()) continue;
    node.textContent.split(/\\n/).forEach((line) => line.trim() && texts.push(line.trim()));
  }
  document.querySelectorAll("input[type=submit], input[type=button]").forEach((input) => {
    if (input.checkVisibility()) texts.push(input.value);
  });
  // Accessible names given apart from the text (the date picker's "Today (7 December 2026)").
  document.querySelectorAll("[aria-label]").forEach((element) => {
    if (element.checkVisibility()) texts.push(element.getAttribute("aria-label"));
  });
  document.querySelectorAll("select option").forEach((option) => {
    // A language named in its own language (the language choice) is meant so.
    const own = !option.lang || option.lang === document.documentElement.lang;
    if (own && option.parentElement.checkVisibility()) texts.push(option.textContent.trim());
  });
  return texts;
}"""


def log_in(page, role=LIAISON_OFFICER, username="lotte", ready="#needs-attention-heading"):
    """A new staff member of `role` logs in; `ready` is what the admin index shows them."""
    staff_member(role, username=username)
    page.goto("/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector(ready)


def run_action(page, changelist_url, action, *objects):
    """Tick the objects on the change list and run the bulk action on them."""
    page.goto(changelist_url)
    for obj in objects:
        page.check(f"input[name=_selected_action][value='{obj.pk}']")
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


def choose_language(page, language):
    page.select_option("#admin-language", language)
    page.click(".admin-language button[type=submit]")
    page.wait_for_selector(f"html[lang={language}]")


@pytest.mark.parametrize("language", ["nl", "de"])
def test_the_admin_speaks_the_chosen_language_only(page, language):
    log_in(page)  # the browser asks for English (locale en-GB)
    assert page.locator("html").get_attribute("lang") == "en"
    choose_language(page, language)

    project = ProjectFactory(start_date="2024-01-01")
    ParticipationFactory(project=project)
    project.title_nl = "Nieuwe titel"
    project.save()  # a second version, so the history lists a change
    record = project.history.last()
    pages = [
        ("index", reverse("admin:index")),
        ("list", reverse("admin:projects_project_changelist")),
        ("change form", reverse("admin:projects_project_change", args=[project.pk])),
        ("history", reverse("admin:projects_project_history", args=[project.pk])),
        ("revert", reverse("admin:projects_project_simple_history", args=[project.pk, record.pk])),
    ]
    found = {}
    for name, url in pages:
        page.goto(url)
        if name == "change form":
            page.click("#calendarlink0")  # the date picker's calendar names its days and months
        assert page.locator("html").get_attribute("lang") == language, name  # kept in its cookie
        assert page.title().endswith("Netwerkstad Twente"), name
        found[name] = english_strings(page.evaluate(VISIBLE_TEXTS), language)
    assert found == dict.fromkeys(found, [])


def test_a_change_form_is_saved_with_the_keyboard_alone_and_save_comes_before_delete(page):
    log_in(page)
    project = ProjectFactory(publication_state=PublicationState.DRAFT)
    page.goto(reverse("admin:projects_project_change", args=[project.pk]))
    page.wait_for_selector("html[data-admin-enhanced]", state="attached")

    # The language tabs: arrow keys move between them and open their panel.
    page.focus("#tab_id_title_nl")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab_id_title_en"
    assert page.locator("#id_title_en").is_visible()
    assert not page.locator("#id_title_nl").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_title_en"  # into the open panel
    page.keyboard.press("End")
    page.keyboard.type(" (revised)")

    # Tab on to the buttons: every save button is reached before Delete.
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(() => { const e = document.activeElement; return e.name || e.className || e.id; })()"
        )
        reached.append(focused)
        if focused == "deletelink":
            break
    assert "deletelink" in reached
    for button in ["_publish", "_save", "_continue"]:
        assert button in reached and reached.index(button) < reached.index("deletelink"), button

    page.focus("input[name=_continue]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".messagelist .success")
    project.refresh_from_db()
    assert project.title_en.endswith(" (revised)")
