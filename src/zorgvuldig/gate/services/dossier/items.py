# SPDX-License-Identifier: EUPL-1.2
"""Data items: recorded with their origin, changed into new versions, consulted (art3.2a)."""

from __future__ import annotations

import datetime
import uuid

from django.db.models import Max

from zorgvuldig.clients.models import Subject
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItem, DataItemVersion, OriginMethod, SecrecyRelease
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, current_trace_id, process
from zorgvuldig.gate.services.common import (
    Attempt,
    client_or_404,
    client_processing,
    gate_service,
    item_or_404,
    no_such_item,
)
from zorgvuldig.gate.services.dossier.convert import item_view
from zorgvuldig.gate.services.dossier.views import ItemView
from zorgvuldig.protocol import Category, Justification, Operation
from zorgvuldig.protocol.decision import Refusal

MAX_VALUE_LENGTH = 10_000

# art6.2: only the professional under whose statutory secrecy an item was recorded releases it.
NOT_THE_SECRECY_HOLDER = Refusal(
    "art6.2",
    "Geweigerd: alleen de hulpverlener onder wiens wettelijk beroepsgeheim dit gegeven is "
    "vastgelegd, kan het vrijgeven",
    "Vraag die hulpverlener het gegeven voor deze ontvanger vrij te geven.",
)


def _origin(label, value, source, method, obtained_on) -> dict:
    """art3.2a: every version says what it is, who supplied it, how and when."""
    if method not in OriginMethod.values:
        raise InvalidInput(
            {"method": f"Onbekende herkomst '{method}'; kies uit: {', '.join(OriginMethod.values)}"}
        )
    if not isinstance(obtained_on, datetime.date):
        raise InvalidInput({"obtainedOn": "Geef een geldige datum (JJJJ-MM-DD)."})
    return {
        "label": validation.text(label, "label", 200),
        "value": validation.text(value, "value", MAX_VALUE_LENGTH),
        "source": validation.text(source, "source", 200),
        "method": method,
        "obtained_on": obtained_on,
    }


def _subject_of(client, subject_id):
    """Whom an item is about: the client, or a person recorded as related to the client."""
    if subject_id in (None, ""):
        return client.subject_id
    try:
        subject_id = uuid.UUID(str(subject_id))
    except ValueError:
        raise InvalidInput({"subjectId": "Geen geldige verwijzing naar een persoon."}) from None
    if (
        subject_id != client.subject_id
        and not Subject.objects.filter(id=subject_id, related_to__subject=client.subject).exists()
    ):
        raise InvalidInput(
            {
                "subjectId": "Deze persoon is geen betrokkene bij deze cliënt; "
                "leg eerst de relatie vast."
            }
        )
    return subject_id


def _versions_view(item: DataItem, with_history: bool = False) -> ItemView:
    versions = list(item.versions.select_related("recorded_by__user"))
    return item_view(item, versions, with_history)


@gate_service
def record_item(
    actor: Actor,
    client_id,
    *,
    category: str,
    label: str,
    value: str,
    source: str,
    method: str,
    obtained_on: datetime.date,
    purpose: str,
    subject_id=None,
    legal_basis: str | None = None,
    justification: Justification | None = None,
    professional_secrecy: bool = False,
) -> ItemView:
    """Record a data item in the client's dossier at the actor's partner.

    ``professional_secrecy``: the actor records it under their statutory professional
    secrecy (art6.2); it then leaves only with their release (:func:`release_secrecy`).
    """
    client = client_or_404(client_id)
    (cat,) = validation.categories([category], "category")
    origin = _origin(label, value, source, method, obtained_on)
    subject_id = _subject_of(client, subject_id)

    def perform(decision):
        item = DataItem.objects.create(
            client=client,
            subject_id=subject_id,
            category=cat,
            partner_id=actor.partner_id,
            secrecy_holder_id=actor.employee_id if professional_secrecy else None,
            recorded_trace_id=current_trace_id(),
        )
        DataItemVersion.objects.create(
            item=item, number=1, recorded_by_id=actor.employee_id, **origin
        )
        return Performed(_versions_view(item), subject_ids=[subject_id])

    return process(
        client_processing(
            actor,
            client.id,
            "gegeven-vastleggen",
            Operation.RECORD,
            (cat,),
            purpose,
            legal_basis,
            justification=justification,
        ),
        perform,
    ).result


def _item_processing(actor: Actor, item: DataItem, name: str, operation: Operation, **given):
    """A processing of one item: the gate knows it by id, so a blocked item is refused
    (art9.4)."""
    return client_processing(
        actor,
        item.client_id,
        name,
        operation,
        (validation.categories([item.category])[0],),
        given.pop("purpose"),
        given.pop("legal_basis"),
        item_ids=(item.id,),
        **given,
    )


