# SPDX-License-Identifier: EUPL-1.2
"""When the answer to a data subject's request is due: a legal calendar (art9.5, AVG art. 12(3)).

The deadline is computed here as a pure function; that a request's answer is held to it is
the request register's work (tests/rights/test_requests.py, to come with it)."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.protocol import deadlines, loader

VERSIONS = loader.load_all()
PROTOCOL_2015 = VERSIONS["regio-utrecht-zuidoost-2015"].rights_deadline
AVG = VERSIONS["regio-utrecht-zuidoost-avg-2018"].rights_deadline
D = datetime.date


@pytest.mark.parametrize(
    ("received", "deadline", "extended", "paused", "due"),
    [
        (D(2026, 3, 2), PROTOCOL_2015, False, 0, D(2026, 3, 30)),  # four weeks: same weekday
        (D(2026, 3, 2), AVG, False, 0, D(2026, 4, 2)),  # one month: the same day number
        (D(2026, 3, 31), AVG, False, 0, D(2026, 4, 30)),  # no 31 April: the month's last day
        (D(2026, 3, 2), AVG, True, 0, D(2026, 6, 2)),  # extended once by two months
        (D(2026, 1, 31), AVG, True, 0, D(2026, 4, 30)),  # three months from receipt
        (D(2026, 1, 31), AVG, False, 0, D(2026, 3, 2)),  # Saturday 28 February: Monday
        (D(2026, 3, 5), AVG, False, 0, D(2026, 4, 7)),  # Easter Sunday, then Easter Monday
        (D(2026, 3, 27), AVG, False, 0, D(2026, 4, 28)),  # King's Day, Monday 27 April
        (D(2026, 3, 3), AVG, False, 0, D(2026, 4, 3)),  # Good Friday is a working day
        (D(2026, 3, 28), PROTOCOL_2015, False, 0, D(2026, 4, 25)),  # as written: a Saturday
        (D(2026, 3, 2), AVG, False, 10, D(2026, 4, 13)),  # paused 10 days: Sunday 12 April
        (D(2026, 3, 2), PROTOCOL_2015, False, 3, D(2026, 4, 2)),  # a pause moves it too
    ],
)
def test_deadline_examples(received, deadline, extended, paused, due):
    assert deadlines.due_date(received, deadline, extended=extended, paused_days=paused) == due


def test_the_public_holidays_of_the_algemene_termijnenwet():
    assert deadlines.public_holidays(2026) == {
        D(2026, 1, 1),
        D(2026, 4, 6),  # Easter Monday
        D(2026, 4, 27),  # King's Day
        D(2026, 5, 5),  # Liberation Day
        D(2026, 5, 14),  # Ascension Day
        D(2026, 5, 25),  # Whit Monday
        D(2026, 12, 25),
        D(2026, 12, 26),
    }
    assert D(2025, 4, 26) in deadlines.public_holidays(2025)  # 27 April 2025 is a Sunday
    assert D(2025, 4, 27) not in deadlines.public_holidays(2025)


def test_an_extension_must_be_announced_before_the_first_deadline_ends():
    received = D(2026, 3, 2)
    assert deadlines.extension_problem(received, AVG, D(2026, 4, 2)) == ""
    too_late = deadlines.extension_problem(received, AVG, D(2026, 4, 3))
    assert "02-04-2026" in too_late and "AVG art. 12 lid 3" in too_late
    # a pause moves the first deadline, and so the last day to announce
    assert deadlines.extension_problem(received, AVG, D(2026, 4, 3), paused_days=5) == ""
    assert "geen verlenging" in deadlines.extension_problem(received, PROTOCOL_2015, received)
    with pytest.raises(ValueError, match="no extension"):
        deadlines.due_date(received, PROTOCOL_2015, extended=True)
    with pytest.raises(ValueError, match="negative"):
        deadlines.due_date(received, AVG, paused_days=-1)


days = st.dates(min_value=D(2018, 5, 25), max_value=D(2040, 12, 31))


@given(received=days, extended=st.booleans(), paused=st.integers(0, 120))
def test_the_due_date_is_never_later_than_the_version_allows(received, extended, paused):
    due = deadlines.due_date(received, AVG, extended=extended, paused_days=paused)
    months = 3 if extended else 1
    end = deadlines.add_months(received, months) + datetime.timedelta(days=paused)
    # at most to the next working day after the legal end: never more than four days later
    # (Christmas on a Thursday: Thursday to Sunday are closed)
    assert end <= due <= end + datetime.timedelta(days=4)
    assert not deadlines.is_closed(due)
    assert all(
        deadlines.is_closed(end + datetime.timedelta(days=n)) for n in range((due - end).days)
    )
    plain = deadlines.due_date(received, PROTOCOL_2015, paused_days=paused)
    assert plain == received + datetime.timedelta(weeks=4, days=paused)


@given(received=days, months=st.integers(0, 36))
def test_a_month_ends_on_the_same_day_number_or_the_month_s_last_day(received, months):
    end = deadlines.add_months(received, months)
    assert (end.year * 12 + end.month) - (received.year * 12 + received.month) == months
    last = calendar.monthrange(end.year, end.month)[1]
    assert end.day == min(received.day, last)


@given(first=days, later_by=st.integers(0, 400))
def test_a_later_receipt_is_never_due_earlier(first, later_by):
    later = first + datetime.timedelta(days=later_by)
    for deadline in (AVG, PROTOCOL_2015):
        assert deadlines.due_date(later, deadline) >= deadlines.due_date(first, deadline)
