# SPDX-License-Identifier: EUPL-1.2
"""What partners shared with the actor's organisation, as the recipient sees it (art3.2a,
art3.2c, art4.2, art5.1, art6.1).

A share to a partner leaves a :class:`~zorgvuldig.exchange.models.ReceivedShare` at the recipient
and, when the recipient's systems subscribed, a webhook notification naming it (no personal
data). A caseworker who supports the client there sees it among the received shares and takes
it into the own dossier, where it is recorded with its origin and decided by the recipient's
own consent facts, or declines it when it does not need it (art5.1); until then the content
does not enter the recipient's dossier.
"""

from __future__ import annotations

import uuid
from itertools import groupby

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.dossier.models import DataItemVersion, OriginMethod
from zorgvuldig.exchange.models import ReceivedShare
from zorgvuldig.gate import validation
from zorgvuldig.gate.facts import active_trajectories
from zorgvuldig.gate.processing import Performed, process
from zorgvuldig.gate.services.common import client_processing, gate_service
from zorgvuldig.gate.services.dossier.items import record_item
from zorgvuldig.gate.services.dossier.views import ItemView
from zorgvuldig.gate.services.received.convert import received_share_view
from zorgvuldig.gate.services.received.views import ReceivedShareView
from zorgvuldig.protocol import Category, Justification, Operation

MAX_RECEIVED = 500


def _supported_clients(actor: Actor):
    """The clients the actor supports today, as an assigned caseworker (art3.2c)."""
    return active_trajectories(
        timezone.localdate(), partner_id=actor.partner_id, caseworkers__id=actor.employee_id
    ).values("client_id")


def _waiting(actor: Actor):
    return ReceivedShare.objects.filter(
        recipient_partner_id=actor.partner_id, handled_at__isnull=True
    ).select_related(
        "client__subject", "disclosure__partner", "disclosure__sent_by__user", "disclosure__item"
    )


def _labels(shares) -> dict[tuple[uuid.UUID, int], str]:
    wanted = Q(pk__in=[])
    for d in shares:
        wanted |= Q(item_id=d.disclosure.item_id, number=d.disclosure.version_number)
    return {
        (v.item_id, v.number): v.label
        for v in DataItemVersion.objects.filter(wanted).only("item_id", "number", "label")
    }


def _waiting_one(actor: Actor, received_share_id) -> ReceivedShare:
    """The share, locked, still waiting at the actor's organisation; else a clear error."""
    try:
        key = uuid.UUID(str(received_share_id))
    except ValueError:
        key = None
    share = _waiting(actor).select_for_update(of=("self",)).filter(id=key).first()
    if share is not None:
        return share
    if ReceivedShare.objects.filter(id=key, recipient_partner_id=actor.partner_id).exists():
        raise InvalidInput({"receivedShareId": "Deze ontvangen gegevens zijn al afgehandeld."})
    raise NotFound("received-share", "Deze ontvangen gegevens bestaan niet bij uw organisatie.")


@gate_service
def received_shares(actor: Actor, *, purpose: str) -> list[ReceivedShareView]:
    """The shares waiting at the actor's organisation for clients the actor supports, oldest
    first. Per client, seeing them (who the client is, what was sent) is a consult decided and
    logged like any other: a category the recipient may not process for this purpose (art5.1)
    is not shown."""
    goal = validation.purpose(purpose)
    oldest = _waiting(actor).filter(client_id__in=_supported_clients(actor))
    shares = sorted(
        oldest.order_by("created_at")[:MAX_RECEIVED], key=lambda d: (str(d.client_id), d.created_at)
    )
    labels = _labels(shares)
    views: list[ReceivedShareView] = []
    for client_id, group in groupby(shares, key=lambda d: d.client_id):
        group = list(group)
        categories = tuple(
            dict.fromkeys(
                [Category.IDENTIFICATION, *(Category(d.disclosure.item.category) for d in group)]
            )
        )

        def show(decision, group=group):
            allowed = {c.value for c in decision.allowed_categories}
            if Category.IDENTIFICATION.value not in allowed:  # whose data it is: nothing shown
                allowed = set()
            shown = [
                received_share_view(d, labels[d.disclosure.item_id, d.disclosure.version_number])
                for d in group
                if d.disclosure.item.category in allowed
            ]
            return Performed(
                shown, subject_ids=sorted({d.disclosure.item.subject_id for d in group}, key=str)
            )

        try:
            views.extend(
                process(
                    client_processing(
                        actor,
                        client_id,
                        "ontvangen-gegevens-inzien",
                        Operation.CONSULT,
                        categories,
                        goal,
                        None,
                    ),
                    show,
                ).result
            )
        except ProcessingRefused:
            continue  # refused and logged: nothing of this client is shown
    return sorted(views, key=lambda v: v.sent_at)


@gate_service
def accept_received_share(
    actor: Actor,
    received_share_id,
    *,
    purpose: str | None = None,
    legal_basis: str | None = None,
    justification: Justification | None = None,
) -> ItemView:
    """Take a received share into the actor's dossier: the version that was sent is recorded
    there with its origin (art3.2a), decided by the recipient's own facts (art4.2, art4.6).
    ``purpose``: the recipient's purpose, by default the one the sender shared it for."""
    refused = None
    with transaction.atomic():
        share = _waiting_one(actor, received_share_id)
        sent = share.disclosure
        version = DataItemVersion.objects.get(item_id=sent.item_id, number=sent.version_number)
        try:
            item = record_item(
                actor,
                share.client_id,
                category=sent.item.category,
                label=version.label,
                value=version.value,
                source=sent.partner.name,
                method=OriginMethod.PARTNER,
                obtained_on=timezone.localdate(sent.disclosed_at),
                purpose=purpose or sent.purpose,
                subject_id=sent.item.subject_id,
                legal_basis=legal_basis,
                justification=justification,
            )
        except ProcessingRefused as refusal:
            refused = refusal  # its log record commits with this transaction; nothing else
        else:
            share.handled_at = timezone.now()
            share.handled_by_id = actor.employee_id
            share.accepted_item_id = item.id
            share.save(update_fields=["handled_at", "handled_by", "accepted_item"])
    if refused is not None:
        raise refused
    return item


@gate_service
def decline_received_share(
    actor: Actor, received_share_id, *, reason: str, purpose: str | None = None
) -> None:
    """Do not take a received share in: the recipient does not need it (art5.1). Nothing is
    recorded in the dossier; who declined it, when and why is kept, and the decision, like
    seeing it, is a consult decided and logged."""
    why = validation.text(reason, "reason", 1000)
    with transaction.atomic():
        share = _waiting_one(actor, received_share_id)
        sent = share.disclosure

        def decline(decision):
            share.handled_at = timezone.now()
            share.handled_by_id = actor.employee_id
            share.decline_reason = why
            share.save(update_fields=["handled_at", "handled_by", "decline_reason"])
            return Performed(None, subject_ids=[sent.item.subject_id])

        processing = client_processing(
            actor,
            share.client_id,
            "ontvangen-gegevens-afwijzen",
            Operation.CONSULT,
            (Category(sent.item.category),),
            purpose or sent.purpose,
            None,
        )
        try:
            process(processing, decline)
        except ProcessingRefused as refusal:
            refused = refusal  # logged; the share keeps waiting
        else:
            refused = None
    if refused is not None:
        raise refused
