# SPDX-License-Identifier: EUPL-1.2
"""Partners, employees and their acknowledgement of the protocol (art1, art3.2d, art3.2e), and
the functional administrator's record of a partner's commitment to the protocol (art1).

These are not the personal data of clients: they do not pass the gate.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.partners.models import (
    Employee,
    Partner,
    ProtocolAcknowledgement,
    ProtocolCommitment,
    Role,
    RoleAccess,
    access_of,
    roles_that,
)
from zorgvuldig.protocol import awareness, loader


def employee_of(user) -> Employee | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Employee.objects.select_related("partner").filter(user=user, is_active=True).first()


def actor_for(employee: Employee) -> Actor:
    return Actor(partner_id=employee.partner_id, employee_id=employee.id)


def employee_in_role(
    actor: Actor, refusal: str, may: Callable[[RoleAccess], bool] = lambda access: True
) -> Employee:
    """The active employee the actor is, at the actor's partner, in a role that ``may`` do the
    function (art3.2c); else NotAllowed with ``refusal``, before anything is read. A partner
    system's service token is no employee: it is refused too. Whether they acknowledged the
    protocol is the caller's to ask (``gate.services.common.acknowledged``)."""
    employee = (
        Employee.objects.select_related("partner", "user")
        .filter(
            id=actor.employee_id,
            partner_id=actor.partner_id,
            is_active=True,
            user__is_active=True,
        )
        .first()
    )
    if actor.employee_id is None or employee is None or not may(access_of(employee.role)):
        raise NotAllowed(refusal)
    return employee


def version_to_acknowledge(employee: Employee) -> str | None:
    """The protocol version the employee's partner is committed to today, if any."""
    commitment = employee.partner.commitment_on(timezone.localdate())
    return commitment.protocol_version if commitment else None


@dataclass(frozen=True, slots=True)
class Standing:
    """Where an employee's acknowledgement of a version stands today (art3.2d, art3.2e)."""

    latest: ProtocolAcknowledgement | None  # the latest acknowledgement of the version
    due_on: datetime.date | None  # the day it lapses (None: not while the version applies)
    stands: bool  # acknowledged, and not lapsed

    @property
    def lapsed(self) -> bool:
        return self.latest is not None and not self.stands


def standing(employee: Employee, version: str | None) -> Standing:
    """The employee's acknowledgement of ``version``, read once (from the prefetched
    ``employee.acknowledgements.all()`` where there is one, newest first)."""
    latest = (
        next((a for a in employee.acknowledgements.all() if a.protocol_version == version), None)
        if version is not None
        else None
    )
    rules = loader.load_all().get(version) if latest is not None else None
    if latest is None or rules is None:
        return Standing(latest, None, latest is not None)
    due = awareness.due_on(timezone.localdate(latest.acknowledged_at), rules.reacknowledge_months)
    return Standing(latest, due, due is None or timezone.localdate() < due)


def has_acknowledged(employee: Employee) -> bool:
    return standing(employee, version_to_acknowledge(employee)).stands


def acknowledge(employee: Employee) -> ProtocolAcknowledgement:
    """Record that the employee knows and follows the version in force (art3.2d): a new
    acknowledgement, kept beside the earlier ones, unless the latest still stands (art3.2e)."""
    version = version_to_acknowledge(employee)
    if version is None:
        raise ValueError("De organisatie van deze medewerker is op dit moment geen partner.")
    current = standing(employee, version)
    if current.stands:
        return current.latest
    return ProtocolAcknowledgement.objects.create(
        employee=employee, protocol_version=version, acknowledged_at=timezone.now()
    )


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
    commitment = max(current, key=lambda c: (c.starts_on, c.id), default=None)
    if commitment is None or loader.in_force(commitment.protocol_version, day) is None:
        return None
    return commitment.protocol_version


def why_not_director(employee: Employee, day: datetime.date | None = None) -> str | None:
    """Why ``employee`` cannot direct a household, in Dutch; None when they can.

    The director coordinates the support and opens the household's plan and exchanges, which
    the gate allows only an active caseworker (art3.2c) of a partner committed to the protocol
    today (art1) who has acknowledged that version (art3.2d). A director who cannot act would
    leave the household without one."""
    day = day or timezone.localdate()
    if not employee.is_active:
        return "Deze regisseur is niet actief; kies een medewerker die nu werkt."
    if not access_of(employee.role).directs:
        return (
            "Alleen een hulpverlener kan regisseur zijn (art. 3 lid 2 onder c): een medewerker "
            "in de rol hulpverlener, regisseur of teamleider; geen privacyfunctionaris, "
            "functionaris gegevensbescherming, functioneel beheerder, aandachtsfunctionaris voor "
            "Veilig Thuis of melder van incidenten."
        )
    version = committed_version(employee.partner, day)
    if version is None:
        return (
            f"De organisatie van deze regisseur ({employee.partner.name}) is vandaag geen "
            "partner die zich aan het protocol heeft gecommitteerd (art. 1)."
        )
    if not standing(employee, version).stands:
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
        Employee.objects.filter(is_active=True, role__in=roles_that("directs"))
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
        EmployeeView(e.id, e.display_name, e.role, e.is_active, standing(e, version).stands)
        for e in found
    ]


