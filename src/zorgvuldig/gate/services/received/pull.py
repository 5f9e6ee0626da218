# SPDX-License-Identifier: EUPL-1.2
"""Requesting data from a partner (pull): decided on both sides (art4.2, art4.4, art6.1).

The requesting caseworker's side decides whether they may request (art4.2 consent to record
and request, art4.4 a signed form for medical data); the side that holds the data decides, by
its own consent facts and professional secrecy, what it may share with the requester (art4.3,
art6.2), in the name of its caseworker who supports the client. Only the allowed items come
back; they are recorded in the requester's dossier with their origin (art3.2a), and the holder
keeps a disclosure record of each.

The answer says, for each requested category, what became of it (:class:`CategoryAnswer`):
sent, with how many items came in; partly sent, items left behind under professional secrecy
(art6.2); refused, with the articles and the Dutch reason of the side that refused it (the
requester: art4.2, art4.4, art5.1; the holder: art4.3, art5.1, art6.2); or not held at all by
the holder, which is no refusal.
"""

from __future__ import annotations

import uuid
from collections import Counter

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import validation
from zorgvuldig.gate.facts import active_trajectories
from zorgvuldig.gate.processing import Performed, process
from zorgvuldig.gate.services.common import client_or_404, client_processing, gate_service
from zorgvuldig.gate.services.exchange.share import share_items
from zorgvuldig.gate.services.received.shares import accept_received_share
from zorgvuldig.gate.services.received.views import (
    BY_HOLDER,
    BY_REQUESTER,
    NOT_HELD,
    PARTLY_SENT,
    REFUSED,
    SENT,
    CategoryAnswer,
    PullResult,
)
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import Category, CategoryOutcome, Justification, Operation


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

    # 1. may the requester request these categories? (art4.2, art4.4, art5.1; logged either way)
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
    answers = {
        o.category: _refused(o, BY_REQUESTER) for o in asked.decision.outcomes if not o.allowed
    }
    held = _held_items(client, holder, asked.result)
    answers.update(
        (category, _not_held(category, holder)) for category in asked.result if category not in held
    )
    if not held:
        return PullResult(
            (),
            "Er zijn bij deze organisatie geen gegevens van deze soort.",
            asked.trace_id,
            "",
            _in_order(wanted, answers),
        )
    # 2. what may the holder share with the requester? (its consents, its secrecy)
    try:
        shared = share_items(
            holder_actor,
            client.id,
            item_ids=[i for ids in held.values() for i in ids],
            recipient_partner_id=actor.partner_id,
            purpose=purpose,
            legal_basis=None,
            announce=False,
        )
    except ProcessingRefused as refused:
        answers.update((o.category, _refused(o, BY_HOLDER)) for o in refused.decision.outcomes)
        return PullResult(
            (),
            refused.decision.explanation,
            asked.trace_id,
            refused.trace_id,
            _in_order(wanted, answers),
        )
    # 3. take what came in into the requester's dossier, with its origin (art3.2a)
    received = [
        accept_received_share(
            actor,
            delivery_id,
            purpose=purpose,
            legal_basis=legal_basis,
            justification=justification,
        )
        for delivery_id in shared.received_share_ids
    ]
    answers.update(_sent(held, shared.sent, received, holder.name))
    if refused_by_holder := {c: ids for c, ids in held.items() if c not in answers}:
        answers.update(_holder_refusals(refused_by_holder, shared, holder.name))
    return PullResult(
        tuple(received),
        shared.explanation,
        asked.trace_id,
        shared.trace_id,
        _in_order(wanted, answers),
    )


def _held_items(client, holder: Partner, categories) -> dict[Category, list[uuid.UUID]]:
    """The holder's items of the client in these categories, by category."""
    held: dict[Category, list[uuid.UUID]] = {}
    rows = DataItem.objects.filter(
        client=client, partner=holder, category__in=[c.value for c in categories]
    ).values_list("category", "id")
    for category, item_id in rows.order_by("created_at", "id"):
        held.setdefault(Category(category), []).append(item_id)
    return held


def _in_order(wanted, answers: dict[Category, CategoryAnswer]) -> tuple[CategoryAnswer, ...]:
    return tuple(answers[category] for category in wanted)


def _refused(outcome: CategoryOutcome, side: str) -> CategoryAnswer:
    """A category refused by one side's decision, with its articles and reasons."""
    return CategoryAnswer(
        outcome.category.value,
        REFUSED,
        side,
        articles=outcome.articles,
        reason=" ".join(r.sentence() for r in outcome.refusals),
    )


def _not_held(category: Category, holder: Partner) -> CategoryAnswer:
    return CategoryAnswer(
        category.value,
        NOT_HELD,
        reason=f"{holder.name} heeft van deze soort geen gegevens van deze cliënt; "
        "er is niets geweigerd.",
    )


def _under_secrecy(category: Category, holder: str, received: int, withheld: int) -> CategoryAnswer:
    """art6.2: of a category the holder may share, items under the professional secrecy of a
    caseworker who has not released them for the requester stay behind, item by item."""
    left = "1 gegeven bleef" if withheld == 1 else f"{withheld} gegevens bleven"
    it = "het" if withheld == 1 else "ze"
    return CategoryAnswer(
        category.value,
        PARTLY_SENT,
        BY_HOLDER,
        received,
        withheld,
        ("art6.2",),
        f"Geweigerd: {left} achter onder het wettelijk beroepsgeheim van de hulpverlener die "
        f"{it} vastlegde (art. 6 lid 2). Vraag die hulpverlener bij {holder} {it} voor uw "
        "organisatie vrij te geven.",
    )


def _sent(held, sent_ids, received, holder: str) -> dict[Category, CategoryAnswer]:
    """The categories of which something went, after a share that let something go: the holder
    decides per category (art4.3, art5.1, art6.2) and, within a category it may share, leaves
    items under professional secrecy behind (art6.2)."""
    sent = set(sent_ids)
    came_in = Counter(Category(item.category) for item in received)
    answers: dict[Category, CategoryAnswer] = {}
    for category, ids in held.items():
        withheld = sum(1 for i in ids if i not in sent)
        if withheld == len(ids):
            continue
        answers[category] = (
            _under_secrecy(category, holder, came_in[category], withheld)
            if withheld
            else CategoryAnswer(category.value, SENT, "", came_in[category])
        )
    return answers


def _holder_refusals(held, shared, holder: str) -> dict[Category, CategoryAnswer]:
    """Why the holder refused the categories in ``held``, of which nothing went: its decision
    per category on the share (art4.3, art4.4, art5.1, art6.2)."""
    outcomes = {o.category: o for o in shared.decision.outcomes}
    return {
        category: (
            _refused(outcomes[category], BY_HOLDER)
            if not outcomes[category].allowed
            # allowed, yet every item stayed under a professional's secrecy (art6.2)
            else _under_secrecy(category, holder, 0, len(ids))
        )
        for category, ids in held.items()
    }
