# SPDX-License-Identifier: EUPL-1.2
"""One entry of the processing log, before it is chained: what the gate hands to append().

Fields follow the Logius standard *Logboek Dataverwerkingen* (trace id, span id, name, start
and end time, status, processing activity, data subject, foreign operation) plus what the
protocol needs (actor, partner, operation, categories, purpose, legal basis, decision and its
articles). It never holds the content of the data, and names the data subject only by a
pseudonym, so destroying a client breaks no link in the chain.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from zorgvuldig.core import crypto


def new_trace_id() -> str:
    """A W3C trace-context trace id: 16 random bytes as 32 hex digits."""
    return secrets.token_hex(16)


def new_span_id() -> str:
    """A W3C trace-context span id: 8 random bytes as 16 hex digits."""
    return secrets.token_hex(8)


def subject_pseudonym(subject_id: str) -> str:
    """The data subject as the log knows it: a keyed hash of the subject's id."""
    return crypto.blind_index(str(subject_id), "subject-pseudonym")


@dataclass(frozen=True, slots=True)
class LogEntry:
    trace_id: str
    span_id: str
    parent_span_id: str
    name: str
    start_time: datetime.datetime
    end_time: datetime.datetime
    status: str  # "ok" or "error" (Logboek: status code)
    processing_activity_id: str
    subject_pseudonym: str
    foreign_operation: str  # the other organisation's trace reference in an exchange, or ""
    actor_id: str
    partner_id: str
    operation: str
    categories: tuple[str, ...]
    purpose: str
    legal_basis: str
    decision: str  # "allowed", "partial" or "refused"
    articles: tuple[str, ...]
