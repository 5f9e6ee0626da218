# SPDX-License-Identifier: EUPL-1.2
"""Integrated support: one household, one plan, one director (art1)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.utils import timezone

from zorgvuldig.clients.models import Client, Household, Relation
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, Processing, process, process_required
from zorgvuldig.gate.services.common import (
    client_or_404,
    client_processing,
    gate_service,
)
from zorgvuldig.gate.services.households.convert import household_view
from zorgvuldig.gate.services.households.views import (
    DirectedHousehold,
    ExchangeLine,
    HouseholdOverview,
    HouseholdView,
)
from zorgvuldig.partners.models import Employee, Partner
from zorgvuldig.partners.services import committed_version, why_not_director
from zorgvuldig.protocol import Category, Operation, PurposeGround


def _ids(values, field: str, message: str) -> set[uuid.UUID]:
    try:
        return {uuid.UUID(str(v)) for v in values or ()}
    except ValueError:
        raise InvalidInput({field: message}) from None


def _members(client, member_client_ids, member_subject_ids) -> set[uuid.UUID]:
    """The subjects of the household: the client, other clients named by their client id, and
    persons related to the client (a parent, a child ...) named by their subject id."""
    unknown = "Een of meer leden zijn geen bekende cliënt."
    client_ids = _ids(member_client_ids, "memberClientIds", unknown)
    of_clients = set(Client.objects.filter(id__in=client_ids).values_list("subject_id", flat=True))
    if len(of_clients) != len(client_ids):
        raise InvalidInput({"memberClientIds": unknown})
    not_related = "Een of meer leden zijn geen relatie van deze cliënt."
    related_ids = _ids(member_subject_ids, "memberSubjectIds", not_related)
    related = set(
        Relation.objects.filter(subject=client.subject, related_id__in=related_ids).values_list(
            "related_id", flat=True
        )
    )
    if related != related_ids:
        raise InvalidInput({"memberSubjectIds": not_related})
    return {client.subject_id, *of_clients, *related}


def _director(director_id) -> Employee:
    """The director named, who must be able to act: an active caseworker (art3.2c) of a partner
    committed to the protocol today (art1) who has acknowledged that version (art3.2d)."""
    try:
        director = Employee.objects.select_related("partner", "user").filter(id=director_id).first()
    except (ValidationError, ValueError, TypeError):
        director = None
    if director is None:
        raise InvalidInput({"directorId": "Deze regisseur bestaat niet."})
    reason = why_not_director(director)
    if reason is not None:
        raise InvalidInput({"directorId": reason})
    return director


def _plan_partners(partner_ids, *always) -> set[uuid.UUID]:
    """The organisations that take part in the household's plan: ``always`` and the partners
    named in ``partnerIds``, each a known partner committed to the protocol today (art1)."""
    not_partners = "Noem alleen partners die vandaag aan het protocol gecommitteerd zijn (art. 1)"
    named = _ids(partner_ids, "partnerIds", f"{not_partners}; geef hun identificatie.")
    today = timezone.localdate()
    found = {p.id: p for p in Partner.objects.filter(id__in=named).prefetch_related("commitments")}
    wrong = [
        found[i].name if i in found else f"onbekende organisatie {i}"
        for i in sorted(named, key=str)
        if i not in found or committed_version(found[i], today) is None
    ]
    if wrong:
        raise InvalidInput({"partnerIds": f"{not_partners}: {', '.join(wrong)}."})
    return {*always, *named}


@gate_service
def create_household(
    actor: Actor,
    client_id,
    *,
    name: str,
    member_client_ids=(),
    director_id,
    plan: str,
    member_subject_ids=(),
    partner_ids=(),
    purpose: str = "integrated-support",
    legal_basis: str | None = None,
) -> HouseholdView:
    """Form a household around a client the actor supports, with its plan and director (art1).

    Members are the client, other clients (``member_client_ids``) and persons related to the
    client (``member_subject_ids``, e.g. a parent who is no client). The organisations in the
    plan are the director's, the actor's and the partners named in ``partner_ids``."""
    client = client_or_404(client_id)
    members = _members(client, member_client_ids, member_subject_ids)
    director = _director(director_id)
    partners = _plan_partners(partner_ids, director.partner_id, actor.partner_id)
    household_name = validation.text(name, "name", 200)
    the_plan = validation.text(plan, "plan", 10_000, required=False)

    def perform(decision):
        household = Household.objects.create(name=household_name, director=director, plan=the_plan)
        household.members.set(members)
        household.partners.set(partners)
        return Performed(household_view(household), subject_ids=sorted(members, key=str))

    return process(
        client_processing(
            actor,
            client.id,
            "huishouden-vastleggen",
            Operation.RECORD,
            (Category.HOUSEHOLD,),
            purpose,
            legal_basis,
            establishes_ground=PurposeGround.HOUSEHOLD_PLAN,  # art1: forming it lays it
        ),
        perform,
    ).result


@gate_service
def directed_households(
    actor: Actor, *, purpose: str = "integrated-support"
) -> list[DirectedHousehold]:
    """The households the actor directs (one household, one plan, one director: art1).

    Their names are about their members: a consult of household data, logged for every
    member, as art1 asks of the director (:func:`~zorgvuldig.gate.processing.process_required`;
    the plan and the members themselves are read with :func:`household_overview`, decided)."""
    processing = Processing(
        name="geregisseerde-huishoudens-raadplegen",
        actor=actor,
        operation=Operation.CONSULT,
        categories=(Category.HOUSEHOLD,),
        purpose=validation.purpose(purpose),
        legal_basis=None,
        client_id=None,
    )
    if actor.employee_id is None:
        return []

    def perform(decision):
        households = list(
            Household.objects.filter(director_id=actor.employee_id)
            .prefetch_related("members")
            .order_by("name", "created_at")
        )
        return Performed(
            [DirectedHousehold(h.id, h.name, h.created_at) for h in households],
            subject_ids=[m.id for h in households for m in h.members.all()],
        )

    return process_required(processing, perform, "art1").result


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
            HouseholdOverview(household_view(household), lines),
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
            legal_basis,
        ),
        perform,
    ).result


@gate_service
def update_household_plan(
    actor: Actor,
    household_id,
    *,
    plan: str,
    partner_ids=None,
    purpose: str = "integrated-support",
    legal_basis: str | None = None,
) -> HouseholdView:
    """The director keeps the one plan: activities, who does them, the goals; and, when
    ``partner_ids`` is given, which organisations take part in it (the director's own always
    does)."""
    household = _directed(actor, household_id)
    text = validation.text(plan, "plan", 10_000)
    partners = (
        None if partner_ids is None else _plan_partners(partner_ids, household.director.partner_id)
    )
    client = household.members.filter(client__isnull=False).select_related("client").first()

    def perform(decision):
        household.plan = text
        household.save(update_fields=["plan"])
        if partners is not None:
            household.partners.set(partners)
        return Performed(
            household_view(household),
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
            legal_basis,
        ),
        perform,
    ).result
