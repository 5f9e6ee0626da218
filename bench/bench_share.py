# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the gate for a share and of "who received this item" on PostgreSQL.

Requirement: "A benchmark on PostgreSQL: the full gate for a share (decision, disclosure
records, log record, annotation, one transaction) with one and with four concurrent callers,
and 'who received this item' over a region with 1,000,000 disclosure records. Goal: at least
1,000 shares per second with four callers; the recipient query within 5 ms."

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/bench_share.py
    ... python bench/bench_share.py --no-write      # print the table, leave the docs alone
    ... python bench/bench_share.py --profile       # also profile one caller's shares (cProfile)

It runs on a PostgreSQL database of its own, ``zorgvuldig_bench_share`` on the server that
``DATABASE_URL`` names, dropped and created for the run and dropped afterwards.

Shares. A region is built through the real service functions: a committed partner with one
caseworker per caller, each with ``--clients`` clients of their own (adults under the Wmo 2015,
informed, consent to record and to share given), four items each; four committed recipient
partners, an informed non-partner per caseworker. Every caller is a separate process with its
own connection and its own caseworker and clients, and calls ``services.share_items`` for
``--seconds``: a seeded mix of 1-3 items per share, mostly to a partner, some to an informed
non-partner (art7) and some to Veilig Thuis about a report (art8.2: a dossier annotation, and
the categories Veilig Thuis does not need stay). Each share is the whole gate: the lookups, the
facts, decide(), the disclosure records, the processing-log record and the annotation, in one
transaction. Side by side, with the same callers: a bare processing-log append (one entry, one
transaction, as ``bench_log.py``) and the bare inserts of a share (its disclosure records and
its log record in one transaction, without reading or deciding anything).

Who received this item. The disclosure records of the share runs are removed and
``--disclosures`` records (1,000,000 by default) are loaded with COPY over ``--items`` items of
generated clients plus the items of the region's clients: most items have a few, a skewed few
many, and ``--hot`` items of the region's clients ``--hot-disclosures`` each. Then
``services.disclosures_of_item`` (the whole gate call: the item, the facts, decide(), the
query, the log record) and the bare SQL query the ORM sends for it are timed on the region's
items, the plan is shown with EXPLAIN, and the peak RSS of this process during the load is
reported.

The results go into the ``bench_share`` section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import json
import multiprocessing
import os
import pstats
import random
import resource
import statistics
import sys
import time
import uuid
from pathlib import Path

from benchdb import (
    DOCS,
    ROOT,
    machine,
    make_caseworker,
    make_partner,
    postgres_database,
    server_version,
    setup_django,
    write_section,
)

START, END = "<!-- bench_share:start -->", "<!-- bench_share:end -->"
AFTER = "<!-- bench_decide:end -->"
BENCH_DATABASE = "zorgvuldig_bench_share"
GOAL_SHARES_4, GOAL_QUERY_MS = 1_000, 5.0
CATEGORIES = ("contact", "household", "welfare", "housing")  # Wmo, zorg: no written consent
TODAY = datetime.date.today()


# --- the database -----------------------------------------------------------------------------


def prepare_database(url: str, drop: bool = False) -> str:
    """Make an empty database for the run (or ``drop`` it afterwards); return its URL."""
    return postgres_database(url, BENCH_DATABASE, drop)


# --- the region -------------------------------------------------------------------------------


def bsns(rng: random.Random):
    """Fresh BSNs that pass the elfproef."""
    from stdnum.nl import bsn

    seen = set()
    while True:
        candidate = f"{rng.randrange(100_000_000, 999_999_999):09d}"
        if candidate not in seen and bsn.is_valid(candidate):
            seen.add(candidate)
            yield candidate


