"""The canonical bytes of a log record and of an anchor: what the hash chain is computed over.

Requirement: "append-only and hash-chained: ``zorgvuldig log verify`` checks the chain and names
the first record that was altered, removed or inserted". Every field of a record, including its
chain and sequence number, goes into its hash, so that changing any of them shows.

A record's message is its predecessor's hash followed by all fields, joined by the ASCII unit
separator (``\\x1f``), which no field may contain. Tuples (categories, articles) are joined by
``,``, which no element may contain, and no element may be empty, so ``()`` and ``("",)`` do not
collide. Datetimes are written in UTC with microseconds
(``2025-03-01T09:30:00.000000+00:00``), whatever time zone they were given in.

:func:`record_message` builds the message in Python when a record is appended;
:func:`record_message_sql` builds the very same text inside the database at verify time, from
the stored columns, so verification streams plain strings instead of model instances. Both
databases keep microseconds: PostgreSQL in ``timestamptz``, SQLite in Django's text format
``YYYY-MM-DD HH:MM:SS[.ffffff]`` (naive UTC, the fraction left out when it is zero). A test
keeps the two implementations equal.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from collections.abc import Iterable, Sequence

from zorgvuldig.core import crypto
from zorgvuldig.processing_log.entry import LogEntry

SEPARATOR = "\x1f"
LIST_SEPARATOR = ","
GENESIS = "0" * 64  # the "previous hash" of the first record of every chain and the first anchor

# The stored columns of a record in the order they enter its message (after prev_hash).
ENTRY_FIELDS: tuple[str, ...] = (
    "trace_id",
    "span_id",
    "parent_span_id",
    "name",
    "start_time",
    "end_time",
    "status",
    "processing_activity_id",
    "subject_pseudonym",
    "foreign_operation",
    "actor_id",
    "partner_id",
    "operation",
    "categories",
    "purpose",
    "legal_basis",
    "decision",
    "articles",
)
MESSAGE_COLUMNS: tuple[str, ...] = ("chain", "seq", *ENTRY_FIELDS)
_DATETIME_FIELDS = frozenset({"start_time", "end_time"})
_TUPLE_FIELDS = frozenset({"categories", "articles"})


def chain_key() -> bytes:
    """The HMAC key of the chain, derived from the master key for this purpose only."""
    return crypto.purpose_key("log-chain")


def digest(key: bytes, message: str) -> str:
    """HMAC-SHA256 of ``message`` as 64 hex digits."""
    return hmac.digest(key, message.encode(), hashlib.sha256).hex()


def timestamp(value: datetime.datetime) -> str:
    """A datetime as UTC ISO 8601 with microseconds; naive datetimes are refused."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"the processing log needs aware datetimes, got {value!r}")
    return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def _text(field: str, value: str) -> str:
    if SEPARATOR in value:
        raise ValueError(f"{field} may not contain the unit separator \\x1f")
    return value


def _joined(field: str, values: Sequence[str]) -> str:
    for value in values:
        if not value or LIST_SEPARATOR in value or SEPARATOR in value:
            raise ValueError(f"{field} elements must be non-empty and free of ',': {value!r}")
    return LIST_SEPARATOR.join(values)


def stored_values(entry: LogEntry) -> dict[str, object]:
    """The column values of ``entry`` (tuples joined), checked to serialise unambiguously."""
    values: dict[str, object] = {}
    for field in ENTRY_FIELDS:
        value = getattr(entry, field)
        if field in _DATETIME_FIELDS:
            timestamp(value)
        elif field in _TUPLE_FIELDS:
            value = _joined(field, value)
        else:
            value = _text(field, value)
        values[field] = value
    return values


def record_message(prev_hash: str, chain: int, seq: int, values: dict[str, object]) -> str:
    """The message whose HMAC is a record's ``record_hash``; ``values`` from :func:`stored_values`."""
    parts = [prev_hash, str(chain), str(seq)]
    for field in ENTRY_FIELDS:
        value = values[field]
        parts.append(timestamp(value) if field in _DATETIME_FIELDS else value)
    return SEPARATOR.join(parts)


def _timestamp_sql(vendor: str, column: str) -> str:
    if vendor == "postgresql":
        return (
            f"to_char({column} AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
        )
    # SQLite: Django stores "YYYY-MM-DD HH:MM:SS" plus ".ffffff" unless the fraction is zero.
    return (
        f"substr({column}, 1, 10) || 'T' || substr({column}, 12, 8) || '.' || "
        f"substr(substr({column}, 21) || '000000', 1, 6) || '+00:00'"
    )


def record_message_sql(vendor: str) -> str:
    """An SQL expression giving :func:`record_message` of a stored row, for ``vendor``."""
    if vendor not in {"postgresql", "sqlite"}:
        raise NotImplementedError(f"the log supports PostgreSQL and SQLite, not {vendor}")
    parts = ["prev_hash"]
    for column in MESSAGE_COLUMNS:
        parts.append(_timestamp_sql(vendor, column) if column in _DATETIME_FIELDS else column)
    if vendor == "postgresql":
        return "concat_ws(chr(31), " + ", ".join(parts) + ")"
    return " || char(31) || ".join(parts)


def anchor_message(
    prev_hash: str, created_at: datetime.datetime, heads: Iterable[Sequence[object]]
) -> str:
    """The message whose HMAC is an anchor's ``anchor_hash``: all heads and the previous anchor.

    It starts with ``anchor`` so that it can never be mistaken for a record's message (those
    start with a 64-digit hash).
    """
    bound = LIST_SEPARATOR.join(f"{chain}:{seq}:{record_hash}" for chain, seq, record_hash in heads)
    return SEPARATOR.join(("anchor", prev_hash, timestamp(created_at), bound))
