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
class AuthorityView:
    """art10: who may act for the client on ``day``; each option is signed by all its people."""

    client_id: uuid.UUID
    day: datetime.date
    age: int
    options: tuple[tuple[SignerView, ...], ...]
    articles: tuple[str, ...]
    explanation: str
    judged_unable: bool  # art10.2: a judgement of incapacity is in force
    limited: tuple[tuple[str, str], ...]  # art10.3: (name, reason) of representatives left out


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

    @property
    def paused(self) -> bool:
        return any(p.ended_on is None for p in self.pauses)


@dataclass(frozen=True, slots=True)
class QueueLine:
    """One open request in the privacy officer's queue (art9.5: the deadline)."""

    request: SubjectRequestView
    days_left: int  # negative: overdue
    urgency: str  # "overdue", "due-this-week", "paused", "on-time"
