"""Helpers the service modules share."""

from __future__ import annotations

import functools

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from zorgvuldig.clients.models import Client, Household, SupportTrajectory
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import facts_sql, validation
from zorgvuldig.gate.context import Actor, gate_open
from zorgvuldig.gate.core import Processing
from zorgvuldig.gate.errors import InvalidInput, NotFound
from zorgvuldig.protocol import Category, LegalBasis, Operation


def gate_service(function):
    """Run a service function inside the gate: its queries may touch personal data."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with gate_open():
            return function(*args, **kwargs)

    return wrapper


def client_or_404(client_id) -> Client:
    try:
        return Client.objects.select_related("subject").get(id=client_id)
    except (Client.DoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFound("client", "Deze cliënt bestaat niet.") from None


def item_or_404(actor: Actor, item_id) -> DataItem:
    try:
        return DataItem.objects.get(id=item_id, partner_id=actor.partner_id)
    except (DataItem.DoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFound(
            "item", "Dit gegeven bestaat niet in het dossier bij uw organisatie."
        ) from None


def legal_basis_for(actor: Actor, client_id, given) -> LegalBasis | None:
    """The legal basis named, or else the one of the actor's own support of this client, or,
    for a household's director without a trajectory of their own, the one of the client's
    support (:func:`support_basis`).

    Returns None when the actor supports the client under no law at all: decide() then
    refuses (art3.2c) and the refusal is logged.
    """
    if given not in (None, ""):
        return validation.legal_basis(given)
    assigned = facts_sql.assigned(
        client_id, actor.partner_id, actor.employee_id, timezone.localdate()
    )
    bases = sorted({basis for basis, _ in assigned})
    if len(bases) > 1:
        raise InvalidInput(
            {"legalBasis": "U ondersteunt deze cliënt onder meer dan één wet; kies de grondslag."}
        )
    if bases:
        return LegalBasis(bases[0])
    directs = actor.employee_id is not None and Household.objects.filter(
        director_id=actor.employee_id, members__client__id=client_id
    ).exists()
    return support_basis(client_id) if directs else None


def support_basis(client_id) -> LegalBasis | None:
    """The law under which the client is supported today, at any partner: what a household's
    director works under (art1, art3.2c); more than one: the director names it."""
    today = timezone.localdate()
    bases = set(
        SupportTrajectory.objects.filter(
            Q(closed_on__isnull=True) | Q(closed_on__gte=today),
            client_id=client_id,
            opened_on__lte=today,
        ).values_list("legal_basis", flat=True)
    )
    if len(bases) > 1:
        raise InvalidInput({"legalBasis": "Kies de wet waarop deze integrale ondersteuning rust."})
    return LegalBasis(bases.pop()) if bases else None


def client_processing(
    actor: Actor,
    client_id,
    name: str,
    operation: Operation,
    categories: tuple[Category, ...],
    purpose,
    legal_basis,
    **extra,
) -> Processing:
    """A processing of one client's data, with its purpose checked and its legal basis named
    or derived from the actor's own support of the client (:func:`legal_basis_for`)."""
    return Processing(
        name=name,
        actor=actor,
        operation=operation,
        categories=categories,
        purpose=validation.purpose(purpose),
        legal_basis=legal_basis_for(actor, client_id, legal_basis),
        client_id=client_id,
        **extra,
    )
