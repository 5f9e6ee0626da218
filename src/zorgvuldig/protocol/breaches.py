# SPDX-License-Identifier: EUPL-1.2
"""The clock of a personal-data breach (art3.2g: AVG art. 33(1)), as a pure rule.

The controller notifies the Autoriteit Persoonsgegevens without undue delay and where feasible
within 72 hours of becoming aware of the breach: from the moment it is reasonably certain that
personal data was affected, not from the moment the incident started or was found. A later
first notification gives the reasons for the delay.

The hours are the law's, not a region's choice. The protocol of 2015 (under the Wbp) sets none,
yet its partners are bound by the AVG today (art3.2g: the statutory rules are followed), so the
72 hours apply under every version. A version may ask its partners to notify sooner; one that
allows longer is refused when it is loaded (:mod:`zorgvuldig.protocol.loader`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from zorgvuldig.protocol.version import ProtocolVersion

#: AVG art. 33(1): at most 72 hours after becoming aware.
STATUTORY_HOURS = 72


def notification_hours(version: ProtocolVersion | None) -> int:
    """The hours within which a breach is notified under ``version``: the version's own when it
    sets fewer, else the law's 72 (also when it sets none, as the 2015 text does)."""
    hours = version.breach_notification_hours if version is not None else None
    return min(hours, STATUTORY_HOURS) if hours else STATUTORY_HOURS


class ClockState(StrEnum):
    """Where the notification to the Autoriteit Persoonsgegevens stands."""

    NOT_STARTED = "not-started"  # nobody decided yet that personal data was affected
    RUNNING = "running"  # aware, not yet notified, the deadline not passed
    OVERDUE = "overdue"  # aware, not yet notified, the deadline passed
    IN_TIME = "in-time"  # notified within the hours
    LATE = "late"  # notified after the hours (with the reasons for the delay)
    NOT_REQUIRED = "not-required"  # unlikely to result in a risk (AVG art. 33(1)), reasoned


@dataclass(frozen=True, slots=True)
class BreachClock:
    """The clock of one breach: from ``aware_at`` (aware datetimes throughout), stopped by the
    first notification (``notified_at``) or by the reasoned decision that none is required."""

    aware_at: datetime.datetime | None
    hours: int = STATUTORY_HOURS
    notified_at: datetime.datetime | None = None
    not_required: bool = False

    @property
    def deadline(self) -> datetime.datetime | None:
        """Real hours, counted in UTC: Python adds to an aware datetime on its wall clock, which
        would make 72 hours across the change to summer time 71."""
        if self.aware_at is None:
            return None
        return self.aware_at.astimezone(datetime.UTC) + datetime.timedelta(hours=self.hours)

    def state(self, now: datetime.datetime) -> ClockState:
        if self.aware_at is None:
            return ClockState.NOT_STARTED
        if self.notified_at is not None:
            return ClockState.LATE if self.late(self.notified_at) else ClockState.IN_TIME
        if self.not_required:
            return ClockState.NOT_REQUIRED
        return ClockState.OVERDUE if now > self.deadline else ClockState.RUNNING

    def time_left(self, now: datetime.datetime) -> datetime.timedelta | None:
        """While the clock runs: the time to the deadline (negative once it has passed);
        ``None`` before awareness and once it has stopped."""
        if self.state(now) not in (ClockState.RUNNING, ClockState.OVERDUE):
            return None
        return self.deadline - now.astimezone(datetime.UTC)

    def late(self, notified_at: datetime.datetime) -> bool:
        """A first notification at ``notified_at`` comes after the hours: it needs the reasons
        for the delay (AVG art. 33(1))."""
        return self.deadline is not None and notified_at > self.deadline