def build_region(callers: int, clients: int, seed: int) -> dict:
    """Through the service functions: per caller a caseworker with ``clients`` clients, each
    informed, with consent to record and to share, and four items; recipients to share with."""
    from zorgvuldig.gate import services
    from zorgvuldig.partners.services import actor_for

    rng = random.Random(seed)
    numbers = bsns(rng)
    sender = make_partner("Sociaal team Heuvelrug")
    recipients = [str(make_partner(f"Wmo-aanbieder {i + 1}").id) for i in range(4)]
    region = {"recipients": recipients, "callers": []}
    for caller in range(callers):
        employee = make_caseworker(sender, f"caseworker{caller + 1}")
        actor = actor_for(employee)
        non_partner = services.register_non_partner(
            actor, name=f"Buurvrouw {caller + 1}", kind="network", informed=True
        )
        dossiers = []
        for _ in range(clients):
            client = services.register_client(
                actor,
                bsn=next(numbers),
                given_names="Bench",
                surname=f"Client {rng.randrange(10**6)}",
                birth_date=datetime.date(1950, 1, 1)
                + datetime.timedelta(days=rng.randrange(15_000)),
                domain="zorg",
                legal_basis="wmo-2015",
                opened_on=datetime.date(2025, 1, 6),
                purpose="intake",
            )
            services.record_informing(
                actor,
                client.id,
                organisations=[sender.name],
                informed_on=TODAY,
                how="conversation",
                purpose="intake",
            )
            for scope in ("record-request", "share"):
                services.record_consent(
                    actor, client.id, scope=scope, state="given", decided_on=TODAY, purpose="intake"
                )
            items = [
                str(
                    services.record_item(
                        actor,
                        client.id,
                        category=category,
                        label=category,
                        value="Bench " * 8,
                        source="Cliënt",
                        method="conversation",
                        obtained_on=TODAY,
                        purpose="assessment",
                    ).id
                )
                for category in CATEGORIES
            ]
            dossiers.append({"client": str(client.id), "items": items})
        region["callers"].append(
            {
                "employee": str(employee.id),
                "partner": str(sender.id),
                "non_partner": str(non_partner.id),
                "clients": dossiers,
            }
        )
    return region


# --- the callers --------------------------------------------------------------------------------

SHARE_ITEMS = ((1, 2, 3), (45, 35, 20))  # items per share: weights
RECIPIENTS = (("partner", 90), ("non-partner", 5), ("veilig-thuis", 5))


def actor_of(caller: dict):
    from zorgvuldig.core.actor import Actor

    return Actor(partner_id=uuid.UUID(caller["partner"]), employee_id=uuid.UUID(caller["employee"]))


def share_calls(region: dict, index: int, seed: int):
    """The seeded shares of caller ``index``: endless (client, items, recipient) keyword sets."""
    caller = region["callers"][index]
    rng = random.Random(seed * 1_000 + index)
    kinds, weights = zip(*RECIPIENTS, strict=True)
    number = 0
    while True:
        number += 1
        dossier = rng.choice(caller["clients"])
        count, kind = rng.choices(*SHARE_ITEMS)[0], rng.choices(kinds, weights)[0]
        if kind == "veilig-thuis":  # the contact data it asks for, and what else was chosen
            items = [dossier["items"][0], *rng.sample(dossier["items"][1:], count - 1)]
        else:
            items = rng.sample(dossier["items"], count)
        kwargs = {"item_ids": items, "purpose": "support-provision"}
        if kind == "partner":
            kwargs |= {
                "recipient_partner_id": rng.choice(region["recipients"]),
                "recipient_person": "J. van Dijk",
            }
        elif kind == "non-partner":
            kwargs["non_partner_id"] = caller["non_partner"]
        else:
            kwargs["report_reference"] = f"VT-{index}-{number}"
        yield dossier["client"], kwargs


def full_gate(region: dict, index: int, seed: int):
    """One share through ``services.share_items``, per call."""
    from zorgvuldig.gate import services

    actor, calls = actor_of(region["callers"][index]), share_calls(region, index, seed)

    def call():
        client, kwargs = next(calls)
        services.share_items(actor, client, **kwargs)

    return call


