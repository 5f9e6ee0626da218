"""Verifying the processing log: every chain, every anchor, and the first thing that is wrong.

Requirement: "``zorgvuldig log verify`` checks the chain and names the first record that was
altered, removed or inserted". Only the holder of the chain key (derived from the master key)
can make a record whose hash verifies, so:

- a record whose hash does not verify was *altered*, unless the record after it links to the
  record before it, or its sequence number was already used, or it lies beyond its chain's
  head: then it was *inserted*;
- a record that verifies but does not link to its predecessor, with sequence numbers missing
  in between, means records were *removed* there;
- records missing at the end of a chain show against the chain head and against the anchors
  (the anchors also catch a head that was rewound along with them).

Each chain is streamed in sequence order in pages (keyset pagination over the ``(chain, seq)``
index), the database builds each record's canonical message (see :mod:`.canonical`) and Python
only computes an HMAC and compares strings per record, so no model is instantiated. Chains can
be spread over worker processes (``workers``), each with its own database connection.

Verification needs no lock: records are never changed, and appends that commit while it runs
are either verified too or left for the next run. Problems are reported in log order; the
first one is :attr:`VerifyReport.problem`.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import connection, connections

from zorgvuldig.processing_log import canonical, triggers
from zorgvuldig.processing_log.chain import head_states
from zorgvuldig.processing_log.models import Anchor, LogRecord

Progress = Callable[[int, int], None]  # (records done, records expected)
Row = tuple[int, int, str, str, str]  # id, seq, prev_hash, record_hash, message

_RECORDS = LogRecord._meta.db_table
PAGE = 20_000
_AFTER_RECORDS = (2**63, -1)  # anchor problems are listed after those of records


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the log; ``kind`` is altered, removed, inserted, head or anchor."""

    kind: str
    message: str
    chain: int | None = None
    record_id: int | None = None
    seq: int | None = None
    position: tuple[int, int] = (0, 0)  # where in the log: (record id, chain), to order problems


@dataclass
class VerifyReport:
    records: int = 0
    chains: int = 0
    anchors: int = 0
    seconds: float = 0.0
    triggers_installed: bool = True
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem(self) -> Problem | None:
        """The first problem in log order, or None when the log is intact."""
        return self.problems[0] if self.problems else None

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


@dataclass
class _ChainResult:
    chain: int
    records: int = 0
    last_id: int | None = None
    last_seq: int = 0
    last_hash: str = canonical.GENESIS
    problem: Problem | None = None


@dataclass
class _Anchors:
    count: int = 0
    problems: list[Problem] = field(default_factory=list)
    # chain -> seq -> (record hash, anchor id)
    points: dict[int, dict[int, tuple[str, int]]] = field(default_factory=dict)


def verify(progress: Progress | None = None, workers: int = 1) -> VerifyReport:
    """Check every chain and anchor of the log; the report names the first problem found.

    With ``workers`` > 1, chains are verified in that many processes (forked, each opening
    its own connection); that needs committed data, so not inside a transaction.
    """
    started = time.perf_counter()
    anchors = _check_anchors()
    heads = head_states()  # read after the anchors: every anchored seq is at or below a head
    chains = sorted(set(heads) | set(anchors.points) | set(_record_chains()))
    expected = sum(seq for seq, _hash in heads.values())
    results = _walk_all(chains, anchors.points, heads, expected, progress, workers)

    report = VerifyReport(chains=len(chains), anchors=anchors.count)
    report.problems.extend(anchors.problems)
    for result in results:
        report.records += result.records
        problem = result.problem or _check_tail(result, heads, anchors.points.get(result.chain, {}))
        if problem:
            report.problems.append(problem)
    report.problems.sort(key=lambda problem: problem.position)
    report.triggers_installed = triggers.installed(connection)
    report.seconds = time.perf_counter() - started
    return report


