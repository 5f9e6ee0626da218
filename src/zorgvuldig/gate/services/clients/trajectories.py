# SPDX-License-Identifier: EUPL-1.2
"""Support trajectories: listed, closed, and given their caseworkers (art1, art2)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils import timezone

from zorgvuldig.clients.models import (
    SupportTrajectory,
)
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.clients.consult import consult_part
from zorgvuldig.gate.services.clients.convert import trajectory_view
from zorgvuldig.gate.services.clients.views import TrajectoryView
from zorgvuldig.gate.services.common import (
    gate_service,
)
from zorgvuldig.partners.models import Employee
from zorgvuldig.protocol import Category, Operation


@gate_service
def list_trajectories(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> list[TrajectoryView]:
    """The client's support trajectories at the actor's partner."""

    def read(client):
        trajectories = (
            SupportTrajectory.objects.filter(client=client, partner_id=actor.partner_id)
            .select_related("partner")
            .prefetch_related(Prefetch("caseworkers", Employee.objects.select_related("user")))
        )
        return Performed(
            [trajectory_view(t) for t in trajectories], subject_ids=[client.subject_id]
        )

    return consult_part(
        actor,
        client_id,
        purpose,
        legal_basis,
        "trajecten-raadplegen",
        (Category.IDENTIFICATION,),
        read,
    )


def _trajectory_or_404(actor: Actor, trajectory_id) -> SupportTrajectory:
    try:
        return SupportTrajectory.objects.get(id=trajectory_id, partner_id=actor.partner_id)
    except (SupportTrajectory.DoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFound(
            "trajectory", "Dit ondersteuningstraject bestaat niet bij uw organisatie."
        ) from None


def _change(actor: Actor, trajectory: SupportTrajectory, name: str, purpose: str, change):
    """A change of the trajectory (its identification data) through the gate, under the law
    the trajectory rests on; the trajectory as it is afterwards."""

    def perform(decision):
        change()
        return Performed(trajectory_view(trajectory))

    return process(
        Processing(
            name=name,
            actor=actor,
            operation=Operation.CHANGE,
            categories=(Category.IDENTIFICATION,),
            purpose=validation.purpose(purpose),
            legal_basis=validation.legal_basis(trajectory.legal_basis),
            client_id=trajectory.client_id,
        ),
        perform,
    ).result


@gate_service
def close_trajectory(
    actor: Actor, trajectory_id, *, closed_on: datetime.date, ending: str, purpose: str
) -> TrajectoryView:
    """Close a support trajectory (art5.2 counts retention from the year support ended), with
    how it ended (``SupportEnding``, counted in the anonymised statistics)."""
    trajectory = _trajectory_or_404(actor, trajectory_id)
    if not isinstance(closed_on, datetime.date):
        raise InvalidInput({"closedOn": "Geef een geldige datum (JJJJ-MM-DD)."})
    if closed_on < trajectory.opened_on:
        raise InvalidInput({"closedOn": "Een traject kan niet sluiten voordat het is geopend."})
    if closed_on > timezone.localdate():
        raise InvalidInput({"closedOn": "De datum ligt in de toekomst."})
    ending = validation.support_ending(ending)

    def change():
        trajectory.closed_on, trajectory.ending = closed_on, ending
        trajectory.save(update_fields=["closed_on", "ending"])

    return _change(actor, trajectory, "traject-afsluiten", purpose, change)


@gate_service
def assign_caseworker(actor: Actor, trajectory_id, *, employee_id, purpose: str) -> TrajectoryView:
    """Assign a colleague of the same partner to a trajectory (art3.2c)."""
    trajectory = _trajectory_or_404(actor, trajectory_id)
    colleague = Employee.objects.filter(id=employee_id, is_active=True).first()
    if colleague is None:
        raise InvalidInput({"employeeId": "Deze medewerker bestaat niet of is niet actief."})
    if colleague.partner_id != actor.partner_id:
        raise InvalidInput(
            {
                "employeeId": "Deze medewerker werkt voor een andere organisatie; "
                "alleen eigen medewerkers krijgen toegang (art. 3 lid 2 onder c)."
            }
        )

    return _change(
        actor,
        trajectory,
        "hulpverlener-toewijzen",
        purpose,
        lambda: trajectory.caseworkers.add(colleague),
    )
