# SPDX-License-Identifier: EUPL-1.2
"""What the recipient's services hand out: received shares, referrals and the answer to a
request for data (frozen values).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from zorgvuldig.gate.services.dossier.views import ItemView


@dataclass(frozen=True, slots=True)
class ReceivedShareView:
    id: uuid.UUID
    client_id: uuid.UUID
    client_name: str
    category: str
    label: str
    version_number: int
    sender: str  # the partner that shared it
    sender_person: str  # who shared it there
    purpose: str
    ground: str
    sent_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class ReferralView:
    """A client referred to the actor's organisation for support in ``domain``."""

    client_id: uuid.UUID
    client_name: str
    domain: str
    sender: str  # the partner that referred the client
    sender_person: str  # who referred the client there
    purpose: str  # the sender's purpose
    categories: tuple[str, ...]  # what came along (content only after the intake)
    received_share_ids: tuple[uuid.UUID, ...]
    sent_at: datetime.datetime


# What became of one requested category (CategoryAnswer.status).
SENT, PARTLY_SENT, REFUSED, NOT_HELD = "sent", "partly-sent", "refused", "not-held"

# Which side refused it (CategoryAnswer.refused_by).
BY_REQUESTER, BY_HOLDER = "requester", "holder"

# What became of the request as a whole (PullResult.status).
NOTHING_SENT = "nothing-sent"


@dataclass(frozen=True, slots=True)
class CategoryAnswer:
    """What became of one requested category, and why."""

    category: str
    status: str  # SENT, PARTLY_SENT, REFUSED or NOT_HELD
    refused_by: str = ""  # BY_REQUESTER or BY_HOLDER when (partly) refused; else empty
    items_received: int = 0  # the items of this category that came in
    # PARTLY_SENT: the items the holder left behind under professional secrecy (art6.2), so
    # that the requester knows to ask for their release; a refused category counts nothing.
    items_withheld: int = 0
    articles: tuple[str, ...] = ()  # the articles of the refusal; empty when nothing refused
    reason: str = ""  # Dutch: why (partly) refused and what would allow it, or why nothing


@dataclass(frozen=True, slots=True)
class PullResult:
    received: tuple[ItemView, ...]
    explanation: str  # the holder's decision: what was withheld and why
    request_trace_id: str
    share_trace_id: str
    categories: tuple[CategoryAnswer, ...] = ()  # each requested category, in request order

    @property
    def status(self) -> str:
        """SENT when something came in and nothing was refused (a category the holder has no
        data of is no refusal), PARTLY_SENT when something came in and something was refused,
        NOTHING_SENT when nothing came in."""
        if not any(a.items_received for a in self.categories):
            return NOTHING_SENT
        return SENT if all(a.status in (SENT, NOT_HELD) for a in self.categories) else PARTLY_SENT
