"""History that covers a whole item: one entry per save, with its inline rows.

simple-history records each model on its own and writes an entry for every save and
every many-to-many change, so one admin save of a project wrote three entries, and its
participants were in none of them. Here:

- `register_history(model, m2m_fields=..., related=...)` registers the model with
  simple-history (call it in the app's `translation.py`, after the translation options:
  see PITFALLS) and names the reverse relations whose rows belong to the item (the admin
  inlines: a project's participants, an organisation's relationships, members and
  contacts). Their rows are stored, serialised, with every historical record of the item
  (`related_snapshot`).
- `hold_history(obj)` holds back the entries while the item, its many-to-many links
  and its inline rows are saved; `record_history(obj, ...)` then writes the single entry
  that sees them all.
- `restore_related(obj, record)` puts the inline rows of a historical record back.
"""

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from simple_history import register
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

# The HistoricalRecords of each registered model, to write an entry on demand.
_RECORDS = {}
# Not content: left out of history entries and inline-row snapshots.
BOOKKEEPING_FIELDS = ("outdated_translations",)
# model -> reverse accessors whose rows are part of the item's history.
_RELATED = {}


class SnapshotHistoricalModel(models.Model):
    """Base of the historical models of items with inline rows."""

    related_snapshot = models.JSONField(
        _("related rows"), default=dict, blank=True, encoder=DjangoJSONEncoder, editable=False
    )

    class Meta:
        abstract = True


class PortalHistoricalRecords(HistoricalRecords):
    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        _RECORDS[sender] = self

    def create_historical_record(self, instance, history_type, using=None):
        if type(instance) in _RELATED:
            # Read in pre_create_historical_record's place: the rows as saved right now.
            instance._related_snapshot = related_snapshot(instance)
        super().create_historical_record(instance, history_type, using)


def register_history(model, *, m2m_fields=(), related=(), excluded_fields=()):
    options = {"m2m_fields": list(m2m_fields)} if m2m_fields else {}
    excluded_fields = [*excluded_fields, *_bookkeeping_fields(model)]
    if excluded_fields:
        options["excluded_fields"] = list(excluded_fields)
    if related:
        _RELATED[model] = tuple(related)
        options["bases"] = [SnapshotHistoricalModel]
    register(model, records_class=PortalHistoricalRecords, **options)


def _bookkeeping_fields(model):
    """Fields kept out of the history: the outdated-translation marks follow the texts
    (twente.core.translation_status), so a revert must not bring back older marks."""
    return [field.name for field in model._meta.concrete_fields if field.name in BOOKKEEPING_FIELDS]


def _attach_snapshot(sender, instance, history_instance, **kwargs):
    snapshot = getattr(instance, "_related_snapshot", None)
    if snapshot is not None:
        history_instance.related_snapshot = snapshot


def stored_field_names(model):
    """Concrete fields to serialise: each language column, not the untranslated original
    (setting it would overwrite the active language's text on restore)."""
    try:
        originals = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        originals = set()
    names = [
        f.name
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in originals and f.name not in BOOKKEEPING_FIELDS
    ]
    names += [f.name for f in model._meta.many_to_many]
    return names


def _related_manager(obj, accessor):
    return getattr(obj, accessor)


def related_snapshot(obj):
    snapshot = {}
    for accessor in _RELATED.get(type(obj), ()):
        rows = _related_manager(obj, accessor).order_by("pk")
        snapshot[accessor] = serializers.serialize("python", rows, fields=stored_field_names(rows.model))
    return snapshot


def restore_related(obj, record):
    """Put back the inline rows stored with `record` (a historical record of `obj`): rows
    added since are deleted, the others get their stored values again."""
    snapshot = getattr(record, "related_snapshot", None) or {}
    for accessor in _RELATED.get(type(obj), ()):
        if accessor not in snapshot:
            continue
        manager = _related_manager(obj, accessor)
        stored = list(serializers.deserialize("python", snapshot[accessor], ignorenonexistent=True))
        keep = [item.object.pk for item in stored]
        for row in manager.exclude(pk__in=keep):
            row.delete()
        for item in stored:
            # A plain save (not the deserialiser's raw one), so the row's own history and
            # the signals of others (caches) see it.
            item.object.save()
            for name, values in (item.m2m_data or {}).items():
                getattr(item.object, name).set(values)


def hold_history(obj):
    """No history entries for `obj` (its save, its m2m changes) until `record_history`."""
    obj.skip_history_when_saving = True


def record_history(obj, *, created=False):
    """Write the one entry of a save, seeing the item, its links and its inline rows."""
    if hasattr(obj, "skip_history_when_saving"):
        del obj.skip_history_when_saving
    records = _RECORDS.get(type(obj))
    if records is not None:
        records.create_historical_record(obj, "+" if created else "~")


pre_create_historical_record.connect(_attach_snapshot, dispatch_uid="twente_related_snapshot")