def _check_anchors() -> _Anchors:
    """Recompute each anchor's hash and link; collect the (chain, seq) points they bind."""
    result = _Anchors()
    key = canonical.chain_key()
    expected_prev = canonical.GENESIS
    rows = Anchor.objects.order_by("id").values_list(
        "id", "created_at", "heads", "prev_hash", "anchor_hash"
    )
    for anchor_id, created_at, heads, prev_hash, anchor_hash in rows.iterator():
        result.count += 1
        message = canonical.anchor_message(prev_hash, created_at, heads)
        if canonical.digest(key, message) != anchor_hash:
            result.problems.append(
                Problem("anchor", f"anchor {anchor_id} was altered", position=_AFTER_RECORDS)
            )
            break
        if prev_hash != expected_prev:
            result.problems.append(Problem(
                "anchor", f"an anchor was removed before anchor {anchor_id}",
                position=_AFTER_RECORDS,
            ))
            break
        expected_prev = anchor_hash
        for chain, seq, record_hash in heads:
            if seq:
                result.points.setdefault(chain, {})[seq] = (record_hash, anchor_id)
    return result


def _record_chains() -> list[int]:
    """The chains that hold records, by a loose index scan over ``(chain, seq)``."""
    with connection.cursor() as cursor:
        cursor.execute(  # noqa: S608 (only the table name)
            f"WITH RECURSIVE chains(chain) AS ("
            f" SELECT min(chain) FROM {_RECORDS}"
            f" UNION ALL"
            f" SELECT (SELECT min(chain) FROM {_RECORDS} WHERE chain > chains.chain)"
            f" FROM chains WHERE chains.chain IS NOT NULL"
            f") SELECT chain FROM chains WHERE chain IS NOT NULL"
        )
        return [chain for (chain,) in cursor.fetchall()]


def _walk_all(chains, points, heads, expected, progress, workers) -> list[_ChainResult]:
    jobs = [(chain, points.get(chain, {}), heads.get(chain, (0, ""))[0]) for chain in chains]
    if workers <= 1 or len(jobs) <= 1:
        counter = _Counter(expected, progress)
        return [_walk(*job, counter) for job in jobs]
    if connection.in_atomic_block:
        raise RuntimeError("verify(workers>1) reads committed data: call it outside a transaction")
    connections.close_all()  # the forked workers must not share the parent's connections
    context = multiprocessing.get_context("fork")
    results = []
    with context.Pool(min(workers, len(jobs))) as pool:
        for result in pool.imap_unordered(_walk_job, jobs):
            results.append(result)
            if progress:
                progress(sum(r.records for r in results), expected)
    return sorted(results, key=lambda result: result.chain)


def _walk_job(job) -> _ChainResult:
    try:
        return _walk(*job, _Counter(0, None))
    finally:
        connections.close_all()


class _Counter:
    def __init__(self, expected: int, progress: Progress | None):
        self.done, self.expected, self.progress = 0, expected, progress

    def add(self, count: int) -> None:
        self.done += count
        if self.progress:
            self.progress(self.done, self.expected)


def _rows(chain: int, counter: _Counter) -> Iterator[Row]:
    """The records of ``chain`` in (seq, id) order, a page at a time."""
    message = canonical.record_message_sql(connection.vendor)
    sql = (  # noqa: S608 (only the table name and the message expression)
        f"SELECT id, seq, prev_hash, record_hash, {message} "
        f"FROM {_RECORDS} WHERE chain = %s AND seq >= %s ORDER BY seq, id LIMIT %s"
    )
    last, page = (-1, -1), PAGE
    with connection.cursor() as cursor:
        while True:
            cursor.execute(sql, [chain, max(last[0], 0), page])
            rows = cursor.fetchall()
            start = 0  # skip what the previous page ended with (only duplicate seqs repeat)
            while start < len(rows) and (rows[start][1], rows[start][0]) <= last:
                start += 1
            counter.add(len(rows) - start)
            yield from rows[start:] if start else rows
            if len(rows) < page:
                return
            if start == len(rows):
                page *= 2  # a run of duplicate seqs as long as a page: widen and read again
                continue
            last = (rows[-1][1], rows[-1][0])


