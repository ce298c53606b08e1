"""History reasons: stored as codes with a detail, read in the reader's language."""

from django.utils import translation

from twente.core.history_reasons import MAX_LENGTH, reason, reason_label
from twente.core.publishing import PUBLISHED_REASON, RESTORED_REASON


def test_a_code_and_its_detail_are_read_in_each_language():
    stored = reason("imported", "contacts.csv")
    assert stored == "imported:contacts.csv"
    labels = {}
    for language in ("nl", "en", "de"):
        with translation.override(language):
            labels[language] = reason_label(stored)
    assert labels == {
        "nl": "Geïmporteerd uit contacts.csv",
        "en": "Imported from contacts.csv",
        "de": "Importiert aus contacts.csv",
    }
    with translation.override("de"):
        assert reason_label("kohesio-import:kohesio-nl.csv") == "Kohesio-Import: kohesio-nl.csv"
        assert reason_label("verified") == "Aufbewahrung: als geprüft markiert"
        assert reason_label(PUBLISHED_REASON) == "Veröffentlicht"


def test_a_restored_version_is_named_by_its_number():
    with translation.override("nl"):
        assert reason_label(reason(RESTORED_REASON, 41), {41: 3}) == "Versie 3 hersteld"
        assert reason_label(reason(RESTORED_REASON, 41)) == "Een eerdere versie hersteld"


def test_a_reason_no_code_explains_is_shown_as_stored():
    assert reason_label("") == ""
    assert reason_label(None) == ""
    assert reason_label("typed by hand: a note") == "typed by hand: a note"


def test_a_long_detail_is_cut_to_the_column():
    stored = reason("imported", "x" * 300 + ".csv")
    assert len(stored) == MAX_LENGTH and stored.startswith("imported:xxx")


def test_a_hostile_file_name_is_text_not_a_format_or_markup():
    stored = reason("imported", "%(detail)s <b>x</b>.csv")
    with translation.override("en"):
        label = reason_label(stored)
    assert label == "Imported from %(detail)s <b>x</b>.csv"
    assert not hasattr(label, "__html__"), "escaped where it is shown"
