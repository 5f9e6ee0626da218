# SPDX-License-Identifier: EUPL-1.2
"""Emergency access as the pages and the API see it (frozen values)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EmergencyAccessView:
    """One use of the glass: who, for which client, why, until when, and its review."""

    id: uuid.UUID
    client_id: uuid.UUID
    client_name: str
    employee: str
    reason: str
    explanation: str
    started_at: datetime.datetime
    expires_at: datetime.datetime
    current: bool
    review_due_on: datetime.date
    overdue: bool
    reviewed_at: datetime.datetime | None = None
    reviewed_by: str = ""
    justified: bool | None = None
    review_note: str = ""


@dataclass(frozen=True, slots=True)
class EmergencyReminderRun:
    """What one day's run of the reminders about uses of the glass to review did (decision
    23; no personal data: counts and the references of the uses)."""

    day: datetime.date
    uses: int  # uses not reviewed whose review is overdue or due within a day
    reminders: int  # reminders made now (one per person per use per day)
    people: int  # people who get an e-mail now
    unreachable: tuple[uuid.UUID, ...]  # uses no privacy officer can be e-mailed about
