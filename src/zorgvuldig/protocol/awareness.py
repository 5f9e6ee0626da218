# SPDX-License-Identifier: EUPL-1.2
"""Staying aware of the protocol (art3.2d, art3.2e): when an acknowledgement lapses. Pure.

An employee acknowledges the version their partner is committed to before reaching personal
data (art3.2d). So that they stay aware of it (art3.2e) the version may ask them to do so
again after a number of months (``[awareness] reacknowledge_months``); a new version needs a
new acknowledgement at once, since it is another version.
"""

from __future__ import annotations

import datetime

from zorgvuldig.protocol.deadlines import add_months


def due_on(acknowledged_on: datetime.date, months: int | None) -> datetime.date | None:
    """The day from which an acknowledgement made on ``acknowledged_on`` no longer counts
    (None: it counts as long as the version applies)."""
    return add_months(acknowledged_on, months) if months else None


def lapsed(acknowledged_on: datetime.date, months: int | None, today: datetime.date) -> bool:
    """Whether an acknowledgement made on ``acknowledged_on`` has lapsed by ``today``."""
    due = due_on(acknowledged_on, months)
    return due is not None and today >= due
