# SPDX-License-Identifier: EUPL-1.2
"""What the client services hand out: plain, frozen values, never model instances.

A view that got a model instance could follow its relations to more personal data around
the gate; a frozen value holds exactly what the processing allowed.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from zorgvuldig.gate.services.dossier.views import AnnotationView, ItemView
from zorgvuldig.gate.services.households.views import HouseholdView


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
    municipality: str  # CBS gemeentecode; empty: recorded before it was kept
    ending: str  # how it ended (SupportEnding), once closed; empty while open


@dataclass(frozen=True, slots=True)
class RelationView:
    id: uuid.UUID
    related: SubjectView
    kind: str


@dataclass(frozen=True, slots=True)
class AccessView:
    """Someone of the partner who reaches the dossier, and why (art3.2c, access.Why)."""

    name: str
    why: str
    domain: str = ""
    legal_basis: str = ""
    since: datetime.date | None = None
    household: str = ""
    until: datetime.datetime | None = None  # emergency: when the access ends
    reason: str = ""  # emergency: the reason from the list


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
    # art3.2c: who at the partner reaches this dossier, and why (access.AccessView)
    access: tuple[AccessView, ...] = ()
