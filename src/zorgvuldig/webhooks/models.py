# SPDX-License-Identifier: EUPL-1.2
"""A partner's webhook subscriptions and the notifications sent to them.

No personal data: a notification carries the kind of event and the ids of what the partner
system may fetch through the API, nothing about the client.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.fields import EncryptedTextField


class Subscription(models.Model):
    """A URL of a partner system that is told when something waits for it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="webhook_subscriptions"
    )
    url = models.URLField(_("URL"), max_length=500)
    # the key of the HMAC-SHA256 signature; shown once, when the subscription is made
    secret = EncryptedTextField(_("signing secret"), editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self) -> str:
        return f"{self.partner}: {self.url}"


class Notification(models.Model):
    """One event told to one subscription, with the outcome of the attempts to deliver it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subscription = models.ForeignKey(
        Subscription, on_delete=models.PROTECT, related_name="notifications"
    )
    event = models.CharField(_("event"), max_length=100)
    payload = models.JSONField(_("payload"))
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    gave_up_at = models.DateTimeField(_("gave up at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook notification")
        verbose_name_plural = _("webhook notifications")
        indexes = [models.Index(fields=["subscription", "created_at"], name="notification_by_sub")]