def log_entry(subject: str, categories=("contact",)):
    from django.utils import timezone

    from zorgvuldig.processing_log.entry import LogEntry, new_span_id, new_trace_id

    now = timezone.now()
    return LogEntry(
        trace_id=new_trace_id(),
        span_id=new_span_id(),
        parent_span_id="",
        name="bench-bare",
        start_time=now,
        end_time=now,
        status="ok",
        processing_activity_id="wmo-2015-maatschappelijke-ondersteuning",
        subject_pseudonym=subject,
        foreign_operation="",
        actor_id="employee-17",
        partner_id="partner-3",
        operation="share",
        categories=categories,
        purpose="support-provision",
        legal_basis="wmo-2015",
        decision="allowed",
        articles=("art1", "art2", "art3.2c", "art3.2d", "art5.1", "art6.1", "art4.3"),
    )


def bare_log(region: dict, index: int, seed: int):
    """One processing-log append of one entry in a transaction of its own, per call."""
    from django.db import transaction

    from zorgvuldig.processing_log import chain
    from zorgvuldig.processing_log.entry import subject_pseudonym

    rng = random.Random(seed * 1_000 + index)
    subjects = [subject_pseudonym(uuid.UUID(int=rng.getrandbits(128))) for _ in range(1_000)]

    def call():
        with transaction.atomic():
            chain.append([log_entry(rng.choice(subjects))])

    return call


def bare_inserts(region: dict, index: int, seed: int):
    """What a share writes, without reading or deciding: its disclosure records (ORM
    ``bulk_create``, as the gate) and its log record, in one transaction, per call."""
    from django.db import transaction

    from zorgvuldig.exchange.models import Disclosure
    from zorgvuldig.gate.context import gate_open
    from zorgvuldig.processing_log import chain
    from zorgvuldig.processing_log.entry import new_trace_id, subject_pseudonym

    caller = region["callers"][index]
    calls = share_calls(region, index, seed)
    subject = {
        d["client"]: subject_pseudonym(uuid.UUID(int=rng.getrandbits(128)))
        for rng in [random.Random(seed)]
        for d in caller["clients"]
    }
    recipients = {r: uuid.UUID(r) for r in region["recipients"]}

    def call():
        client, kwargs = next(calls)
        trace = new_trace_id()
        with gate_open(), transaction.atomic():
            Disclosure.objects.bulk_create(
                Disclosure(
                    item_id=item,
                    version_number=1,
                    client_id=client,
                    partner_id=caller["partner"],
                    sent_by_id=caller["employee"],
                    recipient_kind="partner",
                    recipient_partner_id=recipients.get(kwargs.get("recipient_partner_id")),
                    recipient_person="J. van Dijk",
                    purpose="support-provision",
                    ground="consent",
                    trace_id=trace,
                )
                for item in kwargs["item_ids"]
            )
            chain.append([log_entry(subject[client])])

    return call


PATHS = {"share": full_gate, "log": bare_log, "inserts": bare_inserts}


