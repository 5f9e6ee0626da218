# SPDX-License-Identifier: EUPL-1.2
"""What the oversight services hand out (frozen values)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExceptionView:
    client_id: uuid.UUID
    client_name: str
    article: str
    text: str
    author: str
    created_at: datetime.datetime
    trace_id: str
    legal_basis: str


@dataclass(frozen=True, slots=True)
class AllowedView:
    operation: str
    category: str
    label: str
    allowed: bool
    articles: tuple[str, ...]
    explanation: str
