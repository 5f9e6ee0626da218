# SPDX-License-Identifier: EUPL-1.2
"""Emergency access, model to view."""

from __future__ import annotations

from django.utils import timezone

from zorgvuldig.clients.models import EmergencyAccess
from zorgvuldig.gate.services.emergency.views import EmergencyAccessView


def emergency_view(access: EmergencyAccess, now=None) -> EmergencyAccessView:
    now = now or timezone.now()
    return EmergencyAccessView(
        id=access.id,
        client_id=access.client_id,
        client_name=access.client.subject.full_name,
        employee=access.employee.display_name,
        reason=access.reason,
        explanation=access.explanation,
        started_at=access.started_at,
        expires_at=access.expires_at,
        current=access.started_at <= now < access.expires_at,
        review_due_on=access.review_due_on,
        overdue=access.reviewed_at is None and access.review_due_on < timezone.localdate(now),
        reviewed_at=access.reviewed_at,
        reviewed_by=access.reviewed_by.display_name if access.reviewed_by else "",
        justified=access.justified,
        review_note=access.review_note,
    )
