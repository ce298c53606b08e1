"""Publishing and withdrawing public items: the service behind the admin's bulk actions.
The change-form buttons (`PortalAdmin.save_model`) give the same reasons, so both leave
the same trace in the history."""

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from twente.core import history_reasons


def _restored_label(record_id, version_numbers):
    number = version_numbers.get(int(record_id)) if record_id.isdecimal() else None
    if number is None:
        return gettext("Restored an earlier version")
    return gettext("Restored version %(number)d") % {"number": number}


PUBLISHED_REASON = history_reasons.register("published", _("Published"))
WITHDRAWN_REASON = history_reasons.register("withdrawn", _("Withdrawn"))
PUBLISHED_CHANGES_REASON = history_reasons.register(
    "published-changes", _("Published the unpublished changes")
)
SCHEDULED_PUBLISHED_REASON = history_reasons.register("scheduled-published", _("Published as scheduled"))
SCHEDULED_WITHDRAWN_REASON = history_reasons.register("scheduled-withdrawn", _("Withdrawn as scheduled"))
RESTORED_REASON = history_reasons.register("restored", _restored_label)


def restored_reason(record):
    """The reason of a revert to `record` (a historical record): its id, shown as its number."""
    return history_reasons.reason(RESTORED_REASON, record.pk)


def stored_version(instance, *, lock=False):
    """The version in the database (None when the row is gone); `lock` holds the row."""
    rows = type(instance)._default_manager.filter(pk=instance.pk)
    if lock:
        rows = rows.select_for_update()
    return rows.values_list("version", flat=True).first()


def _save_with_history(item, *, user, reason):
    # The optimistic-locking version moves on with every save, as an admin edit does.
    # The row is locked until the transaction ends, so no editor's save slips in between.
    item.version = stored_version(item, lock=True) + 1
    item._history_user = user
    item._change_reason = reason
    item.save()


@transaction.atomic
def items_publish(*, items, user):
    """Publish each item that is not published yet; returns how many changed."""
    changed = 0
    for item in items:
        if item.is_published:
            continue
        item.mark_published()
        _save_with_history(item, user=user, reason=PUBLISHED_REASON)
        changed += 1
    return changed


@transaction.atomic
def items_withdraw(*, items, user):
    """Take each published item off the public site; returns how many changed.

    Drafts stay drafts: they were never public, and "withdrawn" would misdescribe them."""
    changed = 0
    for item in items:
        if not item.is_published:
            continue
        item.mark_withdrawn()
        _save_with_history(item, user=user, reason=WITHDRAWN_REASON)
        changed += 1
    return changed
