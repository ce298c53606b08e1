"""The history page as a person reads it: numbered versions, reasons in the reader's
language, and each change as readable values (choice labels, local dates and times to
the second, money in euro, linked names) with changed words marked in texts."""

import difflib
import re

from django.core import serializers
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from twente.core.history_reasons import reason_label
from twente.core.templatetags.portal import euro

# A word with the spaces after it, so a run of changed words is marked as one.
_WORDS = re.compile(r"^\s+|\S+\s*")


def _linked(obj):
    if obj is None:
        return ""
    opts = obj._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return escape(str(obj))
    return format_html('<a href="{}">{}</a>', url, obj)


def readable_value(field, value):
    """`value` of `field` as HTML a reader understands."""
    if value is None or value == "":
        return ""
    if field.choices:
        return escape(str(dict(field.flatchoices).get(value, value)))
    if isinstance(field, models.DateTimeField):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return escape(f"{date_format(local, 'DATE_FORMAT')} {time_format(local, 'H:i:s')}")
    if isinstance(field, models.DateField):
        return escape(date_format(value, "DATE_FORMAT"))
    if isinstance(field, models.DecimalField) and field.decimal_places == 2:
        return escape(euro(value))
    if isinstance(field, models.BooleanField):
        return escape(gettext("Yes") if value else gettext("No"))
    if isinstance(field, models.ForeignKey):
        return _linked(value) if isinstance(value, models.Model) else escape(str(value))
    return escape(str(value))


def _m2m_names(field, rows):
    target = field.m2m_reverse_field_name()
    # With foreign_keys_are_objs the rows carry the objects, else their ids.
    ids = [getattr(row[target], "pk", row[target]) for row in rows or []]
    objects = field.related_model._default_manager.in_bulk(ids)
    return format_html_join(", ", "{}", ((_linked(objects[pk]),) for pk in ids if pk in objects))


def word_diff(old, new):
    """(old, new) as HTML, the removed words in <del>, the added ones in <ins>."""
    old_words, new_words = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    before, after = [], []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = escape("".join(old_words[i1:i2])), escape("".join(new_words[j1:j2]))
        if tag == "equal":
            before.append(removed)
            after.append(added)
            continue
        if removed:
            before.append(f"<del>{removed}</del>")
        if added:
            after.append(f"<ins>{added}</ins>")
    return mark_safe("".join(before)), mark_safe("".join(after))  # noqa: S308 (each piece escaped)


def readable_changes(model, delta, field_order):
    """The changes of `delta` (simple-history's diff) in form order, as readable HTML."""
    position = {name: index for index, name in enumerate(field_order)}
    rows = []
    for change in delta.changes:
        field = model._meta.get_field(change.field)
        if field.many_to_many:
            old, new = _m2m_names(field, change.old), _m2m_names(field, change.new)
            text = False
        elif isinstance(field, (models.CharField, models.TextField)) and not field.choices:
            old, new = word_diff(change.old, change.new)
            text = True
        else:
            old, new = readable_value(field, change.old), readable_value(field, change.new)
            text = False
        if not old and not new:
            continue  # empty before and after (NULL became "", say): nothing a reader sees
        rows.append(
            {
                "field": capfirst(field.verbose_name),
                "old": old,
                "new": new,
                "text": text,
                "order": position.get(change.field, len(position) + field.creation_counter),
            }
        )
    return sorted(rows, key=lambda row: row["order"])


def related_changes(model, older, newer):
    """The inline rows (a project's participants, say) added, removed or changed from the
    `older` snapshot of a historical record to the `newer` one, as rows of the history
    table: what was there before, what is there after (the snapshots of
    twente.core.snapshots; the rows' own histories are not shown)."""
    older, newer = older or {}, newer or {}
    rows = []
    for accessor in sorted(set(older) | set(newer)):
        before = {row["pk"]: row for row in older.get(accessor, [])}
        after = {row["pk"]: row for row in newer.get(accessor, [])}
        gone = [row for pk, row in before.items() if after.get(pk, {}).get("fields") != row["fields"]]
        came = [row for pk, row in after.items() if before.get(pk, {}).get("fields") != row["fields"]]
        if gone or came:
            related = model._meta.get_field(accessor).related_model
            rows.append(
                {
                    "field": capfirst(related._meta.verbose_name_plural),
                    "old": _described(gone),
                    "new": _described(came),
                    "text": False,
                    "order": 1_000_000,
                }
            )
    return rows


def _described(rows):
    objects = serializers.deserialize("python", rows, ignorenonexistent=True)
    return "; ".join(str(item.object) for item in objects)


def number_versions(page_obj, history):
    """Give each record on the page its version number (the oldest is 1) and its reason
    label; `history` is the item's whole historical queryset."""
    ids = list(history.order_by("history_date", "history_id").values_list("history_id", flat=True))
    numbers = {record_id: index for index, record_id in enumerate(ids, start=1)}
    for record in page_obj:
        record.version_number = numbers.get(record.history_id)
        record.reason_label = reason_label(record.history_change_reason, numbers)
