# SPDX-License-Identifier: EUPL-1.2
"""Relations between a client and other subjects (parents, guardians, representatives)."""

from __future__ import annotations

import datetime

from zorgvuldig.clients.models import (
    Relation,
    RelationKind,
)
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate.processing import Performed, process
from zorgvuldig.gate.services.clients.consult import consult_part
from zorgvuldig.gate.services.clients.convert import relation_view
from zorgvuldig.gate.services.clients.registration import bsn_index, checked_person, subject_for
from zorgvuldig.gate.services.clients.views import RelationView
from zorgvuldig.gate.services.common import (
    client_or_404,
    client_processing,
    gate_service,
)
from zorgvuldig.protocol import Category, Operation


@gate_service
def list_relations(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> list[RelationView]:
    """The persons related to the client (parents, partner, children ...)."""

    def read(client):
        relations = [
            relation_view(r)
            for r in Relation.objects.filter(subject=client.subject).select_related("related")
        ]
        return Performed(
            relations, subject_ids=[client.subject_id, *(r.related.id for r in relations)]
        )

    return consult_part(
        actor,
        client_id,
        purpose,
        legal_basis,
        "relaties-raadplegen",
        (Category.IDENTIFICATION,),
        read,
    )


@gate_service
def add_relation(
    actor: Actor,
    client_id,
    *,
    kind: str,
    bsn: str,
    given_names: str,
    surname: str,
    birth_date: datetime.date,
    purpose: str,
    surname_prefix: str = "",
    legal_basis: str | None = None,
) -> RelationView:
    """Record another data subject (a parent, partner, child ...) and how they relate.

    A relation identifies the persons around the client and who may act for them (art10):
    identification data, which rests on the legal basis alone, so that a legal
    representative can be recorded before the consent they give. What the household is
    like is recorded as data items of the category household.
    """
    client = client_or_404(client_id)
    if kind not in RelationKind.values:
        raise InvalidInput(
            {"kind": f"Onbekende relatie '{kind}'; kies uit: {', '.join(RelationKind.values)}"}
        )
    person = checked_person(bsn, given_names, surname_prefix, surname, birth_date)
    if bsn_index(person[0]) == client.subject.bsn_index:
        raise InvalidInput({"bsn": "Een cliënt kan geen relatie van zichzelf zijn."})

    def perform(decision):
        related = subject_for(*person)
        relation, _ = Relation.objects.get_or_create(
            subject=client.subject, related=related, kind=kind
        )
        return Performed(relation_view(relation), subject_ids=[client.subject_id, related.id])

    return process(
        client_processing(
            actor,
            client.id,
            "relatie-vastleggen",
            Operation.RECORD,
            (Category.IDENTIFICATION,),
            purpose,
            legal_basis,
        ),
        perform,
    ).result
