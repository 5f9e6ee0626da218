# SPDX-License-Identifier: EUPL-1.2
"""Proof that an answer is never due later than the protocol version allows (art9.5; AVG
art. 12(3)), for any day of receipt, any pauses and with or without an extension.

The expected due date is computed here from the rule's words, with a calendar of its own (a
month walked one by one, Easter by the Meeus/Jones/Butcher algorithm), not with
:mod:`zorgvuldig.protocol.deadlines`:

- 2015 text, art9.5: "binnen vier weken"; four weeks from receipt, as written, on whatever
  day they end; no extension;
- AVG art. 12(3): one month from receipt, extendable once by two more months (three months
  from receipt), when the requester is told so before the first month ends; a deadline on a
  Saturday, a Sunday or a public holiday of the Algemene termijnenwet moves to the next
  working day (Regulation 1182/71 art. 3(4));
- both: while the partner waits for the requester the clock stands still, so a pause moves
  the deadline by its length; a pause can start only while the clock runs (on or before the
  deadline as it stands), never to revive a deadline that has passed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_employee, make_partner, next_bsn
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee, ProtocolCommitment, Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.protocol import deadlines, loader
from zorgvuldig.rights.models import RequestPause

D = datetime.date
DAY = datetime.timedelta(days=1)
VERSIONS = loader.load_all()


@dataclass(frozen=True)
class Rule:
    """A version's deadline in the words of its text."""

    weeks: int
    months: int
    extension_months: int  # 0: no extension
    working_days: bool  # a deadline on a closed day moves to the next working day


RULES = {
    "regio-utrecht-zuidoost-2015": Rule(weeks=4, months=0, extension_months=0, working_days=False),
    "regio-utrecht-zuidoost-avg-2018": Rule(
        weeks=0, months=1, extension_months=2, working_days=True
    ),
}


# --- a calendar of the test's own ---------------------------------------------------------


def last_day_of(year: int, month: int) -> int:
    following = D(year + 1, 1, 1) if month == 12 else D(year, month + 1, 1)
    return (following - DAY).day


def months_later(day: datetime.date, months: int) -> datetime.date:
    """Walk ``months`` months on; the same day number, or the last day of a shorter month."""
    year, month = day.year, day.month
    for _ in range(months):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return D(year, month, min(day.day, last_day_of(year, month)))


