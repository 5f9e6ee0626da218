# SPDX-License-Identifier: EUPL-1.2
"""Who at the partner has access to a client's dossier, and why (art3.2c).

The dossier page shows it, so that everyone who works in it sees who else does, as the roles
give it (decision 22, ``partners.models.ROLE_ACCESS``): the employees in a role that takes
part in the support who are assigned to the client's open support at the partner (each
trajectory its own reason), the director of a household the client belongs to, the Veilig
Thuis liaisons while the partner has an open Meldcode case of the client (art8), the
partner's privacy officers (who the client is, for accountability; the content while
handling a request of the data subject, art9, and the retention of the dossier) and its data
protection officer (FG: who the client is, for oversight), and whoever broke the glass for
the client, until their emergency access ends (decision 23). Nobody else of the partner reaches
it (a team lead through their own assignments only; the functional administrator and the
incident reporter never); other partners have dossiers of their own.
"""

from __future__ import annotations

from django.utils import timezone

from zorgvuldig.clients.models import EmergencyAccess, Household, SupportTrajectory
from zorgvuldig.gate.facts import open_safety_cases
from zorgvuldig.gate.services.clients.views import AccessView
from zorgvuldig.partners.models import Employee, Role, roles_that
from zorgvuldig.rights.codes import OPEN_STATES
from zorgvuldig.rights.models import SubjectRequest


class Why:
    ASSIGNED = "assigned"  # caseworker of an open trajectory (detail: domain, law, since)
    DIRECTOR = "director"  # director of a household of the client (detail: its name)
    MELDCODE = "veilig-thuis-liaison"  # an open Meldcode case of the client (art8)
    OFFICER = "privacy-officer"  # identification for oversight; requests; retention
    OFFICER_REQUEST = "privacy-officer-request"  # a request of the data subject is open
    DPO = "data-protection-officer"  # identification, for oversight (the FG)
    EMERGENCY = "emergency"  # broke the glass for this client (detail: until when, decision 23)


def who_has_access(client, partner_id) -> tuple[AccessView, ...]:
    """Everyone of ``partner_id`` who reaches ``client``'s dossier there today, and why."""
    today = timezone.localdate()
    casework = roles_that("casework")
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
            if e.is_active and e.role in casework
        ]
    directed = Household.objects.filter(
        members=client.subject,
        director__partner_id=partner_id,
        director__is_active=True,
        director__role__in=casework,
    ).select_related("director__user")
    found += [AccessView(h.director.display_name, Why.DIRECTOR, household=h.name) for h in directed]
    staff = Employee.objects.filter(partner_id=partner_id, is_active=True).select_related("user")
    if open_safety_cases(client.id, partner_id).exists():
        liaisons = staff.filter(role__in=roles_that("meldcode"))
        found += [AccessView(e.display_name, Why.MELDCODE) for e in liaisons]
    requested = SubjectRequest.objects.filter(
        client=client, partner_id=partner_id, state__in=OPEN_STATES
    ).exists()
    officer = Why.OFFICER_REQUEST if requested else Why.OFFICER
    found += [AccessView(o.display_name, officer) for o in staff.filter(role=Role.PRIVACY_OFFICER)]
    dpo = staff.filter(role=Role.DATA_PROTECTION_OFFICER)
    found += [AccessView(o.display_name, Why.DPO) for o in dpo]
    now = timezone.now()
    emergencies = (
        EmergencyAccess.objects.filter(
            client=client,
            partner_id=partner_id,
            started_at__lte=now,
            expires_at__gt=now,
            employee__is_active=True,
        )
        .select_related("employee__user")
        .order_by("started_at")
    )
    found += [
        AccessView(e.employee.display_name, Why.EMERGENCY, until=e.expires_at, reason=e.reason)
        for e in emergencies
    ]
    return tuple(found)
