"""Partners, employees and their acknowledgement of the protocol (art1, art3.2d, art3.2e), who
among the employees may direct a household (art1, art3.2c, art3.2d), and the employees of
one's own organisation.

These are not the personal data of clients: they do not pass the gate.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.utils import timezone

from zorgvuldig.gate.context import Actor
from zorgvuldig.gate.errors import InvalidInput
from zorgvuldig.partners.models import Employee, Partner, ProtocolAcknowledgement, Role
from zorgvuldig.protocol import versions


def employee_of(user) -> Employee | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Employee.objects.select_related("partner").filter(user=user, is_active=True).first()


def actor_for(employee: Employee) -> Actor:
    return Actor(partner_id=employee.partner_id, employee_id=employee.id)


def version_to_acknowledge(employee: Employee) -> str | None:
    """The protocol version the employee's partner is committed to today, if any."""
    commitment = employee.partner.commitment_on(timezone.localdate())
    return commitment.protocol_version if commitment else None


def has_acknowledged(employee: Employee) -> bool:
    version = version_to_acknowledge(employee)
    return (
        version is not None and employee.acknowledgements.filter(protocol_version=version).exists()
    )


def acknowledge(employee: Employee) -> ProtocolAcknowledgement:
    """Record that the employee knows and follows the version in force (art3.2d)."""
    version = version_to_acknowledge(employee)
    if version is None:
        raise ValueError("De organisatie van deze medewerker is op dit moment geen partner.")
    acknowledgement, _ = ProtocolAcknowledgement.objects.get_or_create(
        employee=employee,
        protocol_version=version,
        defaults={"acknowledged_at": timezone.now()},
    )
    return acknowledgement


# --- who may act -----------------------------------------------------------------------------


def committed_version(partner: Partner, day: datetime.date) -> str | None:
    """The protocol version ``partner`` is committed to on ``day`` and that applies then, as the
    gate counts it (art1); None: it is no partner that day. Reads ``partner.commitments.all()``,
    so that a prefetch serves many partners at once."""
    current = [
        c
        for c in partner.commitments.all()
        if c.starts_on <= day and (c.ends_on is None or c.ends_on >= day)
    ]
    commitment = max(current, key=lambda c: c.starts_on, default=None)
    if commitment is None or versions.in_force(commitment.protocol_version, day) is None:
        return None
    return commitment.protocol_version


def _acknowledged(employee: Employee, version: str | None) -> bool:
    return version is not None and any(
        a.protocol_version == version for a in employee.acknowledgements.all()
    )


def why_not_director(employee: Employee, day: datetime.date | None = None) -> str | None:
    """Why ``employee`` cannot direct a household, in Dutch; None when they can.

    The director coordinates the support and opens the household's plan and exchanges, which
    the gate allows only an active caseworker (art3.2c) of a partner committed to the protocol
    today (art1) who has acknowledged that version (art3.2d). A director who cannot act would
    leave the household without one."""
    day = day or timezone.localdate()
    if not employee.is_active:
        return "Deze regisseur is niet actief; kies een medewerker die nu werkt."
    if employee.role != Role.CASEWORKER:
        return (
            "Alleen een hulpverlener kan regisseur zijn (art. 3 lid 2 onder c), geen "
            "privacyfunctionaris of functioneel beheerder."
        )
    version = committed_version(employee.partner, day)
    if version is None:
        return (
            f"De organisatie van deze regisseur ({employee.partner.name}) is vandaag geen "
            "partner die zich aan het protocol heeft gecommitteerd (art. 1)."
        )
    if not _acknowledged(employee, version):
        return (
            f"Deze regisseur heeft de geldende versie van het protocol ({version}) nog niet "
            "bevestigd (art. 3 lid 2 onder d)."
        )
    return None


def possible_directors(day: datetime.date | None = None) -> list[Employee]:
    """The employees who may direct a household today (:func:`why_not_director`), by
    organisation and name."""
    day = day or timezone.localdate()
    candidates = (
        Employee.objects.filter(is_active=True, role=Role.CASEWORKER)
        .select_related("user", "partner")
        .prefetch_related("partner__commitments", "acknowledgements")
        .order_by("partner__name", "user__last_name", "user__first_name")
    )
    return [e for e in candidates if why_not_director(e, day) is None]


# --- the employees of one's own organisation ------------------------------------------------


@dataclass(frozen=True, slots=True)
class EmployeeView:
    """An employee as their colleagues' systems see them: work data, no client's data."""

    id: uuid.UUID
    display_name: str
    role: str
    active: bool
    acknowledged_current_version: bool


def employees(actor: Actor, *, role: str | None = None) -> list[EmployeeView]:
    """The employees of the actor's own partner, optionally of one role: whom to assign to a
    trajectory (art3.2c) or to name director of a household. Another partner's employees are
    not listed: each partner decides about its own people (art3.2c)."""
    if role not in (None, "") and role not in Role.values:
        raise InvalidInput({"role": f"Onbekende rol '{role}'; kies uit: {', '.join(Role.values)}"})
    partner = Partner.objects.prefetch_related("commitments").filter(id=actor.partner_id).first()
    if partner is None:
        return []
    version = committed_version(partner, timezone.localdate())
    found = partner.employees.select_related("user").prefetch_related("acknowledgements")
    if role:
        found = found.filter(role=role)
    return [
        EmployeeView(e.id, e.display_name, e.role, e.is_active, _acknowledged(e, version))
        for e in found
    ]
