# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the overview of art9.1 on PostgreSQL: as the API serves it, and as the letter.

Requirement (issue 11): "the overview of a client with 10,000 processing-log records and 500
data items (with disclosures), as JSON, against the bare SQL that reads the same rows, side by
side in one run. Goal: the JSON within 100 ms and within 3× the bare SQL"; the letter (PDF)
of the same overview within 1 s.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/bench_overview.py
    ... python bench/bench_overview.py --no-write      # print the table, leave the docs alone
    ... python bench/bench_overview.py --keep          # keep the database to look into
    ... python bench/bench_overview.py --database NAME # another name for its own database

It runs on a PostgreSQL database of its own, ``zorgvuldig_bench_overview`` (``--database``)
on the server that ``DATABASE_URL`` names, dropped and created for the run and dropped
afterwards (``--keep`` keeps it).

The client is built through the real service functions: an adult under the Wmo 2015 at a
committed partner, informed, consent to record and to share given; ``--items`` items (500)
recorded by the caseworker, every tenth changed once (a second version); shares of 1-3 items
to four committed partners (a referral to the Wmo) and to an informed non-partner, until the
items have about two disclosures each; then the processing log is brought to
``--log-records`` records (10,000) about the client at the partner, appended through the
log's own chain in the kinds of processing the gate logs. The database is analysed (the
statistics autovacuum would gather in time) and an overview request is registered.

Timed, interleaved call by call so that the machine's load falls alike on each:

- **JSON**: ``GET /api/v1/subject-requests/{requestId}/overview`` through Django's test
  client with the caseworker's API token, as ``tests/apiclient.py`` makes one: the whole
  request (middleware, the token, the gate call with its log record, django-ninja's response
  schema ``SubjectOverview`` and its JSON), without a network or a WSGI server;
- **view**: the gate call alone, ``services.subject_overview``;
- **serialisation**: ``SubjectOverview.model_validate(view).model_dump_json(by_alias=True)``
  on a view already made, to tell what the API adds to the view;
- **bare SQL**: four statements, written by hand, that read the same rows (the items with
  all their versions, the disclosures with their recipients' names, the log records that
  recorded the items, the log summary grouped as the overview groups it), fetched with the
  psycopg cursor, nothing decrypted or built;
- **PDF**: ``services.overview_pdf(actor, request_id, language="nl")``, the letter with the
  picture of where the data went; its first call in the process is timed apart (whatever
  is loaded or cached on first use is paid then; fpdf2 parses the two fonts for every letter).

The results go into the ``bench_overview`` section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import logging
import os
import random
import statistics
import sys
import time
import uuid

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

START, END = "<!-- bench_overview:start -->", "<!-- bench_overview:end -->"
BENCH_DATABASE = "zorgvuldig_bench_overview"
GOAL_MS, GOAL_RATIO, GOAL_PDF_MS = 100.0, 3.0, 1000.0
CATEGORIES = ("contact", "household", "welfare", "housing")  # Wmo, zorg: no written consent
TODAY = datetime.date.today()
# the kinds of processing the gate logs about a client, for the records added to the log
LOGGED = (
    ("dossier-raadplegen", "consult", "support-provision", "wmo-2015"),
    ("gegeven-vastleggen", "record", "assessment", "wmo-2015"),
    ("gegeven-wijzigen", "change", "support-provision", "wmo-2015"),
    ("gegevens-delen", "share", "support-provision", "wmo-2015"),
    ("gegevens-opvragen", "consult", "support-provision", "wmo-2015"),
    ("toestemming-raadplegen", "consult", "accountability", ""),
    ("relaties-raadplegen", "consult", "support-provision", "wmo-2015"),
    ("trajecten-raadplegen", "consult", "intake", "wmo-2015"),
    ("gegevens-ontvangen", "consult", "support-provision", "wmo-2015"),
    ("ontvangers-raadplegen", "consult", "accountability", ""),
)


# --- the database and the client --------------------------------------------------------------