def easter_sunday(year: int) -> datetime.date:
    """The Meeus/Jones/Butcher algorithm for the Gregorian Easter."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return D(year, month, day + 1)


def closed(day: datetime.date) -> bool:
    """Saturday, Sunday, or a general public holiday of the Algemene termijnenwet art. 3:
    New Year's Day, Easter Monday, King's Day (the 26th when the 27th of April is a
    Sunday), the fifth of May, Ascension Day, Whit Monday, Christmas Day and Boxing Day."""
    if day.isoweekday() in (6, 7):
        return True
    easter = easter_sunday(day.year)
    kings = D(day.year, 4, 27)
    if kings.isoweekday() == 7:
        kings = D(day.year, 4, 26)
    fixed = {(1, 1), (5, 5), (12, 25), (12, 26), (kings.month, kings.day)}
    moving = {easter + DAY, easter + 39 * DAY, easter + 50 * DAY}
    return (day.month, day.day) in fixed or day in moving


def allowed(rule: Rule, received: datetime.date, extended: bool, paused: int) -> datetime.date:
    """The latest day the rule allows: the period from receipt (three months when extended),
    plus the days paused, then off closed days where the rule says so."""
    if rule.weeks:
        end = received + datetime.timedelta(days=7 * rule.weeks)
    else:
        end = months_later(received, rule.months + (rule.extension_months if extended else 0))
    end += paused * DAY
    while rule.working_days and closed(end):
        end += DAY
    return end


def test_the_versions_say_what_their_texts_say():
    for version_id, rule in RULES.items():
        deadline = VERSIONS[version_id].rights_deadline
        assert (
            deadline.weeks,
            deadline.months,
            deadline.extension_months,
            deadline.moves_off_closed_days,
        ) == (rule.weeks, rule.months, rule.extension_months, rule.working_days)


def test_the_test_s_own_calendar_knows_the_holidays_of_2026():
    assert easter_sunday(2026) == D(2026, 4, 5) and easter_sunday(2025) == D(2025, 4, 20)
    holidays = {D(2026, 1, 1) + n * DAY for n in range(365)}
    holidays = {d for d in holidays if closed(d) and d.isoweekday() < 6}
    assert holidays == {
        D(2026, 1, 1),
        D(2026, 4, 6),
        D(2026, 4, 27),
        D(2026, 5, 5),
        D(2026, 5, 14),
        D(2026, 5, 25),
        D(2026, 12, 25),
    }  # Boxing Day 2026 is a Saturday


# --- the pure calendar --------------------------------------------------------------------


def receipts(version_id: str):
    """Any day from the version's effective date to 2099, with month ends and 29 February
    drawn often."""
    first = VERSIONS[version_id].effective_from
    years = st.integers(max(first.year + 1, 2019), 2099)
    any_day = st.dates(min_value=first, max_value=D(2099, 12, 31))
    month_end = st.builds(lambda y, m: D(y, m, last_day_of(y, m)), years, st.integers(1, 12))
    leap_day = years.filter(lambda y: last_day_of(y, 2) == 29).map(lambda y: D(y, 2, 29))
    return st.one_of(any_day, month_end, leap_day)


# a pause: (days after the previous resumption or the receipt, days it lasts)
pause_list = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 45)), max_size=4)


def pauses_inside(
    rule: Rule, received: datetime.date, extended: bool, drawn
) -> list[tuple[datetime.date, datetime.date]]:
    """The drawn pauses, one after the other; each starts while the clock still runs (on or
    before the deadline as it stands then), else it is the last that counts."""
    found, resumed, paused = [], received, 0
    for gap, length in drawn:
        start = resumed + gap * DAY
        if start > allowed(rule, received, extended, paused):
            break
        found.append((start, start + length * DAY))
        resumed, paused = start + length * DAY, paused + length
    return found


@pytest.mark.parametrize("version_id", sorted(RULES))
@settings(max_examples=300, deadline=None)
@given(data=st.data(), extended=st.booleans(), drawn=pause_list)
def test_art9_5_the_due_date_is_what_the_rule_allows_and_never_later(
    version_id, data, extended, drawn
):
    rule, deadline = RULES[version_id], VERSIONS[version_id].rights_deadline
    received = data.draw(receipts(version_id), label="received")
    if extended and not rule.extension_months:
        with pytest.raises(ValueError, match="no extension"):
            deadlines.due_date(received, deadline, extended=True)
        return
    pauses = pauses_inside(rule, received, extended, drawn)
    paused = sum((end - start).days for start, end in pauses)
    due = deadlines.due_date(received, deadline, extended=extended, paused_days=paused)
    latest = allowed(rule, received, extended, paused)
    assert due == latest
    # and what that means in days: never later than the period, the pauses and (where the
    # version moves off closed days) the closed days right after
    as_written = Rule(rule.weeks, rule.months, rule.extension_months, working_days=False)
    plain = allowed(as_written, received, extended, paused)
    assert plain <= due <= plain + 4 * DAY  # Thursday Christmas to Sunday: four closed days
    assert all(closed(plain + n * DAY) for n in range((due - plain).days))
    if rule.working_days:
        assert not closed(due)
    else:
        assert due == plain


@pytest.mark.parametrize("version_id", sorted(RULES))
@settings(max_examples=150, deadline=None)
@given(data=st.data(), drawn=pause_list, announced_after=st.integers(0, 150))
def test_avg_12_3_an_extension_counts_only_when_announced_before_the_first_deadline(
    version_id, data, drawn, announced_after
):
    rule, deadline = RULES[version_id], VERSIONS[version_id].rights_deadline
    received = data.draw(receipts(version_id), label="received")
    announced = received + announced_after * DAY
    # the pauses before the announcement move the first deadline
    before = [(s, min(e, announced)) for s, e in pauses_inside(rule, received, False, drawn)]
    paused = sum((e - s).days for s, e in before if s <= announced)
    problem = deadlines.extension_problem(received, deadline, announced, paused_days=paused)
    if not rule.extension_months:
        assert "geen verlenging" in problem
    elif announced <= allowed(rule, received, False, paused):
        assert problem == ""
    else:
        assert "AVG art. 12 lid 3" in problem


# --- the register: the due date it keeps ----------------------------------------------------


@pytest.fixture
def registers(db):
    """A privacy officer at a partner bound to each version, with an adult client."""
    found = {}
    for version_id in sorted(RULES):
        partner = make_partner(f"Team {version_id}", committed=False)
        ProtocolCommitment.objects.create(
            partner=partner,
            protocol_version=version_id,
            starts_on=VERSIONS[version_id].effective_from,
        )
        found[version_id] = actor_for(
            make_employee(partner, f"po-{version_id}", role=Role.PRIVACY_OFFICER)
        )
        make_employee(partner, f"cw-{version_id}")  # takes the clients in (art3.2c)
    return found


def adult_client(officer):
    """A client taken in by a caseworker of the officer's organisation: a privacy officer
    takes part in no support (decision 22)."""
    caseworker = Employee.objects.get(partner_id=officer.partner_id, role=Role.CASEWORKER)
    return services.register_client(
        actor_for(caseworker),
        bsn=next_bsn(),
        given_names="Noor",
        surname="Bakker",
        birth_date=D(1990, 1, 1),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )


@pytest.mark.django_db
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    version_id=st.sampled_from(sorted(RULES)),
    ago=st.integers(0, 70),
    waited=st.integers(0, 70),
    announced_after=st.one_of(st.none(), st.integers(0, 70)),
)
def test_art9_5_the_register_keeps_the_due_date_the_rule_allows(
    registers, version_id, ago, waited, announced_after
):
    """Received ``ago`` days ago and paused today; the requester's answer came ``waited``
    days after the pause (set on the pause record, as the handling over those days leaves
    it); an extension announced ``announced_after`` days after receipt."""
    actor, rule = registers[version_id], RULES[version_id]
    today = timezone.localdate()
    received = today - ago * DAY
    client = adult_client(actor)
    request = services.register_request(
        actor,
        client.id,
        kind="overview",
        requested_by_subject_id=client.subject.id,
        identity_method="in-person",
        received_on=received,
    )
    assert request.due_on == allowed(rule, received, False, 0)
    paused = 0
    if today > request.due_on:  # the clock has run out: nothing left to pause
        with pytest.raises(InvalidInput) as late:
            services.pause_request(actor, request.id, reason="Kopie legitimatie gevraagd.")
        assert "verstreken" in late.value.errors["state"]
    else:
        services.pause_request(actor, request.id, reason="Kopie legitimatie gevraagd.")
        waited = min(waited, ago)  # the pause began after receipt
        RequestPause.objects.filter(request_id=request.id).update(started_on=today - waited * DAY)
        resumed = services.resume_request(actor, request.id)
        paused = waited
        assert resumed.due_on == allowed(rule, received, False, paused)
    if announced_after is None:
        return
    announced = received + min(announced_after, ago) * DAY
    try:
        extended = services.extend_request(
            actor, request.id, reason="Veel gegevens.", announced_on=announced
        )
    except InvalidInput as refused:
        assert not rule.extension_months or announced > allowed(rule, received, False, paused)
        assert "announcedOn" in refused.errors
        return
    assert rule.extension_months and announced <= allowed(rule, received, False, paused)
    assert extended.due_on == allowed(rule, received, True, paused)
