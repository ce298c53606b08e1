"""Translations marked outdated when the Dutch text changes (twente.core.translation_status)
and the admin's translation status: list column and filter, index panel, the change
form's notices and confirmation, and publishing that asks about missing and outdated
translations, on the form and in bulk."""

import pytest
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from tests.factories import PartnerFactory, ProjectFactory, ThemeFactory
from tests.staff import form_data, in_english, staff_member
from twente.core.models import PublicationState
from twente.core.roles import EDITOR
from twente.core.translation_status import translations_confirm

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT


@pytest.fixture
def editor(client):
    client.force_login(staff_member(EDITOR, username="erika"))
    return in_english(client)


def in_language(client, code):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = code
    return client


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def reloaded(obj):
    return type(obj).objects.get(pk=obj.pk)


def outdated_project(**kwargs):
    """A project whose Dutch summary changed after its English and German ones were written."""
    project = ProjectFactory(**kwargs)
    project.summary_nl = "Een nieuwe samenvatting."
    project.save()
    return reloaded(project)


# Marking on save -------------------------------------------------------------------------


def test_a_new_item_has_no_outdated_translations():
    assert ProjectFactory().outdated_translations == {}


def test_a_dutch_change_marks_the_english_and_german_texts_of_that_field():
    project = outdated_project()
    assert set(project.outdated_translations) == {"en", "de"}
    assert list(project.outdated_translations["en"]) == ["summary"]
    assert list(project.outdated_translations["de"]) == ["summary"]


def test_a_translation_changed_in_the_same_save_is_not_marked():
    project = ProjectFactory()
    project.summary_nl = "Nieuw."
    project.summary_en = "New."
    project.save()
    assert reloaded(project).outdated_translations.keys() == {"de"}


def test_an_empty_translation_is_missing_not_outdated():
    project = ProjectFactory(summary_de="")
    project.summary_nl = "Nieuw."
    project.save()
    assert reloaded(project).outdated_translations.keys() == {"en"}


def test_other_changes_and_whitespace_mark_nothing():
    project = ProjectFactory()
    project.summary_nl = project.summary_nl + "  "
    project.slug = "another-slug"
    project.save()
    assert reloaded(project).outdated_translations == {}


def test_changing_or_emptying_the_translation_clears_its_mark():
    project = outdated_project()
    project.summary_en = "A new summary."
    project.summary_de = ""
    project.save()
    assert reloaded(project).outdated_translations == {}


def test_a_save_with_update_fields_writes_the_marks_too():
    project = ProjectFactory()
    project.title_nl = "Andere titel"
    project.save(update_fields=["title_nl"])
    marks = reloaded(project).outdated_translations
    assert list(marks["en"]) == ["title"] and list(marks["de"]) == ["title"]


def test_a_later_dutch_change_adds_the_next_field():
    project = outdated_project()
    project.title_nl = "Andere titel"
    project.save()
    assert sorted(reloaded(project).outdated_translations["en"]) == ["summary", "title"]


def test_the_dutch_text_changed_back_takes_the_mark_away():
    project = ProjectFactory(summary_nl="Oorspronkelijk.")
    project.summary_nl = "Eerste wijziging."
    project.save()
    project.summary_nl = "Tweede wijziging."
    project.save()
    assert reloaded(project).outdated_translations.keys() == {"en", "de"}
    project.summary_nl = "Oorspronkelijk."
    project.save()
    assert reloaded(project).outdated_translations == {}


def test_a_revert_of_the_dutch_text_takes_the_mark_away(editor):
    project = ProjectFactory(summary_nl="Oorspronkelijk.")
    page = editor.get(change_url(project))
    editor.post(change_url(project), form_data(page, summary_nl="Gewijzigd."))
    assert reloaded(project).outdated_translations.keys() == {"en", "de"}
    first = project.history.order_by("history_id").first()
    revert_url = reverse("admin:projects_project_simple_history", args=[project.pk, first.history_id])
    page = editor.get(revert_url)
    response = editor.post(revert_url, form_data(page))
    assert response.status_code == 302
    project = reloaded(project)
    assert project.summary_nl == "Oorspronkelijk."
    assert project.outdated_translations == {}


def test_confirming_clears_the_marks_of_the_languages_named():
    project = outdated_project()
    assert translations_confirm(items=[project], languages=["en"]) == [project]
    assert reloaded(project).outdated_translations.keys() == {"de"}
    assert len(translations_confirm(items=Project.objects.all())) == 1
    assert reloaded(project).outdated_translations == {}


