# SPDX-License-Identifier: EUPL-1.2
"""Counts of the partner's requests of data subjects, for the privacy officer and the FG
(issue 11, issue 13).

Requests are counted in the **month they were received** (each request once, in one month,
whatever happens to it later), per kind: how many came in; how many are now granted, partly
granted, refused, withdrawn or still open (neither decided nor withdrawn; these five add up
to the number received); how many were **answered late**, the decision (``decided_on``: the
answer of art9.5, for an inspection its release) falling after the due date as it stood then
(extension and pauses included); and the **median calendar days from receipt to the
decision** over those answered (pauses included: the time the requester waited).

Two queries: one groups and counts in the database, one reads the two dates of each answered
request for the medians. Neither hands a request, a reference or a name out of the gate.

**Not logged per data subject**: what leaves is a number per month, kind and outcome, no
data about anyone (AVG recital 26), and it goes only to the privacy officer and the FG, who
may see each open request anyway (:func:`~.register.open_requests`). A record for every subject
counted would say to each of them that their data was processed for them, which is not so;
the service stands, with this reason, in ``PROCESSES_NO_PERSONAL_DATA`` of
``tests/gate/test_every_service_is_logged.py``.
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.views import CountLine, RequestCounts
from zorgvuldig.partners.services import employee_in_role
from zorgvuldig.rights.codes import Outcome, RequestState
from zorgvuldig.rights.models import SubjectRequest

FIRST_YEAR = 2000  # the protocol is of 2015; nothing was received before this
COUNTS = {
    "received": Count("id"),
    "granted": Count("id", filter=Q(outcome=Outcome.GRANTED)),
    "partly_granted": Count("id", filter=Q(outcome=Outcome.PARTLY_GRANTED)),
    "refused": Count("id", filter=Q(outcome=Outcome.REFUSED)),
    "withdrawn": Count("id", filter=Q(state=RequestState.WITHDRAWN)),
    "open": Count("id", filter=Q(outcome="") & ~Q(state=RequestState.WITHDRAWN)),
    "answered_late": Count("id", filter=Q(decided_on__gt=F("due_on"))),
}


def _year(year) -> int | None:
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInput({"year": "Geef een jaartal, bijvoorbeeld 2026."})
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise InvalidInput(
            {"year": f"Kies een jaar van {FIRST_YEAR} tot en met {timezone.localdate().year}."}
        )
    return year


def _median(days: list[int]) -> float | None:
    return float(statistics.median(days)) if days else None


def _total(month, lines: list[CountLine], days: list[int]) -> CountLine:
    def summed(field: str) -> int:
        return sum(getattr(line, field) for line in lines)

    return CountLine(
        month=month,
        kind="",
        median_days_to_answer=_median(days),
        **{field: summed(field) for field in COUNTS},
    )


@gate_service
def request_counts(actor: Actor, *, year: int | None = None) -> RequestCounts:
    """Per month of receipt and kind: received, each outcome, open, answered late and the
    median days to the answer, of the actor's partner (every year, or ``year``). A role that
    reads the registers (the privacy officer and the FG, art3.2c, decision 22); anyone else is
    told so (:class:`NotAllowed`) before anything is counted."""
    employee_in_role(
        actor,
        "Alleen de privacy officer en de functionaris gegevensbescherming van uw organisatie "
        "zien de tellingen van de verzoeken van betrokkenen (art. 3 lid 2 onder c).",
        lambda access: access.reads_registers,
    )
    chosen = _year(year)
    requests = SubjectRequest.objects.filter(partner_id=actor.partner_id)
    if chosen is not None:
        requests = requests.filter(received_on__year=chosen)
    by_month = requests.annotate(month=TruncMonth("received_on"))
    counted = by_month.values("month", "kind").annotate(**COUNTS).order_by("month", "kind")
    days = defaultdict(list)
    for month, kind, received_on, decided_on in by_month.filter(
        decided_on__isnull=False
    ).values_list("month", "kind", "received_on", "decided_on"):
        days[month, kind].append((decided_on - received_on).days)
    lines = tuple(
        CountLine(
            month=row["month"],
            kind=row["kind"],
            median_days_to_answer=_median(days[row["month"], row["kind"]]),
            **{field: row[field] for field in COUNTS},
        )
        for row in counted
    )
    months = defaultdict(list)
    for line in lines:
        months[line.month].append(line)
    return RequestCounts(
        year=chosen,
        made_on=timezone.localdate(),
        lines=lines,
        months=tuple(
            _total(
                month,
                theirs,
                [d for line in theirs for d in days[month, line.kind]],
            )
            for month, theirs in months.items()
        ),
    )
