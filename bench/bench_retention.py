# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of retention and destruction (art5.2) on PostgreSQL: the plan of a whole region,
a destruction list of 100,000 clients carried out, and the bare SQL deletes of the same rows.

Requirement (issue 12): "A benchmark on PostgreSQL with a generated region of 1,000,000
clients and 5,000,000 data items: the plan within 60 s, a run destroying 100,000 clients
within 120 s, peak memory flat (at most 300 MB, whatever the size). Report beside them, in the
same run, the bare SQL deletes of the same rows and the ratio."

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/bench_retention.py
    ... python bench/bench_retention.py --full          # the issue's region (the docs' numbers)
    ... python bench/bench_retention.py --clients 200000 --destroy 20000
    ... python bench/bench_retention.py --no-write      # print the table, leave the docs alone
    ... python bench/bench_retention.py --profile run   # also cProfile a phase (plan, draft, run)
    ... python bench/bench_retention.py --keep          # keep the two databases to look into

Without ``--full`` the region has 100,000 clients and a list of 10,000 (a few minutes); its
table is printed, and written to ``docs/benchmarks.md`` only with ``--write``, since the docs
keep the numbers of the issue's size.

It runs on a PostgreSQL database of its own, ``zorgvuldig_bench_retention`` (``--database``),
on the server ``DATABASE_URL`` names, and on a copy of it (``..._bare``); both are dropped and
made for the run and dropped afterwards (``--keep`` keeps them).

The region (``retention_region.py``) is generated in SQL after the migrations: ``--clients``
clients with on average five data items each, eight partners under the protocol's five years
and the law's longer periods, a list's partner with ``--destroy`` dossiers that are due and a
small partner with a tenth of that. Then, every phase in a process of its own so that its peak
RSS (``VmHWM``) is its own:

1. **the plan**: ``services.retention_plan(today)`` for the whole region; beside it
   ``due_dossiers`` of the small and of the list's partner alone (memory at two sizes);
2. **the lists**: ``draft_destruction_list`` by a caseworker of each of the two partners,
   ``complete_review`` by a second caseworker (the undecided ones destroyed), ``approve_list``
   by the privacy officer; the cooling-off is set back in SQL, and the database vacuumed and
   analysed (what autovacuum does in that week);
3. the database is copied (``CREATE DATABASE ... TEMPLATE``);
4. **the runs**: ``run_destruction_list`` of the small list, then of the large one, in batches
   of ``ZORGVULDIG_DESTRUCTION_BATCH`` (200);
5. **the bare SQL** (``retention_bare.py``), on the copy: the same lists' rows deleted by
   hand-written statements in the same batches; the ratio run / bare;
6. the two databases are compared table by table: the run and the bare SQL leave the same
   number of rows in every table of the dossiers.

Every phase reports its seconds and the CPU seconds of its process and of its PostgreSQL
backend (``/proc/<pid>/stat``): the two cores are shared, and other work stretches the first
far more than the second.

The results go into the ``bench_retention`` section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import json
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

from benchdb import (
    DOCS,
    ROOT,
    machine,
    postgres_database,
    server_version,
    setup_django,
    write_section,
)

START, END = "<!-- bench_retention:start -->", "<!-- bench_retention:end -->"
BENCH_DATABASE = "zorgvuldig_bench_retention"
FULL = {"clients": 1_000_000, "destroy": 100_000}
DEFAULT = {"clients": 100_000, "destroy": 10_000}
GOAL_PLAN_S, GOAL_RUN_S, GOAL_RSS_MIB = 60.0, 120.0, 300.0
# a key of the benchmark's own, handed to every phase, so all of them read the ciphertexts
MASTER_KEY = "bench-retention-master-key-0123456789abcdefghijklmnop"
# the tables of the dossiers, compared between the run's database and the bare SQL's
TABLES = (
    "clients_subject",
    "clients_client",
    "clients_relation",
    "clients_supporttrajectory",
    "clients_supporttrajectory_caseworkers",
    "consent_informing",
    "consent_consentdecision",
    "dossier_dataitem",
    "dossier_dataitemversion",
    "dossier_annotation",
    "retention_retentionhold",
)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- one phase in a process of its own ---------------------------------------------------------


