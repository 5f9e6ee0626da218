# SPDX-License-Identifier: EUPL-1.2
"""A client's processing log: what was done with their data, by whom, on which ground."""

from __future__ import annotations

from zorgvuldig.core.actor import Actor
from zorgvuldig.gate import together
from zorgvuldig.gate.processing import Performed, process
from zorgvuldig.gate.services.common import (
    client_or_404,
    client_processing,
    gate_service,
)
from zorgvuldig.gate.services.log.convert import log_views
from zorgvuldig.gate.services.log.views import LogView, RecentLog
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Category, Operation

MAX_LOG_RECORDS = 500


def _consult_log(actor: Actor, client_id, purpose: str, legal_basis: str | None):
    """Log the consult of the client's processing log; the records the actor's partner may
    see, newest first, as a queryset (this consult included)."""
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
    together.append_kept()  # the log read below shows this consult and those kept before it
    # A partner sees its own processings; which other partners support the client is not
    # its business (art6.1). The data subject's own overview (art9.1) shows them all.
    return LogRecord.objects.filter(
        subject_pseudonym=pseudonym, partner_id=str(actor.partner_id)
    ).order_by("-id")


@gate_service
def client_log(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> list[LogView]:
    """The processing log of the client, newest first (this consult included)."""
    records = _consult_log(actor, client_id, purpose, legal_basis)
    return log_views(list(records[:MAX_LOG_RECORDS]))


@gate_service
def recent_client_log(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None, limit: int
) -> RecentLog:
    """The newest ``limit`` records of the client's processing log (this consult included)
    and how many there are: what a page shows, without reading the rest (the dossier page)."""
    records = _consult_log(actor, client_id, purpose, legal_basis)
    return RecentLog(records=tuple(log_views(list(records[:limit]))), total=records.count())
