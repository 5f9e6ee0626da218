# SPDX-License-Identifier: EUPL-1.2
"""What becomes due by a day (art5.2): per partner, the dossiers whose every item, and the
dossier itself, may be destroyed by then; and the counts of them per partner, domain, rule and
year, which name no one.

Only dossiers that can be due are read: every trajectory of the partner with the client ended
at least the shortest period of the version before the day (support open at another partner
makes it not due). They are decided by the rule a thousand clients at a time, so that
memory stays flat however large the region.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.facts import (
    SUPPORT,
    assemble,
    retention_version,
    support_of,
)
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol.deadlines import add_months
from zorgvuldig.protocol.retention import Outcome, dossier_retention

BATCH = 1000


@dataclass(frozen=True, slots=True)
class DueDossier:
    """A client's dossier at a partner that may be destroyed by the plan's day."""

    client_id: object
    partner_id: object
    domain: str  # of the support whose period ends last
    rule: str  # the rule that keeps it longest
    period: int  # the year in which that support ended
    kept_through: datetime.date


@dataclass(frozen=True, slots=True)
class PlanRow:
    partner: str
    domain: str
    rule: str
    period: int
    dossiers: int


def _candidates(partner: Partner, ended_by: datetime.date) -> Iterator[dict]:
    """The clients whose every trajectory at ``partner`` ended by ``ended_by``, a thousand
    at a time (client id -> their trajectories there, latest first), in the order of their
    ids.

    One statement for the partner, read as it goes (on PostgreSQL a server-side cursor):
    asked again for every batch, even the cheapest form of it reads a growing part of the
    table. Whether support is open at another partner is asked of each batch
    (:func:`.facts.assemble`), where it makes the dossier not due."""
    rows = (
        SupportTrajectory.objects.filter(partner=partner)
        .order_by("client_id", "-opened_on")  # a client's latest first, as facts.dossiers
        .values_list("client_id", *SUPPORT)
        .iterator(chunk_size=2 * BATCH)
    )
    batch: dict = {}
    for client_id, group in groupby(rows, key=itemgetter(0)):
        theirs = [support_of(row[1:]) for row in group]
        if all(s.closed_on is not None and s.closed_on <= ended_by for s in theirs):
            batch[client_id] = theirs
            if len(batch) == BATCH:
                yield batch
                batch = {}
    if batch:
        yield batch


def due_dossiers(partner: Partner, by: datetime.date) -> Iterator[DueDossier]:
    """The dossiers of ``partner`` that are due on ``by`` (a hold that lapses before it, and
    is not renewed, no longer keeps them)."""
    version = retention_version(partner.id, by)
    if version is None:
        return
    shortest = min(r.years for r in (version.retention.protocol, *version.retention.statutory))
    for batch in _candidates(partner, add_months(by, -12 * shortest)):
        found = assemble(list(batch), batch, partner.id, partner.kind, distinct=True)
        for client_id, items in found.items():
            outcomes = dossier_retention(version, items, by)
            if any(o.kept_through is None or o.kept_through >= by for o in outcomes.values()):
                continue
            yield _due(client_id, partner.id, outcomes.values())


def _due(client_id, partner_id, outcomes) -> DueDossier:
    latest: Outcome = max(outcomes, key=lambda o: (o.winner.kept_through, o.winner.rule.code))
    winner = latest.winner
    return DueDossier(
        client_id=client_id,
        partner_id=partner_id,
        domain=winner.support.domain.value if winner.support else "",
        rule=winner.rule.code,
        period=winner.ended_on.year,
        kept_through=max(o.kept_through for o in outcomes),
    )


@gate_service
def retention_plan(by: datetime.date) -> list[PlanRow]:
    """How many dossiers become due by ``by``, per partner, domain, rule and year: numbers
    only, so nothing is logged (no one's data leaves the gate)."""
    counts: Counter = Counter()
    for partner in Partner.objects.order_by("name"):
        for due in due_dossiers(partner, by):
            counts[(partner.name, due.domain, due.rule, due.period)] += 1
    return [PlanRow(*key, dossiers=n) for key, n in sorted(counts.items())]
