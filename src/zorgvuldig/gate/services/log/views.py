# SPDX-License-Identifier: EUPL-1.2
"""What the log service hands out: one processing of a client's data (frozen values)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


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


@dataclass(frozen=True, slots=True)
class RecentLog:
    """The newest records of a client's processing log, and how many the log holds."""

    records: tuple[LogView, ...]
    total: int
