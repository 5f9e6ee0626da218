# SPDX-License-Identifier: EUPL-1.2
"""What the exchange services hand out: the answer to a share, its preview, disclosure
records and non-partners (frozen values).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from zorgvuldig.protocol import (
    Decision,
)


@dataclass(frozen=True, slots=True)
class ShareResult:
    sent: tuple[uuid.UUID, ...]  # the items that left
    withheld: tuple[uuid.UUID, ...]  # the items the protocol kept back
    explanation: str
    trace_id: str
    received_share_ids: tuple[uuid.UUID, ...] = ()  # what waits at a recipient partner
    decision: Decision | None = None  # per category: allowed, or refused and why


@dataclass(frozen=True, slots=True)
class PreviewRow:
    item_id: uuid.UUID
    category: str
    allowed: bool
    articles: tuple[str, ...]
    explanation: str
    # art5.1: the domain the share refers the client to; empty when it is no referral
    referral_domain: str = ""


@dataclass(frozen=True, slots=True)
class DisclosureView:
    item_id: uuid.UUID
    version_number: int
    recipient: str
    recipient_kind: str
    recipient_person: str
    purpose: str
    ground: str
    disclosed_at: datetime.datetime
    trace_id: str
    # what the recipient partner did with it (RECEIPT_*); empty for other recipients
    receipt: str = ""


RECEIPT_WAITING, RECEIPT_TAKEN_IN, RECEIPT_DECLINED = "waiting", "taken-in", "declined"


@dataclass(frozen=True, slots=True)
class NonPartnerView:
    id: uuid.UUID
    name: str
    kind: str
    informed_at: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class AddressView:
    addressed_on: datetime.date
    what_happened: str
    addressed_by: str
    recorded_at: datetime.datetime
