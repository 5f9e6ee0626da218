# SPDX-License-Identifier: EUPL-1.2
"""Data items with their origin and history (art3.2a), through the gate."""

from __future__ import annotations

import uuid

from ninja import Router

from zorgvuldig.api.routers.common import (
    CATEGORIES_QUERY,
    CLIENT_ID,
    ITEM_ID,
    LEGAL_BASIS_QUERY,
    PURPOSE_QUERY,
    justified,
)
from zorgvuldig.api.schemas.items import DataItem, DataItemChange, DataItemRecording
from zorgvuldig.gate import services
from zorgvuldig.protocol import Category, LegalBasis, Purpose

router = Router(tags=["Data items"], by_alias=True)


def _version(payload: DataItemRecording | DataItemChange) -> dict:
    """The content of a new version and its origin: who supplied it, how and when (art3.2a)."""
    return {
        "label": payload.label,
        "value": payload.value,
        "source": payload.source,
        "method": payload.method,
        "obtained_on": payload.obtained_on,
    }


@router.post(
    "/clients/{clientId}/data-items",
    response={201: DataItem},
    operation_id="recordDataItem",
    summary="Record a data item",
)
def record_data_item(request, payload: DataItemRecording, client_id: uuid.UUID = CLIENT_ID):
    """Record a data item in the client's dossier, with its origin: who supplied it, how and
    when (art3.2a).

    Without the client's consent the protocol refuses (403), unless ``justificationGround`` and
    a written ``justification`` say why processing without consent is allowed (art4.6); that
    is annotated in the dossier and listed for the privacy officer.

    With ``professionalSecrecy`` the item is recorded under your statutory professional
    secrecy (art6.2): it leaves only for a recipient you release it for."""
    return services.record_item(
        request.auth,
        client_id,
        category=payload.category,
        **_version(payload),
        subject_id=payload.subject_id,
        professional_secrecy=payload.professional_secrecy,
        **justified(payload),
    )


@router.get(
    "/clients/{clientId}/data-items",
    response=list[DataItem],
    operation_id="listDataItems",
    summary="Consult a client's data items",
)
def list_data_items(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    categories: list[Category] = CATEGORIES_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """The current version of the items of the named categories ("all data" is no request,
    art5.1)."""
    return services.consult_items(
        request.auth, client_id, categories=categories, purpose=purpose, legal_basis=legal_basis
    )


@router.get(
    "/data-items/{itemId}",
    response=DataItem,
    operation_id="getDataItem",
    summary="Consult a data item with its history",
)
def get_data_item(
    request,
    item_id: uuid.UUID = ITEM_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """One item with every version and its origin, newest first (art3.2a)."""
    return services.item_history(request.auth, item_id, purpose=purpose, legal_basis=legal_basis)


@router.put(
    "/data-items/{itemId}",
    response=DataItem,
    operation_id="changeDataItem",
    summary="Change a data item",
)
def change_data_item(request, payload: DataItemChange, item_id: uuid.UUID = ITEM_ID):
    """Record a new version with the reason of the change; earlier versions stay (art3.2a).

    Without consent only with ``justificationGround`` and ``justification`` (art4.6)."""
    return services.change_item(
        request.auth,
        item_id,
        **_version(payload),
        reason=payload.reason,
        **justified(payload),
    )