def _walk(chain: int, points: dict[int, tuple[str, int]], head_seq: int,
          counter: _Counter) -> _ChainResult:
    """Follow one chain from its first record; stop at its first problem."""
    key = canonical.chain_key()
    digest = canonical.digest
    result = _ChainResult(chain)
    expected_seq, expected_prev, last_id = 1, canonical.GENESIS, None
    rows = _rows(chain, counter)
    for row in rows:
        record_id, seq, prev_hash, record_hash, message = row
        if (seq == expected_seq and prev_hash == expected_prev
                and digest(key, message) == record_hash):
            if seq in points and points[seq][0] != record_hash:
                result.problem = _problem(
                    "anchor", f"does not match anchor {points[seq][1]}", chain, record_id, seq)
                break
            expected_seq, expected_prev, last_id = seq + 1, record_hash, record_id
            continue
        following = next(rows, None)
        result.problem = _diagnose(chain, row, following, expected_seq, expected_prev, last_id,
                                   head_seq, digest(key, message) == record_hash)
        break
    result.records = expected_seq - 1
    result.last_id, result.last_seq, result.last_hash = last_id, expected_seq - 1, expected_prev
    rows.close()
    return result


def _diagnose(chain: int, row: Row, following: Row | None, expected_seq: int,
              expected_prev: str, last_id: int | None, head_seq: int, valid: bool) -> Problem:
    """Say what happened at ``row``, the first record of its chain that does not fit."""
    record_id, seq, _prev_hash, _hash, _message = row
    if valid and seq > expected_seq:
        missing = _seqs(expected_seq, seq - 1)
        where = f"between record {last_id} and record {record_id}" if last_id else (
            f"before record {record_id}")
        count = seq - expected_seq
        what = "a record was" if count == 1 else f"{count} records were"
        return Problem("removed", f"{what} removed {where} in chain {chain} ({missing} missing)",
                       chain, record_id, expected_seq, (record_id, chain))
    inserted = valid or seq < expected_seq or (
        following[2] == expected_prev if following else seq > head_seq)
    return _problem("inserted" if inserted else "altered",
                    "was inserted" if inserted else "was altered", chain, record_id, seq)


def _problem(kind: str, verb: str, chain: int, record_id: int, seq: int) -> Problem:
    return Problem(kind, f"record {record_id} (chain {chain}, seq {seq}) {verb}",
                   chain, record_id, seq, (record_id, chain))


def _seqs(first: int, last: int) -> str:
    return f"seq {first}" if first == last else f"seq {first}–{last}"


def _check_tail(result: _ChainResult, heads: dict[int, tuple[int, str]],
                points: dict[int, tuple[str, int]]) -> Problem | None:
    """Compare the end of a chain that verified with its anchors and its head."""
    chain, last_seq = result.chain, result.last_seq
    after = f"after record {result.last_id}" if result.last_id else "from its start"
    position = (result.last_id or 0, chain)
    anchored = max(points, default=0)
    if anchored > last_seq:
        return Problem(
            "removed",
            f"records were removed at the end of chain {chain}, {after} "
            f"({_seqs(last_seq + 1, anchored)} missing; anchor {points[anchored][1]} names "
            f"seq {anchored})", chain, None, last_seq + 1, position)
    if chain not in heads:
        if not last_seq:
            return None
        return Problem("head", f"chain {chain} has records but no head", chain, None, None,
                       position)
    head_seq, head_hash = heads[chain]
    if last_seq < head_seq:
        return Problem(
            "removed",
            f"records were removed at the end of chain {chain}, {after} "
            f"({_seqs(last_seq + 1, head_seq)} missing; the chain head is at seq {head_seq})",
            chain, None, last_seq + 1, position)
    if last_seq > head_seq:  # appended while verifying, or inserted past the head
        head_seq, head_hash = head_states().get(chain, (0, ""))
        if last_seq > head_seq:
            record_id = LogRecord.objects.filter(chain=chain, seq=head_seq + 1).values_list(
                "id", flat=True).first()
            return _problem("inserted", "was inserted", chain, record_id, head_seq + 1)
    if last_seq == head_seq and head_hash != result.last_hash:
        return Problem("head", f"the head of chain {chain} does not match record "
                       f"{result.last_id} (seq {last_seq})", chain, result.last_id, last_seq,
                       position)
    return None
