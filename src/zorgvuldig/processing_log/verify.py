# SPDX-License-Identifier: EUPL-1.2
"""Verifying the processing log: every chain, every anchor, and the first thing that is wrong.

Requirement: "``zorgvuldig log verify`` checks the chain and names the first record that was
altered, removed or inserted". Only the holder of the chain key (derived from the master key)
can make a record or an anchor whose hash verifies. :mod:`.walk` reads the records back and
says what happened to a chain; here the anchors are checked, the end of each chain is compared
with its head and with the anchors (records cut off the end of a chain, even with its head
rewound along with them), and the findings are put in log order.

Verification takes no lock: records are never changed, and records appended while it runs are
either verified too or left for the next run. It reads the anchors, then the heads, then the
highest record id; every record a head or anchor names is then at or below that id.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass, field

from django.db import connection, connections

from zorgvuldig.processing_log import canonical, triggers, walk
from zorgvuldig.processing_log.chain import head_states
from zorgvuldig.processing_log.models import Anchor, LogRecord
from zorgvuldig.processing_log.walk import ChainResult, Counter, Points, Problem, Progress

__all__ = ["Problem", "VerifyReport", "verify"]

_RECORDS = LogRecord._meta.db_table  # SQL is formatted only with it
_AFTER_RECORDS = (2**63, -1)  # anchor problems are listed after those of records


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
class _Anchors:
    count: int = 0
    problems: list[Problem] = field(default_factory=list)
    points: dict[int, Points] = field(default_factory=dict)  # chain -> anchored points


def verify(progress: Progress | None = None, workers: int = 1) -> VerifyReport:
    """Check every chain and anchor of the log; the report names the first problem found.

    With ``workers`` > 1 the chains are shared out over that many processes (forked, each
    with its own connection); they read committed data, so not inside a transaction.
    """
    started = time.perf_counter()
    anchors = _check_anchors()
    heads = head_states()
    last_id = _last_id()
    chains = sorted(set(heads) | set(anchors.points) | set(_record_chains()))
    counter = Counter(sum(seq for seq, _hash in heads.values()), progress)
    scanned = _scan(chains, anchors.points, last_id, counter, workers)

    report = VerifyReport(chains=len(chains), anchors=anchors.count)
    report.problems.extend(anchors.problems)
    for chain in chains:
        points, result = anchors.points.get(chain, {}), scanned[chain]
        if result.broken_at:  # walk the chain in sequence order to say what happened
            result = walk.walk(chain, points, heads.get(chain, (0, ""))[0], Counter(0, None))
        problem = result.problem or _check_tail(result, heads, points)
        if problem is None and scanned[chain].broken_at:
            problem = walk.out_of_order(chain, *scanned[chain].broken_at)
        report.records += result.records
        if problem:
            report.problems.append(problem)
    report.problems.sort(key=lambda problem: problem.position)
    report.triggers_installed = triggers.installed(connection)
    report.seconds = time.perf_counter() - started
    return report


def _check_anchors() -> _Anchors:
    """Recompute each anchor's hash and link; collect the (chain, seq) points they bind."""
    result = _Anchors()
    signed = canonical.checker()
    expected_prev = canonical.GENESIS
    rows = Anchor.objects.order_by("id").values_list(
        "id", "created_at", "heads", "prev_hash", "anchor_hash"
    )
    for anchor_id, created_at, heads, prev_hash, anchor_hash in rows.iterator():
        result.count += 1
        message = canonical.anchor_message(prev_hash, created_at, heads)
        if not signed(message, anchor_hash):
            result.problems.append(
                Problem("anchor", f"anchor {anchor_id} was altered", position=_AFTER_RECORDS)
            )
            break
        if prev_hash != expected_prev:
            result.problems.append(
                Problem(
                    "anchor",
                    f"an anchor was removed before anchor {anchor_id}",
                    position=_AFTER_RECORDS,
                )
            )
            break
        expected_prev = anchor_hash
        for chain, seq, record_hash in heads:
            if seq:
                result.points.setdefault(chain, {})[seq] = (record_hash, anchor_id)
    return result


