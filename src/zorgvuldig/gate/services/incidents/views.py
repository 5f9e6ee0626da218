# SPDX-License-Identifier: EUPL-1.2
"""What the incident services hand out (art3.2f, AVG art. 33 and 34): plain, frozen values."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClockView:
    """The 72 hours to the Autoriteit Persoonsgegevens, from awareness (AVG art. 33(1))."""

    state: str  # protocol.breaches.ClockState
    hours: int
    deadline: datetime.datetime | None
    seconds_left: int | None  # while it runs; negative once the deadline has passed


@dataclass(frozen=True, slots=True)
class PhaseView:
    id: int
    kind: str  # provisional, supplemented, final, withdrawn
    reported_at: datetime.datetime
    ap_reference: str
    late: bool  # a first notification after the hours
    delay_reasons: str
    note: str
    recorded_by: str
    recorded_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class LetterView:
    id: int
    status: str  # pending, sent, failed
    status_at: datetime.datetime | None
    note: str


@dataclass(frozen=True, slots=True)
class AffectedView:
    """A client the incident affected; once their dossier is destroyed, no longer who."""

    id: int
    client_id: uuid.UUID | None
    client_name: str
    found_by: str  # log, manual
    added_at: datetime.datetime
    letter: LetterView | None


@dataclass(frozen=True, slots=True)
class SubjectDecisionView:
    outcome: str
    reason: str
    public_notice: str
    decided_by: str
    decided_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class SearchView:
    """A search of the processing log for the clients an incident affected."""

    searched_by: str
    searched_at: datetime.datetime
    window_from: datetime.datetime
    window_to: datetime.datetime
    actor: str
    recipient: str
    categories: tuple[str, ...]
    records: int
    found: int
    added: int
    unresolved: int


@dataclass(frozen=True, slots=True)
class NoticeView:
    """The e-mail to a privacy officer that an incident was reported (art3.2f)."""

    organisation: str
    employee: str
    sent_at: datetime.datetime | None
    attempts: int
    last_error: str


@dataclass(frozen=True, slots=True)
class IncidentView:
    """An incident. ``handled`` says whether the reader handles it (the partner's privacy
    officer). The clients it affected are listed for them and for the partner's FG, who reads
    it for oversight without handling it (decision 22); the municipality sees counts."""

    id: uuid.UUID
    number: int
    partner: str
    state: str  # reported, breach, closed
    handled: bool
    nature: str
    nature_other: str
    summary: str
    reported_by: str
    reported_at: datetime.datetime
    started_at: datetime.datetime | None
    discovered_at: datetime.datetime
    aware_at: datetime.datetime | None
    aware_by: str
    aware_reason: str
    contained_at: datetime.datetime | None
    categories: tuple[str, ...]
    special_categories: tuple[str, ...]
    people_affected: int | None
    records_affected: int | None
    encrypted: str
    consequences: str
    severity: str
    measures: str
    cross_border: bool
    protocol_version: str
    clock: ClockView
    exempt_reason: str
    exempt_at: datetime.datetime | None
    phases: tuple[PhaseView, ...]
    clients_affected: int
    affected: tuple[AffectedView, ...]
    searches: tuple[SearchView, ...]
    subject_decisions: tuple[SubjectDecisionView, ...]  # the latest stands
    notices: tuple[NoticeView, ...]
    closed_at: datetime.datetime | None
    closed_by: str


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """An incident in the register: no client, no free text."""

    id: uuid.UUID
    number: int
    partner: str
    state: str
    nature: str
    reported_at: datetime.datetime
    discovered_at: datetime.datetime
    aware_at: datetime.datetime | None
    clock: ClockView
    notification: str  # the latest phase's kind; "exempt" when none is required; ""
    people_affected: int | None
    clients_affected: int
    closed_at: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class NotificationAnswer:
    """One question of the notification form of the Autoriteit Persoonsgegevens, answered."""

    key: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What a search of the processing log found, and the incident as it now stands."""

    search: SearchView
    incident: IncidentView
