"""Partners, employees and their acknowledgement of the protocol (art1, art3.2d, art3.2e).

These are not the personal data of clients: they do not pass the gate.
"""

from __future__ import annotations

from django.utils import timezone

from zorgvuldig.gate.context import Actor
from zorgvuldig.partners.models import Employee, ProtocolAcknowledgement


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
