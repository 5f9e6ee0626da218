# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the processing-log tests: entries, records in a chosen chain, tampering."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from zorgvuldig.processing_log import chain, triggers
from zorgvuldig.processing_log.entry import LogEntry, new_span_id, new_trace_id, subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

_subjects = itertools.count()
MOMENT = datetime.datetime(2025, 3, 1, 9, 30, 0, 250_000, tzinfo=datetime.UTC)


def pseudonym_in(chain_number: int) -> str:
    """A fresh subject pseudonym whose records go to ``chain_number``."""
    while True:
        pseudonym = subject_pseudonym(f"subject-{next(_subjects)}")
        if chain.chain_of(pseudonym) == chain_number:
            return pseudonym


def make_entry(pseudonym: str | None = None, **fields) -> LogEntry:
    values = {
        "trace_id": new_trace_id(),
        "span_id": new_span_id(),
        "parent_span_id": "",
        "name": "consult",
        "start_time": MOMENT,
        "end_time": MOMENT + datetime.timedelta(milliseconds=3),
        "status": "ok",
        "processing_activity_id": "jeugdwet-jeugdhulp",
        "subject_pseudonym": pseudonym or subject_pseudonym(f"subject-{next(_subjects)}"),
        "foreign_operation": "",
        "actor_id": "employee-7",
        "partner_id": "partner-2",
        "operation": "consult",
        "categories": ("identification", "youth"),
        "purpose": "support-provision",
        "legal_basis": "jeugdwet",
        "decision": "allowed",
        "articles": ("art3.1", "art5.1"),
    }
    return LogEntry(**{**values, **fields})


def append_to(chain_number: int, count: int) -> list[int]:
    """Append ``count`` records to one chain, each in its own transaction; their ids."""
    ids = []
    for _ in range(count):
        with transaction.atomic():
            ids += chain.append([make_entry(pseudonym_in(chain_number))])
    return ids


def record(record_id: int) -> LogRecord:
    return LogRecord.objects.get(id=record_id)


@contextmanager
def tampering() -> Iterator[None]:
    """Switch the append-only triggers off, as someone with the table owner's rights could."""
    with triggers.suspended(connection):
        yield


def execute(sql: str, params: list | tuple = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
