# SPDX-License-Identifier: EUPL-1.2
"""Telling partner systems that something waits for them: notifications are made in the same
transaction as what they announce, and delivered by a background task (django-tasks, database
backend: no broker), with retries and backoff.
"""

from __future__ import annotations

import datetime
import json
import time
import urllib.error
import urllib.request
import uuid

from django.db import models, transaction
from django.utils import timezone

from zorgvuldig.core.prepared import PreparedQuery
from zorgvuldig.webhooks.models import Notification, Subscription
from zorgvuldig.webhooks.signing import HEADER, sign

try:  # Django 6 has the task framework built in; on 5.2 the django-tasks backport
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

MAX_ATTEMPTS = 8
TIMEOUT_SECONDS = 5
USER_AGENT = "zorgvuldig-webhooks/1"


def backoff(attempts: int) -> datetime.timedelta:
    """Wait before the next attempt: 30 s, 1 min, 2 min, ... at most 2 hours."""
    return datetime.timedelta(seconds=min(30 * 2 ** (attempts - 1), 7200))


# Asked in the transaction of every share to a partner (most partners subscribe nothing).
_ACTIVE_SUBSCRIPTIONS = PreparedQuery(
    lambda partner: Subscription.objects.filter(partner_id=partner, is_active=True).values_list(
        "id"
    )
)


def notify(partner_id, event: str, payload: dict) -> list[Notification]:
    """Announce ``event`` to every active subscription of the partner.

    Call it inside the transaction of what it announces: the notification rows and their
    delivery tasks (database backend) are committed with it, or not at all.
    """
    subscriptions = [row[0] for row in _ACTIVE_SUBSCRIPTIONS.rows(partner_id)]
    if not subscriptions:
        return []
    occurred_at = timezone.now().isoformat()
    notifications = []
    for subscription_id in subscriptions:
        notification_id = uuid.uuid4()
        notifications.append(
            Notification(
                id=notification_id,
                subscription_id=subscription_id,
                event=event,
                payload={
                    "event": event,
                    "notificationId": str(notification_id),
                    "occurredAt": occurred_at,
                    **payload,
                },
            )
        )
    Notification.objects.bulk_create(notifications)
    for notification in notifications:
        deliver.enqueue(str(notification.id))
    return notifications


# Longer than the longest pause between two attempts: a notification quiet for this long has
# no attempt waiting any more (its task was lost, e.g. with a worker that died while running).
STALLED_AFTER = datetime.timedelta(hours=3)


def resend_stalled(now=None) -> int:
    """Give stalled notifications a new attempt; returns how many."""
    cutoff = (now or timezone.now()) - STALLED_AFTER
    stalled = Notification.objects.filter(
        delivered_at__isnull=True, gave_up_at__isnull=True, subscription__is_active=True
    ).filter(
        models.Q(last_attempt_at__lt=cutoff)
        | models.Q(last_attempt_at__isnull=True, created_at__lt=cutoff)
    )
    ids = [str(i) for i in stalled.values_list("id", flat=True)]
    for notification_id in ids:
        deliver.enqueue(notification_id)
    return len(ids)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A webhook URL is used as given: a redirect is an error, not another address to call."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - http(s) only, checked when subscribing
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        return None, str(reason)[:500]


@task()
def deliver(notification_id: str) -> str:
    """One attempt to deliver a notification; schedules the next one when it fails."""
    with transaction.atomic():
        n = (
            Notification.objects.select_for_update()
            .select_related("subscription")
            .filter(id=notification_id)
            .first()
        )
        if n is None or n.delivered_at or n.gave_up_at:
            return "done"
        if not n.subscription.is_active:
            n.gave_up_at = timezone.now()
            n.last_error = "subscription ended"
            n.save(update_fields=["gave_up_at", "last_error"])
            return "subscription ended"
    body = json.dumps(n.payload, separators=(",", ":"), sort_keys=True).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Zorgvuldig-Event": n.event,
        "Zorgvuldig-Notification": str(n.id),
        HEADER: sign(n.subscription.secret, int(time.time()), body),
    }
    status, error = _post(n.subscription.url, body, headers)
    now = timezone.now()
    n.attempts += 1
    n.last_attempt_at, n.last_status, n.last_error = now, status, error
    if status is not None and 200 <= status < 300:
        n.delivered_at, n.last_error = now, ""
    elif n.attempts >= MAX_ATTEMPTS:
        n.gave_up_at = now
    n.save(
        update_fields=[
            "attempts",
            "last_attempt_at",
            "last_status",
            "last_error",
            "delivered_at",
            "gave_up_at",
        ]
    )
    if n.delivered_at:
        return "delivered"
    if n.gave_up_at:
        return "gave up"
    deliver.using(run_after=now + backoff(n.attempts)).enqueue(notification_id)
    return "retry scheduled"
