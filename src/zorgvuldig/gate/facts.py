"""Gather the facts decide() needs for one actor and one client (and nothing more)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from zorgvuldig.clients.models import Household, SupportTrajectory
from zorgvuldig.gate.consent_facts import consent_facts
from zorgvuldig.gate.context import Actor
from zorgvuldig.partners.models import Employee, ProtocolAcknowledgement
from zorgvuldig.protocol import Domain, Facts, LegalBasis, versions


def active_trajectories(client_id, partner_id, day):
    """Support trajectories of ``client_id`` at ``partner_id`` that are open on ``day``."""
    return SupportTrajectory.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=day),
        client_id=client_id,
        partner_id=partner_id,
        opened_on__lte=day,
    )


def gather(
    actor: Actor, client_id, opening_trajectory: LegalBasis | None = None
) -> tuple[Facts, dict[LegalBasis, frozenset[Domain]]]:
    """The facts for decide(), and the domains of the actor's support of the client per law."""
    today = timezone.localdate()
    employee = (
        Employee.objects.select_related("partner")
        .filter(id=actor.employee_id, is_active=True)
        .first()
        if actor.employee_id
        else None
    )
    if employee is None or employee.partner_id != actor.partner_id:
        nobody = Facts(
            version=None,
            actor_is_employee=False,
            partner_committed=False,
            acknowledged_current_version=False,
        )
        return nobody, {}
    commitment = employee.partner.commitment_on(today)
    version = versions.in_force(commitment.protocol_version, today) if commitment else None
    acknowledged = (
        commitment is not None
        and ProtocolAcknowledgement.objects.filter(
            employee=employee, protocol_version=commitment.protocol_version
        ).exists()
    )
    domains: dict[LegalBasis, set[Domain]] = {}
    director = informed = False
    consents = ()
    if client_id is not None:
        assigned = (
            active_trajectories(client_id, employee.partner_id, today)
            .filter(caseworkers=employee)
            .values_list("legal_basis", "domain")
        )
        for basis, domain in assigned:
            domains.setdefault(LegalBasis(basis), set()).add(Domain(domain))
        director = Household.objects.filter(
            director=employee, members__client__id=client_id
        ).exists()
        informed, consents = consent_facts(client_id, employee.partner_id, today)
    facts = Facts(
        version=version,
        actor_is_employee=True,
        partner_committed=commitment is not None,
        acknowledged_current_version=acknowledged,
        assigned_legal_bases=frozenset(domains),
        household_director=director,
        opening_trajectory=opening_trajectory,
        informed=informed,
        consents=consents,
    )
    return facts, {basis: frozenset(ds) for basis, ds in domains.items()}
