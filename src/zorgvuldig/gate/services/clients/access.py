# SPDX-License-Identifier: EUPL-1.2
"""Who at the partner has access to a client's dossier, and why (art3.2c).

The dossier page shows it, so that everyone who works in it sees who else does: the
caseworkers assigned to the client's open support at the partner (each trajectory its own
reason), the director of a household the client belongs to, and the partner's privacy
officers, who oversee (accountability) and handle the data subject's requests and the
retention of the dossier. Nobody else of the partner reaches it; other partners have
dossiers of their own.
"""

from __future__ import annotations

from django.utils import timezone

from zorgvuldig.clients.models import Household, SupportTrajectory
from zorgvuldig.gate.services.clients.views import AccessView
from zorgvuldig.partners.models import Employee, Role


class Why:
    ASSIGNED = "assigned"  # caseworker of an open trajectory (detail: domain, law, since)
    DIRECTOR = "director"  # director of a household of the client (detail: its name)
    OFFICER = "privacy-officer"  # oversight, requests of the data subject, retention


def who_has_access(client, partner_id) -> tuple[AccessView, ...]:
    """Everyone of ``partner_id`` who reaches ``client``'s dossier there today, and why."""
    today = timezone.localdate()
    found: list[AccessView] = []
    open_support = (
        SupportTrajectory.objects.filter(client=client, partner_id=partner_id, opened_on__lte=today)
        .exclude(closed_on__lt=today)
        .prefetch_related("caseworkers__user")
        .order_by("opened_on")
    )
    for trajectory in open_support:
        found += [
            AccessView(
                e.display_name,
                Why.ASSIGNED,
                domain=trajectory.domain,
                legal_basis=trajectory.legal_basis,
                since=trajectory.opened_on,
            )
            for e in trajectory.caseworkers.all()
            if e.is_active
        ]
    directed = Household.objects.filter(
        members=client.subject, director__partner_id=partner_id, director__is_active=True
    ).select_related("director__user")
    found += [AccessView(h.director.display_name, Why.DIRECTOR, household=h.name) for h in directed]
    officers = Employee.objects.filter(
        partner_id=partner_id, role=Role.PRIVACY_OFFICER, is_active=True
    ).select_related("user")
    found += [AccessView(o.display_name, Why.OFFICER) for o in officers]
    return tuple(found)
