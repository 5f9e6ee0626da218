# SPDX-License-Identifier: EUPL-1.2
"""What the privacy officer and the caseworker see of the protocol's decisions.

- :func:`exceptions_register`: every processing without consent (art4.6) of the officer's
  partner, with its justification, for accountability.
- :func:`allowed_now`: per category, what the protocol allows for this client now and why,
  from the same decide() the gate uses.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, replace
from itertools import groupby

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotAllowed
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.gate import facts as facts_module
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.common import client_or_404, gate_service, legal_basis_for
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import (
    CATEGORIES,
    Category,
    LegalBasis,
    Operation,
    Request,
    decide,
)

# The articles under which a processing happens without the client's consent: necessity or
# serious risk (art4.6), and what Veilig Thuis received about a report (art8.2).
EXCEPTION_ARTICLES = ("art4.6", "art8.2")
MAX_EXCEPTIONS = 500


@dataclass(frozen=True, slots=True)
class ExceptionView:
    client_id: uuid.UUID
    client_name: str
    article: str
    text: str
    author: str
    created_at: datetime.datetime
    trace_id: str
    legal_basis: str


@dataclass(frozen=True, slots=True)
class AllowedView:
    operation: str
    category: str
    label: str
    allowed: bool
    articles: tuple[str, ...]
    explanation: str


@gate_service
def exceptions_register(actor: Actor, *, purpose: str = "accountability") -> list[ExceptionView]:
    """Processings without consent (art4.6, art8.2) at the actor's partner, newest first.

    Only a privacy officer may see it (art3.2c): anyone else gets :class:`NotAllowed` before
    anything is read. Each client whose annotation is shown is consulted, and logged, once.
    """
    goal = validation.purpose(purpose)
    if not Employee.objects.filter(
        id=actor.employee_id, partner_id=actor.partner_id, role=Role.PRIVACY_OFFICER, is_active=True
    ).exists():
        raise NotAllowed(
            "Alleen de privacy officer van uw organisatie ziet de verwerkingen zonder "
            "toestemming (art. 3 lid 2 onder c)."
        )
    notes = list(
        Annotation.objects.filter(partner_id=actor.partner_id, article__in=EXCEPTION_ARTICLES)
        .select_related("author__user", "client__subject")
        .order_by("client_id", "-created_at")[:MAX_EXCEPTIONS]
    )
    bases = dict(
        LogRecord.objects.filter(trace_id__in={n.trace_id for n in notes}).values_list(
            "trace_id", "legal_basis"
        )
    )
    views: list[ExceptionView] = []
    for client_id, group in groupby(notes, key=lambda n: n.client_id):
        group = list(group)
        basis = bases.get(group[0].trace_id) or None
        shown = [
            ExceptionView(
                client_id=client_id,
                client_name=n.client.subject.full_name,
                article=n.article,
                text=n.text,
                author=n.author.display_name,
                created_at=n.created_at,
                trace_id=n.trace_id,
                legal_basis=bases.get(n.trace_id, ""),
            )
            for n in group
        ]
        process(
            Processing(
                name="uitzonderingen-raadplegen",
                actor=actor,
                operation=Operation.CONSULT,
                categories=(Category.IDENTIFICATION,),
                purpose=goal,
                legal_basis=LegalBasis(basis) if basis else None,
                client_id=client_id,
            ),
            lambda decision, client=group[0].client: Performed(
                None, subject_ids=[client.subject_id]
            ),
        )
        views.extend(shown)
    return sorted(views, key=lambda v: v.created_at, reverse=True)


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
