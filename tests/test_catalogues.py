"""The Dutch and German catalogues: every message translated once, none left fuzzy."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["nl", "de"])
def test_every_message_is_translated_and_none_is_fuzzy(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as file:
        catalogue = read_po(file)
    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (not message.string or not all(message.string if message.pluralizable else [message.string]))
    ]
    fuzzy = [message.id for message in catalogue if message.id and message.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", ["nl", "de"])
def test_no_message_stands_twice(language):
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    # A message is its context (if any) and its msgid; parallel additions must not repeat one.
    keys = re.findall(r'^(?:msgctxt (".*")\n)?msgid (".*"(?:\n".*")*)', text, flags=re.M)
    seen, repeated = set(), []
    for key in keys:
        if key in seen:
            repeated.append(key)
        seen.add(key)
    assert repeated == []
