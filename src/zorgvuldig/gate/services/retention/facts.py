# SPDX-License-Identifier: EUPL-1.2
"""What the retention rule reads of a client's dossier at one partner, from the database
(art5.2), for one dossier or many at a time (the plan of a destruction list).

An item follows the partner's trajectories with the client that were open on the day it was
recorded (the latest to end decides); an item recorded outside every trajectory follows all of
them. The dossier itself (its trajectories, notes, consents) is kept as identification data:
as long as the longest kept item, and at least as long as its own trajectories.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from zorgvuldig.clients.models import Client, SupportTrajectory
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate.facts import version_of
from zorgvuldig.partners.models import ProtocolCommitment
from zorgvuldig.protocol import Category, Domain, LegalBasis, ProtocolVersion
from zorgvuldig.protocol.loader import load_all
from zorgvuldig.protocol.retention import Hold, Retained, Support
from zorgvuldig.protocol.vocabulary import PartnerKind
from zorgvuldig.retention.models import RetentionHold

DOSSIER = "dossier"  # the key of the dossier's own record among its items


def retention_version(partner_id, today: datetime.date) -> ProtocolVersion | None:
    """The version whose retention applies to a partner's records: the one it is bound to
    today, or else the last one it was bound to (its records outlive its commitment)."""
    version = version_of(partner_id, today)
    if version is None:
        last = (
            ProtocolCommitment.objects.filter(partner_id=partner_id, starts_on__lte=today)
            .order_by("-starts_on", "-id")
            .values_list("protocol_version", flat=True)
            .first()
        )
        version = load_all().get(last) if last else None
    return version


def dossiers(
    client_ids: Iterable, partner_id, partner_kind: str, today: datetime.date
) -> dict[object, dict[object, Retained]]:
    """Per client: its items at the partner (by id) and the dossier itself (``DOSSIER``)."""
    client_ids = list(client_ids)
    kind = PartnerKind(partner_kind)
    supported = set(
        SupportTrajectory.objects.filter(client_id__in=client_ids, closed_on__isnull=True)
        .values_list("client_id", flat=True)
        .distinct()
    )
    trajectories: dict[object, list[tuple[datetime.date, Support]]] = defaultdict(list)
    for client_id, basis, domain, opened, closed in SupportTrajectory.objects.filter(
        client_id__in=client_ids, partner_id=partner_id
    ).values_list("client_id", "legal_basis", "domain", "opened_on", "closed_on"):
        support = Support(LegalBasis(basis), Domain(domain), opened, closed)
        trajectories[client_id].append((opened, support))
    holds: dict[object, list[Hold]] = defaultdict(list)
    for hold in RetentionHold.objects.filter(
        client_id__in=client_ids, partner_id=partner_id
    ).select_related("decided_by__user"):
        holds[hold.client_id].append(
            Hold(hold.reason, hold.decided_by.display_name, hold.review_on)
        )
    created = dict(Client.objects.filter(id__in=client_ids).values_list("id", "created_at"))
    found: dict[object, dict[object, Retained]] = {c: {} for c in created}
    for item_id, client_id, category, recorded in DataItem.objects.filter(
        client_id__in=client_ids, partner_id=partner_id, destroyed_on__isnull=True
    ).values_list("id", "client_id", "category", "created_at"):
        day = recorded.date()
        found[client_id][item_id] = Retained(
            Category(category),
            kind,
            day,
            _recorded_in(trajectories[client_id], day),
            tuple(holds[client_id]),
            client_id in supported,
        )
    for client_id, items in found.items():
        items[DOSSIER] = Retained(
            Category.IDENTIFICATION,
            kind,
            created[client_id].date(),
            tuple(s for _, s in trajectories[client_id]),
            tuple(holds[client_id]),
            client_id in supported,
        )
    return found


def _recorded_in(trajectories, day: datetime.date) -> tuple[Support, ...]:
    during = tuple(s for opened, s in trajectories if opened <= day and (s.closed_on or day) >= day)
    return during or tuple(s for _, s in trajectories)
