"""Translation status of the portal's items: per language complete, missing or outdated.

Dutch is the source language (`MODELTRANSLATION_DEFAULT_LANGUAGE`); English and German
are translations of it. When the Dutch text of a translated field changes, the English
and German texts of that field that are filled, and that the same save leaves as they
were, are marked *outdated*: the translation may no longer say what the Dutch says. A
mark goes when that language's text changes or is emptied (then it is missing), or when
an editor confirms the translation as still right (`translations_confirm`, the change
form's "still correct" checkbox).

The marks live on the item, in `outdated_translations`:
``{"en": {"summary": {"since": "2026-12-03T22:10:00+00:00", "source": "9f2c…"}}, "de": …}``
(language → field → when the Dutch text changed, and a digest of the Dutch text the
translation was written for), so lists filter on them with one JSON key lookup, the form
can say since when a text is outdated, and a Dutch text changed back (an undo, a revert)
takes the mark away again. They are bookkeeping, not content: history
leaves them out (`twente.core.snapshots`), and a revert or a staged edit is marked like
any other save, against the row as stored.

None of modeltranslation, Wagtail or django CMS does this; integreat-cms's "minor edit"
(no re-translation needed) is the model for the confirmation.
"""

import hashlib
import operator
from functools import reduce

from django.conf import settings
from django.db import models, router, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

OUTDATED_FIELD = "outdated_translations"


def translation_languages():
    return [code for code, _name in settings.LANGUAGES]


def source_language():
    """The language the others are translated from (Dutch)."""
    return getattr(settings, "MODELTRANSLATION_DEFAULT_LANGUAGE", None) or settings.LANGUAGE_CODE


def target_languages():
    """The languages translated from the source (English and German)."""
    return [code for code in translation_languages() if code != source_language()]


def translated_field_names(model):
    """The model's translated fields (`name`, `summary`, ...), empty when it has none."""
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def in_form_order(model, names):
    """Field names in the model's (and so the form's) order: title before summary."""
    order = [field.name for field in model._meta.get_fields()]
    return sorted(names, key=lambda name: order.index(name) if name in order else len(order))


def tracks_outdated(model):
    """Whether the model keeps outdated marks (it has the `outdated_translations` field)."""
    return issubclass(model, OutdatedTranslationsModel)


# Missing ----------------------------------------------------------------------------------


def _filled(field, lang):
    # `> ''` is false for both NULL and the empty string.
    return Q(**{f"{field}_{lang}__gt": ""})


def missing_translation_q(model, lang=None):
    """Items with a text in some language but not in `lang` (any language when None)."""
    languages = translation_languages()
    wanted = [lang] if lang else languages
    conditions = []
    for field in translated_field_names(model):
        for code in wanted:
            others = reduce(operator.or_, (_filled(field, other) for other in languages if other != code))
            conditions.append(~_filled(field, code) & others)
    if not conditions:
        return Q(pk__in=[])
    return reduce(operator.or_, conditions)


def missing_fields(obj):
    """{language: [field, ...]}: the texts missing in a language while another has them."""
    languages = translation_languages()
    missing = {}
    for field in in_form_order(type(obj), translated_field_names(type(obj))):
        values = {lang: getattr(obj, f"{field}_{lang}", "") for lang in languages}
        for code in languages:
            if not values[code] and any(values[other] for other in languages if other != code):
                missing.setdefault(code, []).append(field)
    return {code: missing[code] for code in languages if code in missing}


def missing_languages(obj):
    """The languages in which some text of `obj` is missing while another language has it."""
    return list(missing_fields(obj))


# Outdated ---------------------------------------------------------------------------------


def outdated_translation_q(model, lang=None):
    """Items with an outdated translation in `lang` (any language when None)."""
    if not tracks_outdated(model):
        return Q(pk__in=[])
    if lang:
        return Q(**{f"{OUTDATED_FIELD}__has_key": lang})
    return ~Q(**{OUTDATED_FIELD: {}})


def outdated_fields(obj):
    """{language: [field, ...]} of `obj` as stored, in field order."""
    marks = getattr(obj, OUTDATED_FIELD, None) or {}
    return {code: in_form_order(type(obj), marks[code]) for code in target_languages() if marks.get(code)}


def outdated_since(obj, lang, field):
    """When the Dutch text changed that made `field` outdated in `lang` (or None)."""
    mark = ((getattr(obj, OUTDATED_FIELD, None) or {}).get(lang) or {}).get(field)
    return parse_datetime(mark["since"]) if mark else None


