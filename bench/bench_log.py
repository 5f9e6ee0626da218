# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the processing log: appends per second and verified records per second.

Requirement: "Benchmark (``make bench``, not part of the tests) of log appends per second (one
writer and four concurrent writers) and verified records per second on both databases. Goal on
PostgreSQL: at least 2,000 appends per second with four writers, verification of at least
200,000 records per second."

    python bench/bench_log.py                # SQLite, and PostgreSQL when DATABASE_URL names one
    python bench/bench_log.py --only sqlite  # one database
    python bench/bench_log.py --no-write     # print the table, leave docs/benchmarks.md alone

Each database is measured in a process of its own, on a database of its own: a fresh SQLite
file under ``var/bench/`` or a PostgreSQL database ``zorgvuldig_bench`` on the server that
``DATABASE_URL`` names, dropped and created for the run. Writers are separate processes; every
append is its own transaction with one entry, as the gate does it. Four writers are measured on
the configured 16 chains and, side by side, on a single chain: the one lock the chains avoid.
Verification runs over ``--records`` records (200,000 by default) with one and with two worker
processes. The results go into the ``bench_log`` section of ``docs/benchmarks.md``; the numbers
of a database not measured in this run are kept.
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

from benchdb import DOCS, DOCS_HEADER, ROOT, machine, postgres_database, setup_django

START, END = "<!-- bench_log:start -->", "<!-- bench_log:end -->"
DATA = re.compile(r"<!-- bench_log:data (.*?) -->", re.S)
BENCH_DATABASE = "zorgvuldig_bench"
GOALS = {"appends_4": 2_000, "verify_1": 200_000}


# --- one database, in a process of its own ----------------------------------------------------


def prepare_database(kind: str, url: str | None, drop: bool = False) -> str:
    """Make an empty database for the run (or ``drop`` it afterwards); return its URL."""
    if kind == "sqlite":
        path = ROOT / "var" / "bench" / "bench_log.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    return postgres_database(url, BENCH_DATABASE, drop)


def make_entry(subject: str):
    from django.utils import timezone

    from zorgvuldig.processing_log.entry import LogEntry, new_span_id, new_trace_id

    now = timezone.now()
    return LogEntry(
        trace_id=new_trace_id(),
        span_id=new_span_id(),
        parent_span_id="",
        name="consult",
        start_time=now,
        end_time=now,
        status="ok",
        processing_activity_id="jeugdwet-jeugdhulp",
        subject_pseudonym=subject,
        foreign_operation="",
        actor_id="employee-17",
        partner_id="partner-3",
        operation="consult",
        categories=("identification", "youth"),
        purpose="support-provision",
        legal_basis="jeugdwet",
        decision="allowed",
        articles=("art3.1", "art5.1"),
    )


def writer(chains: int, seconds: float, start, results) -> None:
    """Append single-entry transactions for ``seconds``; report how many."""
    from django.conf import settings
    from django.db import connections, transaction

    from zorgvuldig.processing_log import chain

    settings.ZORGVULDIG_LOG_CHAINS = chains
    subjects = [secrets.token_hex(32) for _ in range(1_000)]
    start.wait()
    count, began = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - began) < seconds:
        with transaction.atomic():
            chain.append([make_entry(subjects[count % len(subjects)])])
        count += 1
    connections.close_all()
    results.put(count / elapsed)


def appends_per_second(writers: int, chains: int, seconds: float) -> float:
    from django.db import connections

    connections.close_all()  # forked writers open their own connections
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    processes = [
        context.Process(target=writer, args=(chains, seconds, start, results))
        for _ in range(writers)
    ]
    for process in processes:
        process.start()
    time.sleep(0.5)
    start.set()
    rates = [results.get() for _ in processes]
    for process in processes:
        process.join()
    return sum(rates)


def fill(records: int) -> None:
    """Bring the log to ``records`` records, 1,000 per transaction."""
    from django.db import transaction

    from zorgvuldig.processing_log import chain
    from zorgvuldig.processing_log.models import LogRecord

    missing = records - LogRecord.objects.count()
    while missing > 0:
        batch = min(missing, 1_000)
        with transaction.atomic():
            chain.append([make_entry(secrets.token_hex(32)) for _ in range(batch)])
        missing -= batch
    chain.anchor()


def verified_per_second(workers: int) -> float:
    from zorgvuldig.processing_log.verify import verify

    report = verify(workers=workers)
    assert report.ok, report.problem
    return report.records_per_second


def median(measure, repeat: int) -> float:
    """The median of ``repeat`` runs: the machine may be shared, so single runs wander."""
    return statistics.median(measure() for _ in range(repeat))


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return "PostgreSQL " + cursor.fetchone()[0].split()[0]
        cursor.execute("SELECT sqlite_version()")
        return "SQLite " + cursor.fetchone()[0]


