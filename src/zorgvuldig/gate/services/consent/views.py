# SPDX-License-Identifier: EUPL-1.2
"""What the consent services hand out (art4): frozen values, never model instances."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InformingView:
    """art4.1: the client was told what is recorded and with which organisations it may be
    exchanged."""

    id: uuid.UUID
    informed_on: datetime.date
    organisations: tuple[str, ...]
    how: str  # conversation | letter
    note: str
    recorded_by: str
    recorded_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class ConsentDocumentView:
    """art4.4: a signed consent form in the dossier (its content is fetched on its own)."""

    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class ConsentDecisionView:
    """A decision of the client (or the representative) about one scope (art4.2-art4.5).

    ``categories`` and ``recipients`` are None when the decision is about all categories and
    any recipient; ``recipient_names`` are the names of the recipient partners.
    """

    id: uuid.UUID
    scope: str  # record-request | share
    state: str  # given | refused | withdrawn
    categories: tuple[str, ...] | None
    recipients: tuple[str, ...] | None
    recipient_names: tuple[str, ...]
    given_by_subject_id: uuid.UUID
    given_by: str
    given_by_role: str  # client, or the kind of relation of the representative
    co_signed_by: tuple[str, ...]  # art10.1: the names of who signed with them
    decided_on: datetime.date
    written: bool
    document: ConsentDocumentView | None
    note: str
    recorded_by: str
    recorded_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class RepresentativeView:
    """A person recorded as related to the client who may decide for the client (art10)."""

    subject_id: uuid.UUID
    full_name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ConsentOverview:
    """Everything the dossier shows about informing and consent at the actor's partner.

    ``in_force`` are the decisions in force today (see :mod:`zorgvuldig.protocol.in_force`);
    a scope without one has not been asked. ``history`` holds every decision, newest first,
    withdrawn ones and the ones they replaced included (art4.5).
    """

    client_id: uuid.UUID
    client_subject_id: uuid.UUID  # to name the client among who signs (art10.1)
    client_name: str
    birth_date: datetime.date
    age: int
    representative_required: bool  # art10: the client does not decide alone
    who_signs: str  # art10: who answers for the client and who signs, in Dutch
    informed: bool
    informings: tuple[InformingView, ...]
    in_force: tuple[ConsentDecisionView, ...]
    history: tuple[ConsentDecisionView, ...]
    documents: tuple[ConsentDocumentView, ...]
    representatives: tuple[RepresentativeView, ...]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """The content of a signed consent form, for download."""

    content: bytes
    content_type: str
    filename: str
