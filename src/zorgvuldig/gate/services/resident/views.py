# SPDX-License-Identifier: EUPL-1.2
"""What the resident's services hand out (frozen values): who is signed in, whose view they
may open, and the processings of that person's data (decision 25)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

# how the resident's view names who did a processing: organisations and roles, never employees
SELF = "self"  # the person whose view it is
RESIDENT = "resident"  # someone acting for them with DigiD (a parent, a representative)
SYSTEM = "system"  # a partner's system (a service identity)


@dataclass(frozen=True, slots=True)
class Resident:
    """The data subject signed in with DigiD: ``subject_id`` None when zorgvuldig knows
    nothing of the BSN (art9.1: nothing is processed about them)."""

    subject_id: uuid.UUID | None
    name: str
    bsn_ending: str  # the last three digits, to say who is signed in when nothing is known


@dataclass(frozen=True, slots=True)
class Viewable:
    """A person whose view the resident may open: themselves, or someone they may act for
    alone today at one or more partners (art10.1)."""

    subject_id: uuid.UUID
    name: str
    birth_date: datetime.date
    role: str  # SELF, or the kind of relation of the resident to them
    partner_ids: tuple[uuid.UUID, ...] | None  # None: every partner (their own view)


@dataclass(frozen=True, slots=True)
class ProcessingEntry:
    """One processing of the person's data, as the processing log recorded it."""

    id: int
    at: datetime.datetime
    partner: str
    by: str  # a role (caseworker, privacy-officer, administrator), SYSTEM, SELF or RESIDENT
    name: str
    operation: str
    categories: tuple[str, ...]
    purpose: str
    legal_basis: str
    decision: str
    articles: tuple[str, ...]
    recipients: tuple[str, ...]  # for a share: to whom
    held_back: str  # the kind it was held back as before it was released ("" if never)
    held_since: datetime.datetime | None
    released_at: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class ResidentLog:
    """A page of the processings, newest first; ``older`` when there are more before it."""

    entries: tuple[ProcessingEntry, ...]
    older: bool