def measure(kind: str, url: str | None, seconds: float, records: int, repeat: int) -> dict:
    setup_django(prepare_database(kind, url))
    result = {"database": server_version(), "repeat": repeat}
    for key, writers, chains in (
        ("appends_1", 1, 16),
        ("appends_4", 4, 16),
        ("appends_4_one_chain", 4, 1),
    ):
        result[key] = median(partial(appends_per_second, writers, chains, seconds), repeat)
    fill(records)
    result["records"] = records
    result["verify_1"] = median(partial(verified_per_second, 1), repeat)
    result["verify_2"] = median(partial(verified_per_second, 2), repeat)
    if kind == "postgresql":
        from django.db import connections

        connections.close_all()
        prepare_database(kind, url, drop=True)
    return result


# --- the run: every database, the table, the docs ---------------------------------------------


def table(results: dict[str, dict]) -> str:
    rows = [
        ("Appends/s, 1 writer, 16 chains", "appends_1", None),
        ("Appends/s, 4 writers, 16 chains", "appends_4", "appends_4"),
        ("Appends/s, 4 writers, 1 chain (one lock)", "appends_4_one_chain", None),
        ("Verified records/s, 1 process", "verify_1", "verify_1"),
        ("Verified records/s, 2 processes", "verify_2", None),
    ]
    kinds = [kind for kind in ("sqlite", "postgresql") if kind in results]
    lines = [
        "| Measurement | " + " | ".join(results[k]["database"] for k in kinds) + " |",
        "| --- |" + " ---: |" * len(kinds),
    ]
    for label, key, goal in rows:
        cells = []
        for kind in kinds:
            value = f"{results[kind][key]:,.0f}"
            if goal and kind == "postgresql":
                value += f" (goal {GOALS[goal]:,})"
            cells.append(value)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    ratios = []
    for kind in kinds:
        r = results[kind]
        ratios.append(
            f"{r['database']}: 4 writers / 1 writer = {r['appends_4'] / r['appends_1']:.2f}, "
            f"16 chains / 1 chain with 4 writers = "
            f"{r['appends_4'] / r['appends_4_one_chain']:.2f}, "
            f"verification 2 processes / 1 = {r['verify_2'] / r['verify_1']:.2f}; "
            f"median of {r['repeat']} runs; {r['records']:,} records; measured {r['measured']} "
            f"on {r['machine']}."
        )
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {line}" for line in ratios)


def section(results: dict[str, dict]) -> str:
    return "\n".join(
        [
            START,
            "## Processing log (`bench/bench_log.py`)",
            "",
            "Appends: single-entry transactions as the gate makes them, by separate writer "
            "processes for a fixed time. Verification: `zorgvuldig log verify` over the whole log.",
            "",
            "Four writers on one chain queue behind that chain's head lock from the moment they "
            "take it until their commit; on 16 chains they rarely meet. SQLite takes one writing "
            "transaction at a time whatever the chains (`IMMEDIATE`), so its writers do not add "
            "up. Verification reads the next page while it checks the current one, so the "
            "database builds messages while Python computes HMACs; a second process adds what "
            "the two cores have left.",
            "",
            table(results),
            "",
            f"<!-- bench_log:data {json.dumps(results, sort_keys=True)} -->",
            END,
        ]
    )


def write_docs(results: dict[str, dict]) -> None:
    text = DOCS.read_text() if DOCS.exists() else DOCS_HEADER
    if START in text:
        before, rest = text.split(START, 1)
        old, after = rest.split(END, 1)
        if match := DATA.search(old):
            results = {**json.loads(match.group(1)), **results}
        text = before + section(results) + after
    else:
        text = text.rstrip("\n") + "\n\n" + section(results) + "\n"
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text)


def run_child(kind: str, args: argparse.Namespace) -> dict:
    command = [
        sys.executable,
        __file__,
        "--measure",
        kind,
        "--seconds",
        str(args.seconds),
        "--records",
        str(args.records),
        "--repeat",
        str(args.repeat),
    ]
    print(f"Measuring {kind} ...", file=sys.stderr)
    output = subprocess.run(  # noqa: S603 (this script, by this interpreter)
        command, check=True, capture_output=True, text=True
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["machine"] = machine()
    result["measured"] = datetime.date.today().isoformat()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--seconds", type=float, default=5.0, help="per append measurement")
    parser.add_argument("--records", type=int, default=200_000, help="records to verify")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md alone")
    parser.add_argument("--measure", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if args.measure:
        print(json.dumps(measure(args.measure, url, args.seconds, args.records, args.repeat)))
        return
    kinds = (
        [args.only]
        if args.only
        else ["sqlite"]
        + (["postgresql"] if url.startswith(("postgres://", "postgresql://")) else [])
    )
    if "postgresql" in kinds and not url.startswith(("postgres://", "postgresql://")):
        parser.error("--only postgresql needs DATABASE_URL=postgres://...")
    results = {kind: run_child(kind, args) for kind in kinds}
    print(table(results))
    if not args.no_write:
        write_docs(results)
        print(f"\nWritten to {DOCS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
