"""Integrated support: one household, one plan, one director (art1)."""

from __future__ import annotations

from zorgvuldig.clients.models import Client, Household
from zorgvuldig.gate import convert, dto, validation
from zorgvuldig.gate.context import Actor
from zorgvuldig.gate.core import Performed, process
from zorgvuldig.gate.errors import InvalidInput
from zorgvuldig.gate.services.common import (
    client_or_404,
    client_processing,
    gate_service,
)
from zorgvuldig.partners.models import Employee
from zorgvuldig.protocol import Category, Operation


@gate_service
def create_household(
    actor: Actor,
    client_id,
    *,
    name: str,
    member_client_ids,
    director_id,
    plan: str,
    purpose: str = "integrated-support",
    legal_basis: str | None = None,
) -> dto.HouseholdView:
    """Form a household around a client the actor supports, with its plan and director."""
    client = client_or_404(client_id)
    members = list(
        Client.objects.filter(id__in=member_client_ids).values_list("subject_id", flat=True)
    )
    if len(members) != len(set(map(str, member_client_ids))):
        raise InvalidInput({"memberClientIds": "Een of meer leden zijn geen bekende cliënt."})
    director = Employee.objects.filter(id=director_id, is_active=True).first()
    if director is None:
        raise InvalidInput({"directorId": "Deze regisseur bestaat niet of is niet actief."})

    def perform(decision):
        household = Household.objects.create(
            name=validation.text(name, "name", 200), director=director, plan=plan
        )
        household.members.set({client.subject_id, *members})
        return Performed(convert.household(household), subject_ids=[client.subject_id, *members])

    return process(
        client_processing(
            actor,
            client.id,
            "huishouden-vastleggen",
            Operation.RECORD,
            (Category.HOUSEHOLD,),
            purpose,
            legal_basis,
        ),
        perform,
    ).result
