# SPDX-License-Identifier: EUPL-1.2
"""The clock of a breach as a pure rule (art3.2g; AVG art. 33(1)): 72 hours from awareness,
the time left, overdue, in time or late, under every protocol version."""

from __future__ import annotations

import datetime
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.protocol import loader
from zorgvuldig.protocol.breaches import (
    STATUTORY_HOURS,
    BreachClock,
    ClockState,
    notification_hours,
)
from zorgvuldig.protocol.loader import VersionError

UTC = datetime.UTC
AMSTERDAM = datetime.timezone(datetime.timedelta(hours=1))
AWARE = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=AMSTERDAM)
H = datetime.timedelta(hours=1)
VERSIONS = loader.load_all()
SOURCE = loader.BUILT_IN / "regio-utrecht-zuidoost-2015.toml"


def test_art3_2g_the_clock_runs_72_hours_from_awareness_and_shows_the_time_left():
    clock = BreachClock(aware_at=AWARE)
    assert clock.deadline == datetime.datetime(2026, 12, 4, 9, 30, tzinfo=AMSTERDAM)  # the instant
    assert clock.state(AWARE + 71 * H) == ClockState.RUNNING
    assert clock.time_left(AWARE + 71 * H) == H
    assert clock.time_left(AWARE + 72 * H) == datetime.timedelta(0)  # the last moment
    assert clock.state(AWARE + 72 * H) == ClockState.RUNNING


def test_art3_2g_past_72_hours_the_clock_is_overdue_and_counts_how_late():
    clock = BreachClock(aware_at=AWARE)
    now = AWARE + 75 * H
    assert clock.state(now) == ClockState.OVERDUE
    assert clock.time_left(now) == -3 * H


def test_art3_2g_the_clock_does_not_run_before_awareness():
    clock = BreachClock(aware_at=None)
    assert clock.state(AWARE) == ClockState.NOT_STARTED
    assert clock.deadline is None and clock.time_left(AWARE) is None


def test_art3_2g_a_notification_stops_the_clock_in_time_or_late():
    in_time = BreachClock(aware_at=AWARE, notified_at=AWARE + 70 * H)
    late = BreachClock(aware_at=AWARE, notified_at=AWARE + 73 * H)
    assert in_time.state(AWARE + 100 * H) == ClockState.IN_TIME
    assert late.state(AWARE + 100 * H) == ClockState.LATE
    assert late.time_left(AWARE + 100 * H) is None
    assert late.late(AWARE + 72 * H + datetime.timedelta(seconds=1))
    assert not late.late(AWARE + 72 * H)


def test_art3_2g_a_breach_that_needs_no_notification_stops_the_clock():
    clock = BreachClock(aware_at=AWARE, not_required=True)
    assert clock.state(AWARE + 100 * H) == ClockState.NOT_REQUIRED
    assert clock.time_left(AWARE + 100 * H) is None


def test_art3_2g_the_clock_counts_real_hours_across_the_change_to_summer_time():
    """On 29 March 2026 the clocks in Amsterdam go from 02:00 to 03:00: 72 hours later is one
    hour later on the wall clock."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Amsterdam")
    aware = datetime.datetime(2026, 3, 28, 12, 0, tzinfo=zone)
    deadline = BreachClock(aware_at=aware).deadline.astimezone(zone)
    assert (deadline.day, deadline.hour) == (31, 13)


@given(
    aware=st.datetimes(timezones=st.just(UTC)),
    elapsed=st.timedeltas(min_value=datetime.timedelta(0), max_value=datetime.timedelta(days=9)),
)
def test_art3_2g_running_and_overdue_are_the_two_sides_of_the_deadline(aware, elapsed):
    try:
        now = aware + elapsed
        clock = BreachClock(aware_at=aware)
        clock.deadline  # noqa: B018 - within the calendar
    except OverflowError:
        return
    left = clock.time_left(now)
    assert left == clock.deadline - now
    assert clock.state(now) == (
        ClockState.OVERDUE if left < datetime.timedelta(0) else ClockState.RUNNING
    )


def test_art3_2g_the_2015_version_still_needs_the_notification_within_72_hours():
    """The protocol of 2015 (under the Wbp) sets no hours; the AVG binds its partners anyway."""
    v2015 = VERSIONS["regio-utrecht-zuidoost-2015"]
    avg = VERSIONS["regio-utrecht-zuidoost-avg-2018"]
    assert v2015.breach_notification_hours is None
    assert notification_hours(v2015) == STATUTORY_HOURS == 72
    assert notification_hours(avg) == 72
    assert notification_hours(None) == 72  # a partner bound to no version: the law still holds


def _version(hours: int):
    data = tomllib.loads(SOURCE.read_text())
    data["incidents"]["breach_notification_hours"] = hours
    return loader.parse(data, SOURCE.name)


def test_art3_2g_a_version_may_ask_sooner_but_not_later_than_the_law():
    assert notification_hours(_version(48)) == 48
    with pytest.raises(VersionError) as error:
        _version(96)
    assert "incidents.breach_notification_hours" in str(error.value)
    assert "at most 72 (AVG art. 33(1))" in str(error.value)