def prepare_database(url: str, name: str, drop: bool = False) -> str:
    """Make the empty database ``name`` for the run (or ``drop`` it afterwards); its URL."""
    return postgres_database(url, name, drop)


def build_client(items: int, seed: int) -> dict:
    """Through the service functions: the client, their items, versions and disclosures."""
    from zorgvuldig.gate import services
    from zorgvuldig.partners.services import actor_for

    rng = random.Random(seed)
    sender = make_partner("Sociaal team Heuvelrug")
    employee = make_caseworker(sender, "caseworker")
    actor = actor_for(employee)
    recipients = [str(make_partner(f"Wmo-aanbieder {i + 1}").id) for i in range(4)]
    neighbour = services.register_non_partner(
        actor, name="Buurvrouw Jansen", kind="network", informed=True
    )
    client = services.register_client(
        actor,
        bsn="111222333",
        given_names="Bench",
        surname="Overzicht",
        birth_date=datetime.date(1961, 4, 12),
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
    services.record_consent(  # art7: a non-partner receives on a consent that names it
        actor,
        client.id,
        scope="share",
        state="given",
        decided_on=TODAY,
        purpose="support-provision",
        recipients=[str(neighbour.id)],
    )
    ids = []
    for number in range(items):
        category = CATEGORIES[number % len(CATEGORIES)]
        item = services.record_item(
            actor,
            client.id,
            category=category,
            label=f"{category} {number + 1}",
            value=f"Gegeven {number + 1}: " + "tekst " * rng.randrange(4, 24),
            source=rng.choice(("Cliënt", "Huisarts", "Wijkverpleging")),
            method="conversation",
            obtained_on=TODAY - datetime.timedelta(days=rng.randrange(700)),
            purpose="assessment",
        )
        if number % 10 == 9:
            services.change_item(
                actor,
                item.id,
                label=f"{category} {number + 1}",
                value=f"Gegeven {number + 1}, bijgewerkt",
                source="Cliënt",
                method="conversation",
                obtained_on=TODAY,
                reason="Bijgewerkt na gesprek",
                purpose="support-provision",
            )
        ids.append(str(item.id))
    disclosures, shares = 0, 0
    while disclosures < 2 * items:
        shares += 1
        if shares > 4 * items:
            raise SystemExit(f"only {disclosures} disclosures after {shares} shares: refused?")
        chosen = rng.sample(ids, rng.choice((1, 2, 3)))
        if rng.random() < 0.85:
            target = {"recipient_partner_id": rng.choice(recipients), "referral_domain": "zorg"}
        else:
            target = {"non_partner_id": neighbour.id}
        result = services.share_items(
            actor, client.id, item_ids=chosen, purpose="support-provision", **target
        )
        disclosures += len(result.sent)
    return {
        "actor": actor,
        "employee": employee,
        "client": client,
        "partner": str(sender.id),
        "items": ids,
    }


def fill_log(client, partner_id: str, records: int, seed: int, actors=()) -> int:
    """Bring the log about the client at the partner to ``records`` records, 1,000 per
    transaction, over the last two years, by ``actors`` (log ids of employees; none: made-up
    ids); returns how many were added."""
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
            name, operation, purpose, basis = rng.choice(LOGGED)
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
                    actor_id=rng.choice(actors) if actors else f"employee-{rng.randrange(8)}",
                    partner_id=partner_id,
                    operation=operation,
                    categories=("identification", "welfare"),
                    purpose=purpose,
                    legal_basis=basis,
                    decision=rng.choices(("allowed", "partial", "refused"), (90, 6, 4))[0],
                    articles=("art3.1", "art5.1"),
                )
            )
        with transaction.atomic():
            chain.append(entries)
        missing -= batch
    return added


# --- what is timed ----------------------------------------------------------------------------


def api_client(employee):
    """Django's test client with an API token of ``employee``, as ``tests/apiclient.py``
    makes one; it speaks to the host the settings allow."""
    from django.test import Client as HttpClient

    from zorgvuldig.api.models import ApiToken

    token = ApiToken.issue(
        name="bench", partner=employee.partner, employee=employee, scopes=["all"]
    )[1]
    return HttpClient(SERVER_NAME="localhost", headers={"Authorization": f"Bearer {token}"})


