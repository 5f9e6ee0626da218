# SPDX-License-Identifier: EUPL-1.2
"""The row of a daily reminder e-mail (decisions 15 and 23): one person reminded of one item on
one day, what it said kept as it stood that day, and how mailing it went. The mailing of these
rows is ``zorgvuldig.gate.services.reminders``; each area's model adds the item it is about,
its reasons, and the constraint of one a day per item and person."""

from __future__ import annotations

import uuid

from django.db import models


class DailyReminder(models.Model):
    """A reminder to ``employee`` on ``day``: ``reason`` (the area's choices), the item's due
    date and ``days`` (the area says what they count); ``sent_at`` is set when the e-mail went
    out, ``attempts`` and ``last_error`` tell of failures."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    employee = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    reason = models.CharField(max_length=20)
    due_on = models.DateField()
    days = models.IntegerField()
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
