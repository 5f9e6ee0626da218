# SPDX-License-Identifier: EUPL-1.2
"""Appending to the processing log and anchoring its chains.

Requirement: "Append-only and hash-chained ... Concurrent requests must not all queue behind one
lock to append: several chains keyed by a hash of the subject, anchored together periodically".

A record goes to chain ``int(pseudonym[:8], 16) % ZORGVULDIG_LOG_CHAINS``. Appending locks the
heads of the chains it touches, in ascending chain order so that two transactions never wait
for each other in a circle, links each record to the hash of its predecessor in its chain and
moves the heads on. The locks are held until the caller's transaction commits, so records
commit in chain order or not at all. Requests about different subjects mostly touch different
chains and do not wait for each other.

The append path is written in SQL, because it runs once per processing in every request and
the ORM's per-call overhead would dominate it: one statement locks and reads the heads, one
inserts the records and (on PostgreSQL, in the same statement) moves the heads on.
Locking the heads is an upsert (``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``): it takes
the row lock like ``SELECT ... FOR UPDATE``, creates a missing head (a chain used for the first
time, also after ``ZORGVULDIG_LOG_CHAINS`` grew) and returns its state, in one round trip.

:func:`anchor` binds the heads of all chains together in an :class:`Anchor`, itself chained to
the previous anchor, so that records cut off the end of a chain are found even when its head
was rewound as well. Run it periodically (``zorgvuldig log anchor``) and keep the printed hash
outside the database too: an anchor removed from the end of its own chain is only found by
comparing with such an outside copy.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Sequence

from django.conf import settings
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from zorgvuldig.processing_log import canonical
from zorgvuldig.processing_log.entry import LogEntry
from zorgvuldig.processing_log.models import Anchor, ChainHead, LogRecord

# SQL below is formatted only with these table names, column names and placeholders (hence
# the noqa: S608); every value goes in as a query parameter.
_RECORDS = LogRecord._meta.db_table
_HEADS = ChainHead._meta.db_table
_INSERT_COLUMNS = ("chain", "seq", "prev_hash", "record_hash", *canonical.ENTRY_FIELDS)
_BATCH = 500  # records per INSERT: 23 parameters each stays far below SQLite's limit


# When this process next anchors the chains by itself (see :func:`_anchor_when_due`).
_next_anchor = time.monotonic() + settings.ZORGVULDIG_LOG_ANCHOR_SECONDS


def chain_of(pseudonym: str) -> int:
    """The chain a data subject's records go to."""
    return int(pseudonym[:8], 16) % settings.ZORGVULDIG_LOG_CHAINS


def append(entries: Sequence[LogEntry]) -> list[int]:
    """Chain ``entries`` onto the log inside the caller's open transaction; return record ids.

    The ids come back in the order of ``entries``. Must run inside ``transaction.atomic()``
    (the gate calls it at the end of its transaction): the chain heads stay locked until that
    transaction ends, and a rollback takes the records and the moved heads back together.
    """
    if not connection.in_atomic_block:
        raise TransactionManagementError("processing_log.chain.append() needs an open transaction")
    if not entries:
        return []
    sign = canonical.signer()
    rows: list[tuple[object, ...]] = []
    with connection.cursor() as cursor:
        heads = _lock_heads(cursor, sorted({chain_of(e.subject_pseudonym) for e in entries}))
        for entry in entries:
            chain = chain_of(entry.subject_pseudonym)
            seq, prev_hash = heads[chain]
            seq += 1
            values = canonical.stored_values(entry)
            message = canonical.record_message(prev_hash, chain, seq, values)
            record_hash = sign(message)
            heads[chain] = (seq, record_hash)
            rows.append((chain, seq, prev_hash, record_hash, *_adapted(values)))
        ids = _write(cursor, rows, heads)
    _anchor_when_due()
    return ids


def _anchor_when_due() -> None:
    """Anchor all chains after this commit when ``ZORGVULDIG_LOG_ANCHOR_SECONDS`` have passed.

    Every process that appends anchors at that interval, so the log is anchored periodically
    without a scheduler; ``zorgvuldig log anchor`` anchors on demand. 0 turns this off.
    """
    global _next_anchor
    interval = settings.ZORGVULDIG_LOG_ANCHOR_SECONDS
    now = time.monotonic()
    if interval and now >= _next_anchor:
        _next_anchor = now + interval
        transaction.on_commit(anchor)


def _lock_heads(cursor, chains: list[int]) -> dict[int, tuple[int, str]]:
    """Lock (creating where missing) the heads of ``chains``, in ascending order; their state."""
    if connection.vendor == "postgresql":  # the chains as one array: one prepared statement
        cursor.execute(_LOCK_ARRAY_SQL, [canonical.GENESIS, chains])
    else:
        params: list[object] = []
        for chain in chains:
            params += [chain, canonical.GENESIS]
        cursor.execute(_lock_sql(len(chains)), params)
    return {chain: (seq, record_hash) for chain, seq, record_hash in cursor.fetchall()}


def _adapted(values: dict[str, object]) -> list[object]:
    adapt = connection.ops.adapt_datetimefield_value
    return [
        adapt(values[field]) if field in ("start_time", "end_time") else values[field]
        for field in canonical.ENTRY_FIELDS
    ]


