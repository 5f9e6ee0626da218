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
import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Exists, OuterRef
from django.db.models.functions import TruncDate

from zorgvuldig.clients.models import Client, SupportTrajectory
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate.facts import version_of
from zorgvuldig.gate.services.retention.among import Ids, among, rows
from zorgvuldig.partners.models import ProtocolCommitment
from zorgvuldig.protocol import Category, Domain, LegalBasis, ProtocolVersion
from zorgvuldig.protocol.loader import load_all
from zorgvuldig.protocol.retention import Hold, Retained, Support
from zorgvuldig.protocol.vocabulary import PartnerKind
from zorgvuldig.retention.models import RetentionHold

DOSSIER = "dossier"  # the key of the dossier's own record among its items
_CATEGORIES = {c.value: c for c in Category}  # a dict lookup: the enum's call is slower


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
    client_ids, partner_id = Ids(client_ids), _uuid(partner_id)
    trajectories: dict[object, list[Support]] = defaultdict(list)
    trajectories_of = among(SupportTrajectory.objects.all(), "client_id", client_ids)
    # the partner checked on the rows: see _items()
    for client_id, holder, *support in rows(
        trajectories_of.values_list("client_id", "partner_id", *SUPPORT)
    ):
        if holder == partner_id:
            trajectories[client_id].append(support_of(support))
    return assemble(client_ids, trajectories, partner_id, partner_kind)


def _uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


# what a trajectory's row holds of the support (``support_of`` makes it a Support)
SUPPORT = ("legal_basis", "domain", "opened_on", "closed_on")


_BASES = {b.value: b for b in LegalBasis}
_DOMAINS = {d.value: d for d in Domain}


def support_of(row) -> Support:
    basis, domain, opened, closed = row
    return Support(_BASES[basis], _DOMAINS[domain], opened, closed)


def _day(field: str) -> TruncDate:
    """The day of a moment as ``moment.date()`` of the ORM's (UTC) datetime, read as a date."""
    return TruncDate(field, tzinfo=datetime.UTC)


def _clients(client_ids: Ids):
    """(id, the day registered, support open anywhere) of the clients."""
    open_anywhere = SupportTrajectory.objects.filter(
        client_id=OuterRef("pk"), closed_on__isnull=True
    )
    return (
        among(Client.objects.all(), "id", client_ids)
        .order_by("id")
        .values_list("id", _day("created_at"), Exists(open_anywhere))
    )


def _items(client_ids: Ids):
    """(client, partner, id, category, day recorded) of the clients' items not destroyed.

    The partner is checked on the rows, not in the query: asked there, PostgreSQL reads the
    partner's index whole beside the clients' (a bitmap AND) for every batch."""
    return among(
        DataItem.objects.filter(destroyed_on__isnull=True), "client_id", client_ids
    ).values_list("client_id", "partner_id", "id", "category", _day("created_at"))


def assemble(
    client_ids: list,
    trajectories: dict[object, list[Support]],
    partner_id,
    partner_kind: str,
    *,
    distinct: bool = False,
) -> dict[object, dict[object, Retained]]:
    """:func:`dossiers` of ``client_ids``, in the order of their ids, whose trajectories at
    the partner have been read (``trajectories``, each client's latest first).

    ``distinct`` (the plan): of the items that the rule cannot tell apart, one. An item
    recorded in trajectories is kept by them, whatever the day it was recorded, so the
    items of one category that follow all of the dossier's trajectories (as every item does
    when there is one) have the same outcome: they are given once, keyed by their category
    instead of their id. Enough to tell whether a dossier is due and what keeps it longest,
    not to show each item."""
    kind, partner_id = PartnerKind(partner_kind), _uuid(partner_id)
    if not client_ids:
        return {}
    client_ids = client_ids if isinstance(client_ids, Ids) else Ids(client_ids)
    holds: dict[object, list[Hold]] = defaultdict(list)
    for hold in among(
        RetentionHold.objects.filter(partner_id=partner_id), "client_id", client_ids
    ).select_related("decided_by__user"):
        holds[hold.client_id].append(
            Hold(hold.reason, hold.decided_by.display_name, hold.review_on)
        )
    recorded: dict[object, list] = defaultdict(list)
    for client_id, holder, *item in rows(_items(client_ids)):
        if holder == partner_id:
            recorded[client_id].append(item)
    found: dict[object, dict[object, Retained]] = {}
    for client_id, created, supported in rows(_clients(client_ids)):
        supports = tuple(trajectories.get(client_id, ()))
        held = tuple(holds.get(client_id, ()))
        items: dict[object, Retained] = {}
        for item_id, category, day in recorded.get(client_id, ()):
            during = _recorded_in(supports, day)
            key = category if distinct and supports and during is supports else item_id
            if key not in items:
                items[key] = Retained(_CATEGORIES[category], kind, day, during, held, supported)
        found[client_id] = items
        found[client_id][DOSSIER] = Retained(
            Category.IDENTIFICATION, kind, created, supports, held, supported
        )
    return found


def _recorded_in(supports: tuple[Support, ...], day: datetime.date) -> tuple[Support, ...]:
    """The trajectories open on ``day``; none of them: all of them (so one is always that)."""
    if len(supports) == 1:
        return supports
    during = tuple(s for s in supports if s.opened_on <= day and (s.closed_on or day) >= day)
    return during or supports
