"""Scheduled publishing: items carry an optional "publish at" and "withdraw at" time, and
`manage.py publish_scheduled` (run every minute by cron or a systemd timer) carries out
what is due.

Each time is cleared once carried out, so a second run changes nothing; rows are locked
with SKIP LOCKED, so two runs at once (or an editor saving the item) never do it twice.
"""

import logging

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from twente.core.models import PublishableModel
from twente.core.publishing import SCHEDULED_PUBLISHED_REASON, SCHEDULED_WITHDRAWN_REASON

logger = logging.getLogger(__name__)


def publishable_models():
    return [model for model in apps.get_models() if issubclass(model, PublishableModel)]


def scheduled_q():
    return Q(publish_at__isnull=False) | Q(withdraw_at__isnull=False)


def _carry_out(item, now):
    """Publish and/or withdraw `item` as due; returns the actions taken, in order."""
    due = []
    if item.publish_at and item.publish_at <= now:
        due.append((item.publish_at, "publish"))
    if item.withdraw_at and item.withdraw_at <= now:
        due.append((item.withdraw_at, "withdraw"))
    done = []
    for _when, action in sorted(due):
        if action == "publish":
            item.publish_at = None
            if not item.is_published:
                item.mark_published()
                done.append(action)
        else:
            item.withdraw_at = None
            if item.is_published:
                item.mark_withdrawn()
                done.append(action)
    item.version += 1
    item._history_user = None
    if done:
        last = done[-1]
        item._change_reason = SCHEDULED_PUBLISHED_REASON if last == "publish" else SCHEDULED_WITHDRAWN_REASON
    # A plain save: history, caches and search indexes see it as any other change.
    item.save()
    return done


@transaction.atomic
def scheduled_items_run(*, now=None):
    """Carry out every publication and withdrawal that is due; returns (published, withdrawn)."""
    now = now or timezone.now()
    published = withdrawn = 0
    for model in publishable_models():
        due = Q(publish_at__lte=now) | Q(withdraw_at__lte=now)
        for item in model._default_manager.select_for_update(skip_locked=True).filter(due).order_by("pk"):
            done = _carry_out(item, now)
            for action in done:
                logger.info(
                    "%s %s “%s” (%s #%s) as scheduled",
                    "Published" if action == "publish" else "Withdrew",
                    model._meta.verbose_name,
                    item,
                    model._meta.label,
                    item.pk,
                )
            published += done.count("publish")
            withdrawn += done.count("withdraw")
    return published, withdrawn
