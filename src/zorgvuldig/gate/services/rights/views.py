# SPDX-License-Identifier: EUPL-1.2
"""What the rights services hand out: requests of data subjects and who may make them
(frozen values)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SignerView:
    subject_id: uuid.UUID
    name: str
    role: str  # "client" or the kind of relation (parent, curator, ...)


@dataclass(frozen=True, slots=True)
class LimitedView:
    """art10.3: a representative whose acting the partner limited or refused, and why."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class AuthorityView:
    """art10: who may act for the client on ``day``; each option is signed by all its people."""

    client_id: uuid.UUID
    day: datetime.date
    age: int
    options: tuple[tuple[SignerView, ...], ...]
    articles: tuple[str, ...]
    explanation: str
    judged_unable: bool  # art10.2: a judgement of incapacity is in force
    limited: tuple[LimitedView, ...]  # art10.3: representatives left out


@dataclass(frozen=True, slots=True)
class PauseView:
    started_on: datetime.date
    ended_on: datetime.date | None
    reason: str


@dataclass(frozen=True, slots=True)
class SubjectRequestView:
    id: uuid.UUID
    client_id: uuid.UUID
    client_name: str
    kind: str
    state: str
    requested_by: SignerView
    signed_by: tuple[SignerView, ...]
    authority: tuple[str, ...]
    identity_method: str
    identity_note: str
    details: str
    item_ids: tuple[uuid.UUID, ...]
    protocol_version: str
    received_on: datetime.date
    due_on: datetime.date
    extended_on: datetime.date | None
    extension_reason: str
    pauses: tuple[PauseView, ...]
    registered_by: str
    withdrawn_on: datetime.date | None
    # art9.5: the decision, and when what was granted was carried out
    outcome: str
    protection_needed: bool | None
    refusal_ground: str
    refusal_reason: str
    granted_item_ids: tuple[uuid.UUID, ...]
    decided_by: str
    decided_on: datetime.date | None
    carried_out_on: datetime.date | None
    closed_on: datetime.date | None

    @property
    def paused(self) -> bool:
        return any(p.ended_on is None for p in self.pauses)


@dataclass(frozen=True, slots=True)
class QueueLine:
    """One open request in the privacy officer's queue (art9.5: the deadline)."""

    request: SubjectRequestView
    days_left: int  # negative: overdue
    urgency: str  # "overdue", "due-this-week", "paused", "on-time"


@dataclass(frozen=True, slots=True)
class RecipientLine:
    """One disclosure of an item: to which organisation or person, when, why, on which ground.
    Organisations and roles are named, never the employee who sent it."""

    recipient: str
    recipient_kind: str  # partner, non-partner, veilig-thuis
    version_number: int
    purpose: str
    ground: str  # consent, art4.6, art8.2
    disclosed_on: datetime.date


@dataclass(frozen=True, slots=True)
class InspectionItem:
    """An item of the dossier as the subject inspects it (art9.2): content and origin (who
    supplied it, art3.2a)."""

    item_id: uuid.UUID
    category: str
    label: str
    value: str
    source: str  # who supplied it (the origin, art3.2a)
    method: str
    obtained_on: datetime.date
    recorded_on: datetime.date
    versions: int


@dataclass(frozen=True, slots=True)
class OverviewItem(InspectionItem):
    """An item in the overview (art9.1): as inspected, with why it was recorded and to whom
    it went."""

    purpose: str  # of the processing that recorded it ("" when not known)
    legal_basis: str
    recipients: tuple[RecipientLine, ...]


@dataclass(frozen=True, slots=True)
class ProcessingLine:
    """What the partner did with the subject's data, from the processing log, per kind."""

    name: str
    operation: str
    purpose: str
    legal_basis: str
    decision: str
    count: int
    first_on: datetime.date
    last_on: datetime.date


@dataclass(frozen=True, slots=True)
class RecipientSummary:
    """For the picture of where the data went: one recipient, its categories, first and last."""

    recipient: str
    recipient_kind: str
    categories: tuple[str, ...]
    first_on: datetime.date
    last_on: datetime.date
    disclosures: int


