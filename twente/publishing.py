"""Publishing and withdrawing public items: one service used by the admin's bulk actions
and its change-form buttons, so both leave the same trace in the history."""

from django.db import transaction

from twente.models import PublicationState


def _save_with_history(item, *, user, reason):
    # The optimistic-locking version moves on with every save, as an admin edit does.
    # The row is locked until the transaction ends, so no editor's save slips in between.
    current = type(item)._default_manager.select_for_update().filter(pk=item.pk)
    item.version = current.values_list("version", flat=True).get() + 1
    item._history_user = user
    item._change_reason = reason
    item.save()


@transaction.atomic
def items_publish(*, items, user):
    """Publish each item that is not published yet; returns how many changed."""
    changed = 0
    for item in items:
        if item.publication_state == PublicationState.PUBLISHED:
            continue
        item.mark_published()
        _save_with_history(item, user=user, reason="Published")
        changed += 1
    return changed


@transaction.atomic
def items_withdraw(*, items, user):
    """Take each published item off the public site; returns how many changed.

    Drafts stay drafts: they were never public, and "withdrawn" would misdescribe them."""
    changed = 0
    for item in items:
        if item.publication_state != PublicationState.PUBLISHED:
            continue
        item.mark_withdrawn()
        _save_with_history(item, user=user, reason="Withdrawn")
        changed += 1
    return changed
