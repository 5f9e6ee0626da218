# SPDX-License-Identifier: EUPL-1.2
"""What the retention services hand out (art5.2): plain, frozen values."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RetentionView:
    """How long one thing is kept, and why: the rule that won, and the explanation that names
    every rule that applied."""

    state: str  # open, kept, held, due (protocol.retention.State)
    kept_through: datetime.date | None
    due_on: datetime.date | None
    rule: str  # the winning rule's code ("art5.2", "jeugdwet-7.3.8"); empty while open
    rule_source: str
    explanation: str


@dataclass(frozen=True, slots=True)
class ItemRetentionView:
    item_id: uuid.UUID
    category: str
    retention: RetentionView


@dataclass(frozen=True, slots=True)
class HoldView:
    id: uuid.UUID
    reason: str
    decided_by: str
    review_on: datetime.date
    created_at: datetime.datetime
    lapsed: bool  # the review date passed without a new hold: it keeps nothing


@dataclass(frozen=True, slots=True)
class DossierRetentionView:
    """The retention of a client's dossier at the actor's partner: the dossier as a whole
    (kept as long as the longest kept of its items), each item, and the holds."""

    client_id: uuid.UUID
    dossier: RetentionView
    items: tuple[ItemRetentionView, ...]
    holds: tuple[HoldView, ...]


@dataclass(frozen=True, slots=True)
class ListEntryView:
    """A client's dossier on a destruction list; once destroyed, no longer who it was."""

    id: int
    client_id: uuid.UUID | None
    client_name: str
    domain: str
    rule: str
    period: int
    kept_through: datetime.date
    review: str  # "", destroy, keep
    keep_reason: str
    keep_until: datetime.date | None
    outcome: str  # pending, destroyed, kept
    kept_because: str


@dataclass(frozen=True, slots=True)
class DestructionListView:
    id: uuid.UUID
    number: int
    partner: str
    due_by: datetime.date
    state: str
    author: str
    created_at: datetime.datetime
    reviewer: str
    reviewed_at: datetime.datetime | None
    approver: str
    approved_at: datetime.datetime | None
    cooling_off_until: datetime.datetime | None
    returned_reason: str
    run_started_at: datetime.datetime | None
    run_ended_at: datetime.datetime | None
    entries: int
    destroyed: int
    kept: int
    pending: int
    # the entries of the page asked for (none when only the list is asked)
    page: tuple[ListEntryView, ...] = ()
