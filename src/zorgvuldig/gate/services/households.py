"""Integrated support: one household, one plan, one director (art1)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from zorgvuldig.clients.models import Client, Household, SupportTrajectory
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate import convert, dto, validation
from zorgvuldig.gate.context import Actor
from zorgvuldig.gate.core import Performed, process
from zorgvuldig.gate.errors import InvalidInput, NotAllowed, NotFound
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


@dataclass(frozen=True, slots=True)
class ExchangeLine:
    """One item that went from one partner to another about a member of the household."""

    member: str
    category: str
    sender: str
    recipient: str
    ground: str
    disclosed_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class HouseholdOverview:
    household: dto.HouseholdView
    exchanges: tuple[ExchangeLine, ...]


def _directed(actor: Actor, household_id) -> Household:
    household = Household.objects.filter(id=household_id).select_related("director__user").first()
    if household is None:
        raise NotFound("household", "Dit huishouden bestaat niet.")
    if household.director_id != actor.employee_id:
        raise NotAllowed(
            "Alleen de regisseur van dit huishouden coördineert het plan en de "
            "uitwisseling (één gezin, één plan, één regisseur)."
        )
    return household


def _support_basis(client, given):
    """The law the household's support rests on: the one named, or the only one under which
    the client is supported at all (the director has no trajectory of their own)."""
    if given not in (None, ""):
        return given
    bases = set(
        SupportTrajectory.objects.filter(client=client, closed_on__isnull=True).values_list(
            "legal_basis", flat=True
        )
    )
    if len(bases) != 1:
        raise InvalidInput({"legalBasis": "Kies de wet waarop deze integrale ondersteuning rust."})
    return bases.pop()


@gate_service
def household_overview(
    actor: Actor,
    household_id,
    *,
    purpose: str = "integrated-support",
    legal_basis: str | None = None,
) -> HouseholdOverview:
    """For the director: the plan, the members and the exchanges among the partners involved
    about them (which category went from whom to whom, when, on which ground; no content)."""
    household = _directed(actor, household_id)
    members = list(household.members.select_related("client"))
    clients = [m.client for m in members if hasattr(m, "client")]
    if not clients:
        raise InvalidInput({"householdId": "Dit huishouden heeft geen cliënten."})
    names = {m.id: m.full_name for m in members}

    def perform(decision):
        rows = (
            Disclosure.objects.filter(client__in=clients)
            .select_related("partner", "recipient_partner", "item")
            .order_by("disclosed_at")
        )
        lines = tuple(
            ExchangeLine(
                member=names.get(d.item.subject_id, ""),
                category=d.item.category,
                sender=d.partner.name,
                recipient=d.recipient_partner.name if d.recipient_partner else d.recipient_kind,
                ground=d.ground,
                disclosed_at=d.disclosed_at,
            )
            for d in rows
        )
        return Performed(
            HouseholdOverview(convert.household(household), lines),
            subject_ids=sorted(names, key=str),
        )

    return process(
        client_processing(
            actor,
            clients[0].id,
            "huishouden-coordineren",
            Operation.CONSULT,
            (Category.HOUSEHOLD,),
            purpose,
            _support_basis(clients[0], legal_basis),
        ),
        perform,
    ).result


@gate_service
def update_household_plan(
    actor: Actor,
    household_id,
    *,
    plan: str,
    purpose: str = "integrated-support",
    legal_basis: str | None = None,
) -> dto.HouseholdView:
    """The director keeps the one plan: activities, who does them, the goals."""
    household = _directed(actor, household_id)
    text = validation.text(plan, "plan", 10_000)
    client = household.members.filter(client__isnull=False).select_related("client").first()

    def perform(decision):
        household.plan = text
        household.save(update_fields=["plan"])
        return Performed(
            convert.household(household),
            subject_ids=list(household.members.values_list("id", flat=True)),
        )

    return process(
        client_processing(
            actor,
            client.client.id,
            "plan-bijwerken",
            Operation.CHANGE,
            (Category.HOUSEHOLD,),
            purpose,
            _support_basis(client.client, legal_basis),
        ),
        perform,
    ).result
