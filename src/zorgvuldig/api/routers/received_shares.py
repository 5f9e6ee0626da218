# SPDX-License-Identifier: EUPL-1.2
"""What partners shared with your organisation (the recipient's pull), through the gate
(art3.2a, art4.2, art6.1)."""

from __future__ import annotations

import uuid

from ninja import Path, Query, Router, Status

from zorgvuldig.api.routers.common import CLIENT_ID, justified
from zorgvuldig.api.schemas.clients import Dossier
from zorgvuldig.api.schemas.items import DataItem
from zorgvuldig.api.schemas.received_shares import (
    ReceivedShare,
    ReceivedShareAcceptance,
    ReceivedShareRejection,
    Referral,
    ReferralIntake,
    ReferralRejection,
)
from zorgvuldig.gate import services
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
        **justified(payload),
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


@router.get(
    "/referrals",
    response=list[Referral],
    operation_id="listReferrals",
    summary="Clients referred to your organisation",
)
def list_referrals(request):
    """The intake queue: clients other partners referred to your organisation for support in a
    domain in which you do not support them yet (art5.1), oldest first: who, by whom, for which
    domain and which categories came along, never the content. Seeing each is a consult of who
    the client is, for the intake (art3.2c), decided and logged."""
    return services.intake_queue(request.auth)


@router.post(
    "/clients/{clientId}/referral-intakes",
    response={201: Dossier},
    operation_id="takeInReferral",
    summary="Take a referred client in",
)
def take_in_referral(request, payload: ReferralIntake, client_id: uuid.UUID = CLIENT_ID):
    """Open a support trajectory in the domain of the referral at your organisation, with you
    as caseworker (an intake, art2). What the referral carried then waits among your received
    shares, to be taken into your dossier. No referral waiting: 404."""
    return services.take_in_referral(
        request.auth, client_id, domain=payload.domain, opened_on=payload.opened_on
    )


@router.post(
    "/clients/{clientId}/referral-rejections",
    response={204: None},
    operation_id="rejectReferral",
    summary="Do not take a referred client in",
)
def reject_referral(request, payload: ReferralRejection, client_id: uuid.UUID = CLIENT_ID):
    """Your organisation does not give this support: what the referral carried is declined and
    no longer waits; who declined it, when and why is kept (art5.1)."""
    services.decline_referral(request.auth, client_id, domain=payload.domain, reason=payload.reason)
    return Status(204, None)
