# SPDX-License-Identifier: EUPL-1.2
"""Finding clients: only those the actor's organisation supports (art3.2c)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from zorgvuldig.clients.models import (
    Client,
)
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.clients.registration import bsn_index
from zorgvuldig.gate.services.clients.views import ClientSummary
from zorgvuldig.gate.services.common import (
    gate_service,
)
from zorgvuldig.protocol import Category, Operation

MAX_SEARCH_RESULTS = 25


def _accessible_clients(actor: Actor):
    today = timezone.localdate()
    open_here = Q(
        trajectories__partner_id=actor.partner_id,
        trajectories__caseworkers__id=actor.employee_id,
        trajectories__opened_on__lte=today,
    ) & (Q(trajectories__closed_on__isnull=True) | Q(trajectories__closed_on__gte=today))
    directed = Q(subject__households__director__id=actor.employee_id)
    return Client.objects.filter(open_here | directed).distinct()


@gate_service
def search_clients(
    actor: Actor, *, purpose: str, bsn: str | None = None, name: str | None = None
) -> list[ClientSummary]:
    """Find clients the actor supports, by BSN or by (part of the) surname.

    Only clients the actor may reach are found (art3.2c); each one found is a consult of
    identification data and is logged as such.
    """
    goal = validation.purpose(purpose)
    clients = _accessible_clients(actor).select_related("subject")
    if bsn:
        clients = clients.filter(subject__bsn_index=bsn_index(validation.bsn(bsn)))
    elif name and name.strip():
        clients = clients.filter(subject__surname__icontains=validation.text(name, "name", 200))
    else:
        raise InvalidInput(
            {"bsn": "Zoek op BSN of op achternaam.", "name": "Zoek op BSN of op achternaam."}
        )
    found = []
    for client in clients[:MAX_SEARCH_RESULTS]:
        outcome = process(
            Processing(
                name="client-zoeken",
                actor=actor,
                operation=Operation.CONSULT,
                categories=(Category.IDENTIFICATION,),
                purpose=goal,
                legal_basis=None,
                client_id=client.id,
                derive_legal_basis=True,
            ),
            lambda decision, c=client: Performed(
                ClientSummary(c.id, c.subject.full_name, c.subject.birth_date),
                subject_ids=[c.subject_id],
            ),
        )
        found.append(outcome.result)
    return found