def test_the_marks_are_not_part_of_the_history():
    project = outdated_project()
    record = project.history.first()
    assert not hasattr(record, "outdated_translations")
    # The history still records the change of the Dutch text.
    assert record.summary_nl == "Een nieuwe samenvatting."


def test_a_model_without_publication_is_marked_as_well():
    theme = ThemeFactory(name_nl="Energie", name_en="Energy", name_de="Energie")
    theme.name_nl = "Energietransitie"
    theme.save()
    assert reloaded(theme).outdated_translations.keys() == {"en", "de"}


# The admin change form -------------------------------------------------------------------


def test_an_admin_save_of_a_dutch_change_marks_the_translations(editor):
    project = ProjectFactory()
    page = editor.get(change_url(project))
    response = editor.post(change_url(project), form_data(page, summary_nl="Herschreven samenvatting."))
    assert response.status_code == 302
    marks = reloaded(project).outdated_translations
    assert list(marks["en"]) == ["summary"] and list(marks["de"]) == ["summary"]


def test_the_form_marks_outdated_fields_and_confirms_them_per_language(editor):
    project = outdated_project()
    page = editor.get(change_url(project))
    html = page.content.decode()
    assert "Outdated translations" in html
    assert "The English texts are still correct" in html and "The German texts are still correct" in html
    # A notice under summary_en and summary_de, inside their language tabs.
    assert html.count('<span class="outdated-notice">Outdated: the Dutch text changed on') == 2

    editor.post(change_url(project), {**form_data(page), "_translations_confirmed": "en"})
    assert reloaded(project).outdated_translations.keys() == {"de"}
    html = editor.get(change_url(project)).content.decode()
    assert "The English texts are still correct" not in html and "The German texts are still correct" in html


def test_editing_the_translation_in_the_form_clears_its_mark(editor):
    project = outdated_project()
    page = editor.get(change_url(project))
    editor.post(change_url(project), form_data(page, summary_de="Eine neue Zusammenfassung."))
    assert reloaded(project).outdated_translations.keys() == {"en"}


@pytest.mark.parametrize(
    ("language", "heading", "confirm"),
    [
        ("nl", "Verouderde vertalingen", "De Engelse teksten kloppen nog"),
        ("de", "Veraltete Übersetzungen", "Die englischen Texte sind noch korrekt"),
    ],
)
def test_the_form_notice_in_dutch_and_german(editor, language, heading, confirm):
    project = outdated_project()
    html = in_language(editor, language).get(change_url(project)).content.decode()
    assert heading in html and confirm in html


# List column, filter, bulk confirmation, index panel -------------------------------------


def test_the_list_shows_and_filters_outdated_and_missing_translations(editor):
    outdated = outdated_project(title_en="Outdated one")
    missing = ProjectFactory(title_en="Missing one", summary_de="")
    complete = ProjectFactory(title_en="Complete one")
    html = editor.get(changelist(Project)).content.decode()
    assert "EN outdated · DE outdated" in html and "DE missing" in html and "complete" in html

    def listed(value):
        return set(editor.get(changelist(Project), {"translation": value}).context["cl"].result_list)

    assert listed("outdated") == {outdated}
    assert listed("outdated-en") == {outdated}
    assert listed("outdated-de") == {outdated}
    assert listed("missing") == {missing}
    assert listed("missing-de") == {missing}
    assert listed("missing-en") == set()
    assert listed("complete") == {complete}


def test_the_bulk_action_marks_translations_as_still_correct(editor):
    first, second = outdated_project(), outdated_project()
    response = editor.post(
        changelist(Project),
        {"action": "confirm_translations_selected", helpers.ACTION_CHECKBOX_NAME: [first.pk, second.pk]},
        follow=True,
    )
    assert reloaded(first).outdated_translations == {} and reloaded(second).outdated_translations == {}
    assert "The translations of 2 items are marked as still correct." in response.content.decode()
    entry = LogEntry.objects.filter(object_id=str(first.pk)).get()
    assert entry.user.username == "erika"
    with translation.override("en"):
        assert entry.get_change_message() == "Changed outdated translations."
    with translation.override("nl"):
        assert entry.get_change_message() == "Verouderde vertalingen gewijzigd."