# --- the functional administrator records commitments (art1) -------------------------------


@dataclass(frozen=True, slots=True)
class CommitmentView:
    id: int
    partner_id: uuid.UUID
    protocol_version: str
    starts_on: datetime.date
    ends_on: datetime.date | None


def _view(c: ProtocolCommitment) -> CommitmentView:
    return CommitmentView(c.id, c.partner_id, c.protocol_version, c.starts_on, c.ends_on)


def _administrator(actor: Actor) -> None:
    """art1: which organisations are partners, and from when to when, is recorded by a
    functional administrator, not by a caseworker or a partner's system."""
    if (
        actor.employee_id is None
        or not Employee.objects.filter(
            id=actor.employee_id,
            partner_id=actor.partner_id,
            is_active=True,
            role=Role.ADMINISTRATOR,
        ).exists()
    ):
        raise NotAllowed(
            "Alleen een functioneel beheerder legt vast wanneer een organisatie aan het "
            "protocol deelneemt (art. 1)."
        )


def _partner_or_404(partner_id) -> Partner:
    try:
        return Partner.objects.select_for_update().get(id=partner_id)
    except (Partner.DoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFound("partner", "Deze partner bestaat niet.") from None


def _is_day(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _period_errors(partner: Partner, starts_on, ends_on, *, exclude=None) -> dict[str, str]:
    """A period of commitment that is a period, and that overlaps no other of the partner's:
    on any day a partner is bound to one version or none (art1)."""
    errors = {}
    if not _is_day(starts_on):
        errors["startsOn"] = "Geef een geldige datum (JJJJ-MM-DD)."
    if ends_on is not None and not _is_day(ends_on):
        errors["endsOn"] = "Geef een geldige datum (JJJJ-MM-DD), of laat het veld weg."
    if errors:
        return errors
    if ends_on is not None and ends_on < starts_on:
        return {"endsOn": "Een deelname kan niet eindigen voordat ze begint."}
    others = partner.commitments.exclude(id=exclude).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    if ends_on is not None:
        others = others.filter(starts_on__lte=ends_on)
    clash = others.order_by("starts_on").first()
    if clash is not None:
        until = f"tot en met {clash.ends_on.isoformat()}" if clash.ends_on else "zonder einddatum"
        field = "startsOn" if clash.starts_on <= starts_on else "endsOn"
        errors[field] = (
            f"Deze periode overlapt met de deelname van {partner.name} aan "
            f"{clash.protocol_version} vanaf {clash.starts_on.isoformat()} {until}; een partner "
            "is op een dag aan één versie gebonden."
        )
    return errors


def _version_error(protocol_version) -> dict[str, str]:
    try:
        ProtocolCommitment(protocol_version=protocol_version or "").clean()
    except ValidationError as error:
        with translation.override("nl"):
            return {"protocolVersion": " ".join(error.message_dict["protocol_version"])}
    return {}


def record_commitment(
    actor: Actor,
    partner_id,
    *,
    protocol_version: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> CommitmentView:
    """Record that a partner commits to a protocol version from ``starts_on`` (until
    ``ends_on``, when known): from then on it is a partner (art1). Functional administrator
    only; the input is checked as a whole and nothing is written when any of it is wrong."""
    _administrator(actor)
    with transaction.atomic():
        partner = _partner_or_404(partner_id)
        errors = _version_error(protocol_version)
        errors.update(_period_errors(partner, starts_on, ends_on))
        if errors:
            raise InvalidInput(errors)
        commitment = ProtocolCommitment.objects.create(
            partner=partner,
            protocol_version=protocol_version,
            starts_on=starts_on,
            ends_on=ends_on,
        )
    return _view(commitment)


def end_commitment(
    actor: Actor, partner_id, commitment_id, *, ends_on: datetime.date
) -> CommitmentView:
    """Record the last day of a partner's commitment: after it the organisation is a
    non-partner (art1, art7) until a next commitment. Functional administrator only."""
    _administrator(actor)
    with transaction.atomic():
        partner = _partner_or_404(partner_id)
        try:
            commitment = partner.commitments.get(id=commitment_id)
        except (ProtocolCommitment.DoesNotExist, ValidationError, ValueError, TypeError):
            raise NotFound(
                "commitment", "Deze deelname aan het protocol bestaat niet bij deze partner."
            ) from None
        if not _is_day(ends_on):
            raise InvalidInput({"endsOn": "Geef de laatste dag van de deelname (JJJJ-MM-DD)."})
        errors = _period_errors(partner, commitment.starts_on, ends_on, exclude=commitment.id)
        if errors:
            raise InvalidInput(errors)
        commitment.ends_on = ends_on
        commitment.save(update_fields=["ends_on"])
    return _view(commitment)
