"""The Dutch and German catalogues: every message translated once, none left fuzzy."""

import re
from pathlib import Path

import django
import pytest
from babel.messages.pofile import read_po
from django.apps import apps

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


def _catalogue(path):
    if not path.exists():
        return {}
    with path.open("rb") as file:
        return {(message.context, _key(message.id)): message for message in read_po(file) if message.id}


def _key(message_id):
    return message_id if isinstance(message_id, str) else message_id[0]


def _translated(message):
    if message is None or message.fuzzy:
        return False
    return all(message.string if isinstance(message.string, (list, tuple)) else [message.string])


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_german_staff_never_read_dutch(domain):
    """Django falls back to the default language (Dutch) for a message its German
    catalogue lacks: each message Django or an installed app has in Dutch is German
    in theirs or in the portal's."""
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    ours = _catalogue(LOCALE / "de" / "LC_MESSAGES" / f"{domain}.po")
    dutch_only = []
    for folder in folders:
        dutch = _catalogue(folder / "nl" / "LC_MESSAGES" / f"{domain}.po")
        german = _catalogue(folder / "de" / "LC_MESSAGES" / f"{domain}.po")
        dutch_only += [
            key
            for key, message in dutch.items()
            if _translated(message) and not _translated(german.get(key)) and not _translated(ours.get(key))
        ]
    assert dutch_only == []
