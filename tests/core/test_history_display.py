"""The history page as a person reads it: numbered versions, translated reasons, choice
labels, local times to the second, euro amounts, linked names, fields in form order."""

import datetime
import decimal

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.core.test_history import change_url, edit, history_url, revert
from tests.core.test_revert import inline_rows, published_project_with_links
from tests.factories import PartnerFactory, ProjectFactory, ThemeFactory
from tests.staff import form_data, in_english, staff_member
from twente.core.history_display import word_diff
from twente.core.roles import EDITOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    in_english(client).force_login(staff_member(EDITOR, username="erika"))
    return client


def test_changes_are_shown_as_a_person_reads_them(editor_client):
    energy = ThemeFactory(name_en="Energy")
    project = ProjectFactory(status="planned", eu_contribution=None, total_budget=None)
    edit(editor_client, project)
    edit(
        editor_client,
        project,
        status="running",
        total_budget="1440000.00",
        eu_contribution="1000000.50",
        themes=[str(energy.pk)],
        title_en="A new title",
    )
    page = editor_client.get(history_url(project)).content.decode()
    start = page.index('<table id="change-history">')
    page = page[start : page.index("</table>", start)]
    text = " ".join(strip_tags(page).split())
    assert "Planned → Running" in text
    assert "€1,440,000" in text and "€1,000,000.50" in text
    theme_url = reverse("admin:regions_theme_change", args=[energy.pk])
    assert f'<a href="{theme_url}">' in page and "Energy" in text
    # Form order: the title (first field) before the status, the budget before the themes.
    assert text.index("Title [en]") < text.index("Status") < text.index("Total budget") < text.index("Themes")


def test_versions_are_numbered_and_reasons_translated(client):
    client.force_login(staff_member(EDITOR, username="erika"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    project = ProjectFactory(publication_state="draft")
    edit(client, project)
    first = project.history.first()
    url = reverse("admin:projects_project_change", args=[project.pk])
    page = client.get(url)
    from tests.staff import form_data

    client.post(url, {**form_data(page), "_publish": "1"})
    revert(client, project, first)
    count = project.history.count()
    page = client.get(history_url(project)).content.decode()
    assert f'<strong class="history-version">{count}</strong>' in page
    number = (
        list(project.history.order_by("history_date").values_list("history_id", flat=True)).index(
            first.history_id
        )
        + 1
    )
    assert f"Version {number} wiederhergestellt" in page
    assert "Veröffentlicht" in page
    assert "restored:" not in page


def test_history_times_are_local_and_to_the_second(editor_client, settings):
    project = ProjectFactory()
    record = project.history.first()
    record.history_date = datetime.datetime(2026, 7, 1, 10, 15, 42, tzinfo=datetime.UTC)
    record.save()
    page = editor_client.get(history_url(project)).content.decode()
    assert "12:15:42" in page  # Europe/Amsterdam in summer


def test_word_diff_marks_only_the_changed_words():
    old, new = word_diff("Heat for <the> district", "Heat for the whole district")
    assert old == "Heat for <del>&lt;the&gt; </del>district"
    assert new == "Heat for <ins>the whole </ins>district"


def test_money_is_shown_in_euro():
    from projects.models import Project
    from twente.core.history_display import readable_value

    assert readable_value(Project._meta.get_field("total_budget"), decimal.Decimal("2500.00")) in {
        "€2,500",
        "€\u00a02.500",
        "2.500\u00a0€",
    }


def test_participants_added_are_in_the_history(editor_client):
    """Inline rows are kept with each version (for a revert) but were not shown: a
    colleague's added participant was nowhere in the history (a two-editor check)."""
    project, _energy, _enschede, lead = published_project_with_links()
    edit(editor_client, project)  # a version with the lead partner
    newcomer = PartnerFactory(name_en="Hochschule Almelo")
    page = editor_client.get(change_url(project))
    rows = inline_rows("participations", [{"partner": str(newcomer.pk), "role": "partner"}], existing=1)
    response = editor_client.post(change_url(project), {**form_data(page), **rows})
    assert response.status_code == 302
    page = editor_client.get(history_url(project)).content.decode()
    start = page.index('<table id="change-history">')
    newest = page[start : page.index("</tr>", page.index("<tbody>", start))]
    text = " ".join(strip_tags(newest).split())
    assert "Participants" in text
    assert "Hochschule Almelo (Partner)" in text
    assert str(lead.partner) not in text