def _fingerprint(text):
    """A short digest of a Dutch text, to recognise it when it comes back."""
    return hashlib.sha256(_text(text).encode()).hexdigest()[:16]


def _text(value):
    return (value or "").strip()


def _stored_row(obj):
    if obj.pk is None:
        return None
    columns = [
        f"{field}_{lang}" for field in translated_field_names(type(obj)) for lang in translation_languages()
    ]
    return type(obj)._base_manager.filter(pk=obj.pk).values(*columns, OUTDATED_FIELD).first()


def outdated_after_save(obj, stored=None, now=None):
    """The marks `obj` will have once saved as it is now, compared with `stored` (its row
    in the database; read when not given). Pure: `obj` is not changed."""
    if stored is None:
        stored = _stored_row(obj)
    if stored is None:
        # A new item: its translations are as new as its Dutch text.
        return {}
    now = (now or timezone.now()).isoformat()
    source = source_language()
    marks = {lang: dict(fields) for lang, fields in (stored.get(OUTDATED_FIELD) or {}).items()}
    # A confirmation covers the marks made before this save; a Dutch change in the same
    # save marks again, since the editor confirmed the texts they saw, not the new Dutch.
    for lang in getattr(obj, "_translations_confirmed", ()):
        marks.pop(lang, None)
    for field in translated_field_names(type(obj)):
        new_source = _text(getattr(obj, f"{field}_{source}", ""))
        source_changed = new_source != _text(stored.get(f"{field}_{source}"))
        for lang in target_languages():
            column = f"{field}_{lang}"
            new, old = _text(getattr(obj, column, "")), _text(stored.get(column))
            if new != old or not new:
                # Translated again (or emptied: then it is missing, not outdated).
                marks.get(lang, {}).pop(field, None)
            elif source_changed and new_source:
                previous = marks.get(lang, {}).get(field)
                # The Dutch text this translation was written for: kept from the first mark.
                old_source = stored.get(f"{field}_{source}")
                written_for = previous["source"] if previous else _fingerprint(old_source)
                if _fingerprint(new_source) == written_for:
                    # The Dutch is back to what was translated (an undo, a revert).
                    marks.get(lang, {}).pop(field, None)
                else:
                    marks.setdefault(lang, {})[field] = {"since": now, "source": written_for}
    return {lang: marks[lang] for lang in target_languages() if marks.get(lang)}


class OutdatedTranslationsModel(models.Model):
    """A translated model whose English and German texts are marked outdated when the
    Dutch text changes (see the module docstring).

    The marks are set in `save()`, comparing with the stored row, rather than in the
    admin: every path that saves an item (the admin form and its inlines, a revert,
    publishing, staged edits, imports, the shell) goes through it, so the marks cannot
    fall behind the texts. `save()` rather than a `pre_save` signal, because a save with
    `update_fields` must also write the marks. `QuerySet.update()` and `bulk_update()`
    bypass it: code that changes Dutch texts that way must call `outdated_after_save`."""

    outdated_translations = models.JSONField(
        _("outdated translations"), default=dict, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        columns = {
            f"{field}_{lang}"
            for field in translated_field_names(type(self))
            for lang in translation_languages()
        }
        if update_fields is None or columns & set(update_fields):
            self.outdated_translations = outdated_after_save(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, OUTDATED_FIELD}
        super().save(*args, **kwargs)
        self._translations_confirmed = ()


@transaction.atomic
def translations_confirm(*, items, languages=None):
    """Confirm the outdated translations of `items` as still right (all target languages
    when `languages` is None); returns the items that had a mark taken away.

    Written with `update()`: a confirmation changes no text, so it is no new version in
    the history, and an editor with the form open is not refused (optimistic locking)."""
    languages = set(languages or target_languages())
    changed = []
    for item in items:
        model = type(item)
        if not tracks_outdated(model):
            continue
        using = router.db_for_write(model, instance=item)
        rows = model._base_manager.using(using).select_for_update().filter(pk=item.pk)
        marks = rows.values_list(OUTDATED_FIELD, flat=True).first() or {}
        remaining = {lang: fields for lang, fields in marks.items() if lang not in languages}
        if remaining != marks:
            rows.update(**{OUTDATED_FIELD: remaining})
            item.outdated_translations = remaining
            changed.append(item)
    return changed