def _memory() -> dict:
    """This process's resident set now and at its peak (``VmRSS``, ``VmHWM``), in MiB."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


def _phase_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgvuldig.conf.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def _actor(username: str):
    from zorgvuldig.partners.models import Employee
    from zorgvuldig.partners.services import actor_for

    return actor_for(Employee.objects.select_related("partner").get(user__username=username))


def _plan(args) -> dict:
    from zorgvuldig.gate import services

    rows = services.retention_plan(datetime.date.today())
    return {"rows": len(rows), "dossiers": sum(r.dossiers for r in rows)}


def _plan_partner(args) -> dict:
    from zorgvuldig.gate.services.retention.plan import due_dossiers
    from zorgvuldig.partners.models import Partner

    partner = Partner.objects.get(id=_actor(f"author{args.partner}").partner_id)
    return {"dossiers": sum(1 for _ in due_dossiers(partner, datetime.date.today()))}


def _draft(args) -> dict:
    from django.utils import timezone

    from zorgvuldig.gate import services
    from zorgvuldig.retention.models import DestructionList

    author, reviewer, officer = (
        _actor(f"{who}{args.partner}") for who in ("author", "reviewer", "officer")
    )
    clock = time.perf_counter
    began = clock()
    drawn = services.draft_destruction_list(author, due_by=timezone.localdate())
    drafted = clock()
    services.complete_review(reviewer, drawn.id, destroy_rest=True)
    reviewed = clock()
    services.approve_list(officer, drawn.id)
    approved = clock()
    # the cooling-off has passed: a week later, as far as the run can tell
    DestructionList.objects.filter(id=drawn.id).update(
        cooling_off_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    return {
        "list": str(drawn.id),
        "entries": DestructionList.objects.get(id=drawn.id).entries.count(),
        "draft_seconds": drafted - began,
        "review_seconds": reviewed - drafted,
        "approve_seconds": approved - reviewed,
    }


def _run(args) -> dict:
    from collections import Counter

    from zorgvuldig.gate import services
    from zorgvuldig.retention.models import DestroyedDossier, ListEntry

    services.run_destruction_list(args.list)
    entries = ListEntry.objects.filter(list_id=args.list)
    outcomes = Counter(entries.values_list("outcome", flat=True))
    ledger = DestroyedDossier.objects.filter(list_id=args.list)
    return {
        "outcomes": dict(outcomes),
        "kept_because": dict(
            Counter(entries.exclude(kept_because="").values_list("kept_because", flat=True))
        ),
        "whole_clients": ledger.filter(whole_client=True).count(),
        "ledger": ledger.count(),
    }


PHASES = {"plan": _plan, "plan-partner": _plan_partner, "draft": _draft, "run": _run}


def phase_main(args) -> None:
    """In the child: set up, measure the memory at rest, do the phase, report as JSON."""
    _phase_django(args.url)
    from django.db import connection
    from retention_bare import backend_cpu

    import zorgvuldig.gate.services  # noqa: F401 (imported before the baseline, as in a server)

    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    rest = _memory()["VmRSS"]
    cpu = (backend_cpu(backend), time.process_time())
    profiler = cProfile.Profile() if args.profiled else None
    began = time.perf_counter()
    if profiler:
        profiler.enable()
    result = PHASES[args.phase](args)
    if profiler:
        profiler.disable()
    result["seconds"] = time.perf_counter() - began
    result["cpu_python"] = time.process_time() - cpu[1]
    result["cpu_postgres"] = backend_cpu(backend) - cpu[0]  # the phase keeps one connection
    result["rss_rest_mib"], result["rss_peak_mib"] = rest, _memory()["VmHWM"]
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        result["profile"] = out.getvalue()
    print(json.dumps(result))


def in_process(url: str, phase: str, *, profile: bool = False, **options) -> dict:
    """Run ``phase`` in a fresh interpreter; its JSON report."""
    command = [sys.executable, __file__, "--phase", phase, "--url", url]
    for key, value in options.items():
        command += [f"--{key}", str(value)]
    if profile:
        command.append("--profiled")
    env = os.environ | {"ZORGVULDIG_MASTER_KEY": MASTER_KEY, "ZORGVULDIG_LOG_ANCHOR_SECONDS": "0"}
    done = subprocess.run(  # noqa: S603 (this script, by this interpreter)
        command, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"phase {phase} failed:\n{done.stderr[-4000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if "profile" in result:
        _log(f"--- profile of {phase} {options} ---\n{result.pop('profile')}")
    _log(f"  {phase} {options}: {json.dumps(result)}")  # as it goes: a long run shows its phases
    return result


# --- the whole run ------------------------------------------------------------------------------


def _sql(url: str, statement: str, params=(), *, fetch: bool = True):
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(statement, params)
        return cursor.fetchall() if fetch else None


def _counts(url: str) -> dict[str, int]:
    return {table: _sql(url, f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


def _copy(server: str, source: str, name: str) -> tuple[str, float]:
    """A copy of database ``source`` named ``name`` (files copied: quick); its URL and seconds."""
    import psycopg
    from psycopg import sql

    url = postgres_database(server, name, drop=True)
    began = time.perf_counter()
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                sql.Identifier(name), sql.Identifier(source)
            )
        )
    return url, time.perf_counter() - began


def build(args, url: str) -> dict:
    """The database made, migrated and filled; what the region holds."""
    import retention_region
    from django.db import connection, connections

    os.environ["ZORGVULDIG_MASTER_KEY"] = MASTER_KEY
    began = time.perf_counter()
    setup_django(url)
    _log(f"Generating a region of {args.clients:,} clients ...")
    built = retention_region.build(args.clients, args.destroy, report=_log)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    region = {
        "seconds": time.perf_counter() - began,
        "database_mib": size / 2**20,
        "tables": {t: v["rows"] for t, v in built["timings"].items() if "rows" in v},
        "database": server_version(),
        "partners": {
            "list": str(built["people"].partners[retention_region.DESTROY].id),
            "small": str(built["people"].partners[retention_region.SMALL].id),
        },
        "segments": {s.name: s.count for s in built["shape"].segments},
        "settings": dict(
            _sql_django(
                "SELECT name, current_setting(name) FROM pg_settings WHERE name IN "
                "('shared_buffers', 'work_mem', 'synchronous_commit', 'max_wal_size')"
            )
        ),
    }
    connections.close_all()
    return region


def _sql_django(statement: str) -> list:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement)
        return cursor.fetchall()


def measure(args, server: str) -> dict:
    url = postgres_database(server, args.database)
    result = {"clients": args.clients, "destroy": args.destroy, "load_before": os.getloadavg()[0]}
    result["region"] = region = build(args, url)
    profile = set(args.profile or ())
    _log("The plan ...")
    result["plan"] = in_process(url, "plan", profile="plan" in profile)
    for key, partner in (("plan_small", 1), ("plan_list", 0)):
        result[key] = in_process(url, "plan-partner", partner=partner)
    _log("The lists: drafted, reviewed, approved ...")
    result["draft_small"] = in_process(url, "draft", partner=1)
    result["draft_list"] = in_process(url, "draft", partner=0, profile="draft" in profile)
    # the week of cooling-off: the statistics autovacuum would gather in that time
    _sql(url, "VACUUM ANALYZE", fetch=False)
    _log("Copying the database for the bare SQL ...")
    bare_url, result["copy_seconds"] = _copy(server, args.database, args.database + "_bare")
    from django.conf import settings

    batch = settings.ZORGVULDIG_DESTRUCTION_BATCH
    result["batch"] = batch
    _log("The runs ...")
    result["run_small"] = in_process(url, "run", list=result["draft_small"]["list"])
    result["run_list"] = in_process(
        url, "run", list=result["draft_list"]["list"], profile="run" in profile
    )
    import retention_bare

    _log("The bare SQL deletes, on the copy ...")
    for key, draft, partner in (
        ("bare_small", "draft_small", "small"),
        ("bare_list", "draft_list", "list"),
    ):
        result[key] = retention_bare.destroy(
            bare_url, result[draft]["list"], region["partners"][partner], batch
        )
        _log(f"  {key}: {json.dumps(result[key])}")
    after_run, after_bare = _counts(url), _counts(bare_url)
    result["rows_left"] = after_run
    result["same_rows"] = after_run == after_bare
    if not result["same_rows"]:
        result["rows_left_bare"] = after_bare
    result["load_after"] = os.getloadavg()[0]
    if not args.keep:
        postgres_database(server, args.database, drop=True)
        postgres_database(server, args.database + "_bare", drop=True)
    return result


# --- the table and the docs ----------------------------------------------------------------------


def _verdict(within: bool) -> str:
    return "within" if within else "OVER"


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _cpu(phase: dict) -> float:
    return phase["cpu_python"] + phase["cpu_postgres"]


def _growth(phase: dict) -> float:
    return phase["rss_peak_mib"] - phase["rss_rest_mib"]


def table(r: dict) -> str:
    small, large = r["run_small"], r["run_list"]
    n_small, n_large = r["draft_small"]["entries"], r["draft_list"]["entries"]
    plan = r["plan"]
    lines = [
        "| Phase | seconds | CPU s: Python + PostgreSQL | peak RSS MiB (at rest) | per second |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]

    def row(label, phase, *, count=None, seconds=None, goal=""):
        seconds = phase["seconds"] if seconds is None else seconds
        cpu = f"{phase['cpu_python']:,.1f} + {phase['cpu_postgres']:,.1f}"
        memory = (
            f"{phase['rss_peak_mib']:,.0f} ({phase['rss_rest_mib']:,.0f})"
            if "rss_peak_mib" in phase
            else ""
        )
        rate = f"{count / seconds:,.0f}" if count else ""
        cells = (label, f"{seconds:,.1f}{goal}", cpu, memory)
        lines.append("| " + " | ".join((*cells, rate)) + " |")

    due = _n(plan["dossiers"])
    goals = r["clients"] == FULL["clients"] and r["destroy"] == FULL["destroy"]
    row(f"Plan: `retention_plan` of the region ({due} dossiers due)", plan,
        count=plan["dossiers"], goal=" (goal ≤ 60)" if goals else "")  # fmt: skip
    for key in ("plan_small", "plan_list"):
        row(f"Plan of one partner: `due_dossiers`, {_n(r[key]['dossiers'])} due", r[key],
            count=r[key]["dossiers"])  # fmt: skip
    for key, n in (("draft_small", n_small), ("draft_list", n_large)):
        row(f"List of {_n(n)}: drafted, reviewed and approved (the drafting: "
            f"{r[key]['draft_seconds']:,.1f} s)", r[key], count=n)  # fmt: skip
    row(f"Run of the list of {_n(n_small)}: `run_destruction_list`", small, count=n_small)
    row(f"Run of the list of {_n(n_large)}: `run_destruction_list`", large, count=n_large,
        goal=" (goal ≤ 120)" if goals else "")  # fmt: skip
    for key, n in (("bare_small", n_small), ("bare_list", n_large)):
        row(f"Bare SQL deletes of the same rows, {_n(n)} clients", r[key], count=n)
    peak = max(r[k]["rss_peak_mib"] for k in ("plan", "plan_small", "plan_list", "run_small",
                                              "run_list"))  # fmt: skip
    ratio = large["seconds"] / r["bare_list"]["seconds"]
    ratio_cpu = _cpu(large) / _cpu(r["bare_list"])
    ratio_small = small["seconds"] / r["bare_small"]["seconds"]
    ratio_small_cpu = _cpu(small) / _cpu(r["bare_small"])
    region = r["region"]
    settings = ", ".join(f"{k} {v}" for k, v in sorted(region["settings"].items()))
    same = (
        "the same number of rows in each of the dossiers' tables"
        if r["same_rows"]
        else "DIFFERENT numbers of rows (see the data below)"
    )
    verdicts = (
        f"Plan {plan['seconds']:,.1f} s: {_verdict(plan['seconds'] <= GOAL_PLAN_S)} the goal "
        f"of {GOAL_PLAN_S:g} s. Run of {_n(n_large)} clients {large['seconds']:,.1f} s: "
        f"{_verdict(large['seconds'] <= GOAL_RUN_S)} the goal of {GOAL_RUN_S:g} s. Peak RSS of "
        f"the plan and the runs at most {peak:,.0f} MiB: {_verdict(peak <= GOAL_RSS_MIB)} the "
        f"goal of {GOAL_RSS_MIB:g} MB."
        if goals
        else f"The goals are for {_n(FULL['clients'])} clients and a list of "
        f"{_n(FULL['destroy'])} (`--full`). Peak RSS of the plan and the runs at most "
        f"{peak:,.0f} MiB."
    )
    details = [
        verdicts,
        f"Run / bare SQL: {ratio:.1f} × by the clock and {ratio_cpu:.1f} × in CPU "
        f"(Python and PostgreSQL together) for {_n(n_large)} clients; {ratio_small:.1f} × and "
        f"{ratio_small_cpu:.1f} × for {_n(n_small)}.",
        f"Memory at two sizes (peak RSS over the process at rest): the run of {_n(n_small)} "
        f"+{_growth(small):,.0f} MiB, of {_n(n_large)} +{_growth(large):,.0f} MiB; the plan of "
        f"one partner with {_n(r['plan_small']['dossiers'])} dossiers due "
        f"+{_growth(r['plan_small']):,.0f} MiB, with {_n(r['plan_list']['dossiers'])} "
        f"+{_growth(r['plan_list']):,.0f} MiB, of the region +{_growth(plan):,.0f} MiB; "
        f"drafting the list of {_n(n_small)} +{_growth(r['draft_small']):,.0f} MiB, of "
        f"{_n(n_large)} +{_growth(r['draft_list']):,.0f} MiB.",
        f"The runs: {_outcomes(small)}; {_outcomes(large)}. The run and the bare SQL left "
        f"{same}. Batches of {r['batch']} clients, one transaction each, for both.",
        f"The region: {_n(r['clients'])} clients, {_n(region['tables']['dossier_dataitem'])} "
        f"data items with {_n(region['tables']['dossier_dataitemversion'])} versions, "
        f"{_n(region['tables']['clients_supporttrajectory'])} trajectories, "
        f"{_n(region['tables']['retention_retentionhold'])} holds; "
        f"{region['database_mib'] / 1024:,.1f} GiB, generated in SQL in "
        f"{region['seconds']:,.0f} s; copied for the bare SQL in {r['copy_seconds']:,.0f} s.",
        f"Load average {r['load_before']:.1f} before the run, {r['load_after']:.1f} after: "
        "other work shares the two cores, which stretches the seconds (the CPU seconds much "
        "less).",
        f"Measured {r['measured']} on {r['machine']}; {region['database']} on the same machine "
        f"with its default settings ({settings}).",
    ]
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {line}" for line in details)


def _outcomes(run: dict) -> str:
    outcomes = run["outcomes"]
    kept = ", ".join(f"{n:,} {why}" for why, n in sorted(run["kept_because"].items()))
    return (
        f"{outcomes.get('destroyed', 0):,} destroyed ({run['whole_clients']:,} clients as a "
        f"whole), {outcomes.get('kept', 0):,} kept" + (f" ({kept})" if kept else "")
    )


def section(r: dict) -> str:
    return "\n".join(
        [
            START,
            "## Retention and destruction (`bench/bench_retention.py`)",
            "",
            DESCRIPTION,
            "",
            table(r),
            "",
            f"<!-- bench_retention:data {json.dumps(r, sort_keys=True)} -->",
            END,
        ]
    )


DESCRIPTION = (
    "PostgreSQL only; the numbers are for the issue's size, 1,000,000 clients and a list of "
    "100,000: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python "
    "bench/bench_retention.py --full` (about 25 minutes; `make bench` runs a region of "
    "100,000 clients and a list of 10,000, and prints its table). A region generated in "
    "SQL (`bench/retention_region.py`) after the "
    "migrations: eight partners (two municipalities, a youth-care provider, five under the "
    "protocol's five years), clients with on average five data items each (a version each, a "
    "second one for one in ten), a trajectory with its caseworker, informing and consent "
    "decision per partner, a note for one client in ten, a parent for one in twenty, holds. "
    "70 % of support ended long ago, 15 % recently, 15 % is open; the list's partner has "
    "the dossiers of the large list due and beside them some that are not (support ended "
    "recently, open here or at another partner, a hold); a tenth of its clients had support "
    "elsewhere too and stay as clients. Each phase runs in a process of its own: the plan "
    "(`services.retention_plan(today)`), the plan of one partner (`due_dossiers`) at two "
    "sizes, drafting, reviewing and approving the two lists through the services (the "
    "cooling-off set back in SQL), and the runs (`services.run_destruction_list`, in batches "
    "of `ZORGVULDIG_DESTRUCTION_BATCH`). Peak RSS is the process's `VmHWM`; at rest is its "
    "RSS after Django and the services are loaded and connected. The bare SQL "
    "(`bench/retention_bare.py`) runs on a copy of the database made after the lists were "
    "approved: hand-written statements that delete the same rows in the same batches, and "
    "nothing else (no checks, no statistics, no log, no ledger). Before the copy the database "
    "is vacuumed and analysed, as autovacuum would in the week of cooling-off. Beside the "
    "seconds, the CPU seconds of the phase's process and of its PostgreSQL backend: the two "
    "cores are shared, and other work stretches the seconds more than the CPU."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, help=f"default {DEFAULT['clients']:,}")
    parser.add_argument("--destroy", type=int, help=f"default {DEFAULT['destroy']:,}")
    parser.add_argument(
        "--full", action="store_true",
        help=f"the issue's size: {FULL['clients']:,} clients, a list of {FULL['destroy']:,}",
    )  # fmt: skip
    parser.add_argument(
        "--database", default=BENCH_DATABASE,
        help=f"the database made and dropped for the run (default {BENCH_DATABASE})",
    )  # fmt: skip
    parser.add_argument(
        "--profile", action="append", choices=("plan", "draft", "run"),
        help="cProfile the phase (printed on stderr)",
    )  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md alone")
    parser.add_argument("--write", action="store_true", help="write the docs at any size")
    # a phase in a process of its own (what the run starts)
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--partner", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--list", help=argparse.SUPPRESS)
    parser.add_argument("--profiled", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        phase_main(args)
        return
    size = FULL if args.full else DEFAULT
    args.clients = args.clients or size["clients"]
    args.destroy = args.destroy or size["destroy"]
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        parser.error("needs DATABASE_URL=postgres://...")
    result = measure(args, url)
    result["machine"] = machine(" shared by the benchmark and the database server")
    result["measured"] = datetime.date.today().isoformat()
    print(table(result))
    full = args.clients == FULL["clients"] and args.destroy == FULL["destroy"]
    if (full or args.write) and not args.no_write:
        write_section(START, END, END, section(result))  # the first time: at the end
        print(f"\nWritten to {DOCS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
