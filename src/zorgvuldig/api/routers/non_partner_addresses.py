# SPDX-License-Identifier: EUPL-1.2
"""Addressing a non-partner who acted against the protocol (art7), through the gate."""

from __future__ import annotations

import uuid

from ninja import Router

from zorgvuldig.api.routers.common import NON_PARTNER_ID
from zorgvuldig.api.schemas.non_partner_addresses import (
    AddressingCount,
    NonPartnerAddressing,
    NonPartnerAddressRecord,
)
from zorgvuldig.gate import services

router = Router(tags=["Integrated support and safety"], by_alias=True)


@router.post(
    "/non-partners/{nonPartnerId}/addresses",
    response={201: AddressingCount},
    operation_id="addressNonPartner",
    summary="Record that a non-partner was addressed for acting against the protocol",
)
def address_non_partner(
    request, payload: NonPartnerAddressing, non_partner_id: uuid.UUID = NON_PARTNER_ID
):
    """art7: the partner addresses a non-partner that acts against the protocol.
    Only for an employee who shares with non-partners (a role with casework) or the privacy
    officer, once they acknowledged the protocol; any other token gets 403 (art3.2c, art3.2d)."""
    count = services.address_non_partner(
        request.auth,
        non_partner_id,
        addressed_on=payload.addressed_on,
        what_happened=payload.what_happened,
    )
    return {"times_addressed": count}


@router.get(
    "/non-partners/{nonPartnerId}/addresses",
    response=list[NonPartnerAddressRecord],
    operation_id="listNonPartnerAddresses",
    summary="When and why a non-partner was addressed",
)
def list_non_partner_addresses(request, non_partner_id: uuid.UUID = NON_PARTNER_ID):
    """art7: every time your organisation addressed this non-partner for acting against the
    protocol, oldest first.
    Only for an employee who shares with non-partners (a role with casework) or the privacy
    officer, once they acknowledged the protocol; any other token gets 403 (art3.2c, art3.2d)."""
    return services.non_partner_addresses(request.auth, non_partner_id)
