# SPDX-License-Identifier: EUPL-1.2
"""The retention of a client's dossier as its page shows it (art5.2): the dossier, each item
and the holds (:func:`.dossier.retention_of_dossier`), and besides them each support
trajectory of the partner with the client, with the periods it keeps the dossier for and why.

A trajectory's own retention is that of the dossier's record (identification data) counted
from that trajectory alone, without the holds: which rules applied to it and which one won.
The dossier is kept as long as the longest of them, of its items, or of a hold.

Who may see it is :func:`.dossier.retention_of_dossier`'s to say: a privacy officer of an
organisation that holds a dossier of the client, or a caseworker who supports them there;
anyone else is answered as if the client did not exist, and the attempt is logged (art3.2c).
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.gate.services.common import client_or_404, gate_service
from zorgvuldig.gate.services.retention.convert import retention_view
from zorgvuldig.gate.services.retention.dossier import retention_of_dossier
from zorgvuldig.gate.services.retention.facts import DOSSIER, dossiers, retention_version
from zorgvuldig.gate.services.retention.views import DossierRetentionView, RetentionView
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol.retention import retention


@dataclass(frozen=True, slots=True)
class TrajectoryRetentionView:
    """One support trajectory of the partner with the client, and how long it keeps the
    dossier (while it or any support of the client is open: no date)."""

    domain: str
    legal_basis: str
    opened_on: datetime.date
    closed_on: datetime.date | None
    retention: RetentionView


@dataclass(frozen=True, slots=True)
class RetentionOverview:
    client_name: str
    dossier: DossierRetentionView
    trajectories: tuple[TrajectoryRetentionView, ...]


@gate_service
def retention_overview(actor: Actor, client_id) -> RetentionOverview:
    """:func:`.dossier.retention_of_dossier` (who may see it, logged as its consult of
    identification data), with the client's name and the retention of each trajectory the
    dossier's own date is made of."""
    found = retention_of_dossier(actor, client_id)
    client = client_or_404(found.client_id)
    today = timezone.localdate()
    partner = Partner.objects.get(id=actor.partner_id)
    version = retention_version(partner.id, today)
    record = dossiers([found.client_id], partner.id, partner.kind, today)[found.client_id][DOSSIER]
    supports = sorted(
        record.supports, key=lambda s: (s.opened_on, s.closed_on or datetime.date.max)
    )
    return RetentionOverview(
        client_name=client.subject.full_name,
        dossier=found,
        trajectories=tuple(
            TrajectoryRetentionView(
                domain=support.domain.value,
                legal_basis=support.legal_basis.value,
                opened_on=support.opened_on,
                closed_on=support.closed_on,
                retention=retention_view(
                    retention(
                        version, dataclasses.replace(record, supports=(support,), holds=()), today
                    )
                ),
            )
            for support in supports
        ),
    )
