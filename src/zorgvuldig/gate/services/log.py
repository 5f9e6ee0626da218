# SPDX-License-Identifier: EUPL-1.2
"""A client's processing log: what was done with their data, by whom, on which ground."""

from __future__ import annotations

from zorgvuldig.core.actor import Actor
from zorgvuldig.gate import dto
from zorgvuldig.gate.processing import Performed, process
from zorgvuldig.gate.services.common import (
    client_or_404,
    client_processing,
    gate_service,
)
from zorgvuldig.partners.models import Employee, Partner
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Category, Operation

MAX_LOG_RECORDS = 500


def _views(records) -> list[dto.LogView]:
    employees = {
        str(e.id): e.display_name
        for e in Employee.objects.filter(
            id__in={r.actor_id for r in records if not r.actor_id.startswith("service:")}
        ).select_related("user")
    }
    partners = {
        str(p.id): p.name for p in Partner.objects.filter(id__in={r.partner_id for r in records})
    }
    return [
        dto.LogView(
            id=r.id,
            trace_id=r.trace_id,
            name=r.name,
            start_time=r.start_time,
            end_time=r.end_time,
            status=r.status,
            processing_activity_id=r.processing_activity_id,
            actor=employees.get(r.actor_id, r.actor_id),
            partner=partners.get(r.partner_id, r.partner_id),
            operation=r.operation,
            categories=tuple(filter(None, r.categories.split(","))),
            purpose=r.purpose,
            legal_basis=r.legal_basis,
            decision=r.decision,
            articles=tuple(filter(None, r.articles.split(","))),
        )
        for r in records
    ]


@gate_service
def client_log(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> list[dto.LogView]:
    """The processing log of the client, newest first (this consult included)."""
    client = client_or_404(client_id)
    pseudonym = subject_pseudonym(client.subject_id)
    process(
        client_processing(
            actor,
            client.id,
            "verwerkingenlog-raadplegen",
            Operation.CONSULT,
            (Category.IDENTIFICATION,),
            purpose,
            legal_basis,
        ),
        lambda decision: Performed(None, subject_ids=[client.subject_id]),
    )
    # A partner sees its own processings; which other partners support the client is not
    # its business (art6.1). The data subject's own overview (art9.1) shows them all.
    records = LogRecord.objects.filter(
        subject_pseudonym=pseudonym, partner_id=str(actor.partner_id)
    ).order_by("-id")[:MAX_LOG_RECORDS]
    return _views(list(records))
