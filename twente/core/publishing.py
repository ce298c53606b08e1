"""Publishing and withdrawing public items: the service behind the admin's bulk actions.
The change-form buttons (`PortalAdmin.save_model`) give the same reasons, so both leave
the same trace in the history."""

from django.db import transaction
from django.utils.translation import gettext

# History reasons are stored as codes and shown in the reader's language (`reason_label`).
PUBLISHED_REASON = "published"
WITHDRAWN_REASON = "withdrawn"
PUBLISHED_CHANGES_REASON = "published-changes"
SCHEDULED_PUBLISHED_REASON = "scheduled-published"
SCHEDULED_WITHDRAWN_REASON = "scheduled-withdrawn"
RESTORED_REASON_PREFIX = "restored:"


def restored_reason(record):
    """The reason of a revert to `record` (a historical record): its id, shown as its number."""
    return f"{RESTORED_REASON_PREFIX}{record.pk}"


def reason_label(code, version_numbers=None):
    """The stored reason `code` as a reader reads it; free texts (imports) stay as they are.

    `version_numbers` maps history ids to version numbers, to name a restored version."""
    if not code:
        return ""
    labels = {
        PUBLISHED_REASON: gettext("Published"),
        WITHDRAWN_REASON: gettext("Withdrawn"),
        PUBLISHED_CHANGES_REASON: gettext("Published the unpublished changes"),
        SCHEDULED_PUBLISHED_REASON: gettext("Published as scheduled"),
        SCHEDULED_WITHDRAWN_REASON: gettext("Withdrawn as scheduled"),
    }
    if code in labels:
        return labels[code]
    if code.startswith(RESTORED_REASON_PREFIX):
        record_id = code.removeprefix(RESTORED_REASON_PREFIX)
        number = (version_numbers or {}).get(int(record_id)) if record_id.isdigit() else None
        if number is None:
            return gettext("Restored an earlier version")
        return gettext("Restored version %(number)d") % {"number": number}
    return code


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