def caller_process(
    path: str, region: dict, index: int, seed: int, seconds: float, start, results
) -> None:
    """Call ``path`` for ``seconds`` after ``start``; report the calls and their latencies."""
    from django.db import connection, connections

    call = PATHS[path](region, index, seed)
    for _ in range(20):  # warm up: connection, prepared statements, caches
        call()
    backend = connection.connection.info.backend_pid
    start.wait()
    latencies = []
    clock = time.perf_counter
    cpu, server = time.process_time(), cpu_seconds(backend)
    began = clock()
    while (now := clock()) - began < seconds:
        call()
        latencies.append(clock() - now)
    elapsed = clock() - began
    cpu, server = time.process_time() - cpu, cpu_seconds(backend) - server
    connections.close_all()
    results.put((len(latencies) / elapsed, latencies, cpu, server))


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process on this machine: the caller's PostgreSQL
    backend."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def calls_per_second(path: str, region: dict, callers: int, seconds: float, seed: int) -> dict:
    from django.db import connections

    connections.close_all()  # forked callers open their own connections
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    processes = [
        context.Process(
            target=caller_process, args=(path, region, i, seed, seconds, start, results)
        )
        for i in range(callers)
    ]
    for process in processes:
        process.start()
    time.sleep(1.0)
    start.set()
    reports = [results.get() for _ in processes]
    for process in processes:
        process.join()
        if process.exitcode:
            raise SystemExit(f"a {path} caller failed (exit code {process.exitcode})")
    latencies = sorted(t * 1000 for _, ts, _, _ in reports for t in ts)
    calls = len(latencies)
    return {
        "rate": sum(rate for rate, *_ in reports),
        "latency_median": statistics.median(latencies),
        "latency_p95": percentile(latencies, 0.95),
        "client_cpu_ms": sum(r[2] for r in reports) / calls * 1000,
        "server_cpu_ms": sum(r[3] for r in reports) / calls * 1000,
        "load": os.getloadavg()[0],
    }


def percentile(values: list[float], fraction: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(fraction * len(values)) - 1))]


def check_shares() -> dict:
    """What the share runs left: every share logged, its disclosures citing its log record."""
    from django.db.models import Count

    from zorgvuldig.dossier.models import Annotation
    from zorgvuldig.exchange.models import Disclosure
    from zorgvuldig.gate.context import gate_open
    from zorgvuldig.processing_log.models import LogRecord
    from zorgvuldig.processing_log.verify import verify

    with gate_open():
        logged = dict(
            LogRecord.objects.filter(name="gegevens-delen")
            .values_list("decision")
            .annotate(n=Count("id"))
        )
        traces = set(
            LogRecord.objects.filter(name="gegevens-delen").values_list("trace_id", flat=True)
        )
        cited = set(
            Disclosure.objects.exclude(purpose="").values_list("trace_id", flat=True).distinct()
        )
        annotations = Annotation.objects.filter(article="art8.2").count()
        disclosures = Disclosure.objects.count()
    report = verify()
    if not report.ok:
        raise SystemExit(f"the processing log does not verify: {report.problem}")
    if cited - traces:
        raise SystemExit(f"{len(cited - traces)} disclosures cite no share's log record")
    return {
        "shares_logged": sum(logged.values()),
        "by_decision": logged,
        "disclosures": disclosures,
        "annotations": annotations,
        "disclosures_without_share_log": len(cited - traces),
    }


def profile_shares(region: dict, seed: int, calls: int) -> str:
    call = full_gate(region, 0, seed + 99)
    for _ in range(20):
        call()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        call()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    return out.getvalue()