def get_json(http, request_id) -> bytes:
    """The overview as the API serves it: ``GET /api/v1/subject-requests/{id}/overview``."""
    response = http.get(f"/api/v1/subject-requests/{request_id}/overview")
    if response.status_code != 200:
        status, body = response.status_code, response.content[:300]
        raise SystemExit(f"the overview endpoint answered {status}: {body!r}")
    return response.content


def bare_statements(client, partner_id: str) -> list[tuple[str, list]]:
    """Hand-written SQL reading the rows the overview reads, with their parameters."""
    from zorgvuldig.processing_log.entry import subject_pseudonym

    mine = "i.client_id = %s AND i.partner_id = %s AND i.subject_id = %s"
    keys = [client.id, uuid.UUID(partner_id), client.subject.id]
    pseudonym = subject_pseudonym(client.subject.id)
    return [
        (
            "SELECT i.id, i.category, i.created_at, i.recorded_trace_id, v.number, v.label, "
            "v.value, v.source, v.method, v.obtained_on FROM dossier_dataitem i "
            "JOIN dossier_dataitemversion v ON v.item_id = i.id "
            f"WHERE {mine} ORDER BY i.created_at, i.id, v.number",
            keys,
        ),
        (
            "SELECT d.item_id, p.name, n.name, d.report_reference, d.recipient_kind, "
            "d.version_number, d.purpose, d.ground, d.disclosed_at FROM exchange_disclosure d "
            "JOIN dossier_dataitem i ON i.id = d.item_id "
            "LEFT JOIN partners_partner p ON p.id = d.recipient_partner_id "
            "LEFT JOIN exchange_nonpartner n ON n.id = d.recipient_non_partner_id "
            f"WHERE {mine} ORDER BY d.disclosed_at, d.id",
            keys,
        ),
        (
            "SELECT l.trace_id, l.purpose, l.legal_basis FROM processing_log_logrecord l "
            "WHERE l.subject_pseudonym = %s AND l.trace_id IN (SELECT i.recorded_trace_id "
            f"FROM dossier_dataitem i WHERE {mine} AND i.recorded_trace_id <> '')",
            [pseudonym, *keys],
        ),
        (
            "SELECT name, operation, purpose, legal_basis, decision, count(*), min(start_time), "
            "max(start_time) FROM processing_log_logrecord "
            "WHERE subject_pseudonym = %s AND partner_id = %s "
            "GROUP BY name, operation, purpose, legal_basis, decision "
            "ORDER BY min(start_time), name",
            [pseudonym, partner_id],
        ),
    ]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "p95": percentile(values, 0.95)}


