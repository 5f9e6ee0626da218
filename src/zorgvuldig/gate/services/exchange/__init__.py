# SPDX-License-Identifier: EUPL-1.2
"""What leaves: shares to partners, non-partners and Veilig Thuis, their disclosure records, and
the non-partner registry (art5.1, art6, art7, art8.2)."""

from zorgvuldig.gate.services.exchange.disclosures import disclosures_of_client, disclosures_of_item
from zorgvuldig.gate.services.exchange.non_partners import (
    address_non_partner,
    inform_non_partner,
    list_non_partners,
    non_partner_addresses,
    non_partner_keeper,
    register_non_partner,
)
from zorgvuldig.gate.services.exchange.share import preview_share, share_items

__all__ = [
    "address_non_partner",
    "disclosures_of_client",
    "disclosures_of_item",
    "inform_non_partner",
    "list_non_partners",
    "non_partner_addresses",
    "non_partner_keeper",
    "preview_share",
    "register_non_partner",
    "share_items",
]
