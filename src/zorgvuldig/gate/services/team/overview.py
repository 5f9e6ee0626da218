# SPDX-License-Identifier: EUPL-1.2
"""The team lead's overview of the assignments at their organisation (art3.2c; decision 22):
who supports how many, no client.

A team lead distributes the work: they see, for each active employee of their partner in a
role with casework, how many open support trajectories that employee is assigned to, and how
many open trajectories nobody carries (no active employee in a role with casework assigned).
There is no model of a team, so the team is the organisation. Only the team lead
(``RoleAccess.team_overview``), once they acknowledged the protocol in force (art3.2d, as the
pages ask); anyone else NotAllowed before anything is counted.

**Not logged per data subject**: what leaves the gate is employees' names and numbers per
employee, no client, no reference to one and nothing of a dossier (AVG recital 26: a count of
trajectories says nothing about anyone supported). A record for every client counted would
tell each of them that their data was processed for them, which is not so; the service stands,
with this reason, in ``PROCESSES_NO_PERSONAL_DATA`` of
``tests/gate/test_every_service_is_logged.py``.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.core.actor import Actor
from zorgvuldig.gate.services.common import acknowledged, gate_service
from zorgvuldig.gate.services.team.views import TeamMemberLine, TeamOverview
from zorgvuldig.partners.models import Employee, roles_that
from zorgvuldig.partners.services import employee_in_role

TEAM_LEAD_ONLY = (
    "Alleen de teamleider van uw organisatie ziet wie hoeveel cliënten ondersteunt "
    "(art. 3 lid 2 onder c)."
)


@gate_service
def team_overview(actor: Actor) -> TeamOverview:
    """For the team lead's partner today: each active employee in a role with casework with
    the number of open trajectories they are assigned to (most first), the number of open
    trajectories and of those with nobody assigned. No client is named or counted apart."""
    lead = acknowledged(
        employee_in_role(actor, TEAM_LEAD_ONLY, lambda access: access.team_overview)
    )
    casework = roles_that("casework")
    trajectories = _open(lead.partner_id)
    open_ids = trajectories.values("id")
    members = (
        Employee.objects.filter(
            partner_id=lead.partner_id, is_active=True, user__is_active=True, role__in=casework
        )
        .select_related("user")
        .annotate(carried=Count("trajectories", filter=Q(trajectories__id__in=open_ids)))
    )
    lines = sorted(
        (
            TeamMemberLine(
                employee_id=m.id,
                display_name=m.display_name,
                role=m.role,
                open_trajectories=m.carried,
            )
            for m in members
        ),
        key=lambda line: (-line.open_trajectories, line.display_name),
    )
    carried = trajectories.filter(
        caseworkers__is_active=True,
        caseworkers__user__is_active=True,
        caseworkers__role__in=casework,
    ).values("id")
    return TeamOverview(
        partner=lead.partner.name,
        made_on=timezone.localdate(),
        members=tuple(lines),
        open_trajectories=trajectories.count(),
        unassigned_trajectories=trajectories.exclude(id__in=carried).count(),
    )


def _open(partner_id):
    """The partner's trajectories that are open: begun and not closed (one closed today is
    work done, though its caseworkers reach the dossier to the end of the day)."""
    return SupportTrajectory.objects.filter(
        partner_id=partner_id, opened_on__lte=timezone.localdate(), closed_on__isnull=True
    )