def count_queries(region: dict, seed: int) -> int:
    """The SQL statements of one share, its log append's included (BEGIN and COMMIT not)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call = full_gate(region, 0, seed + 7)
    call()
    counts = []
    for _ in range(20):
        with CaptureQueriesContext(connection) as queries:
            call()
        counts.append(len(queries))
    return statistics.median(counts)


# --- who received this item: 1,000,000 disclosure records -------------------------------------


def load_disclosures(
    region: dict, total: int, items: int, hot: int, hot_disclosures: int, seed: int
) -> dict:
    """Empty the disclosure table and load ``total`` records with COPY: over ``items`` items
    of generated clients and the items of the region's clients; ``hot`` of the latter get
    ``hot_disclosures`` each, the rest a skewed share of the remainder."""
    from django.db import connection
    from django.utils import timezone

    from zorgvuldig.clients.models import Client, Subject
    from zorgvuldig.dossier.models import DataItem
    from zorgvuldig.exchange.models import Disclosure

    rng = random.Random(seed)
    began, rss_before = time.perf_counter(), peak_rss_mib()
    encrypt_person = Disclosure._meta.get_field("recipient_person").get_prep_value
    encrypt_bsn = Subject._meta.get_field("bsn").get_prep_value
    sender, employee = region["callers"][0]["partner"], region["callers"][0]["employee"]
    recipients = region["recipients"]
    now = timezone.now()

    def new_id():
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    def table(model):
        return model._meta.db_table

    clients = max(1, items // 5)
    region_items = [
        (item, dossier["client"])
        for caller in region["callers"]
        for dossier in caller["clients"]
        for item in dossier["items"]
    ]
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor  # psycopg's own, for COPY
        cursor.execute(f"TRUNCATE {table(Disclosure)} CASCADE")  # and what cites them
        bsn = encrypt_bsn("000000000")
        generated: list[tuple[str, str]] = []
        with cursor.copy(
            f"COPY {table(Subject)} (id, bsn, bsn_index, given_names, "
            "surname_prefix, surname, birth_date, created_at) FROM STDIN"
        ) as copy:
            subjects = [new_id() for _ in range(clients)]
            for number, subject in enumerate(subjects):
                copy.write_row(
                    (
                        subject,
                        bsn,
                        f"bench-{number:012d}",
                        "Bench",
                        "",
                        f"Generated {number}",
                        datetime.date(1980, 1, 1),
                        now,
                    )
                )
        client_ids = [new_id() for _ in range(clients)]
        with cursor.copy(f"COPY {table(Client)} (id, subject_id, created_at) FROM STDIN") as copy:
            for client, subject in zip(client_ids, subjects, strict=True):
                copy.write_row((client, subject, now))
        with cursor.copy(
            f"COPY {table(DataItem)} (id, client_id, subject_id, category, "
            "partner_id, created_at) FROM STDIN"
        ) as copy:
            for number in range(items):
                client = number % clients
                item = new_id()
                generated.append((str(item), str(client_ids[client])))
                copy.write_row(
                    (
                        item,
                        client_ids[client],
                        subjects[client],
                        CATEGORIES[number % len(CATEGORIES)],
                        sender,
                        now,
                    )
                )
        rng.shuffle(region_items)
        hot_items, region_rest = region_items[:hot], region_items[hot:]
        pool = generated + region_rest
        rng.shuffle(pool)
        person = encrypt_person("J. van Dijk")
        start = now - datetime.timedelta(days=730)
        counts: dict[str, int] = {}

        def rows():
            for item, client in hot_items:
                for _ in range(hot_disclosures):
                    yield item, client
            for _ in range(total - hot * hot_disclosures):
                yield pool[int(len(pool) * rng.random() ** 3)]  # skewed: a few items get many

        with cursor.copy(
            f"COPY {table(Disclosure)} (item_id, version_number, client_id, "
            "partner_id, sent_by_id, recipient_kind, recipient_partner_id, "
            "recipient_person, report_reference, purpose, ground, trace_id, "
            "disclosed_at) FROM STDIN"
        ) as copy:
            for item, client in rows():
                counts[item] = counts.get(item, 0) + 1
                copy.write_row(
                    (
                        item,
                        1,
                        client,
                        sender,
                        employee,
                        "partner",
                        rng.choice(recipients),
                        person,
                        "",
                        "support-provision",
                        "consent",
                        f"{rng.getrandbits(128):032x}",
                        start + datetime.timedelta(seconds=rng.randrange(63_072_000)),
                    )
                )
        cursor.execute(f"VACUUM ANALYZE {table(Disclosure)}")  # autocommit: outside a transaction
        cursor.execute(
            f"SELECT count(*), pg_total_relation_size('{table(Disclosure)}') "
            f"FROM {table(Disclosure)}"
        )
        stored, size = cursor.fetchone()
    per_item = sorted(counts.values())
    return {
        "disclosures": stored,
        "items": len(generated) + len(region_items),
        "items_disclosed": len(counts),
        "per_item_median": statistics.median(per_item),
        "per_item_max": per_item[-1],
        "seconds": time.perf_counter() - began,
        "table_mib": size / 2**20,
        "rss_before_mib": rss_before,
        "rss_peak_mib": peak_rss_mib(),
        "region_counts": {item: counts.get(item, 0) for item, _ in region_items},
        "hot_items": [item for item, _ in hot_items],
    }


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def query_items(region: dict, load: dict) -> tuple[list, list]:
    """(actor, item) pairs to ask about: the region's items with a typical number of
    disclosures, and the hot items."""
    owner = {
        item: caller
        for caller in region["callers"]
        for d in caller["clients"]
        for item in d["items"]
    }
    hot = set(load["hot_items"])
    typical = [
        (actor_of(owner[i]), i) for i, n in load["region_counts"].items() if i not in hot and n > 0
    ]
    return typical, [(actor_of(owner[i]), i) for i in load["hot_items"]]


def time_queries(pairs, repeat: int) -> dict:
    """``services.disclosures_of_item`` and the bare SQL the ORM sends for it, in ms."""
    from django.db import connection

    from zorgvuldig.exchange.models import Disclosure
    from zorgvuldig.gate import services
    from zorgvuldig.gate.context import gate_open

    clock = time.perf_counter
    gate, bare, rows = [], [], []
    for _ in range(2):  # warm up
        for actor, item in pairs:
            services.disclosures_of_item(actor, item, purpose="accountability")
    for _ in range(repeat):
        for actor, item in pairs:
            began = clock()
            found = services.disclosures_of_item(actor, item, purpose="accountability")
            gate.append((clock() - began) * 1000)
            rows.append(len(found))
            with gate_open():
                sql, params = (
                    Disclosure.objects.filter(item_id=item)
                    .select_related("recipient_partner", "recipient_non_partner")
                    .order_by("disclosed_at")
                    .query.sql_with_params()
                )
            with connection.cursor() as cursor:
                began = clock()
                cursor.execute(sql, params)
                cursor.fetchall()
                bare.append((clock() - began) * 1000)
    return {
        "gate_median": statistics.median(gate),
        "gate_p95": percentile(gate, 0.95),
        "sql_median": statistics.median(bare),
        "sql_p95": percentile(bare, 0.95),
        "rows_median": statistics.median(rows),
        "rows_max": max(rows),
        "items": len(pairs),
    }


def explain(item: str) -> str:
    from django.db import connection

    from zorgvuldig.exchange.models import Disclosure
    from zorgvuldig.gate.context import gate_open

    with gate_open():
        sql, params = (
            Disclosure.objects.filter(item_id=item)
            .select_related("recipient_partner", "recipient_non_partner")
            .order_by("disclosed_at")
            .query.sql_with_params()
        )
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


# --- the run ----------------------------------------------------------------------------------


def measure(args, url: str) -> dict:
    setup_django(prepare_database(url))
    from django.conf import settings

    settings.ZORGVULDIG_LOG_ANCHOR_SECONDS = 0  # anchoring is not part of a share
    result = {
        "database": server_version(),
        "load_before": os.getloadavg()[0],
        "seed": args.seed,
        "seconds": args.seconds,
        "repeat": args.repeat,
        "clients": args.clients,
    }
    print("Building the region through the services ...", file=sys.stderr)
    region = build_region(4, args.clients, args.seed)
    result["queries_per_share"] = count_queries(region, args.seed)
    if args.profile:
        print(profile_shares(region, args.seed, 500), file=sys.stderr)
    for path in ("share", "log", "inserts"):
        for callers in (1, 4):
            print(f"Timing {path} with {callers} caller(s) ...", file=sys.stderr)
            runs = [
                calls_per_second(path, region, callers, args.seconds, args.seed + run)
                for run in range(args.repeat)
            ]
            median_run = sorted(runs, key=lambda r: r["rate"])[len(runs) // 2]
            result[f"{path}_{callers}"] = median_run
        if path == "share":  # before the bare rows add records of their own
            result["check"] = check_shares()

    print(f"Loading {args.disclosures:,} disclosure records ...", file=sys.stderr)
    load = load_disclosures(
        region, args.disclosures, args.items, args.hot, args.hot_disclosures, args.seed
    )
    typical, hot = query_items(region, load)
    print("Timing who received this item ...", file=sys.stderr)
    result["query_typical"] = time_queries(typical, args.query_repeat)
    result["query_hot"] = time_queries(hot, args.query_repeat)
    result["explain_typical"] = explain(typical[0][1])
    result["explain_hot"] = explain(hot[0][1])
    result["load"] = {k: v for k, v in load.items() if k not in ("region_counts", "hot_items")}
    from django.db import connections

    connections.close_all()
    prepare_database(url, drop=True)
    return result


def table(r: dict) -> str:
    share1, share4 = r["share_1"], r["share_4"]
    lines = [
        "| Shares and writes per second | 1 caller | 4 callers | 4 / 1 | ms per call, 1 caller "
        "(median / p95) | CPU ms per call, 1 caller: caller + PostgreSQL |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, key in (
        ("Full gate: `services.share_items`", "share"),
        ("Bare inserts of a share (disclosures + log record, one transaction)", "inserts"),
        ("Bare processing-log append (one entry, one transaction)", "log"),
    ):
        one, four = r[f"{key}_1"], r[f"{key}_4"]
        goal = f" (goal {GOAL_SHARES_4:,})" if key == "share" else ""
        lines.append(
            f"| {label} | {one['rate']:,.0f} | {four['rate']:,.0f}{goal} | "
            f"{four['rate'] / one['rate']:.2f} | {one['latency_median']:.2f} / "
            f"{one['latency_p95']:.2f} | {one['client_cpu_ms']:.2f} + "
            f"{one['server_cpu_ms']:.2f} |"
        )
    q_typ, q_hot, load = r["query_typical"], r["query_hot"], r["load"]
    lines += [
        "",
        f"| Who received this item, {load['disclosures']:,} disclosure records | items | rows "
        "(median / max) | gate ms median | gate ms p95 | bare SQL ms median | bare SQL ms p95 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, q in (("Typical items", q_typ), ("Hot items", q_hot)):
        goal = f" (goal ≤ {GOAL_QUERY_MS:g})" if q is q_typ else ""
        lines.append(
            f"| {label} | {q['items']:,} | {q['rows_median']:,.0f} / {q['rows_max']:,} "
            f"| {q['gate_median']:.2f}{goal} | {q['gate_p95']:.2f} | "
            f"{q['sql_median']:.3f} | {q['sql_p95']:.3f} |"
        )
    share_ok = share4["rate"] >= GOAL_SHARES_4
    query_ok = q_typ["gate_median"] <= GOAL_QUERY_MS
    check = r["check"]
    details = [
        f"Shares with 4 callers: {share4['rate']:,.0f}/s: "
        f"{'meets' if share_ok else 'MISSES'} the goal of {GOAL_SHARES_4:,}. Who received "
        f"this item, median of the whole gate call {q_typ['gate_median']:.2f} ms: "
        f"{'within' if query_ok else 'OVER'} the goal of {GOAL_QUERY_MS:g} ms.",
        f"Full gate / bare inserts, 1 caller: {r['inserts_1']['rate'] / share1['rate']:.1f} × "
        f"the time; full gate / bare log append: {r['log_1']['rate'] / share1['rate']:.1f} ×. "
        f"Gate call / bare SQL for a typical item: "
        f"{q_typ['gate_median'] / q_typ['sql_median']:.0f} ×.",
        f"One share runs {r['queries_per_share']:.0f} statements, its log append's two "
        "included, in one transaction; on PostgreSQL each is prepared once per connection "
        "(decision 7). CPU per share with one "
        f"caller: {share1['client_cpu_ms']:.2f} ms in the caller, {share1['server_cpu_ms']:.2f} "
        f"ms in its PostgreSQL backend; two cores therefore do at most "
        f"{2000 / (share1['client_cpu_ms'] + share1['server_cpu_ms']):,.0f} shares per second "
        "whatever the number of callers.",
        f"Load average while measuring: {r['load_before']:.1f} before the run, "
        f"{share4['load']:.1f} after the 4-caller shares (other work on the machine "
        "competes for the two cores and stretches the wall-clock times; the CPU times are "
        "less affected).",
        f"Share runs: {check['shares_logged']:,} shares logged "
        f"({', '.join(f'{n:,} {d}' for d, n in sorted(check['by_decision'].items()))}), "
        f"{check['disclosures']:,} disclosure records, {check['annotations']:,} art8.2 "
        f"annotations, every disclosure citing its share's log record; the log verifies.",
        f"Load: {load['disclosures']:,} disclosure records ({load['table_mib']:,.0f} MiB with "
        f"indexes) over {load['items_disclosed']:,} of {load['items']:,} items, median "
        f"{load['per_item_median']:.0f} per item, at most {load['per_item_max']:,}; COPY in "
        f"{load['seconds']:.0f} s; peak RSS of the benchmark process {load['rss_before_mib']:.0f} "
        f"MiB before the load, {load['rss_peak_mib']:.0f} MiB after (rows are streamed, not "
        "held).",
        f"Seed {r['seed']}; {r['clients']} clients per caller, {r['seconds']:g} s per run, "
        f"median of {r['repeat']} runs; measured {r['measured']} on {r['machine']}; "
        f"{r['database']} on the same machine.",
    ]
    return (
        "\n".join(lines)
        + "\n\n"
        + "\n".join(f"- {line}" for line in details)
        + "\n\nThe plan for a typical item:\n\n```\n"
        + r["explain_typical"]
        + "\n```\n\nFor a hot item:\n\n```\n"
        + r["explain_hot"]
        + "\n```"
    )


def section(r: dict) -> str:
    return "\n".join(
        [
            START,
            "## Shares and who received an item (`bench/bench_share.py`)",
            "",
            "PostgreSQL only. A share is the whole gate: `services.share_items` looks up the "
            "client, the recipient and the items, gathers the facts, asks decide(), writes the "
            "disclosure records, the processing-log record and (for Veilig Thuis) the dossier "
            "annotation, in "
            "one transaction. Callers are separate processes, each with its own connection, "
            "caseworker and clients; the mix is 1-3 items per share (45/35/20 %), 90 % to a "
            "partner, 5 % to an informed non-partner (art7), 5 % to Veilig Thuis (art8.2). The "
            "bare rows are the same callers writing only what a share writes. The machine has 2 "
            "cores for the callers and PostgreSQL together, so four callers compete with the "
            "server for them.",
            "",
            "Who received this item: `services.disclosures_of_item` (the whole gate call, logged) "
            "and the bare SQL query the ORM sends, on items of the region's clients among "
            "1,000,000 disclosure records, warm.",
            "",
            table(r),
            "",
            f"<!-- bench_share:data {json.dumps(r, sort_keys=True)} -->",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--clients", type=int, default=25, help="clients per caller")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--disclosures", type=int, default=1_000_000)
    parser.add_argument("--items", type=int, default=200_000, help="items of generated clients")
    parser.add_argument("--hot", type=int, default=10, help="hot items of the region's clients")
    parser.add_argument("--hot-disclosures", type=int, default=500)
    parser.add_argument("--query-repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="profile one caller's shares")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md alone")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        parser.error("needs DATABASE_URL=postgres://...")
    if args.disclosures <= args.hot * args.hot_disclosures:
        parser.error("--disclosures must exceed --hot × --hot-disclosures: typical items need some")
    result = measure(args, url)
    result["machine"] = machine(" shared by the callers and the database server")
    result["measured"] = datetime.date.today().isoformat()
    print(table(result))
    if not args.no_write:
        write_section(START, END, AFTER, section(result))
        print(f"\nWritten to {DOCS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
