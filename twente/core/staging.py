"""Staged edits: changes to a published item that are saved but not yet public.

An editor saves a published item "as draft": the admin's normal save runs (form,
many-to-many links, inline rows, their validation) inside a savepoint, the result is
read back as a whole (`capture`), and the savepoint is rolled back, so the live row,
its history and the page cache stay as they were. The captured version is kept as a
`PendingChange`. To show it (the admin form, the staff preview at the public address)
it is written into the database inside another savepoint that is rolled back after the
response is rendered (`run_on_pending`), so every page and form reads it exactly as it
would read the published version. "Publish changes" is an ordinary save of that form;
"Discard" deletes the pending change.
"""

from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, router, transaction
from django.db.models import Exists, OuterRef

from twente.core.models import PUBLICATION_FIELDS, PendingChange, PublishableModel
from twente.core.publishing import stored_version
from twente.core.snapshots import related_snapshot, restore_related, stored_field_names

# Not part of a pending change: publishing is separate, and the version belongs to the row.
KEPT_FIELDS = {"version", "created_at", "updated_at", *PUBLICATION_FIELDS}


def _item_field_names(model):
    return [name for name in stored_field_names(model) if name not in KEPT_FIELDS]


def pending_for(obj):
    """The item's pending change, or None."""
    if obj is None or obj.pk is None:
        return None
    return PendingChange.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    ).first()


def has_pending_q(model):
    """An `Exists` expression: the item has a pending change (for lists and filters)."""
    # Matched by name in the subquery: no content-type lookup of its own, so a list
    # costs the same number of queries whatever the content-type cache holds.
    opts = model._meta
    return Exists(
        PendingChange.objects.filter(
            content_type__app_label=opts.app_label,
            content_type__model=opts.model_name,
            object_id=OuterRef("pk"),
        )
    )


def capture(obj):
    """The item as stored right now: its fields in every language, links and inline rows."""
    stored = type(obj)._default_manager.get(pk=obj.pk)
    return {
        "item": serializers.serialize("python", [stored], fields=_item_field_names(type(obj))),
        "related": related_snapshot(stored),
    }


def apply(obj, data):
    """Write a captured version into the item (not its publication state or version)."""
    item = next(serializers.deserialize("python", data["item"], ignorenonexistent=True))
    model = type(obj)
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in KEPT_FIELDS or field.name not in data["item"][0]["fields"]:
            continue
        setattr(obj, field.attname, getattr(item.object, field.attname))
    # No history record of its own: one is written by the save that follows (publishing
    # the changes), and a rolled-back one would name the reader as the last to save.
    obj.skip_history_when_saving = True
    try:
        obj.save()
    finally:
        del obj.skip_history_when_saving
    for name, values in (item.m2m_data or {}).items():
        getattr(obj, name).set(values)
    restore_related(obj, SimpleNamespace(related_snapshot=data["related"]))


def _bump_version(obj):
    """Moves the item's version on without touching its content: forms opened before
    the pending change was saved or dropped are refused as stale (optimistic locking)."""
    model = type(obj)
    model._default_manager.filter(pk=obj.pk).update(version=models.F("version") + 1)
    obj.version = stored_version(obj)


def pending_save(obj, data, *, user):
    """Keep `data` as the item's pending change (replacing an earlier one)."""
    pending, _created = PendingChange.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        defaults={"data": data, "saved_by": user, "item_version": stored_version(obj)},
    )
    _bump_version(obj)
    return pending


def pending_discard(obj, *, published=False):
    """Drop the item's pending change; True when there was one. Publishing it saved the
    item, which moved its version on already; a discard alone moves it here."""
    pending = pending_for(obj)
    if pending is None:
        return False
    pending.delete()
    if not published:
        _bump_version(obj)
    return True


def run_on_pending(obj, pending, run, *, keep=lambda: False):
    """`run()`'s result (rendered) with the pending version in the database in place of
    the live one. What was written is undone afterwards (the pending content, its
    history, the page-cache invalidation) unless `keep()` says so once `run` is done."""
    using = router.db_for_write(type(obj))
    with transaction.atomic(using=using):
        savepoint = transaction.savepoint_create(using=using)
        if pending is not None:
            apply(obj, pending.data)
        result = run()
        if hasattr(result, "render"):
            # Templates read the database while they render: do it before the rollback.
            result.render()
        if keep():
            transaction.savepoint_commit(savepoint, using=using)
        else:
            transaction.savepoint_rollback(savepoint, using=using)
    return result


def _drop_pending_of_deleted(sender, instance, using, **kwargs):
    if isinstance(instance, PublishableModel):
        opts = sender._meta
        PendingChange.objects.using(using).filter(
            content_type__app_label=opts.app_label, content_type__model=opts.model_name, object_id=instance.pk
        ).delete()


def connect_signals():
    # A deleted item's pending change would otherwise outlive it (the link is generic).
    models.signals.post_delete.connect(_drop_pending_of_deleted, dispatch_uid="twente-drop-pending")