@dataclass(frozen=True, slots=True)
class SubjectOverview:
    """art9.1: whether and what data about the subject is processed, where it came from, for
    which purpose, and to whom it went; also the machine-readable copy of AVG art. 20."""

    request_id: uuid.UUID
    client_id: uuid.UUID
    subject_name: str
    birth_date: datetime.date
    partner_name: str
    made_on: datetime.date
    protocol_version: str
    items: tuple[OverviewItem, ...]
    processings: tuple[ProcessingLine, ...]
    recipients: tuple[RecipientSummary, ...]


@dataclass(frozen=True, slots=True)
class NoticeView:
    """art9.6: one earlier recipient told of a change, and how far that got."""

    id: uuid.UUID
    recipient: str
    recipient_kind: str
    channel: str
    status: str
    item_ids: tuple[uuid.UUID, ...]
    attempts: int
    last_error: str
    impossible_reason: str


@dataclass(frozen=True, slots=True)
class WithheldItem:
    """art9.3: an item not shown, with its ground and reason (the label is for the reviewer
    only; the subject is told the grounds, :attr:`InspectionPackage.told`)."""

    item_id: uuid.UUID
    category: str
    label: str
    ground: str
    reason: str
    automatic: bool  # withheld by the gate: it is about someone else


@dataclass(frozen=True, slots=True)
class WithheldCount:
    """What the subject is told of what was withheld (art9.3): a ground and how many items."""

    ground: str
    count: int


@dataclass(frozen=True, slots=True)
class InspectionPackage:
    """art9.2/art9.3: what the subject inspects, and what is withheld and why; released after
    review by the privacy officer or the responsible caseworker."""

    request_id: uuid.UUID
    client_id: uuid.UUID
    subject_name: str
    partner_name: str
    made_on: datetime.date
    released_on: datetime.date | None
    reviewed_by: str
    shown: tuple[InspectionItem, ...]
    withheld: tuple[WithheldItem, ...]

    @property
    def told(self) -> tuple[WithheldCount, ...]:
        """What the subject is told: how many items were withheld on which ground."""
        counts: dict[str, int] = {}
        for w in self.withheld:
            counts[w.ground] = counts.get(w.ground, 0) + 1
        return tuple(WithheldCount(g, n) for g, n in sorted(counts.items()))


@dataclass(frozen=True, slots=True)
class ReminderRun:
    """art9.5: what one day's run of the reminders did (no personal data: counts and the
    references of requests)."""

    day: datetime.date
    requests: int  # open requests overdue, due within a week or paused for long
    reminders: int  # reminders made now (one per person per request per day)
    people: int  # people who get an e-mail now
    unreachable: tuple[uuid.UUID, ...]  # requests nobody who handles them can be e-mailed about


@dataclass(frozen=True, slots=True)
class CountLine:
    """Requests received in one month, of one kind (``kind`` is "" for the month's total):
    how they ended, how many were answered after the due date, and the median days to the
    answer (the decision, counted from receipt; None when none was answered yet)."""

    month: datetime.date  # the first day of the month of receipt
    kind: str
    received: int
    granted: int
    partly_granted: int
    refused: int
    withdrawn: int
    open: int  # neither decided nor withdrawn (yet)
    answered_late: int
    median_days_to_answer: float | None


@dataclass(frozen=True, slots=True)
class RequestCounts:
    """The privacy officer's counts of the partner's requests, by month of receipt."""

    year: int | None  # None: every year
    made_on: datetime.date
    lines: tuple[CountLine, ...]  # per month and kind, by month then kind
    months: tuple[CountLine, ...]  # per month, all kinds together


@dataclass(frozen=True, slots=True)
class ItemChoice:
    """An item of the client's own a request may be about: by category and label only."""

    item_id: uuid.UUID
    category: str
    label: str
    recorded_on: datetime.date


@dataclass(frozen=True, slots=True)
class RequestChoices:
    """What the form that registers a request offers (art9, art10)."""

    client_id: uuid.UUID
    client_name: str
    kinds: tuple[str, ...]  # the kinds the partner's protocol version knows
    people: tuple[SignerView, ...]  # the client and everyone recorded with them
    authority: AuthorityView  # who may act today, and whose signatures that needs
    items: tuple[ItemChoice, ...]
