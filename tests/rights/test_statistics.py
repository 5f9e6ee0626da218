# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's counts of requests: per month of receipt and kind, each outcome, the
answers after the due date and the median days to an answer; nobody else sees them."""

from __future__ import annotations

import datetime

import pytest

from tests import factories
from tests.conftest import make_employee, make_partner
from tests.rights.test_requests import TODAY, register
from zorgvuldig.core.errors import InvalidInput, NotAllowed
from zorgvuldig.gate import services
from zorgvuldig.gate.services.rights.views import CountLine
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

NOTHING = {
    "received": 0,
    "granted": 0,
    "partly_granted": 0,
    "refused": 0,
    "withdrawn": 0,
    "open": 0,
    "answered_late": 0,
    "median_days_to_answer": None,
}


def line(month, kind, **counts) -> CountLine:
    return CountLine(month=month, kind=kind, **(NOTHING | counts))


@pytest.fixture
def officer(partner):
    return actor_for(make_employee(partner, "pim", role=Role.PRIVACY_OFFICER))


@pytest.fixture
def answered(actor, client_dossier):
    """Sanne's requests: in an earlier month (two deletions, a blocking, an inspection), all
    answered today, long after their due date, or withdrawn; today a correction granted at once
    and an overview still open. Returns the two months and the days to today."""
    client = client_dossier
    phone = factories.record(
        actor, client.id, category="contact", value="06-12345678", label="Contact"
    )
    school = factories.record(actor, client.id, category="youth", value="Groep 7", label="Youth")
    earlier = (TODAY() - datetime.timedelta(days=75)).replace(day=1)
    later = earlier + datetime.timedelta(days=3)
    first = register(actor, client, kind="deletion", item_ids=[phone.id], received_on=earlier)
    services.decide_request(
        actor,
        first.id,
        outcome="refused",
        protection_needed=False,
        refusal_ground="accurate",
        refusal_reason="Het nummer klopt.",
    )
    second = register(actor, client, kind="deletion", item_ids=[phone.id], received_on=later)
    services.decide_request(actor, second.id, outcome="granted", protection_needed=False)
    blocking = register(
        actor, client, kind="blocking", item_ids=[phone.id, school.id], received_on=earlier
    )
    services.decide_request(
        actor,
        blocking.id,
        outcome="partly-granted",
        protection_needed=False,
        granted_item_ids=[school.id],
        refusal_ground="legal-duty",
        refusal_reason="Het nummer is nodig voor de bewaarplicht.",
    )
    inspection = register(actor, client, kind="inspection", received_on=later)
    services.withdraw_request(actor, inspection.id)
    correction = register(
        actor,
        client,
        kind="correction",
        item_ids=[phone.id],
        details="Nummer is 06-11111111",
        received_on=TODAY(),
    )
    services.decide_request(actor, correction.id, outcome="granted", protection_needed=False)
    register(actor, client, kind="overview", received_on=TODAY())
    return earlier, TODAY().replace(day=1), (TODAY() - earlier).days


def test_counts_per_month_of_receipt_and_kind_with_late_answers_and_medians(
    officer, answered, django_assert_num_queries
):
    earlier, this_month, days = answered
    with django_assert_num_queries(3):  # who asks, the counts, the dates for the medians
        counts = services.request_counts(officer)
    assert counts.year is None and counts.made_on == TODAY()
    assert counts.lines == (
        line(earlier, "blocking", received=1, partly_granted=1, answered_late=1,
             median_days_to_answer=float(days)),
        # 75 days and more from receipt, and 3 days less: the median lies between
        line(earlier, "deletion", received=2, granted=1, refused=1, answered_late=2,
             median_days_to_answer=days - 1.5),
        line(earlier, "inspection", received=1, withdrawn=1),
        line(this_month, "correction", received=1, granted=1, median_days_to_answer=0.0),
        line(this_month, "overview", received=1, open=1),
    )  # fmt: skip
    assert counts.months == (
        line(earlier, "", received=4, granted=1, partly_granted=1, refused=1, withdrawn=1,
             answered_late=3, median_days_to_answer=float(days)),
        line(this_month, "", received=2, granted=1, open=1, median_days_to_answer=0.0),
    )  # fmt: skip
    for total in counts.months:  # each request has one of the five outcomes
        ends = ("granted", "partly_granted", "refused", "withdrawn", "open")
        assert sum(getattr(total, end) for end in ends) == total.received


def test_counts_of_one_year_and_of_the_officer_s_own_partner_only(officer, answered):
    earlier, this_month, _days = answered
    this_year = services.request_counts(officer, year=this_month.year)
    assert this_year.year == this_month.year
    assert {line.month for line in this_year.lines} == {
        m for m in (earlier, this_month) if m.year == this_month.year
    }
    last_year = services.request_counts(officer, year=this_month.year - 1)
    assert {line.month for line in last_year.lines} == (
        {earlier} if earlier.year < this_month.year else set()
    )
    elsewhere = make_partner("Wmo Leersum")
    other = actor_for(make_employee(elsewhere, "olga", role=Role.PRIVACY_OFFICER))
    assert services.request_counts(other).lines == ()


def test_only_the_privacy_officer_sees_the_counts_and_nothing_is_logged_per_subject(
    actor, officer, answered
):
    logged = LogRecord.objects.count()
    with pytest.raises(NotAllowed, match="privacy officer"):
        services.request_counts(actor)  # the caseworker who handled every one of them
    services.request_counts(officer)
    assert LogRecord.objects.count() == logged  # numbers, no data about anyone (decision 15)


def test_a_year_that_is_not_one_is_refused(officer):
    for wrong in ("2026", 1999, TODAY().year + 1, True, 2026.0):
        with pytest.raises(InvalidInput) as error:
            services.request_counts(officer, year=wrong)
        assert "year" in error.value.errors, wrong