@gate_service
def change_item(
    actor: Actor,
    item_id,
    *,
    label: str,
    value: str,
    source: str,
    method: str,
    obtained_on: datetime.date,
    reason: str,
    purpose: str,
    legal_basis: str | None = None,
    justification: Justification | None = None,
) -> ItemView:
    """Change a data item: a new version; every earlier version stays (art3.2a). A destroyed
    item has nothing left to change (art9.4, art5.2)."""
    item = item_or_404(
        actor, item_id, Attempt("gegeven-wijzigen", Operation.CHANGE, purpose, legal_basis)
    )
    if item.destroyed_on is not None:
        raise InvalidInput({"itemId": "Dit gegeven is vernietigd en kan niet meer veranderen."})
    origin = _origin(label, value, source, method, obtained_on)
    reason = validation.text(reason, "reason", 500)

    def perform(decision):
        number = (item.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        DataItemVersion.objects.create(
            item=item, number=number, recorded_by_id=actor.employee_id, reason=reason, **origin
        )
        return Performed(_versions_view(item, with_history=True), subject_ids=[item.subject_id])

    processing = _item_processing(
        actor,
        item,
        "gegeven-wijzigen",
        Operation.CHANGE,
        purpose=purpose,
        legal_basis=legal_basis,
        justification=justification,
    )
    return process(processing, perform).result


@gate_service
def consult_items(
    actor: Actor,
    client_id,
    *,
    categories,
    purpose: str,
    legal_basis: str | None = None,
    justification: Justification | None = None,
) -> list[ItemView]:
    """Consult the items of the named categories (art5.1: no "all data"). A blocked item is
    listed as blocked, without its content (art9.4)."""
    client = client_or_404(client_id)
    wanted = validation.categories(categories)

    def perform(decision):
        allowed = [c.value for c in decision.allowed_categories]
        items = DataItem.objects.filter(
            client=client, partner_id=actor.partner_id, category__in=allowed
        )
        versions: dict = {}
        for version in DataItemVersion.objects.filter(item__in=items).select_related(
            "recorded_by__user"
        ):
            versions.setdefault(version.item_id, []).append(version)
        views = [item_view(i, versions[i.id]) for i in items if i.id in versions]
        return Performed(views, subject_ids=[client.subject_id, *(v.subject_id for v in views)])

    return process(
        client_processing(
            actor,
            client.id,
            "gegevens-raadplegen",
            Operation.CONSULT,
            wanted,
            purpose,
            legal_basis,
            justification=justification,
        ),
        perform,
    ).result


@gate_service
def item_history(
    actor: Actor,
    item_id,
    *,
    purpose: str,
    legal_basis: str | None = None,
    justification: Justification | None = None,
) -> ItemView:
    """One item with every earlier version and its origin (art3.2a)."""
    item = item_or_404(
        actor,
        item_id,
        Attempt("gegeven-historie-raadplegen", Operation.CONSULT, purpose, legal_basis),
    )
    processing = _item_processing(
        actor,
        item,
        "gegeven-historie-raadplegen",
        Operation.CONSULT,
        purpose=purpose,
        legal_basis=legal_basis,
        justification=justification,
    )
    return process(
        processing,
        lambda decision: Performed(
            _versions_view(item, with_history=True), subject_ids=[item.subject_id]
        ),
    ).result


@gate_service
def release_secrecy(
    actor: Actor,
    item_id,
    *,
    recipient: str,
    reason: str,
    purpose: str,
    legal_basis: str | None = None,
) -> ItemView:
    """art6.2: the professional who holds an item's secrecy releases it for one recipient.

    Anyone else asking is answered as for an item that does not exist, and the attempt is
    logged as refused under art6.2 (:func:`~zorgvuldig.gate.processing.log_refused_attempt`);
    another partner's item likewise, under art3.2c and art6.1 (:func:`item_or_404`).
    """
    attempt = Attempt("beroepsgeheim-vrijgeven", Operation.RECORD, purpose, legal_basis)
    item = item_or_404(actor, item_id, attempt)
    if item.secrecy_holder_id is None:
        raise InvalidInput({"itemId": "Dit gegeven valt niet onder beroepsgeheim."})
    if item.secrecy_holder_id != actor.employee_id:
        attempt.refused(actor, [item], (NOT_THE_SECRECY_HOLDER,))
        raise no_such_item()
    to = validation.text(str(recipient or ""), "recipient", 64)
    why = validation.text(reason, "reason", 1000)

    def perform(decision):
        SecrecyRelease.objects.get_or_create(
            item=item, recipient=to, defaults={"released_by_id": actor.employee_id, "reason": why}
        )
        return Performed(_versions_view(item), subject_ids=[item.subject_id])

    return process(
        client_processing(
            actor,
            item.client_id,
            "beroepsgeheim-vrijgeven",
            Operation.RECORD,
            (Category.IDENTIFICATION,),
            purpose,
            legal_basis,
        ),
        perform,
    ).result
