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


# how a processing of the client's log at the partner stands in the client's own view (art9.3)
SHOWN = "shown"  # listed
RELEASED = "released"  # held back, and listed since the partner released it
HELD_BACK = "held-back"  # not listed until the partner releases it
OTHER_PERSON = "other-person"  # never listed: it also concerns someone else (another's case)
NOT_LISTED = "not-listed"  # never listed: the client's own look at the view, or the partner's
# handling of what the view holds back (holding back, releasing, this list)


@dataclass(frozen=True, slots=True)
class HeldProcessing:
    """One processing of the client's data at the partner (a trace of its processing log)
    and whether the client's own view shows it (art9.3): ``state`` one of SHOWN, RELEASED,
    HELD_BACK, OTHER_PERSON, NOT_LISTED."""

    trace_id: str
    at: datetime.datetime  # its first record
    names: tuple[str, ...]  # the processings its records name
    state: str
    held_back: tuple[str, ...]  # the kinds that hold it back (meldcode, veilig-thuis, harm)
    reason: str  # a harm hold's reason ("" otherwise)
    held_since: datetime.datetime | None  # a hold's time; None: since the processing
    released_at: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class ResidentViewHolds:
    """The client's processings at the partner, newest first, as the client's own view shows
    them; ``total``: how many there are in all."""

    client_id: uuid.UUID
    client_name: str
    processings: tuple[HeldProcessing, ...]
    total: int