def test_the_index_panel_counts_missing_and_outdated_per_model_with_links(editor):
    outdated_project()
    outdated_project(summary_en="")  # English missing, German outdated
    PartnerFactory(name_de="")
    html = editor.get(reverse("admin:index")).content.decode()
    projects = changelist(Project)
    assert f'<a href="{projects}?translation=outdated">2</a>' in html
    assert f'<a href="{projects}?translation=outdated-en"><abbr title="EN">EN</abbr> 1</a>' in html
    assert f'<a href="{projects}?translation=outdated-de"><abbr title="DE">DE</abbr> 2</a>' in html
    assert f'<a href="{projects}?translation=missing">1</a>' in html
    partners = reverse("admin:partners_partner_changelist")
    assert f'<a href="{partners}?translation=missing">1</a>' in html
    # Each link opens the list it counts.
    assert editor.get(f"{projects}?translation=outdated-en").context["cl"].result_count == 1


@pytest.mark.parametrize(("language", "heading"), [("nl", "Vertalingen"), ("de", "Übersetzungen")])
def test_the_index_panel_in_dutch_and_german(editor, language, heading):
    outdated_project()
    html = in_language(editor, language).get(reverse("admin:index")).content.decode()
    assert f'<h2 id="translation-status-heading">{heading}</h2>' in html


# Publishing ------------------------------------------------------------------------------


def test_publishing_on_the_form_names_the_outdated_translations_and_asks_first(editor):
    project = outdated_project(publication_state=DRAFT)
    page = editor.get(change_url(project))
    html = page.content.decode()
    assert "Some translations are outdated" in html and "outdated: Summary" in html

    response = editor.post(change_url(project), {**form_data(page), "_publish": "1"}, follow=True)
    assert reloaded(project).publication_state == DRAFT
    message = " ".join(str(m) for m in response.context["messages"])
    assert "not published" in message and "texts in English and German are outdated" in message
    assert "English: Summary outdated" in message

    # The refused save kept the edit (a new version): the editor confirms on the page shown.
    page = editor.get(change_url(project))
    editor.post(change_url(project), {**form_data(page), "_publish": "1", "_publish_confirmed": "1"})
    assert reloaded(project).is_published


def test_a_dutch_change_in_the_publishing_save_asks_first(editor):
    project = ProjectFactory(publication_state=DRAFT)
    page = editor.get(change_url(project))
    assert "publish-warning" not in page.content.decode()
    response = editor.post(
        change_url(project), {**form_data(page, title_nl="Nieuwe titel"), "_publish": "1"}, follow=True
    )
    assert reloaded(project).publication_state == DRAFT
    message = " ".join(str(m) for m in response.context["messages"])
    assert "English: Title outdated" in message


def bulk_publish(client, items, **extra):
    data = {"action": "publish_selected", helpers.ACTION_CHECKBOX_NAME: [item.pk for item in items], **extra}
    return client.post(changelist(Project), data)


def test_bulk_publishing_asks_first_and_lists_the_problems(editor):
    outdated = outdated_project(publication_state=DRAFT, title_en="Outdated draft")
    missing = ProjectFactory(publication_state=DRAFT, title_en="Missing draft", summary_de="")
    complete = ProjectFactory(publication_state=DRAFT, title_en="Complete draft")
    response = bulk_publish(editor, [outdated, missing, complete])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some of the selected items have missing or outdated translations" in html
    assert "Outdated draft" in html and "Missing draft" in html and "Complete draft" not in html
    assert f'name="{helpers.ACTION_CHECKBOX_NAME}" value="{complete.pk}"' in html  # the whole selection
    assert not Project.objects.published().exists()

    # Cancel goes back to the list; nothing is published.
    assert f'href="{changelist(Project)}" class="closelink"' in html
    editor.get(changelist(Project))
    assert not Project.objects.published().exists()

    # Confirm posts the selection back and publishes it.
    response = bulk_publish(editor, [outdated, missing, complete], _publish_confirmed="yes")
    assert response.status_code == 302
    assert Project.objects.published().count() == 3


def test_bulk_publishing_complete_items_needs_no_confirmation(editor):
    drafts = [ProjectFactory(publication_state=DRAFT) for _ in range(2)]
    response = bulk_publish(editor, drafts)
    assert response.status_code == 302
    assert Project.objects.published().count() == 2


@pytest.mark.parametrize(
    ("language", "question", "button"),
    [
        ("nl", "Sommige van de gekozen items hebben ontbrekende of verouderde", "Bevestigen: publiceren"),
        ("de", "Einige der ausgewählten Einträge haben fehlende", "Bestätigen: veröffentlichen"),
    ],
)
def test_the_bulk_confirmation_in_dutch_and_german(editor, language, question, button):
    draft = outdated_project(publication_state=DRAFT)
    html = bulk_publish(in_language(editor, language), [draft]).content.decode()
    assert question in html and button in html
