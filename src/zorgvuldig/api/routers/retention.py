# SPDX-License-Identifier: EUPL-1.2
"""Retention (art5.2): how long a client's dossier is kept and why, and holds."""

from __future__ import annotations

import uuid

from ninja import Router

from zorgvuldig.api.routers.common import CLIENT_ID
from zorgvuldig.api.schemas.retention import DossierRetention, Hold, HoldIn
from zorgvuldig.gate import services

router = Router(tags=["Retention"], by_alias=True)


@router.get(
    "/clients/{clientId}/retention",
    response=DossierRetention,
    operation_id="getDossierRetention",
    summary="How long a client's dossier is kept, and why",
)
def get_dossier_retention(request, client_id: uuid.UUID = CLIENT_ID):
    """For the privacy officer, or a caseworker who supports the client: the dossier at your
    organisation and each item in it, with the rules that applied and the one that won."""
    return services.retention_of_dossier(request.auth, client_id)


@router.post(
    "/clients/{clientId}/retention-holds",
    response={201: Hold},
    operation_id="placeRetentionHold",
    summary="Keep a client's dossier longer (a hold)",
)
def place_retention_hold(request, payload: HoldIn, client_id: uuid.UUID = CLIENT_ID):
    """Where careful support needs it (art5.2): kept until the review date at least; after
    it passes without a new hold, the dossier is due again. Annotated in the dossier."""
    return services.place_hold(
        request.auth, client_id, reason=payload.reason, review_on=payload.review_on
    )
