"""Helpers the service modules share."""

from __future__ import annotations

import functools
import uuid

from django.core.exceptions import ValidationError

from zorgvuldig.clients.models import Client
from zorgvuldig.core.prepared import PreparedQuery
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import facts as facts_module
from zorgvuldig.gate import validation
from zorgvuldig.gate.context import Actor, gate_open
from zorgvuldig.gate.core import Processing
from zorgvuldig.gate.errors import NotFound
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
        raise no_such_client() from None


_CLIENT = PreparedQuery(lambda client: Client.objects.filter(id=client).values_list("id"))


def client_id_or_404(client_id) -> uuid.UUID:
    """The id of an existing client, for a service that needs nothing more of it."""
    try:
        found = _CLIENT.rows(client_id)
    except ValueError:
        found = []
    if not found:
        raise no_such_client()
    return found[0][0]


def no_such_client() -> NotFound:
    return NotFound("client", "Deze cliënt bestaat niet.")


def item_or_404(actor: Actor, item_id) -> DataItem:
    try:
        return DataItem.objects.get(id=item_id, partner_id=actor.partner_id)
    except (DataItem.DoesNotExist, ValidationError, ValueError, TypeError):
        raise no_such_item() from None


def no_such_item() -> NotFound:
    return NotFound("item", "Dit gegeven bestaat niet in het dossier bij uw organisatie.")


def legal_basis_for(actor: Actor, client_id, given) -> LegalBasis | None:
    """The legal basis named, or else the one the gate derives from the actor's own support
    of the client (:func:`zorgvuldig.gate.facts.derived_legal_basis`).

    For a service that needs the law before it asks the gate; a processing built by
    :func:`client_processing` has the gate derive it from the facts it gathers anyway.
    """
    if given not in (None, ""):
        return validation.legal_basis(given)
    facts, domains = facts_module.gather(actor, client_id)
    return facts_module.derived_legal_basis(client_id, facts, domains)


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
    """A processing of one client's data, with its purpose checked and its legal basis
    named, or else derived by the gate from the actor's own support of the client
    (:func:`zorgvuldig.gate.facts.derived_legal_basis`)."""
    derive = legal_basis in (None, "")
    return Processing(
        name=name,
        actor=actor,
        operation=operation,
        categories=categories,
        purpose=validation.purpose(purpose),
        legal_basis=None if derive else validation.legal_basis(legal_basis),
        client_id=client_id,
        derive_legal_basis=derive,
        **extra,
    )
