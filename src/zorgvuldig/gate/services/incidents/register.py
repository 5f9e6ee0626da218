# SPDX-License-Identifier: EUPL-1.2
"""The register of incidents (art3.2f, AVG art. 33(5): every breach is documented) and one
incident with its course.

The partner's privacy officer sees the organisation's incidents, and so does its data
protection officer (FG), who reads them for oversight and changes nothing (decision 22); the
municipality's privacy officer sees every partner's (incidents are reported to it), each with
its clock and phases and counts, never the clients a partner's incident affected.
"""

from __future__ import annotations

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.incidents.access import (
    logged,
    readable,
    reader_of,
    sees_every_partner,
    subjects_of,
)
from zorgvuldig.gate.services.incidents.convert import incident_line, incident_view
from zorgvuldig.gate.services.incidents.views import IncidentLine, IncidentView
from zorgvuldig.incidents.models import Incident, NotificationPhase
from zorgvuldig.protocol import Operation


@gate_service
def incident_register(actor: Actor) -> list[IncidentLine]:
    """The incidents the privacy officer (or the FG) sees, newest first: numbers, nature,
    times, the clock, the phase of the notification and counts; no client and no free text."""
    reader = reader_of(actor)
    found = Incident.objects.select_related("partner")
    if not sees_every_partner(reader):
        found = found.filter(partner_id=actor.partner_id)
    phases = NotificationPhase.objects.filter(incident=OuterRef("pk"))
    found = found.annotate(
        clients=Count("affected", distinct=True),
        first_notified_at=Subquery(phases.order_by("reported_at", "id").values("reported_at")[:1]),
        latest_phase=Subquery(phases.order_by("-reported_at", "-id").values("kind")[:1]),
    )
    now, known = timezone.now(), {}
    return [
        incident_line(
            i,
            first_notified_at=i.first_notified_at,
            latest_phase=i.latest_phase or "",
            clients=i.clients,
            now=now,
            known=known,
        )
        for i in found
    ]


@gate_service
def incident(actor: Actor, incident_id) -> IncidentView:
    """One incident with its course. Its partner's privacy officer, who handles it, and its FG,
    who reads it for oversight, see the clients it affected (logged for each); the
    municipality's privacy officer sees how many."""
    name = "incident-raadplegen"
    found, _, handles = readable(actor, incident_id, name)
    if found.partner_id != actor.partner_id:
        return incident_view(found, handled=False)
    subjects = subjects_of(found.id)
    return logged(
        actor,
        name,
        Operation.CONSULT,
        lambda: (incident_view(found, handled=handles, clients=True), subjects),
        required_by="art3.2f",
        subjects=subjects,
    )
