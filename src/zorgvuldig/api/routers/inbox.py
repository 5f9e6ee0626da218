"""What partners shared with your organisation (the recipient's pull), through the gate
(art3.2a, art4.2, art6.1)."""

from __future__ import annotations

import uuid

from ninja import Path, Query, Router, Status

from zorgvuldig.api.inbox_schemas import (
    ReceivedShare,
    ReceivedShareAcceptance,
    ReceivedShareRejection,
)
from zorgvuldig.api.schemas import DataItem
from zorgvuldig.gate import services, validation
from zorgvuldig.protocol import Purpose

router = Router(tags=["Received shares"], by_alias=True)

SUPPORT_QUERY = Query(
    Purpose.SUPPORT_PROVISION,
    description="Het doel van de verwerking (art. 2); standaard het bieden van ondersteuning.",
)
RECEIVED_SHARE_ID = Path(
    ..., alias="receivedShareId", description="De identificatie van de ontvangen gegevens"
)


@router.get(
    "/received-shares",
    response=list[ReceivedShare],
    operation_id="listReceivedShares",
    summary="Data partners shared with your organisation",
)
def list_received_shares(request, purpose: Purpose = SUPPORT_QUERY):
    """The data other partners shared with your organisation that waits to be taken into a
    dossier, for the clients you support (art3.2c), oldest first: what it is (category,
    description, version), who sent it, for which purpose and on which ground, never the
    content. A webhook notification (``received-shares.created``) names new ones. Seeing them is
    a consult of each client, decided and logged."""
    return services.received_shares(request.auth, purpose=purpose)


@router.post(
    "/received-shares/{receivedShareId}/acceptance",
    response={201: DataItem},
    operation_id="acceptReceivedShare",
    summary="Take received data into your dossier",
)
def accept_received_share(
    request, payload: ReceivedShareAcceptance, received_share_id: uuid.UUID = RECEIVED_SHARE_ID
):
    """Record the version that was shared in your dossier, with its origin (art3.2a): the
    protocol decides by your organisation's own facts (consent to record, art4.2, or a
    justification, art4.6). Refused: 403 and the data stays outside your dossier. Already
    taken in: 400."""
    return services.accept_received_share(
        request.auth,
        received_share_id,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
        justification=validation.justification(payload.justification_ground, payload.justification),
    )


@router.post(
    "/received-shares/{receivedShareId}/rejection",
    response={204: None},
    operation_id="rejectReceivedShare",
    summary="Do not take received data in",
)
def reject_received_share(
    request, payload: ReceivedShareRejection, received_share_id: uuid.UUID = RECEIVED_SHARE_ID
):
    """You do not need the data (art5.1): it is not recorded in your dossier and no longer
    waits; who declined it, when and why is kept. Deciding it is a consult, logged."""
    services.decline_received_share(
        request.auth, received_share_id, reason=payload.reason, purpose=payload.purpose
    )
    return Status(204, None)
