# SPDX-License-Identifier: EUPL-1.2
"""Who acknowledged the protocol, when, and who is due (art3.2d, art3.2e): the privacy
officer's overview of the employees of their own organisation, which the data protection
officer (FG) reads too (a role that reads the registers, decision 22). Nothing here changes.

It holds no client's data: it does not pass the gate.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.partners.models import Employee, Partner
from zorgvuldig.partners.services import (
    committed_version,
    employee_in_role,
    standing,
)
from zorgvuldig.protocol import loader

OFFICER_ONLY = (
    "Alleen de privacy officer en de functionaris gegevensbescherming van uw organisatie zien "
    "wie het protocol heeft bevestigd (art. 3 lid 2 onder c, d en e)."
)


class State:
    CURRENT = "current"  # acknowledged, and it still stands
    LAPSED = "lapsed"  # acknowledged, but the version asks for it again (art3.2e)
    NEVER = "never"  # not acknowledged the version in force (art3.2d)
    NO_VERSION = "no-version"  # the organisation is committed to no version today


@dataclass(frozen=True, slots=True)
class Acknowledged:
    protocol_version: str
    acknowledged_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class EmployeeAwareness:
    employee_id: uuid.UUID
    display_name: str
    role: str
    active: bool
    state: str
    acknowledged_at: datetime.datetime | None  # the latest acknowledgement of the version
    due_on: datetime.date | None  # when it lapses (or lapsed)
    history: tuple[Acknowledged, ...]  # every acknowledgement, newest first


@dataclass(frozen=True, slots=True)
class AwarenessOverview:
    protocol_version: str | None
    reacknowledge_months: int | None
    employees: tuple[EmployeeAwareness, ...]


def acknowledgement_overview(actor: Actor) -> AwarenessOverview:
    """Every employee of the reader's organisation (the privacy officer, the FG: a role that
    reads the registers, art3.2c): whether their acknowledgement of the version in force
    stands, lapsed or is missing, since when and until when, and each acknowledgement they
    made. Those who must act come first. Anyone else NotAllowed before anything is read."""
    employee_in_role(actor, OFFICER_ONLY, lambda access: access.reads_registers)
    partner = Partner.objects.prefetch_related("commitments").get(id=actor.partner_id)
    version = committed_version(partner, timezone.localdate())
    found = partner.employees.select_related("user").prefetch_related("acknowledgements")
    rows = [_row(employee, version) for employee in found]
    order = (State.NEVER, State.LAPSED, State.CURRENT, State.NO_VERSION)
    rows.sort(key=lambda r: (not r.active, order.index(r.state), r.display_name))
    months = loader.load_all()[version].reacknowledge_months if version else None
    return AwarenessOverview(version, months, tuple(rows))


def _row(employee: Employee, version: str | None) -> EmployeeAwareness:
    current = standing(employee, version)
    latest = current.latest
    if version is None:
        state = State.NO_VERSION
    elif latest is None:
        state = State.NEVER
    else:
        state = State.CURRENT if current.stands else State.LAPSED
    return EmployeeAwareness(
        employee_id=employee.id,
        display_name=employee.display_name,
        role=employee.role,
        active=employee.is_active,
        state=state,
        acknowledged_at=latest.acknowledged_at if latest else None,
        due_on=current.due_on,
        history=tuple(
            Acknowledged(a.protocol_version, a.acknowledged_at)
            for a in employee.acknowledgements.all()
        ),
    )
