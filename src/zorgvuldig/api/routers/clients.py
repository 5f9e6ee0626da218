# SPDX-License-Identifier: EUPL-1.2
"""Clients and the other data subjects around them (art1, art2), through the gate."""

from __future__ import annotations

import uuid

from ninja import Router

from zorgvuldig.api.routers.common import CLIENT_ID, LEGAL_BASIS_QUERY, PURPOSE_QUERY
from zorgvuldig.api.schemas.clients import (
    ClientRegistration,
    ClientSearch,
    ClientSummary,
    Dossier,
    Relation,
    RelationRegistration,
)
from zorgvuldig.gate import services
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Clients"], by_alias=True)


def _person(payload: ClientRegistration | RelationRegistration) -> dict:
    """Who the data subject is: BSN, names and date of birth (art1)."""
    return {
        "bsn": payload.bsn,
        "given_names": payload.given_names,
        "surname_prefix": payload.surname_prefix,
        "surname": payload.surname,
        "birth_date": payload.birth_date,
    }


# Before /clients/{clientId}: Django tries the patterns in order.
@router.post(
    "/clients/search",
    response=list[ClientSummary],
    operation_id="searchClients",
    summary="Search clients by BSN or surname",
)
def search_clients(request, payload: ClientSearch):
    """Find the clients you support, by BSN or by (part of the) surname.

    A POST, so that a BSN never appears in a URI. Only clients you may reach are found
    (art3.2c); every client found is a consult and is logged.
    """
    return services.search_clients(
        request.auth, purpose=payload.purpose, bsn=payload.bsn, name=payload.name
    )


@router.post(
    "/clients",
    response={201: Dossier},
    operation_id="registerClient",
    summary="Register a client (intake)",
)
def register_client(request, payload: ClientRegistration):
    """Intake: record a client (new, or known by BSN) and open a support trajectory at your
    organisation, with you as caseworker. The trajectory rests on ``legalBasis`` (art2)."""
    return services.register_client(
        request.auth,
        **_person(payload),
        domain=payload.domain,
        legal_basis=payload.legal_basis,
        opened_on=payload.opened_on,
        municipality=payload.municipality,
        purpose=payload.purpose,
    )


@router.get(
    "/clients/{clientId}",
    response=Dossier,
    operation_id="getClientDossier",
    summary="Consult a client's dossier",
)
def get_client_dossier(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """The dossier as your organisation holds it: a consult of every category it holds."""
    return services.consult_dossier(
        request.auth, client_id, purpose=purpose, legal_basis=legal_basis
    )


@router.get(
    "/clients/{clientId}/relations",
    response=list[Relation],
    operation_id="listRelations",
    summary="List a client's relations",
)
def list_relations(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """The other data subjects around the client (parents, partner, children …)."""
    return services.list_relations(
        request.auth, client_id, purpose=purpose, legal_basis=legal_basis
    )


@router.post(
    "/clients/{clientId}/relations",
    response={201: Relation},
    operation_id="addRelation",
    summary="Record a relation of a client",
)
def add_relation(request, payload: RelationRegistration, client_id: uuid.UUID = CLIENT_ID):
    """Record another data subject (a parent, partner, child …) and how they relate."""
    return services.add_relation(
        request.auth,
        client_id,
        kind=payload.kind,
        **_person(payload),
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )
