# SPDX-License-Identifier: EUPL-1.2
"""What the dossier services hand out: items with their versions, annotations (frozen values)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


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
    blocked_on: datetime.date | None = None  # art9.4: kept, its content no longer shown


@dataclass(frozen=True, slots=True)
class AnnotationView:
    id: uuid.UUID
    article: str
    text: str
    author: str
    created_at: datetime.datetime
    trace_id: str
