# SPDX-License-Identifier: EUPL-1.2
"""What becomes due by a day (art5.2): per partner, the dossiers whose every item, and the
dossier itself, may be destroyed by then; and the counts of them per partner, domain, rule and
year, which name no one.

Only dossiers that can be due are read: no trajectory of the client open anywhere, and the
partner's last trajectory with them ended at least the shortest period of the version before
the day. They are then decided by the rule, a thousand clients at a time, so that memory
stays flat however large the region.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef

from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.facts import dossiers, retention_version
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


def _candidates(partner: Partner, ended_by: datetime.date) -> Iterator[list]:
    """The clients of ``partner`` whose support there ended by ``ended_by`` and who have no
    open support anywhere, in batches, in a stable order."""
    still_supported = SupportTrajectory.objects.filter(
        client_id=OuterRef("client_id"), closed_on__isnull=True
    )
    ids = (
        SupportTrajectory.objects.filter(partner=partner)
        .values("client_id")
        .annotate(last=Max("closed_on"), open=Exists(still_supported))
        .filter(last__lte=ended_by, open=False)
        .order_by("client_id")
        .values_list("client_id", flat=True)
    )
    after = None
    while True:
        batch = list((ids.filter(client_id__gt=after) if after else ids)[:BATCH])
        if not batch:
            return
        yield batch
        after = batch[-1]


def due_dossiers(partner: Partner, by: datetime.date) -> Iterator[DueDossier]:
    """The dossiers of ``partner`` that are due on ``by`` (a hold that lapses before it, and
    is not renewed, no longer keeps them)."""
    version = retention_version(partner.id, by)
    if version is None:
        return
    shortest = min(r.years for r in (version.retention.protocol, *version.retention.statutory))
    for batch in _candidates(partner, add_months(by, -12 * shortest)):
        for client_id, items in dossiers(batch, partner.id, partner.kind, by).items():
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
