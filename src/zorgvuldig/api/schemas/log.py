# SPDX-License-Identifier: EUPL-1.2
"""The body of a client's processing log."""

from __future__ import annotations

import datetime

from pydantic import Field

from zorgvuldig.api.schemas.base import Out


class LogRecord(Out):
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
    categories: list[str]
    purpose: str
    legal_basis: str
    decision: str = Field(description="allowed, partial of refused")
    articles: list[str]