def _write(cursor, rows: list[tuple[object, ...]], heads: dict[int, tuple[int, str]]) -> list[int]:
    """Insert ``rows`` and move ``heads``; on PostgreSQL both in one statement of arrays."""
    moved = [(chain, seq, record_hash) for chain, (seq, record_hash) in heads.items()]
    together = connection.vendor == "postgresql"
    if together:  # one statement of arrays, a column each, whatever the number of records
        cursor.execute(
            _INSERT_ARRAYS_SQL,
            [list(column) for column in zip(*moved, strict=True)]
            + [list(column) for column in zip(*rows, strict=True)],
        )
        ids = {(chain, seq): record_id for record_id, chain, seq in cursor.fetchall()}
        return [ids[(row[0], row[1])] for row in rows]
    ids: dict[tuple[int, int], int] = {}
    for start in range(0, len(rows), _BATCH):
        batch = rows[start : start + _BATCH]
        cursor.execute(_insert_sql(len(batch)), [value for row in batch for value in row])
        ids.update({(chain, seq): record_id for record_id, chain, seq in cursor.fetchall()})
    cursor.executemany(
        f"UPDATE {_HEADS} SET seq = %s, record_hash = %s WHERE chain = %s",  # noqa: S608  # nosec B608
        [(seq, record_hash, chain) for chain, seq, record_hash in moved],
    )
    return [ids[(row[0], row[1])] for row in rows]


@functools.cache
def _lock_sql(heads: int) -> str:
    return (
        f"INSERT INTO {_HEADS} (chain, seq, record_hash) "  # noqa: S608  # nosec B608
        f"VALUES {', '.join(['(%s, 0, %s)'] * heads)} "
        f"ON CONFLICT (chain) DO UPDATE SET seq = {_HEADS}.seq "
        "RETURNING chain, seq, record_hash"
    )


# PostgreSQL: the same statements with every column as one array parameter, so that their
# text is the same for every append (parsed once by psycopg, prepared once by the server)
# however many records and chains: at thousands of parameters, parsing the statement took
# longer than running it (a destruction run appends 200 records per batch)
_ARRAY_TYPES = {
    "chain": "smallint",
    "seq": "bigint",
    "start_time": "timestamptz",
    "end_time": "timestamptz",
}
_LOCK_ARRAY_SQL = (
    f"INSERT INTO {_HEADS} (chain, seq, record_hash) "  # noqa: S608  # nosec B608
    "SELECT chain, 0, %s::text FROM unnest(%s::smallint[]) WITH ORDINALITY AS c(chain, n) "
    "ORDER BY n "
    f"ON CONFLICT (chain) DO UPDATE SET seq = {_HEADS}.seq "
    "RETURNING chain, seq, record_hash"
)
_INSERT_ARRAYS_SQL = (
    f"WITH moved AS (UPDATE {_HEADS} SET seq = v.seq, record_hash = v.record_hash "  # noqa: S608  # nosec B608
    "FROM unnest(%s::smallint[], %s::bigint[], %s::text[]) AS v(chain, seq, record_hash) "
    f"WHERE {_HEADS}.chain = v.chain) "
    f"INSERT INTO {_RECORDS} ({', '.join(_INSERT_COLUMNS)}) SELECT * FROM unnest("
    + ", ".join(f"%s::{_ARRAY_TYPES.get(c, 'text')}[]" for c in _INSERT_COLUMNS)
    + ") RETURNING id, chain, seq"
)


@functools.cache
def _insert_sql(records: int) -> str:
    row = "(" + ", ".join(["%s"] * len(_INSERT_COLUMNS)) + ")"
    return (
        f"INSERT INTO {_RECORDS} ({', '.join(_INSERT_COLUMNS)}) "  # noqa: S608  # nosec B608
        f"VALUES {', '.join([row] * records)} RETURNING id, chain, seq"
    )


def anchor() -> Anchor:
    """Bind the heads of all chains, and the previous anchor, in a new :class:`Anchor`.

    Locks every head (creating those of unused chains, so an anchor always names all
    ``ZORGVULDIG_LOG_CHAINS`` chains), which makes anchors follow each other strictly and
    gives a consistent cut of the log; appends wait for the few milliseconds this takes.
    """
    with transaction.atomic():
        existing = ChainHead.objects.values_list("chain", flat=True)
        chains = sorted(set(range(settings.ZORGVULDIG_LOG_CHAINS)).union(existing))
        with connection.cursor() as cursor:
            locked = _lock_heads(cursor, chains)
        heads = [[chain, *locked[chain]] for chain in sorted(locked)]
        previous = Anchor.objects.order_by("-id").values_list("anchor_hash", flat=True).first()
        prev_hash = previous or canonical.GENESIS
        created_at = timezone.now()
        anchor_hash = canonical.signer()(canonical.anchor_message(prev_hash, created_at, heads))
        return Anchor.objects.create(
            created_at=created_at, heads=heads, prev_hash=prev_hash, anchor_hash=anchor_hash
        )


def head_states() -> dict[int, tuple[int, str]]:
    """The current ``(seq, record_hash)`` of every chain head, without locking."""
    return {
        chain: (seq, record_hash)
        for chain, seq, record_hash in ChainHead.objects.values_list("chain", "seq", "record_hash")
    }
