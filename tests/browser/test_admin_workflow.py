"""A liaison officer's day in a real browser: log in, edit a partner's German text in
the translation tabs, publish it, and see it on the German public page."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.axe import axe_violations
from tests.factories import PartnerFactory, RelationshipFactory, ThemeFactory
from tests.staff import staff_member
from twente.core.models import PublicationState
from twente.core.roles import LIAISON_OFFICER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "not-a-real-password-42"


def csp_errors(page):
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return errors


def test_liaison_officer_edits_the_german_description_publishes_and_sees_it(page):
    staff_member(LIAISON_OFFICER, username="lotte")
    partner = PartnerFactory(
        name_nl="Stad Münster",
        name_en="City of Münster",
        name_de="Stadt Münster",
        slug="stadt-munster",
        description_de="Alte Beschreibung.",
        publication_state=PublicationState.DRAFT,
    )
    errors = csp_errors(page)

    page.goto("/admin/")
    page.fill("#id_username", "lotte")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#needs-attention-heading")

    page.goto(reverse("admin:partners_partner_change", args=[partner.pk]))
    german_description = page.locator("#id_description_de")
    assert not german_description.is_visible()  # behind its language tab
    page.click("#tab_id_description_de")  # the German tab of the description
    assert german_description.is_visible()
    german_description.fill("Partnerstadt von Enschede seit 2021.")
    # Only the German description is filled: publishing asks to confirm that first.
    assert "Dutch, English" in page.locator("#publish-warning").inner_text()
    page.check("input[name=_publish_confirmed]")
    page.click("input[name=_publish]")
    page.wait_for_selector(".messagelist .success")

    partner.refresh_from_db()
    assert partner.publication_state == PublicationState.PUBLISHED
    assert partner.description_de == "Partnerstadt von Enschede seit 2021."
    assert partner.description_nl == ""  # the other languages are untouched
    assert partner.history.first().history_user.username == "lotte"

    with translation.override("de"):
        german_page = reverse("partners:partner-detail", kwargs={"slug": partner.slug})
    page.context.clear_cookies()  # as a visitor, not as staff previewing
    response = page.goto(german_page)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_text("Partnerstadt von Enschede seit 2021.").is_visible()
    assert errors == []
    assert page.foreign_requests == []


def test_admin_pages_work_under_the_strict_csp_and_pass_accessibility_checks(page):
    staff_member(LIAISON_OFFICER, username="lotte")
    partner = RelationshipFactory(note_en="Partner city since 2021.").partner  # a filled inline row too
    theme = ThemeFactory()
    errors = csp_errors(page)
    page.goto("/admin/")
    page.fill("#id_username", "lotte")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#needs-attention-heading")
    for name, args in [
        ("admin:index", []),
        ("admin:partners_partner_changelist", []),
        ("admin:partners_partner_change", [partner.pk]),
        ("admin:partners_partner_history", [partner.pk]),
        ("admin:partners_partner_simple_history", [partner.pk, partner.history.first().pk]),
        ("admin:partners_contact_changelist", []),
        ("admin:projects_project_add", []),
        ("admin:regions_theme_change", [theme.pk]),
        ("admin:projects_fundingprogramme_changelist", []),
    ]:
        response = page.goto(reverse(name, args=args))
        assert response.status == 200, name
        # The accessibility touches (static/js/admin-translation-tabs.js) run on "load".
        page.wait_for_selector("html[data-admin-enhanced]", state="attached")
        assert axe_violations(page) == [], name  # no rule excluded
    # The language tabs are real tabs, built by the portal's script: proof that it ran.
    page.goto(reverse("admin:partners_partner_change", args=[partner.pk]))
    assert page.locator("[role=tablist] button[role=tab]").first.is_visible()
    assert errors == []
    assert page.foreign_requests == []
