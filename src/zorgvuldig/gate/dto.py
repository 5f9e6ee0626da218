# SPDX-License-Identifier: EUPL-1.2
"""What the gate hands out: plain, frozen values, never model instances.

A view that got a model instance could follow its relations to more personal data around
the gate; a frozen value holds exactly what the processing allowed.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SubjectView:
    id: uuid.UUID
    bsn: str
    given_names: str
    surname_prefix: str
    surname: str
    birth_date: datetime.date

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)


@dataclass(frozen=True, slots=True)
class ClientSummary:
    id: uuid.UUID
    full_name: str
    birth_date: datetime.date


@dataclass(frozen=True, slots=True)
class TrajectoryView:
    id: uuid.UUID
    client_id: uuid.UUID
    partner_id: uuid.UUID
    partner_name: str
    domain: str
    legal_basis: str
    opened_on: datetime.date
    closed_on: datetime.date | None
    caseworkers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RelationView:
    id: uuid.UUID
    related: SubjectView
    kind: str


@dataclass(frozen=True, slots=True)
class ItemVersionView:
    number: int
    label: str
    value: str
    source: str
    method: str
    obtained_on: datetime.date
    recorded_by: str
    recorded_at: datetime.datetime
    reason: str


@dataclass(frozen=True, slots=True)
class ItemView:
    id: uuid.UUID
    client_id: uuid.UUID
    subject_id: uuid.UUID
    category: str
    partner_id: uuid.UUID
    current: ItemVersionView
    history: tuple[ItemVersionView, ...] = ()
    under_professional_secrecy: bool = False  # art6.2


@dataclass(frozen=True, slots=True)
class AnnotationView:
    id: uuid.UUID
    article: str
    text: str
    author: str
    created_at: datetime.datetime
    trace_id: str


@dataclass(frozen=True, slots=True)
class PartnerRef:
    """An organisation named in a value: its id and name (not personal data)."""

    id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class HouseholdView:
    id: uuid.UUID
    name: str
    director: str
    director_id: uuid.UUID | None
    plan: str  # empty for anyone but the director when read in a client's dossier
    members: tuple[str, ...]
    partners: tuple[PartnerRef, ...]  # the organisations that take part in the plan


@dataclass(frozen=True, slots=True)
class ClientDossier:
    id: uuid.UUID
    subject: SubjectView
    trajectories: tuple[TrajectoryView, ...]
    relations: tuple[RelationView, ...]
    items: tuple[ItemView, ...]
    annotations: tuple[AnnotationView, ...]
    households: tuple[HouseholdView, ...]
    # When the protocol allowed only part of the dossier: why, and what would allow the rest.
    refusal: str = ""


@dataclass(frozen=True, slots=True)
class LogView:
    id: int
    trace_id: str
    name: str
    start_time: datetime.datetime
    end_time: datetime.datetime
    status: str
    processing_activity_id: str
    actor: str
    partner: str
    operation: str
    categories: tuple[str, ...]
    purpose: str
    legal_basis: str
    decision: str
    articles: tuple[str, ...]
