# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the resident's own view (decision 25) on PostgreSQL.

Requirement (issue 14): "the resident's view of a subject with 10,000 processing-log
records, first page within 100 ms on PostgreSQL, with the bare SQL of the same rows beside
it in the same run".

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/bench_resident.py
    ... python bench/bench_resident.py --no-write      # print the table, leave the docs alone
    ... python bench/bench_resident.py --keep          # keep the database to look into
    ... python bench/bench_resident.py --profile       # then where the page's time goes

It runs on a PostgreSQL database of its own, ``zorgvuldig_bench_resident`` (``--database``),
dropped and created for the run and dropped afterwards (``--keep`` keeps it).

The subject is built through the real services: an adult under the Wmo 2015 at a committed
partner, informed, consent given, a few items recorded and shared to a second partner; a
Veilig Thuis share (held back) and a processing the partner held back (art9.3); then the log
about the subject is brought to ``--log-records`` records (10,000) through the log's own
chain, in the kinds of processing the gate logs, a tenth of them for the purpose safety (held
back as Meldcode). The database is analysed.

Timed, interleaved call by call:

- **page**: ``GET /mijn/`` through Django's test client with a resident's session (the
  DigiD mock's sign-in): middleware, the session, whose view, the gate call with its log
  record, the template;
- **view**: the gate call alone, ``services.resident_processings`` (the first page, 50
  entries);
- **bare SQL**: one hand-written statement that reads the same 51 rows (the page and one more
  to know there are older ones) by the subject's pseudonym, newest first, with the same
  conditions (held back, another person's case, the resident's own looks), fetched with the
  psycopg cursor and nothing built.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time

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

START, END = "<!-- bench_resident:start -->", "<!-- bench_resident:end -->"
BENCH_DATABASE = "zorgvuldig_bench_resident"
GOAL_MS = 100.0
TODAY = datetime.date.today()
BSN = "111222333"
LOGGED = (
    ("dossier-raadplegen", "consult", "support-provision", "wmo-2015"),
    ("gegeven-vastleggen", "record", "assessment", "wmo-2015"),
    ("gegeven-wijzigen", "change", "support-provision", "wmo-2015"),
    ("gegevens-delen", "share", "support-provision", "wmo-2015"),
    ("toestemming-raadplegen", "consult", "accountability", ""),
    ("meldcode-signalen", "record", "safety", ""),
)


def build(seed: int) -> dict:
    from zorgvuldig.gate import services
    from zorgvuldig.partners.services import actor_for
    from zorgvuldig.processing_log.models import LogRecord

    sender = make_partner("Sociaal team Heuvelrug")
    actor = actor_for(make_caseworker(sender, "caseworker"))
    other = make_partner("Wmo-aanbieder")
    client = services.register_client(
        actor,
        bsn=BSN,
        given_names="Bench",
        surname="Inwoner",
        birth_date=datetime.date(1961, 4, 12),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )
    services.register_client(
        actor_for(make_caseworker(other, "other")),
        bsn=BSN,
        given_names="Bench",
        surname="Inwoner",
        birth_date=datetime.date(1961, 4, 12),
        domain="zorg",
        legal_basis="wmo-2015",
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
    for number in range(20):
        item = services.record_item(
            actor,
            client.id,
            category="housing",
            label=f"Woning {number}",
            value="x",
            source="de cliënt",
            method="conversation",
            obtained_on=TODAY,
            purpose="assessment",
        )
        services.share_items(
            actor,
            client.id,
            item_ids=[item.id],
            recipient_partner_id=other.id,
            purpose="support-provision",
        )
    trace = LogRecord.objects.filter(name="gegevens-delen").latest("id").trace_id
    services.hold_from_resident_view(actor, client.id, trace_id=trace, reason="art9.3")
    return {"client": client, "partner_id": str(sender.id)}


def fill_log(client, partner_id: str, records: int, seed: int) -> int:
    from django.db import transaction
    from django.utils import timezone

    from zorgvuldig.processing_log import chain
    from zorgvuldig.processing_log.entry import (
        LogEntry,
        new_span_id,
        new_trace_id,
        subject_pseudonym,
    )
    from zorgvuldig.processing_log.models import LogRecord

    rng = random.Random(seed)
    pseudonym = subject_pseudonym(client.subject.id)
    missing = records - LogRecord.objects.filter(subject_pseudonym=pseudonym).count()
    added = max(missing, 0)
    now = timezone.now()
    while missing > 0:
        batch = min(missing, 1_000)
        entries = []
        for _ in range(batch):
            name, operation, purpose, basis = rng.choices(LOGGED, (20, 20, 20, 20, 10, 10))[0]
            at = now - datetime.timedelta(seconds=rng.randrange(2 * 365 * 86_400))
            entries.append(
                LogEntry(
                    trace_id=new_trace_id(),
                    span_id=new_span_id(),
                    parent_span_id="",
                    name=name,
                    start_time=at,
                    end_time=at,
                    status="ok",
                    processing_activity_id="wmo-2015-ondersteuning",
                    subject_pseudonym=pseudonym,
                    foreign_operation="",
                    actor_id=f"employee-{rng.randrange(8)}",
                    partner_id=partner_id,
                    operation=operation,
                    categories=("identification", "housing"),
                    purpose=purpose,
                    legal_basis=basis,
                    decision="allowed",
                    articles=("art3.1", "art5.1"),
                )
            )
        with transaction.atomic():
            chain.append(entries)
        missing -= batch
    return added


BARE = """
SELECT r.id, r.start_time, r.partner_id, r.actor_id, r.name, r.operation, r.categories,
       r.purpose, r.legal_basis, r.decision, r.articles, r.trace_id
FROM processing_log_logrecord r
WHERE r.subject_pseudonym = %(p)s
  AND NOT (r.name = 'eigen-verwerkingen-raadplegen' AND r.actor_id = %(own)s)
  AND r.name NOT IN ('verwerking-achterhouden', 'verwerking-vrijgeven', 'achterhouden-raadplegen')
  AND NOT ((r.name LIKE 'meldcode-%%' OR r.purpose = 'safety'
            OR r.trace_id IN (SELECT d.trace_id FROM exchange_disclosure d
                              JOIN clients_client c ON c.id = d.client_id
                              WHERE c.subject_id = %(s)s AND d.recipient_kind = 'veilig-thuis')
            OR r.trace_id IN (SELECT h.trace_id FROM rights_viewhold h
                              JOIN clients_client c ON c.id = h.client_id
                              WHERE c.subject_id = %(s)s AND h.kind = 'harm'
                                AND h.released_at IS NULL))
           AND r.trace_id NOT IN (SELECT h.trace_id FROM rights_viewhold h
                                  JOIN clients_client c ON c.id = h.client_id
                                  WHERE c.subject_id = %(s)s AND h.released_at IS NOT NULL))
  AND NOT EXISTS (SELECT 1 FROM processing_log_logrecord o
                  WHERE o.trace_id = r.trace_id AND o.subject_pseudonym <> %(p)s)
ORDER BY r.id DESC
LIMIT 51
"""


def summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "median": statistics.median(values),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
    }


def measure(args, url: str) -> dict:
    bench_url = postgres_database(url, args.database)
    setup_django(bench_url)
    from django.conf import settings

    # the page's static files from the apps, not a collected manifest (as in the tests)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    try:
        from django.db import connection
        from django.test import Client

        from zorgvuldig.gate import services
        from zorgvuldig.gate.services.resident.processings import resident_log_id
        from zorgvuldig.processing_log.entry import subject_pseudonym
        from zorgvuldig.processing_log.models import LogRecord

        built = build(args.seed)
        client = built["client"]
        added = fill_log(client, built["partner_id"], args.log_records, args.seed)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        subject = client.subject.id
        http = Client(SERVER_NAME="localhost")
        start = http.get("/digid/login/", {"next": "/mijn/", "cancel": "/mijn/inloggen/"})
        sent = http.post(start.url.replace("/inloggen/", "/inloggen_bsn/"), {"auth_bsn": BSN})
        signed_in = http.get(sent.url)
        if signed_in.status_code != 302 or "/mijn/" not in signed_in.url:
            raise SystemExit(f"the DigiD mock did not sign in: {signed_in.status_code}")
        params = {"p": subject_pseudonym(subject), "own": resident_log_id(subject), "s": subject}
        raw = connection.connection  # psycopg's own connection under Django's
        load_before = os.getloadavg()[0]
        times: dict[str, list[float]] = {"page": [], "view": [], "sql": []}
        entries = rows = 0
        for call in range(args.calls + 5):
            t = time.perf_counter()
            page = http.get("/mijn/")
            page_ms = (time.perf_counter() - t) * 1000
            assert page.status_code == 200, page.status_code
            t = time.perf_counter()
            log = services.resident_processings(subject)
            view_ms = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            with raw.cursor() as cursor:
                cursor.execute(BARE, params)
                fetched = cursor.fetchall()
            sql_ms = (time.perf_counter() - t) * 1000
            if call >= 5:
                times["page"].append(page_ms)
                times["view"].append(view_ms)
                times["sql"].append(sql_ms)
            entries, rows = len(log.entries), len(fetched)
        if args.profile:
            profile_page(http)
        return {
            "database": server_version(),
            "seed": args.seed,
            "calls": args.calls,
            "log_added": added,
            "log_records": LogRecord.objects.filter(
                subject_pseudonym=subject_pseudonym(subject)
            ).count(),
            "entries": entries,
            "sql_rows": rows,
            "load_before": load_before,
            "load_after": os.getloadavg()[0],
            **{k: summary(v) for k, v in times.items()},
        }
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            postgres_database(url, args.database, drop=True)


def profile_page(http, calls: int = 20) -> None:
    """Where the time of ``GET /mijn/`` goes: cProfile over ``calls`` requests, the functions
    with the most cumulative time, to stderr."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        http.get("/mijn/")
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(45)


def table(r: dict) -> str:
    sql = r["sql"]["median"]
    lines = [
        "| ms per call | median | p95 | median / bare SQL |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key, name in (
        ("page", "Page: `GET /mijn/` (session, whose view, gate call, template)"),
        ("view", "View: `services.resident_processings`, first page"),
        ("sql", "Bare SQL: the same rows, 1 statement"),
    ):
        goal = f" (goal ≤ {GOAL_MS:.0f})" if key in ("page", "view") else ""
        lines.append(
            f"| {name} | {r[key]['median']:.1f}{goal} | {r[key]['p95']:.1f} | "
            f"{r[key]['median'] / sql:.2f} |"
        )
    return "\n".join(lines)


def section(r: dict) -> str:
    def said(ms: float) -> str:
        return "within" if ms <= GOAL_MS else "NOT within"

    return (
        f"{START}\n## The resident's own view (`bench/bench_resident.py`)\n\n"
        "PostgreSQL only. One data subject with "
        f"{r['log_records']:,} processing-log records (a tenth for the purpose safety, held "
        "back as Meldcode; a share held back by the partner, art9.3), built through the "
        "services and the log's own chain; the first page of their view (50 entries) as the "
        "gate serves it, as the page `/mijn/` through Django's test client with a resident "
        "signed in through the DigiD mock, and the bare SQL of the same rows (one statement, "
        "the same conditions, fetched and nothing more). Interleaved call by call.\n\n"
        f"{table(r)}\n\n"
        f"- The gate's first page: median {r['view']['median']:.1f} ms, "
        f"{said(r['view']['median'])} the goal of {GOAL_MS:.0f} ms; the whole page `/mijn/`: "
        f"{r['page']['median']:.1f} ms, {said(r['page']['median'])} it. "
        f"{r['entries']} entries, the bare SQL {r['sql_rows']} rows.\n"
        f"- Load average {r['load_before']:.1f} before the run, {r['load_after']:.1f} after "
        "(other work on the machine competes for the two cores).\n"
        f"- Seed {r['seed']}; {r['calls']} calls of each path after 5 warm-up calls; measured "
        f"{r['measured']} on {r['machine']}; {r['database']} on the same machine.\n"
        f"{END}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--log-records", type=int, default=10_000)
    parser.add_argument("--calls", type=int, default=40)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--database", default=BENCH_DATABASE)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile the page afterwards")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        parser.error("needs DATABASE_URL=postgres://...")
    result = measure(args, url)
    result["machine"] = machine(" shared by the benchmark and the database server")
    result["measured"] = TODAY.isoformat()
    print(table(result))
    if not args.no_write:
        write_section(START, END, END, section(result))
        print(f"\nWritten to {DOCS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
