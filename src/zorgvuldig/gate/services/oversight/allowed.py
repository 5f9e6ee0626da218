# SPDX-License-Identifier: EUPL-1.2
"""What the protocol allows for this client now and why, per category, from the same
decide() the gate uses.
"""

from __future__ import annotations

from dataclasses import replace

from zorgvuldig.core.actor import Actor
from zorgvuldig.gate import facts as facts_module
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.common import client_or_404, gate_service, legal_basis_for
from zorgvuldig.gate.services.oversight.views import AllowedView
from zorgvuldig.protocol import (
    CATEGORIES,
    Category,
    Operation,
    Request,
    decide,
)

# What the consent panel shows: recording/requesting and sharing, per category.
_PANEL_OPERATIONS = (Operation.RECORD, Operation.REQUEST, Operation.SHARE)


@gate_service
def allowed_now(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> list[AllowedView]:
    """Per operation and category: does the protocol allow it for this client now, and why.

    Reading the consent registry for it is a consult of identification data, logged. The
    answers come from decide() itself with the facts of this moment, so the panel cannot
    disagree with the gate. Shares are shown for an unnamed partner that supports the client
    in the actor's own domain (art5.1: what a share carries depends on the recipient's
    support; the share page decides for the real one).
    """
    client = client_or_404(client_id)
    goal = validation.purpose(purpose)
    basis = legal_basis_for(actor, client.id, legal_basis)

    def perform(decision):
        facts, domains = facts_module.gather(
            actor, client.id, operation=Operation.SHARE, purpose=goal
        )
        own = domains.get(basis, frozenset())
        facts = replace(facts, recipient_support=own)
        rows = []
        for operation in _PANEL_OPERATIONS:
            request = Request(
                actor_id=actor.log_id,
                partner_id=str(actor.partner_id),
                operation=operation,
                categories=tuple(Category),
                purpose=goal,
                legal_basis=basis,
                domain=next(iter(own)) if len(own) == 1 else None,
                recipient="" if operation is Operation.SHARE else None,
            )
            verdict = decide(request, facts)
            for outcome in verdict.outcomes:
                reasons = " ".join(r.sentence() for r in outcome.refusals)
                rows.append(
                    AllowedView(
                        operation=operation.value,
                        category=outcome.category.value,
                        label=CATEGORIES[outcome.category],
                        allowed=outcome.allowed,
                        articles=outcome.articles,
                        explanation=reasons,
                    )
                )
        return Performed(rows, subject_ids=[client.subject_id])

    return process(
        Processing(
            name="toegestaan-raadplegen",
            actor=actor,
            operation=Operation.CONSULT,
            categories=(Category.IDENTIFICATION,),
            purpose=goal,
            legal_basis=basis,
            client_id=client.id,
        ),
        perform,
    ).result
