# SPDX-License-Identifier: EUPL-1.2
"""Disclosure records and non-partners to the frozen values of :mod:`.views` (inside the
gate only)."""

from __future__ import annotations

from zorgvuldig.exchange.models import (
    NonPartner,
)
from zorgvuldig.gate.services.exchange.views import (
    RECEIPT_DECLINED,
    RECEIPT_TAKEN_IN,
    RECEIPT_WAITING,
    DisclosureView,
    NonPartnerView,
)
from zorgvuldig.protocol import (
    RecipientKind,
)


def disclosure_view(
    item_id,
    version_number,
    partner_name,
    non_partner_name,
    report_reference,
    recipient_kind,
    recipient_person,
    purpose,
    ground,
    disclosed_at,
    trace_id,
    handled_at,
    accepted_item_id,
    _subject_id,
) -> DisclosureView:
    if recipient_kind != RecipientKind.PARTNER:
        receipt = ""
    elif handled_at is None:
        receipt = RECEIPT_WAITING
    else:
        receipt = RECEIPT_TAKEN_IN if accepted_item_id is not None else RECEIPT_DECLINED
    return DisclosureView(
        item_id=item_id,
        version_number=version_number,
        recipient=partner_name or non_partner_name or f"Veilig Thuis (melding {report_reference})",
        recipient_kind=recipient_kind,
        recipient_person=recipient_person,
        purpose=purpose,
        ground=ground,
        disclosed_at=disclosed_at,
        trace_id=trace_id,
        receipt=receipt,
    )


def non_partner_view(non_partner: NonPartner) -> NonPartnerView:
    return NonPartnerView(
        non_partner.id, non_partner.name, non_partner.kind, non_partner.informed_at
    )
