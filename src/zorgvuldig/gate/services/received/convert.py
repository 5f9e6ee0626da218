# SPDX-License-Identifier: EUPL-1.2
"""Received shares and referrals to the frozen values of :mod:`.views` (inside the gate only)."""

from __future__ import annotations

from zorgvuldig.exchange.models import ReceivedShare
from zorgvuldig.gate.services.received.views import ReceivedShareView, ReferralView


def received_share_view(d: ReceivedShare, label: str) -> ReceivedShareView:
    sent = d.disclosure
    return ReceivedShareView(
        id=d.id,
        client_id=d.client_id,
        client_name=d.client.subject.full_name,
        category=sent.item.category,
        label=label,
        version_number=sent.version_number,
        sender=sent.partner.name,
        sender_person=sent.sent_by.display_name,
        purpose=sent.purpose,
        ground=sent.ground,
        sent_at=sent.disclosed_at,
    )


def referral_view(client_id, domain: str, shares: list[ReceivedShare]) -> ReferralView:
    first = shares[0]
    sent = first.disclosure
    return ReferralView(
        client_id=client_id,
        client_name=first.client.subject.full_name,
        domain=domain,
        sender=sent.partner.name,
        sender_person=sent.sent_by.display_name,
        purpose=sent.purpose,
        categories=tuple(dict.fromkeys(d.disclosure.item.category for d in shares)),
        received_share_ids=tuple(d.id for d in shares),
        sent_at=sent.disclosed_at,
    )
