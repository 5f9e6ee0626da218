# SPDX-License-Identifier: EUPL-1.2
"""Processing log records to the frozen values of :mod:`.views` (inside the gate only)."""

from __future__ import annotations

from zorgvuldig.gate.services.log.views import LogView
from zorgvuldig.partners.models import Employee, Partner


def log_views(records) -> list[LogView]:
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
        LogView(
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
