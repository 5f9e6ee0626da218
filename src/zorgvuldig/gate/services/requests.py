"""Requesting data from a partner (pull): decided on both sides (art4.2, art4.4, art6.1).

The requesting caseworker's side decides whether they may request (art4.2 consent to record
and request, art4.4 a signed form for medical data); the side that holds the data decides, by
its own consent facts and professional secrecy, what it may share with the requester (art4.3,
art6.2), in the name of its caseworker who supports the client. Only the allowed items come
back; they are recorded in the requester's dossier with their origin (art3.2a), and the holder
keeps a disclosure record of each.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.utils import timezone

from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import dto, validation
from zorgvuldig.gate.context import Actor
from zorgvuldig.gate.core import Performed, process
from zorgvuldig.gate.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.gate.facts import active_trajectories
from zorgvuldig.gate.services.common import client_or_404, client_processing, gate_service
from zorgvuldig.gate.services.exchange import share_items
from zorgvuldig.gate.services.inbox import accept_received_share
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import Justification, Operation


@dataclass(frozen=True, slots=True)
class PullResult:
    received: tuple[dto.ItemView, ...]
    explanation: str  # the holder's decision: what was withheld and why
    request_trace_id: str
    share_trace_id: str


def _holder_caseworker(holder: Partner, client) -> Actor:
    """The holder decides in the name of a caseworker who supports the client there."""
    trajectory = (
        active_trajectories(timezone.localdate(), client_id=client.id, partner_id=holder.id)
        .filter(caseworkers__is_active=True)
        .order_by("opened_on")
        .first()
    )
    if trajectory is None:
        raise InvalidInput(
            {
                "holderPartnerId": f"{holder.name} ondersteunt deze cliënt niet; "
                "daar valt niets op te vragen."
            }
        )
    caseworker = trajectory.caseworkers.filter(is_active=True).order_by("id").first()
    return Actor(partner_id=holder.id, employee_id=caseworker.id)


@gate_service
def request_items(
    actor: Actor,
    client_id,
    *,
    holder_partner_id,
    categories,
    purpose: str,
    legal_basis: str | None = None,
    justification: Justification | None = None,
) -> PullResult:
    """Request the client's data of ``categories`` from the partner that holds them."""
    client = client_or_404(client_id)
    wanted = validation.categories(categories)
    try:
        holder = Partner.objects.filter(id=uuid.UUID(str(holder_partner_id))).first()
    except ValueError:
        holder = None
    if holder is None:
        raise NotFound("partner", "Deze organisatie bestaat niet.")
    if holder.id == actor.partner_id:
        raise InvalidInput(
            {"holderPartnerId": "Gegevens van uw eigen organisatie vraagt u niet op."}
        )
    if holder.commitment_on(timezone.localdate()) is None:
        raise InvalidInput({"holderPartnerId": f"{holder.name} is op dit moment geen partner."})
    holder_actor = _holder_caseworker(holder, client)

    # 1. may the requester request these categories? (art4.2, art4.4; logged either way)
    asked = process(
        client_processing(
            actor,
            client.id,
            "gegevens-opvragen",
            Operation.REQUEST,
            wanted,
            purpose,
            legal_basis,
            justification=justification,
            recipient=str(holder.id),
        ),
        lambda decision: Performed(decision.allowed_categories),
    )
    allowed = {c.value for c in asked.result}
    items = list(
        DataItem.objects.filter(client=client, partner=holder, category__in=allowed).values_list(
            "id", flat=True
        )
    )
    if not items:
        return PullResult(
            (), "Er zijn bij deze organisatie geen gegevens van deze soort.", asked.trace_id, ""
        )
    # 2. what may the holder share with the requester? (its consents, its secrecy)
    try:
        shared = share_items(
            holder_actor,
            client.id,
            item_ids=items,
            recipient_partner_id=actor.partner_id,
            purpose=purpose,
            legal_basis=None,
            announce=False,
        )
    except ProcessingRefused as refused:
        return PullResult((), refused.decision.explanation, asked.trace_id, refused.trace_id)
    # 3. take what came in into the requester's dossier, with its origin (art3.2a)
    received = [
        accept_received_share(
            actor,
            delivery_id,
            purpose=purpose,
            legal_basis=legal_basis,
            justification=justification,
        )
        for delivery_id in shared.delivery_ids
    ]
    return PullResult(tuple(received), shared.explanation, asked.trace_id, shared.trace_id)
