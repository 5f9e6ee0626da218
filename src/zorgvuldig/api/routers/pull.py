# SPDX-License-Identifier: EUPL-1.2
"""Requesting data from another partner (pull), decided on both sides (art4.2, art4.4,
art6.1), through the gate."""

from __future__ import annotations

import uuid

from ninja import Router

from zorgvuldig.api.routers.common import CLIENT_ID, justified
from zorgvuldig.api.schemas.pull import DataRequest, DataRequestResult
from zorgvuldig.gate import services

router = Router(tags=["Integrated support and safety"], by_alias=True)


@router.post(
    "/clients/{clientId}/data-requests",
    response=DataRequestResult,
    operation_id="requestData",
    summary="Request a client's data from the partner that holds it",
)
def request_data(request, payload: DataRequest, client_id: uuid.UUID = CLIENT_ID):
    """Your side decides whether you may request (art4.2, art4.4, art5.1); the holder decides
    by its own consents and professional secrecy what it may share (art4.3, art6.2). Only
    allowed items come back and are recorded in your dossier with their origin. The answer
    lists each requested category: sent (with how many items came in), partly sent, refused
    (by which side, with the articles and the reason) or not held by the partner at all. When
    your side may request none of the categories, the answer is a 403 refusal instead."""
    return services.request_items(
        request.auth,
        client_id,
        holder_partner_id=payload.holder_partner_id,
        categories=payload.categories,
        **justified(payload),
    )