def _record_chains() -> list[int]:
    """The chains that hold records, by a loose index scan over ``(chain, seq)``."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE chains(chain) AS ("  # noqa: S608  # nosec B608
            f" SELECT min(chain) FROM {_RECORDS}"
            f" UNION ALL"
            f" SELECT (SELECT min(chain) FROM {_RECORDS} WHERE chain > chains.chain)"
            f" FROM chains WHERE chains.chain IS NOT NULL"
            f") SELECT chain FROM chains WHERE chain IS NOT NULL"
        )
        return [chain for (chain,) in cursor.fetchall()]


def _last_id() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT max(id) FROM {_RECORDS}")  # noqa: S608  # nosec B608
        return cursor.fetchone()[0] or 0


def _scan(
    chains: list[int], points: dict[int, Points], last_id: int, counter: Counter, workers: int
) -> dict[int, ChainResult]:
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if workers <= 1 or len(chains) <= 1 or in_memory:  # a memory database cannot be shared
        return walk.scan(chains, points, last_id, counter)
    if connection.in_atomic_block:
        raise RuntimeError("verify(workers>1) reads committed data: call it outside a transaction")
    shares = [chains[index::workers] for index in range(min(workers, len(chains)))]
    jobs = [(share, {c: points[c] for c in share if c in points}, last_id) for share in shares]
    connections.close_all()  # the forked workers must not share the parent's connections
    results: dict[int, ChainResult] = {}
    with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
        for part in pool.imap_unordered(_scan_job, jobs):
            results.update(part)
            counter.add(sum(result.records for result in part.values()))
    return results


def _scan_job(job) -> dict[int, ChainResult]:
    chains, points, last_id = job
    try:
        return walk.scan(chains, points, last_id, Counter(0, None), only_these=True)
    finally:
        connections.close_all()


def _check_tail(
    result: ChainResult, heads: dict[int, tuple[int, str]], points: Points
) -> Problem | None:
    """Compare the end of a chain that verified with its anchors and its head."""
    chain, last_seq = result.chain, result.last_seq
    after = f"after record {result.last_id}" if result.last_id else "from its start"
    position = (result.last_id or 0, chain)
    anchored = max(points, default=0)
    if anchored > last_seq:
        return Problem(
            "removed",
            f"records were removed at the end of chain {chain}, {after} "
            f"({walk.seqs(last_seq + 1, anchored)} missing; anchor {points[anchored][1]} names "
            f"seq {anchored})",
            chain,
            None,
            last_seq + 1,
            position,
        )
    if chain not in heads:
        if not last_seq:
            return None
        return Problem(
            "head", f"chain {chain} has records but no head", chain, None, None, position
        )
    head_seq, head_hash = heads[chain]
    if last_seq < head_seq:
        return Problem(
            "removed",
            f"records were removed at the end of chain {chain}, {after} "
            f"({walk.seqs(last_seq + 1, head_seq)} missing; the chain head is at seq {head_seq})",
            chain,
            None,
            last_seq + 1,
            position,
        )
    if last_seq > head_seq:  # appended while verifying, or inserted past the head
        head_seq, head_hash = head_states().get(chain, (0, ""))
        if last_seq > head_seq:
            record_id = (
                LogRecord.objects.filter(chain=chain, seq=head_seq + 1)
                .values_list("id", flat=True)
                .first()
            )
            return Problem(
                "inserted",
                f"record {record_id} (chain {chain}, seq {head_seq + 1}) was inserted",
                chain,
                record_id,
                head_seq + 1,
                (record_id or 0, chain),
            )
    if last_seq == head_seq and head_hash != result.last_hash:
        return Problem(
            "head",
            f"the head of chain {chain} does not match record {result.last_id} (seq {last_seq})",
            chain,
            result.last_id,
            last_seq,
            position,
        )
    return None
