# SPDX-License-Identifier: EUPL-1.2
"""The register of exceptions: every processing without consent (art4.6) of the privacy
officer's partner, with its justification, for accountability.
"""

from __future__ import annotations

from itertools import groupby

from zorgvuldig.core.actor import Actor
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.common import acknowledged, gate_service
from zorgvuldig.gate.services.oversight.views import ExceptionView
from zorgvuldig.partners.services import employee_in_role
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import (
    Category,
    LegalBasis,
    Operation,
)

# The articles under which a processing happens without the client's consent: necessity or
# serious risk (art4.6), and what Veilig Thuis received about a report (art8.2).
EXCEPTION_ARTICLES = ("art4.6", "art8.2")

MAX_EXCEPTIONS = 500


@gate_service
def exceptions_register(actor: Actor, *, purpose: str = "accountability") -> list[ExceptionView]:
    """Processings without consent (art4.6, art8.2) at the actor's partner, newest first.

    Only a privacy officer or the data protection officer (FG) may see it (art3.2c, decision
    22), once they acknowledged the protocol (art3.2d): anyone else gets :class:`NotAllowed`
    before anything is read, also when the register is empty. Each client whose annotation
    is shown is consulted, and logged, once.
    """
    goal = validation.purpose(purpose)
    acknowledged(
        employee_in_role(
            actor,
            "Alleen de privacy officer en de functionaris gegevensbescherming van uw organisatie "
            "zien de verwerkingen zonder toestemming (art. 3 lid 2 onder c).",
            lambda access: access.reads_registers,
        )
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
