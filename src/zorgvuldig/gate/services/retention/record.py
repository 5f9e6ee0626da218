# SPDX-License-Identifier: EUPL-1.2
"""The record of destruction of a carried-out list (art5.2): its counts per domain, rule and
period, what was kept and why, who drew it up, reviewed and approved it, and the hash of the
log's anchor at the end of the run; no client (:mod:`zorgvuldig.retention.record`)."""

from __future__ import annotations

from collections import Counter

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.lists import staff
from zorgvuldig.gate.services.retention.run import load
from zorgvuldig.retention import record as pdf
from zorgvuldig.retention.models import EntryOutcome, ListState


@gate_service
def destruction_record(actor: Actor, list_id, *, language: str = "nl") -> bytes:
    """The record of destruction of a list of the actor's partner that was carried out, as PDF
    (no client data), in Dutch or English."""
    staff(actor)
    if language not in pdf.LANGUAGES:
        raise InvalidInput({"language": "Kies de taal nl of en."})
    found = load(list_id)
    if found.partner_id != actor.partner_id:
        raise NotFound("destruction-list", "Deze vernietigingslijst bestaat niet.")
    if found.state != ListState.DONE:
        raise InvalidInput({"state": "Een verklaring bestaat pas als de lijst is uitgevoerd."})
    counted = Counter()
    kept = Counter()
    for domain, rule, period, outcome, why in found.entries.values_list(
        "domain", "rule", "period", "outcome", "kept_because"
    ):
        if outcome == EntryOutcome.DESTROYED:
            counted[(domain, rule, period)] += 1
        else:
            kept[(domain, rule, period, why)] += 1
    name = found.partner.name
    return pdf.record_pdf(
        pdf.DestructionRecord(
            list_number=str(found.number),
            due_by=found.due_by,
            partner=name,
            author=pdf.Act(found.author.display_name, found.created_at),
            reviewer=pdf.Act(found.reviewer.display_name, found.reviewed_at),
            approver=pdf.Act(found.approver.display_name, found.approved_at),
            started_at=found.run_started_at,
            ended_at=found.run_ended_at,
            destroyed=tuple(
                pdf.Destroyed(name, *key, count=n) for key, n in sorted(counted.items())
            ),
            kept=tuple(pdf.Kept(name, *key, count=n) for key, n in sorted(kept.items())),
            log_hash=found.last_log_hash,
        ),
        language,
    )
