# SPDX-License-Identifier: EUPL-1.2
"""The canonical bytes of a log record and of an anchor: what the hash chain is computed over.

Requirement: "append-only and hash-chained: ``zorgvuldig log verify`` checks the chain and names
the first record that was altered, removed or inserted". Every field of a record, including its
chain and sequence number, goes into its hash, so that changing any of them shows.

A record's message is its predecessor's hash followed by all fields, joined by the ASCII unit
separator (``\\x1f``), which no field may contain. Tuples (categories, articles) are joined by
``,``, which no element may contain, and no element may be empty, so ``()`` and ``("",)`` do not
collide. Datetimes are written as whole microseconds since 1970-01-01T00:00:00Z: exact, free
of time zones and of the database's date style, and cheap to compute in SQL.

:func:`record_message` builds the message in Python when a record is appended;
:func:`record_message_sql` builds the very same text inside the database at verify time, from
the stored columns, so verification streams plain strings instead of model instances. Both
databases keep microseconds: PostgreSQL in ``timestamptz`` (``extract(epoch ...)`` is exact
``numeric`` since PostgreSQL 14, the oldest Django 5.2 supports), SQLite in Django's text
format ``YYYY-MM-DD HH:MM:SS[.ffffff]`` (naive UTC, the fraction left out when it is zero). A
test keeps the two implementations equal.

The HMAC is SHA-256 HMAC (RFC 2104) computed from the key's precomputed inner and outer pad
states (:class:`Signer`), which is about three times faster per record than ``hmac.digest``.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections.abc import Iterable, Sequence

from zorgvuldig.core import crypto
from zorgvuldig.processing_log.entry import LogEntry

SEPARATOR = "\x1f"
LIST_SEPARATOR = ","
GENESIS = "0" * 64  # the "previous hash" of the first record of every chain and the first anchor
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_MICROSECOND = datetime.timedelta(microseconds=1)

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


class Signer:
    """HMAC-SHA256 with one key, as 64 hex digits; equal to ``hmac.digest(key, m, sha256)``."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes):
        block = hashlib.sha256().block_size
        key = (hashlib.sha256(key).digest() if len(key) > block else key).ljust(block, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in key))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in key))

    def __call__(self, message: str) -> str:
        inner = self._inner.copy()
        inner.update(message.encode())
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def signer() -> Signer:
    """A :class:`Signer` with the chain key (made once per key)."""
    return _signer(chain_key())


@functools.lru_cache(maxsize=8)
def _signer(key: bytes) -> Signer:
    return Signer(key)


class Checker:
    """Whether a hash was made with the chain key of the current or of a previous master key.

    After a key rotation (``ZORGVULDIG_PREVIOUS_MASTER_KEYS``) the records made before it keep
    the hashes the old key gave them; they verify against that key, at the price of a second
    HMAC each.
    """

    __slots__ = ("_older", "_sign")

    def __init__(self, sign: Signer, older: Sequence[Signer] = ()):
        self._sign, self._older = sign, tuple(older)

    def __call__(self, message: str, expected: str) -> bool:
        return self._sign(message) == expected or any(
            sign(message) == expected for sign in self._older
        )


def checker() -> Checker:
    """A :class:`Checker` with the chain keys of all master keys, the current one first."""
    keys = crypto.purpose_keys("log-chain")
    return Checker(_signer(keys[0]), [_signer(key) for key in keys[1:]])


def timestamp(value: datetime.datetime) -> str:
    """A datetime as whole microseconds since the Unix epoch; naive datetimes are refused."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"the processing log needs aware datetimes, got {value!r}")
    return str((value - _EPOCH) // _MICROSECOND)


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
    """The message whose HMAC is a record's hash; ``values`` as :func:`stored_values` gives."""
    parts = [prev_hash, str(chain), str(seq)]
    for field in ENTRY_FIELDS:
        value = values[field]
        parts.append(timestamp(value) if field in _DATETIME_FIELDS else value)
    return SEPARATOR.join(parts)


def _timestamp_sql(vendor: str, column: str) -> str:
    if vendor == "postgresql":
        return f"(extract(epoch FROM {column}) * 1000000)::bigint"
    # SQLite: Django stores "YYYY-MM-DD HH:MM:SS" plus ".ffffff" unless the fraction is zero.
    # (The % is doubled: the expression goes into a query with parameters.)
    return (
        f"(CAST(strftime('%%s', substr({column}, 1, 19)) AS INTEGER) * 1000000"
        f" + CAST(substr({column} || '.000000', 21, 6) AS INTEGER))"
    )


def record_message_sql(vendor: str) -> str:
    """An SQL expression giving :func:`record_message` of a stored row, for ``vendor``.

    For a query with parameters (``%`` is written ``%%``).
    """
    if vendor not in {"postgresql", "sqlite"}:
        raise NotImplementedError(f"the log supports PostgreSQL and SQLite, not {vendor}")
    parts = ["prev_hash"]
    for column in MESSAGE_COLUMNS:
        parts.append(_timestamp_sql(vendor, column) if column in _DATETIME_FIELDS else column)
    separator = " || chr(31) || " if vendor == "postgresql" else " || char(31) || "
    return separator.join(parts)


def anchor_message(
    prev_hash: str, created_at: datetime.datetime, heads: Iterable[Sequence[object]]
) -> str:
    """The message whose HMAC is an anchor's ``anchor_hash``: all heads and the previous anchor.

    It starts with ``anchor`` so that it can never be mistaken for a record's message (those
    start with a 64-digit hash).
    """
    bound = LIST_SEPARATOR.join(f"{chain}:{seq}:{record_hash}" for chain, seq, record_hash in heads)
    return SEPARATOR.join(("anchor", prev_hash, timestamp(created_at), bound))