@contextlib.contextmanager
def counted():
    """The statements sent within, counted as they go (Django's own query log is emptied
    by every request the test client makes)."""
    from django.db import connection

    sent = [0]

    def count(execute, sql, params, many, context):
        sent[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield sent


def pdf_pages(pdf: bytes) -> int:
    """The letter's pages, read back with pypdf: a real PDF, not just bytes."""
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def time_overview(actor, http, request_id, statements, calls: int) -> dict:
    """``calls`` rounds of the paths, interleaved, after a warm-up; ms per call. The first
    letter of the process is timed apart, before anything else of the overview is warm."""
    from django.db import connection

    from zorgvuldig.api.schemas.rights import SubjectOverview
    from zorgvuldig.gate import services

    clock = time.perf_counter
    began = clock()
    pdf = services.overview_pdf(actor, request_id, language="nl")
    pdf_first = (clock() - began) * 1000
    times: dict[str, list[float]] = {"json": [], "view": [], "sql": [], "pdf": [], "dump": []}
    rows = 0
    for _ in range(5):  # warm up: prepared statements, caches
        get_json(http, request_id)
        services.subject_overview(actor, request_id)
    services.overview_pdf(actor, request_id, language="nl")
    with counted() as queries:
        overview = services.subject_overview(actor, request_id)
    with counted() as endpoint_queries:
        body = get_json(http, request_id)
    for _ in range(calls):
        began = clock()
        get_json(http, request_id)
        times["json"].append((clock() - began) * 1000)
        began = clock()
        services.subject_overview(actor, request_id)
        times["view"].append((clock() - began) * 1000)
        with connection.cursor() as cursor:
            began = clock()
            rows = 0
            for sql, params in statements:
                cursor.execute(sql, params)
                rows += len(cursor.fetchall())
            times["sql"].append((clock() - began) * 1000)
        began = clock()
        SubjectOverview.model_validate(overview).model_dump_json(by_alias=True)
        times["dump"].append((clock() - began) * 1000)
        began = clock()
        services.overview_pdf(actor, request_id, language="nl")
        times["pdf"].append((clock() - began) * 1000)
    return {
        **{key: summary(values) for key, values in times.items()},
        "calls": calls,
        "queries": queries[0],
        "endpoint_queries": endpoint_queries[0],
        "sql_rows": rows,
        "json_kib": len(body) / 1024,
        "json_items": len(json.loads(body)["items"]),
        "pdf_first": pdf_first,
        "pdf_kib": len(pdf) / 1024,
        "pdf_pages": pdf_pages(pdf),
        "items": len(overview.items),
        "disclosures": sum(len(i.recipients) for i in overview.items),
        "processing_lines": len(overview.processings),
        "logged_records": sum(p.count for p in overview.processings),
        "recipients": len(overview.recipients),
    }


def measure(args, url: str) -> dict:
    setup_django(prepare_database(url, args.database))
    from django.conf import settings

    from zorgvuldig.gate import services

    settings.ZORGVULDIG_LOG_ANCHOR_SECONDS = 0  # anchoring is not part of the overview
    # fontTools tells of every font it subsets at INFO, which the settings log: not here
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    result = {
        "database": server_version(),
        "load_before": os.getloadavg()[0],
        "seed": args.seed,
    }
    print("Building the client through the services ...", file=sys.stderr)
    built = build_client(args.items, args.seed)
    actor, client = built["actor"], built["client"]
    result["log_added"] = fill_log(client, built["partner"], args.log_records, args.seed)
    from django.db import connection

    with connection.cursor() as cursor:  # the statistics autovacuum would gather in time
        cursor.execute("ANALYZE")
    request = services.register_request(
        actor,
        client.id,
        kind="overview",
        requested_by_subject_id=client.subject.id,
        identity_method="in-person",
        received_on=TODAY,
    )
    print("Timing the overview ...", file=sys.stderr)
    statements = bare_statements(client, built["partner"])
    http = api_client(built["employee"])
    result["timing"] = time_overview(actor, http, request.id, statements, args.calls)
    result["load_after"] = os.getloadavg()[0]
    from django.db import connections

    connections.close_all()
    if not args.keep:
        prepare_database(url, args.database, drop=True)
    return result


# --- the table and the docs -------------------------------------------------------------------


def _verdict(within: bool) -> str:
    return "within" if within else "OVER"


def table(r: dict) -> str:
    t = r["timing"]
    sql = t["sql"]["median"]
    lines = [
        "| ms per call | median | p95 | median / bare SQL |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, key in (
        ("JSON: `GET /api/v1/subject-requests/{requestId}/overview`", "json"),
        ("View: `services.subject_overview`", "view"),
        ("Serialisation alone: `SubjectOverview` from the view, `model_dump_json`", "dump"),
        ("Bare SQL: the same rows, 4 statements", "sql"),
        ("PDF: `services.overview_pdf` (after its first call)", "pdf"),
    ):
        goal = {"json": " (goal ≤ 100)", "pdf": " (goal ≤ 1,000)"}.get(key, "")
        ratio = f"{t[key]['median'] / sql:.2f}" + (" (goal ≤ 3)" if key == "json" else "")
        lines.append(
            f"| {label} | {t[key]['median']:,.1f}{goal} | {t[key]['p95']:,.1f} | {ratio} |"
        )
    json_ms, ratio, pdf_ms = t["json"]["median"], t["json"]["median"] / sql, t["pdf"]["median"]
    details = [
        f"JSON median {json_ms:.1f} ms: {_verdict(json_ms <= GOAL_MS)} the goal of "
        f"{GOAL_MS:g} ms; {ratio:.2f} × the bare SQL: {_verdict(ratio <= GOAL_RATIO)} the goal "
        f"of {GOAL_RATIO:g} ×.",
        f"PDF median {pdf_ms:,.0f} ms: {_verdict(pdf_ms <= GOAL_PDF_MS)} the goal of "
        f"{GOAL_PDF_MS:,.0f} ms; the first call of the process took {t['pdf_first']:,.0f} ms "
        f"({t['pdf_first'] / pdf_ms:.2f} × the median). The letter has {t['pdf_pages']} pages "
        f"(read back with pypdf), {t['pdf_kib']:,.0f} KiB.",
        f"The overview: {t['items']} items, {t['disclosures']:,} disclosures to "
        f"{t['recipients']} recipients, {t['logged_records']:,} log records in "
        f"{t['processing_lines']} lines of the summary; {t['json_kib']:,.0f} KiB of JSON from "
        f"the endpoint. The bare SQL fetches {t['sql_rows']:,} rows.",
        f"One gate call sends {t['queries']} statements (the request and its lock, who handles "
        f"it, the reads, the log record it appends), the endpoint {t['endpoint_queries']} (the "
        "token with its employee besides); every call adds one record to the log.",
        f"Load average {r['load_before']:.1f} before the run, {r['load_after']:.1f} after "
        "(other work on the machine competes for the two cores).",
        f"Seed {r['seed']}; {t['calls']} calls of each path, interleaved, after 5 warm-up "
        f"calls; measured {r['measured']} on {r['machine']}; {r['database']} on the same "
        "machine.",
    ]
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {line}" for line in details)


def section(r: dict) -> str:
    return "\n".join(
        [
            START,
            "## The overview of art9.1 (`bench/bench_overview.py`)",
            "",
            "PostgreSQL only. One client with 500 data items (every tenth with a second "
            "version), about two disclosures per item (shares of 1-3 items to four partners "
            "and a non-partner) and 10,000 processing-log records, built through the services. "
            "The JSON is the API's own: `GET /api/v1/subject-requests/{requestId}/overview` "
            "through Django's test client with an employee's API token (middleware, the token, "
            "the gate call with its log record, django-ninja's `SubjectOverview` schema and its "
            "JSON; no network, no WSGI server). The view is the gate call alone; the "
            "serialisation alone is `SubjectOverview.model_validate(view).model_dump_json("
            "by_alias=True)` on a view already made. "
            "The bare SQL is four hand-written statements that read the same rows (items with "
            "all their versions, disclosures with their recipients' names, the log records "
            "that recorded the items, the log summary grouped), fetched and nothing more: no "
            "decryption, no objects. The PDF is `services.overview_pdf(actor, request_id, "
            'language="nl")`, the letter with the picture of where the data went. The database '
            "is analysed after the load (the statistics autovacuum would gather in time); the "
            "paths are timed call by call in turn.",
            "",
            table(r),
            "",
            f"<!-- bench_overview:data {json.dumps(r, sort_keys=True)} -->",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--log-records", type=int, default=10_000)
    parser.add_argument("--calls", type=int, default=40, help="timed calls of each path")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument(
        "--database",
        default=BENCH_DATABASE,
        help=f"the database made and dropped for the run (default {BENCH_DATABASE})",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md alone")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        parser.error("needs DATABASE_URL=postgres://...")
    result = measure(args, url)
    result["machine"] = machine(" shared by the benchmark and the database server")
    result["measured"] = datetime.date.today().isoformat()
    print(table(result))
    if not args.no_write:
        write_section(START, END, END, section(result))  # the first time: at the end
        print(f"\nWritten to {DOCS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
