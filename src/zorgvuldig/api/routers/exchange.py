# SPDX-License-Identifier: EUPL-1.2
"""Sharing with partners, non-partners and Veilig Thuis, who received an item, non-partners
(art5.1, art6.1, art6.2, art7, art8.2), through the gate."""

from __future__ import annotations

import uuid

from ninja import Router

from zorgvuldig.api.routers.common import (
    ACCOUNTABILITY_QUERY,
    CLIENT_ID,
    ITEM_ID,
    LEGAL_BASIS_QUERY,
    NON_PARTNER_ID,
    justified,
)
from zorgvuldig.api.schemas.exchange import (
    Disclosure,
    NonPartner,
    NonPartnerRegistration,
    SecrecyReleaseRequest,
    SharePreview,
    ShareRequest,
    ShareResult,
    ShareSelection,
)
from zorgvuldig.api.schemas.items import DataItem
from zorgvuldig.gate import services
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Exchanges"], by_alias=True)


def _selection(payload: ShareSelection) -> dict:
    return {
        "item_ids": payload.item_ids,
        "recipient_partner_id": payload.recipient_partner_id,
        "non_partner_id": payload.non_partner_id,
        "report_reference": payload.report_reference,
        "referral_domain": payload.referral_domain,
        **justified(payload),
    }


@router.post(
    "/clients/{clientId}/share-previews",
    response=list[SharePreview],
    operation_id="previewShare",
    summary="See what a share would send",
)
def preview_share(request, payload: ShareSelection, client_id: uuid.UUID = CLIENT_ID):
    """Per item: whether the protocol lets it go to this recipient now, by which articles, and
    what would make a refusal allowed. Nothing is sent; reading the consent facts is a consult,
    logged. Name exactly one recipient: ``recipientPartnerId``, ``nonPartnerId`` or (Veilig
    Thuis) ``reportReference``."""
    return services.preview_share(request.auth, client_id, **_selection(payload))


@router.post(
    "/clients/{clientId}/shares",
    response={201: ShareResult},
    operation_id="shareItems",
    summary="Share data items with one recipient",
)
def share_items(request, payload: ShareRequest, client_id: uuid.UUID = CLIENT_ID):
    """Share the items the protocol allows; the refused ones stay (``withheld``). For every
    item that leaves a disclosure record says which version went to whom, when, why and on
    which ground (art6.1). A non-partner must have been informed first (art7); Veilig Thuis
    receives about a report what its task needs (art8.2). Nothing allowed: 403."""
    return services.share_items(
        request.auth,
        client_id,
        recipient_person=payload.recipient_person,
        **_selection(payload),
    )


@router.get(
    "/data-items/{itemId}/disclosures",
    response=list[Disclosure],
    operation_id="listDisclosures",
    summary="Who received a data item",
)
def list_disclosures(
    request,
    item_id: uuid.UUID = ITEM_ID,
    purpose: Purpose = ACCOUNTABILITY_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """Every disclosure of the item, oldest first: which version went to whom (organisation and
    person), when, for which purpose, on which ground (art9.1, art9.6)."""
    return services.disclosures_of_item(
        request.auth, item_id, purpose=purpose, legal_basis=legal_basis
    )


@router.post(
    "/data-items/{itemId}/secrecy-releases",
    response={201: DataItem},
    operation_id="releaseSecrecy",
    summary="Release an item from professional secrecy for a recipient",
)
def release_secrecy(request, payload: SecrecyReleaseRequest, item_id: uuid.UUID = ITEM_ID):
    """Only the caseworker under whose statutory professional secrecy the item was recorded
    releases it, for one recipient, with a reason (art6.2); anyone else gets 404, as for an
    item that does not exist, and the attempt is logged as refused."""
    return services.release_secrecy(
        request.auth,
        item_id,
        recipient=payload.recipient,
        reason=payload.reason,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )


@router.get(
    "/non-partners",
    response=list[NonPartner],
    operation_id="listNonPartners",
    summary="The non-partners your organisation knows",
)
def list_non_partners(request):
    """With whether each was informed of the protocol's main lines (art7).
    Only for an employee who shares with non-partners (a role with casework) or the privacy
    officer, once they acknowledged the protocol; any other token gets 403 (art3.2c, art3.2d)."""
    return services.list_non_partners(request.auth)


@router.post(
    "/non-partners",
    response={201: NonPartner},
    operation_id="registerNonPartner",
    summary="Register a non-partner",
)
def register_non_partner(request, payload: NonPartnerRegistration):
    """A family member, someone of the social network, or a professional or organisation not
    committed to the protocol, known to your organisation (art7). ``informed``: the leaflet
    with the protocol's main lines was handed over now.
    Only for an employee who shares with non-partners (a role with casework) or the privacy
    officer, once they acknowledged the protocol; any other token gets 403 (art3.2c, art3.2d)."""
    return services.register_non_partner(
        request.auth, name=payload.name, kind=payload.kind, informed=payload.informed
    )


@router.post(
    "/non-partners/{nonPartnerId}/informing",
    response=NonPartner,
    operation_id="informNonPartner",
    summary="Record that a non-partner was informed",
)
def inform_non_partner(request, non_partner_id: uuid.UUID = NON_PARTNER_ID):
    """Record that the non-partner was informed of the protocol's main lines (the leaflet),
    as art7 asks before the first disclosure. Recording it again changes nothing.
    Only for an employee who shares with non-partners (a role with casework) or the privacy
    officer, once they acknowledged the protocol; any other token gets 403 (art3.2c, art3.2d)."""
    return services.inform_non_partner(request.auth, non_partner_id)


@router.get(
    "/clients/{clientId}/disclosures",
    response=list[Disclosure],
    operation_id="listClientDisclosures",
    summary="Who received a client's data from your organisation",
)
def list_client_disclosures(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = ACCOUNTABILITY_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """Every disclosure your organisation made about the client, oldest first: which version of
    which item went to whom, when, for which purpose, on which ground (art9.1)."""
    return services.disclosures_of_client(
        request.auth, client_id, purpose=purpose, legal_basis=legal_basis
    )
