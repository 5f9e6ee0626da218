# SPDX-License-Identifier: EUPL-1.2
"""When the answer to a data subject's request is due (art9.5; AVG art. 12(3)). Pure.

A deadline is a legal calendar, not a number of days (Regulation 1182/71 art. 3):

- a period of weeks starts the day after receipt and ends on the same weekday: received on
  Monday 2 March 2026, four weeks end on Monday 30 March 2026;
- a period of months ends on the day with the same number in the last month, or on that
  month's last day where the number does not exist: received 31 March 2026, one month ends on
  30 April 2026;
- an extension (AVG: once, by two months) makes the period three months from receipt: received
  2 March 2026, extended, due 2 June 2026. It must be announced to the requester, with its
  reason, before the first deadline ends;
- while the partner waits for proof of identity or a clarification it asked for, the clock is
  paused: the deadline moves by the days paused;
- where the version says so (``moves_off_closed_days``), a deadline on a Saturday, a Sunday or
  a public holiday of the Algemene termijnenwet moves to the next working day (as Regulation
  1182/71 art. 3(4) and the Algemene termijnenwet art. 1 do for statutory periods).
"""

from __future__ import annotations

import calendar
import datetime

from dateutil.easter import easter

from zorgvuldig.protocol.version import Deadline


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The day with ``day``'s number ``months`` later, or that month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def public_holidays(year: int) -> frozenset[datetime.date]:
    """The general public holidays of the Algemene termijnenwet art. 3: New Year's Day, Easter
    Monday, King's Day (26 April when 27 April is a Sunday), 5 May, Ascension Day, Whit Monday
    and Christmas Day and Boxing Day. (Good Friday is not one.)"""
    sunday = easter(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = datetime.date(year, 4, 26)
    return frozenset(
        {
            datetime.date(year, 1, 1),
            sunday + datetime.timedelta(days=1),
            kings_day,
            datetime.date(year, 5, 5),
            sunday + datetime.timedelta(days=39),
            sunday + datetime.timedelta(days=50),
            datetime.date(year, 12, 25),
            datetime.date(year, 12, 26),
        }
    )


def is_closed(day: datetime.date) -> bool:
    """A Saturday, a Sunday or a public holiday."""
    return day.weekday() >= 5 or day in public_holidays(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while is_closed(day):
        day += datetime.timedelta(days=1)
    return day


def first_deadline(received: datetime.date, deadline: Deadline) -> datetime.date:
    """The end of the period without extension or pauses (before any move off closed days)."""
    return add_months(received, deadline.months) + datetime.timedelta(weeks=deadline.weeks)


def due_date(
    received: datetime.date,
    deadline: Deadline,
    *,
    extended: bool = False,
    paused_days: int = 0,
) -> datetime.date:
    """When the answer to a request received on ``received`` is due.

    ``extended``: the extension was announced in time (:func:`extension_problem`);
    ``paused_days``: the days the clock stood still waiting for the requester."""
    if paused_days < 0:
        raise ValueError("paused_days must not be negative")
    if extended and not deadline.extension_months:
        raise ValueError("this version allows no extension")
    months = deadline.months + (deadline.extension_months if extended else 0)
    due = add_months(received, months) + datetime.timedelta(weeks=deadline.weeks, days=paused_days)
    return next_working_day(due) if deadline.moves_off_closed_days else due


def extension_problem(
    received: datetime.date, deadline: Deadline, announced_on: datetime.date, paused_days: int = 0
) -> str:
    """Why an extension announced on ``announced_on`` is not allowed (Dutch); empty if it is."""
    if not deadline.extension_months:
        return "Deze protocolversie kent geen verlenging van de termijn."
    first = due_date(received, deadline, paused_days=paused_days)
    if announced_on > first:
        return (
            f"De verlenging moet vóór het einde van de eerste termijn ({first:%d-%m-%Y}) aan de "
            "verzoeker zijn meegedeeld, met de reden (AVG art. 12 lid 3)."
        )
    return ""
