# SPDX-License-Identifier: EUPL-1.2
"""Helpers the service modules share."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from zorgvuldig.clients.models import Client
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.core.prepared import PreparedQuery
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import facts as facts_module
from zorgvuldig.gate import validation
from zorgvuldig.gate.context import gate_open
from zorgvuldig.gate.processing import Processing, log_refused_attempt
from zorgvuldig.partners.models import Employee
from zorgvuldig.partners.services import has_acknowledged
from zorgvuldig.protocol import Category, LegalBasis, Operation
from zorgvuldig.protocol.decision import Refusal


def gate_service(function):
    """Run a service function inside the gate: its queries may touch personal data."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with gate_open():
            return function(*args, **kwargs)

    return wrapper


NOT_ACKNOWLEDGED = Refusal(
    "art3.2d",
    "Geweigerd: u heeft het protocol dat nu geldt (nog) niet bevestigd",
    "Bevestig eerst het protocol (art. 3 lid 2 onder d en e).",
)


def acknowledged(employee: Employee) -> Employee:
    """``employee``, once they acknowledged the protocol version in force (art3.2d, art3.2e);
    else NotAllowed, before anything is read. The gate asks it of every processing it decides;
    the functions of a role that do not pass ``decide()`` (the privacy officer's queue and
    incidents, the destruction lists) ask it here, so that a token reaches no more than the
    pages, which send such an employee to acknowledge first (art3.2c)."""
    if not has_acknowledged(employee):
        raise NotAllowed(f"{NOT_ACKNOWLEDGED.reason}. {NOT_ACKNOWLEDGED.remedy}")
    return employee


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


def locked_or_404(queryset, what: str, message: str):
    """The one row of ``queryset``, locked for the rest of the transaction; else not found."""
    found = queryset.select_for_update(of=("self",)).first()
    if found is None:
        raise NotFound(what, message)
    return found


def no_such_client() -> NotFound:
    return NotFound("client", "Deze cliënt bestaat niet.")


# art3.2c, art6.1: another partner's dossier is not the actor's to reach, nor to know of.
ANOTHER_PARTNERS_ITEM = (
    Refusal(
        "art3.2c",
        "Geweigerd: dit gegeven staat in het dossier van een andere organisatie",
        "Vraag het gegeven op bij die organisatie, in een uitwisseling die het protocol toestaat.",
    ),
    Refusal(
        "art6.1",
        "Geweigerd: buiten de uitwisselingen die het protocol toestaat houdt elke partner "
        "persoonsgegevens geheim",
        "Vraag het gegeven op bij de organisatie die het heeft.",
    ),
)


@dataclass(frozen=True)
class Attempt:
    """What a service was about to do with the items it looks up by an id from outside, as the
    processing log names it when an item turns out not to be the actor's to reach.

    ``purpose`` and ``legal_basis`` as the caller gave them: they are not checked here, so that
    bad input is answered the same for every id; one that is missing or malformed is left out
    of the record.
    """

    name: str  # the processing the service would run, e.g. "gegeven-wijzigen"
    operation: Operation
    purpose: object = None
    legal_basis: object = None

    def refused(self, actor: Actor, items: Sequence, refusals: Sequence[Refusal]) -> None:
        """Log this attempt on ``items`` (each with ``client_id``, ``subject_id`` and
        ``category``) as refused by ``refusals``, for their data subjects and with their
        categories (:func:`zorgvuldig.gate.processing.log_refused_attempt`)."""
        clients = {i.client_id for i in items}
        log_refused_attempt(
            Processing(
                name=self.name,
                actor=actor,
                operation=self.operation,
                categories=tuple(dict.fromkeys(Category(i.category) for i in items)),
                purpose=_given(validation.purpose, self.purpose),
                legal_basis=_given(validation.legal_basis, self.legal_basis),
                client_id=clients.pop() if len(clients) == 1 else None,
                subject_ids=tuple(dict.fromkeys(i.subject_id for i in items)),
            ),
            refusals,
        )


def _given(check, value):
    """``value`` as ``check`` reads it; ``None`` when it is missing or malformed."""
    try:
        return check(value)
    except InvalidInput:
        return None


def refuse_items_elsewhere(actor: Actor, attempt: Attempt, item_ids: Iterable) -> None:
    """art3.2c, art6.1: log ``attempt`` as refused on those of ``item_ids`` (not found at the
    actor's partner) that another partner holds; the caller then answers as for an item that
    does not exist.

    An id that exists nowhere, or is malformed, is nobody's item: there is no data subject to
    log the attempt for, and nothing is logged.
    """
    ids = []
    for item_id in item_ids:
        try:
            ids.append(uuid.UUID(str(item_id)))
        except ValueError:
            continue
    if not ids:
        return
    elsewhere = list(
        DataItem.objects.filter(id__in=ids)
        .exclude(partner_id=actor.partner_id)
        .only("client", "subject", "category")
    )
    if elsewhere:
        attempt.refused(actor, elsewhere, ANOTHER_PARTNERS_ITEM)


def item_or_404(actor: Actor, item_id, attempt: Attempt) -> DataItem:
    """The item ``item_id`` of the actor's partner, for ``attempt``; else :func:`no_such_item`.

    Another partner's item is answered exactly as an item that does not exist, and the attempt
    is logged as refused for its data subject (:func:`refuse_items_elsewhere`, art3.2c,
    art6.1). An id that exists nowhere or is malformed is not found, with nothing to log.
    """
    try:
        return DataItem.objects.get(id=item_id, partner_id=actor.partner_id)
    except (ValidationError, ValueError, TypeError):
        raise no_such_item() from None
    except DataItem.DoesNotExist:
        refuse_items_elsewhere(actor, attempt, [item_id])
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
