"""Appending to the processing log and anchoring its chains.

Requirement: "Append-only and hash-chained ... Concurrent requests must not all queue behind one
lock to append: several chains keyed by a hash of the subject, anchored together periodically".

A record goes to chain ``int(pseudonym[:8], 16) % ZORGVULDIG_LOG_CHAINS``. Appending locks the
heads of the chains it touches, in ascending chain order so that two transactions never wait
for each other in a circle, links each record to the hash of its predecessor in its chain and
moves the heads on. The locks are held until the caller's transaction commits, so records
commit in chain order or not at all. Requests about different subjects mostly touch different
chains and do not wait for each other.

The append path is three statements (lock-and-read the heads, insert the records, move the
heads) written in SQL that PostgreSQL and SQLite (3.35 or newer) both accept, because it runs
once per processing in every request and the ORM's per-call overhead would dominate it.
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

from collections.abc import Sequence

from django.conf import settings
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from zorgvuldig.processing_log import canonical
from zorgvuldig.processing_log.entry import LogEntry
from zorgvuldig.processing_log.models import Anchor, ChainHead, LogRecord

_RECORDS = LogRecord._meta.db_table
_HEADS = ChainHead._meta.db_table
_INSERT_COLUMNS = ("chain", "seq", "prev_hash", "record_hash", *canonical.ENTRY_FIELDS)
_BATCH = 500  # records per INSERT: 23 parameters each stays far below SQLite's limit


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
    key = canonical.chain_key()
    rows: list[tuple[object, ...]] = []
    heads = _lock_heads(sorted({chain_of(entry.subject_pseudonym) for entry in entries}))
    for entry in entries:
        chain = chain_of(entry.subject_pseudonym)
        seq, prev_hash = heads[chain]
        seq += 1
        values = canonical.stored_values(entry)
        record_hash = canonical.digest(key, canonical.record_message(prev_hash, chain, seq, values))
        heads[chain] = (seq, record_hash)
        rows.append((chain, seq, prev_hash, record_hash, *_adapted(values)))
    ids = _insert(rows)
    _move_heads(heads)
    return ids


def _lock_heads(chains: list[int]) -> dict[int, tuple[int, str]]:
    """Lock (creating where missing) the heads of ``chains``, in ascending order; their state."""
    values = ", ".join(["(%s, 0, %s)"] * len(chains))
    params: list[object] = []
    for chain in chains:
        params += [chain, canonical.GENESIS]
    sql = (  # noqa: S608 (only table names and placeholders are formatted in)
        f"INSERT INTO {_HEADS} (chain, seq, record_hash) VALUES {values} "
        f"ON CONFLICT (chain) DO UPDATE SET seq = {_HEADS}.seq "
        "RETURNING chain, seq, record_hash"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {chain: (seq, record_hash) for chain, seq, record_hash in cursor.fetchall()}


def _adapted(values: dict[str, object]) -> list[object]:
    adapt = connection.ops.adapt_datetimefield_value
    return [
        adapt(values[field]) if field in ("start_time", "end_time") else values[field]
        for field in canonical.ENTRY_FIELDS
    ]


def _insert(rows: list[tuple[object, ...]]) -> list[int]:
    row_sql = "(" + ", ".join(["%s"] * len(_INSERT_COLUMNS)) + ")"
    ids: dict[tuple[int, int], int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            batch = rows[start : start + _BATCH]
            cursor.execute(  # noqa: S608 (only table and column names, placeholders)
                f"INSERT INTO {_RECORDS} ({', '.join(_INSERT_COLUMNS)}) "
                f"VALUES {', '.join([row_sql] * len(batch))} RETURNING id, chain, seq",
                [value for row in batch for value in row],
            )
            ids.update({(chain, seq): record_id for record_id, chain, seq in cursor.fetchall()})
    return [ids[(row[0], row[1])] for row in rows]


def _move_heads(heads: dict[int, tuple[int, str]]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(  # noqa: S608 (only the table name)
            f"UPDATE {_HEADS} SET seq = %s, record_hash = %s WHERE chain = %s",
            [(seq, record_hash, chain) for chain, (seq, record_hash) in heads.items()],
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
        heads = [[chain, seq, record_hash] for chain, (seq, record_hash) in
                 sorted(_lock_heads(chains).items())]
        previous = Anchor.objects.order_by("-id").values_list("anchor_hash", flat=True).first()
        prev_hash = previous or canonical.GENESIS
        created_at = timezone.now()
        anchor_hash = canonical.digest(
            canonical.chain_key(), canonical.anchor_message(prev_hash, created_at, heads)
        )
        return Anchor.objects.create(
            created_at=created_at, heads=heads, prev_hash=prev_hash, anchor_hash=anchor_hash
        )


def head_states() -> dict[int, tuple[int, str]]:
    """The current ``(seq, record_hash)`` of every chain head, without locking."""
    return {chain: (seq, record_hash) for chain, seq, record_hash in
            ChainHead.objects.values_list("chain", "seq", "record_hash")}

