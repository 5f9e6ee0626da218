# SPDX-License-Identifier: EUPL-1.2
"""Load benchmark: concurrent caseworkers who sign in with two factors and open a dossier,
against gunicorn on PostgreSQL, from locust on the loopback address.

Requirement (issue "Security, access and incidents", speed): "20 concurrent users logging in
with two factors (password + TOTP code) and opening a dossier page, on PostgreSQL, from a load
generator on loopback, bounded in time and count. Report median and 99th percentile page time
and the error count. Goal: 99th percentile under 300 ms, no errors."

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/bench_load.py
    ... python bench/bench_load.py --no-write      # print the table, leave the docs alone
    ... python bench/bench_load.py --profile       # also profile one dossier page (cProfile)
    ... python bench/bench_load.py --wait 0,0      # no think time: the server's saturation

It runs on a PostgreSQL database of its own, ``zorgvuldig_load`` (``--database``) on the server
that ``DATABASE_URL`` names, dropped and created for the run and dropped afterwards (``--keep``
keeps it), with the settings of production (``ZORGVULDIG_DEVELOPMENT=false``, ``DEBUG`` off,
a random secret and master key) except HTTPS: the server speaks plain HTTP on 127.0.0.1, as
behind the TLS proxy of a deployment (``ZORGVULDIG_HTTPS=false``, so cookies are not Secure).

The region is built through the real service functions: a committed partner with ``--users``
caseworkers, each with a password (Argon2), a confirmed authenticator app of their own (a
django-otp TOTP device with a random key) and an acknowledgement of the protocol; each has a
client of their own (an adult under the Wmo 2015, informed, consent to record and to share)
with ``--items`` items (50) recorded by them, every tenth changed once, shares of 1-3 items
to four partners until the items have about one disclosure each, and a processing log of
``--log-records`` records (1,000) about the client over two years (the dossier page shows the
newest 100). Static files are collected as for a deployment.

Then gunicorn (``zorgvuldig.conf.wsgi``, ``--workers``, sync workers as in ``make run``) is
started on 127.0.0.1 on a free port, and locust (``bench/load_locustfile.py``) runs headless in
a process of its own: ``--users`` users, started ``--spawn-rate`` a second, for ``--seconds``
and at most ``--max-requests`` requests, each signing in (login page, password, code page,
code), opening the dossier ``--pages`` times and logging out, with ``--wait`` seconds of think
time before each step, for as long as the run lasts. Every request's time is kept by the
locustfile; this script reports per request: count, failures, median, p95, p99 and max.
Afterwards it checks the processing log (one consult of the dossier per page served) and
django-axes (no failed sign-ins). The machine's load average is reported at the start and end,
with the CPU seconds of the server's workers and of locust: the two cores are shared.

The results go into the ``bench_load`` section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import json
import os
import pstats
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_overview import fill_log
from benchdb import (
    DOCS,
    ROOT,
    machine,
    make_partner,
    postgres_database,
    server_version,
    setup_django,
    write_section,
)

START, END = "<!-- bench_load:start -->", "<!-- bench_load:end -->"
BENCH_DATABASE = "zorgvuldig_load"
GOAL_P99_MS = 300.0
CATEGORIES = ("contact", "household", "welfare", "housing")  # Wmo, zorg: no written consent
PASSWORD = "load-bench-wachtwoord-2026"  # a fictitious caseworker's
PURPOSE = "support-provision"
TODAY = datetime.date.today()
BIN = Path(sys.executable).parent
#: the named requests of a session, in their order
REQUESTS = ("login page", "password", "code page", "code", "dossier", "logout")


# --- the settings, the database and the region ------------------------------------------------


def production_environment(var_dir: Path) -> None:
    """The settings of production but HTTPS, for this process and the server it starts."""
    os.environ.update(
        {
            "ZORGVULDIG_DEVELOPMENT": "false",
            "ZORGVULDIG_HTTPS": "false",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
            "ZORGVULDIG_MASTER_KEY": secrets.token_urlsafe(48),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "ZORGVULDIG_VAR_DIR": str(var_dir),
            "ZORGVULDIG_LOG_LEVEL": "WARNING",
        }
    )


def bsns(rng: random.Random):
    """Fresh BSNs that pass the elfproef."""
    from stdnum.nl import bsn

    seen = set()
    while True:
        candidate = f"{rng.randrange(100_000_000, 999_999_999):09d}"
        if candidate not in seen and bsn.is_valid(candidate):
            seen.add(candidate)
            yield candidate


def make_caseworker(partner, username: str, key: str):
    """An employee of ``partner`` with a password and a confirmed authenticator app (the hex
    ``key``), who acknowledged the protocol."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from zorgvuldig.partners.models import Employee
    from zorgvuldig.partners.services import acknowledge

    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=username.capitalize(), last_name="Load"
    )
    TOTPDevice.objects.create(user=user, name="Authenticator-app", key=key, confirmed=True)
    employee = Employee.objects.create(user=user, partner=partner, role="caseworker")
    acknowledge(employee)
    return employee


def build_dossier(actor, partner, recipients, number, items, rng, numbers) -> dict:
    """Through the services: a client of ``actor`` with ``items`` items, some changed, some
    shared with ``recipients``."""
    from zorgvuldig.gate import services

    surname = f"Belasting {number:02d}"
    client = services.register_client(
        actor,
        bsn=next(numbers),
        given_names="Bench",
        surname=surname,
        birth_date=datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(15_000)),
        domain="zorg",
        legal_basis="wmo-2015",
        opened_on=datetime.date(2025, 1, 6),
        purpose="intake",
    )
    services.record_informing(
        actor,
        client.id,
        organisations=[partner.name],
        informed_on=TODAY,
        how="conversation",
        purpose="intake",
    )
    for scope in ("record-request", "share"):
        services.record_consent(
            actor, client.id, scope=scope, state="given", decided_on=TODAY, purpose="intake"
        )
    ids = []
    for index in range(items):
        category = CATEGORIES[index % len(CATEGORIES)]
        item = services.record_item(
            actor,
            client.id,
            category=category,
            label=f"{category} {index + 1}",
            value=f"Gegeven {index + 1}: " + "tekst " * rng.randrange(4, 24),
            source=rng.choice(("Cliënt", "Huisarts", "Wijkverpleging")),
            method="conversation",
            obtained_on=TODAY - datetime.timedelta(days=rng.randrange(700)),
            purpose="assessment",
        )
        if index % 10 == 9:
            services.change_item(
                actor,
                item.id,
                label=f"{category} {index + 1}",
                value=f"Gegeven {index + 1}, bijgewerkt",
                source="Cliënt",
                method="conversation",
                obtained_on=TODAY,
                reason="Bijgewerkt na gesprek",
                purpose=PURPOSE,
            )
        ids.append(item.id)
    disclosures = 0
    while disclosures < items:
        result = services.share_items(
            actor,
            client.id,
            item_ids=rng.sample(ids, rng.choice((1, 2, 3))),
            purpose=PURPOSE,
            recipient_partner_id=rng.choice(recipients),
            referral_domain="zorg",
        )
        disclosures += len(result.sent)
    return {"client": client, "surname": surname, "disclosures": disclosures}


def build_region(users: int, items: int, log_records: int, seed: int) -> list[dict]:
    """The caseworkers and their dossiers; the accounts the locust users sign in with."""
    from zorgvuldig.clients.models import Client
    from zorgvuldig.partners.services import actor_for

    rng = random.Random(seed)
    numbers = bsns(rng)
    partner = make_partner("Sociaal team Heuvelrug")
    recipients = [make_partner(f"Wmo-aanbieder {i + 1}").id for i in range(4)]
    accounts, built = [], []
    for number in range(1, users + 1):
        username, key = f"consulent{number:02d}", secrets.token_hex(20)
        employee = make_caseworker(partner, username, key)
        actor = actor_for(employee)
        dossier = build_dossier(actor, partner, recipients, number, items, rng, numbers)
        built.append((number, username, key, employee, dossier))
    # the log's history: consults, records, shares ... by the partner's caseworkers
    actors = [str(employee.id) for *_, employee, _ in built]
    for number, username, key, employee, dossier in built:
        client = Client.objects.select_related("subject").get(id=dossier["client"].id)
        fill_log(client, str(partner.id), log_records, seed + number, actors)
        accounts.append(
            {
                "username": username,
                "password": PASSWORD,
                "key": key,
                "surname": dossier["surname"],
                "dossier": f"/clienten/{client.id}/?doel={PURPOSE}",
                "client": str(client.id),
                "employee": str(employee.id),
                "disclosures": dossier["disclosures"],
            }
        )
    return accounts


def region_counts() -> dict:
    from zorgvuldig.dossier.models import DataItem, DataItemVersion
    from zorgvuldig.exchange.models import Disclosure
    from zorgvuldig.gate.context import gate_open
    from zorgvuldig.processing_log.models import LogRecord

    with gate_open():
        return {
            "items": DataItem.objects.count(),
            "versions": DataItemVersion.objects.count(),
            "disclosures": Disclosure.objects.count(),
            "log_records": LogRecord.objects.count(),
        }


# --- one page in this process: statements and profile -------------------------------------------


def signed_in_client(account: dict):
    """Django's test client with a verified session of the account's user (as tests/conftest's
    ``sign_in``: logged in and through the second factor with their app)."""
    import django_otp
    from django.contrib.auth import get_user_model
    from django.http import HttpRequest
    from django.test import Client as HttpClient
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=account["username"])
    http = HttpClient(SERVER_NAME="127.0.0.1")
    http.force_login(user)
    request = HttpRequest()
    request.session = http.session
    request.user = user
    django_otp.login(request, TOTPDevice.objects.get(user=user))
    request.session.save()
    return http


def page_statements(account: dict) -> dict:
    """The statements one dossier page sends (the page opened a few times before), by this
    process through Django's test client, and its time without a network: by the clock and
    in CPU of this process (the database's CPU not included)."""
    from django.db import connection

    http = signed_in_client(account)
    for _ in range(3):
        assert http.get(account["dossier"]).status_code == 200
    sent = [0]

    def count(execute, sql, params, many, context):
        sent[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = http.get(account["dossier"])
    assert response.status_code == 200
    wall, cpu = [], []
    for _ in range(20):
        began, began_cpu = time.perf_counter(), time.process_time()
        http.get(account["dossier"])
        cpu.append((time.process_time() - began_cpu) * 1000)
        wall.append((time.perf_counter() - began) * 1000)
    return {
        "statements": sent[0],
        "bytes": len(response.content),
        "median_ms": statistics.median(wall),
        "cpu_ms": statistics.median(cpu),
    }


def profile_page(account: dict, calls: int = 30) -> str:
    http = signed_in_client(account)
    http.get(account["dossier"])
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        http.get(account["dossier"])
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
    return out.getvalue()


# --- the server and the load ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, workers: int, log: Path) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:``port`` with the environment of this process; waits until it
    answers."""
    server = subprocess.Popen(  # noqa: S603 (gunicorn of this interpreter's environment)
        [
            str(BIN / "gunicorn"),
            "zorgvuldig.conf.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--error-logfile",
            str(log),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/inloggen/", timeout=5):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` and its children, now."""
    import psutil

    try:
        process = psutil.Process(pid)
        total = sum(process.cpu_times()[:2])
        for child in process.children(recursive=True):
            total += sum(child.cpu_times()[:2])
        return total
    except psutil.Error:
        return 0.0


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def run_locust(args, port: int, accounts_file: Path, results_file: Path) -> dict:
    env = {
        **os.environ,
        "LOAD_ACCOUNTS": str(accounts_file),
        "LOAD_RESULTS": str(results_file),
        "LOAD_PAGES": str(args.pages),
        "LOAD_SESSIONS": str(args.sessions),
        "LOAD_WAIT": args.wait,
        "LOAD_MAX_REQUESTS": str(args.max_requests),
        "PYTHONPATH": str(ROOT / "src"),
    }
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "load_locustfile.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        f"{args.seconds}s",
        "--stop-timeout",
        "5",
        "--host",
        f"http://127.0.0.1:{port}",
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
    ]
    began = time.monotonic()
    locust = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603 (locust, as above)
    try:
        cpu = 0.0
        while locust.poll() is None:
            cpu = max(cpu, process_cpu(locust.pid))
            if time.monotonic() - began > args.seconds + 60:
                locust.send_signal(signal.SIGINT)
                locust.wait(30)
                raise SystemExit("locust did not stop at its run time")
            time.sleep(0.5)
    finally:
        if locust.poll() is None:
            locust.kill()
    seconds = time.monotonic() - began
    if locust.returncode != 0:
        raise SystemExit(f"locust exited with {locust.returncode}")
    return {"seconds": seconds, "locust_cpu": cpu}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summarise(timings: list) -> dict:
    """Per named request: count, failures, median, p95, p99 and max (ms); the errors."""
    by_name: dict[str, dict] = {}
    for name, ms, error in timings:
        entry = by_name.setdefault(name, {"times": [], "failures": 0, "errors": {}})
        entry["times"].append(ms)
        if error:
            entry["failures"] += 1
            entry["errors"][error] = entry["errors"].get(error, 0) + 1
    out = {}
    for name, entry in by_name.items():
        times = entry["times"]
        out[name] = {
            "count": len(times),
            "failures": entry["failures"],
            "errors": entry["errors"],
            "median": statistics.median(times),
            "p95": percentile(times, 0.95),
            "p99": percentile(times, 0.99),
            "max": max(times),
        }
    return out


def checks(accounts: list[dict], since) -> dict:
    """What the run left: consults of the dossiers in the processing log, failed sign-ins
    (django-axes), and whether the log verifies."""
    from axes.models import AccessAttempt, AccessLog

    from zorgvuldig.processing_log.models import LogRecord
    from zorgvuldig.processing_log.verify import verify

    consults = LogRecord.objects.filter(
        name="dossier-raadplegen", start_time__gte=since, decision="allowed"
    ).count()
    failures = AccessAttempt.objects.count()
    sign_ins = AccessLog.objects.filter(attempt_time__gte=since).count()
    report = verify()
    return {
        "consults": consults,
        "failed_sign_ins": failures,
        "sign_ins": sign_ins,
        "log_verifies": report.ok,
        "log_records": report.records,
    }


# --- the run ------------------------------------------------------------------------------------


def measure(args, url: str) -> dict:
    from django.utils import timezone

    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="zorgvuldig-load-") as work:
        work = Path(work)
        production_environment(work)
        database_url = postgres_database(url, args.database)
        setup_django(database_url)
        from django.core.management import call_command
        from django.db import connections

        call_command("createcachetable", verbosity=0)
        print("Building the region through the services ...", file=sys.stderr)
        began = time.monotonic()
        accounts = build_region(args.users, args.items, args.log_records, args.seed)
        call_command("collectstatic", interactive=False, verbosity=0)
        result = {
            "database": server_version(),
            "region": region_counts(),
            "build_seconds": time.monotonic() - began,
            "page": page_statements(accounts[0]),
        }
        if args.profile:
            print(profile_page(accounts[0]), file=sys.stderr)
        accounts_file = work / "accounts.json"
        accounts_file.write_text(json.dumps(accounts))
        results_file = work / "results.json"
        connections.close_all()

        port = free_port()
        server = start_server(port, args.workers, work / "gunicorn.log")
        try:
            since = timezone.now()
            busy_before = machine_busy()
            result["load_before"] = os.getloadavg()
            server_cpu_before = process_cpu(server.pid)
            print(
                f"locust: {args.users} users against 127.0.0.1:{port} for {args.seconds} s ...",
                file=sys.stderr,
            )
            run = run_locust(args, port, accounts_file, results_file)
            result["server_cpu"] = process_cpu(server.pid) - server_cpu_before
            busy_after = machine_busy()
            result["load_after"] = os.getloadavg()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)
        result["machine_busy"] = (busy_after[0] - busy_before[0]) / (busy_after[1] - busy_before[1])
        timings = json.loads(results_file.read_text())["timings"]
        result["requests"] = summarise(timings)
        result["run"] = run
        result["checks"] = checks(accounts, since)
        server_errors = (work / "gunicorn.log").read_text()
        result["server_errors"] = server_errors.count("Traceback")
        if result["server_errors"]:
            print(server_errors[-4000:], file=sys.stderr)
        connections.close_all()
        if not args.keep:
            postgres_database(url, args.database, drop=True)
    result["load_start"] = load_start
    result["load_end"] = os.getloadavg()
    result["settings"] = {
        key: getattr(args, key)
        for key in (
            "users",
            "spawn_rate",
            "seconds",
            "max_requests",
            "pages",
            "sessions",
            "wait",
            "workers",
            "items",
            "log_records",
            "seed",
        )
    }
    return result


def table(r: dict) -> str:
    requests, s = r["requests"], r["settings"]
    lines = [
        "| Request | count | failures | median ms | p95 ms | p99 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in (*REQUESTS, *sorted(set(requests) - set(REQUESTS))):
        if name not in requests:
            continue
        q = requests[name]
        goal = f" (goal < {GOAL_P99_MS:g})" if name == "dossier" else ""
        lines.append(
            f"| {name} | {q['count']:,} | {q['failures']:,} | {q['median']:.0f} | "
            f"{q['p95']:.0f} | {q['p99']:.0f}{goal} | {q['max']:.0f} |"
        )
    total = sum(q["count"] for q in requests.values())
    failed = sum(q["failures"] for q in requests.values())
    dossier = requests.get("dossier", {"p99": float("inf"), "count": 0})
    worst = max(requests.items(), key=lambda kv: kv[1]["p99"])
    met = dossier["p99"] < GOAL_P99_MS and failed == 0
    check, run, page = r["checks"], r["run"], r["page"]
    region = r["region"]
    errors = sorted(
        {e: n for q in requests.values() for e, n in q["errors"].items()}.items(),
        key=lambda kv: -kv[1],
    )
    details = [
        f"Dossier page p99 {dossier['p99']:.0f} ms and {failed} failed requests of {total:,}: "
        f"{'meets' if met else 'MISSES'} the goal (p99 under {GOAL_P99_MS:g} ms, no errors). "
        f"The slowest request by p99: {worst[0]} ({worst[1]['p99']:.0f} ms).",
        f"{s['users']} users started {s['spawn_rate']:g} a second, {s['seconds']} s (at most "
        f"{s['max_requests']:,} requests; the run took {run['seconds']:.0f} s), "
        f"{total / run['seconds']:.1f} requests a second; a session is a sign-in, "
        f"{s['pages']} dossier pages and logging out, with {s['wait'].replace(',', '-')} s of "
        "think time before each step.",
        f"Server: gunicorn, {s['workers']} sync workers, production settings but HTTPS; "
        f"{r['server_cpu']:.0f} CPU s in its workers, {run['locust_cpu']:.0f} CPU s in locust; "
        f"the two cores were {100 * r['machine_busy']:.0f} % busy during the run (everything "
        "on the machine). Load average (1, 5, 15 min) at the start "
        f"{', '.join(f'{v:.1f}' for v in r['load_start'])}, before the run "
        f"{', '.join(f'{v:.1f}' for v in r['load_before'])}, after it "
        f"{', '.join(f'{v:.1f}' for v in r['load_after'])}, at the end "
        f"{', '.join(f'{v:.1f}' for v in r['load_end'])}.",
        f"One dossier page sends {page['statements']} statements and is "
        f"{page['bytes'] / 1024:.0f} KiB of HTML; in the benchmark's own process, without a "
        f"network or a server, it takes {page['median_ms']:.0f} ms (median of 20), of which "
        f"{page['cpu_ms']:.0f} ms CPU in Python (the database's not counted).",
        f"The run left {check['consults']:,} consults of the dossiers in the processing log "
        f"({dossier['count'] - requests.get('dossier', {}).get('failures', 0):,} pages "
        "measured; the others were still being answered when locust stopped), "
        f"{check['sign_ins']:,} sign-ins and {check['failed_sign_ins']} failed ones "
        f"in django-axes; the log of {check['log_records']:,} records "
        f"{'verifies' if check['log_verifies'] else 'DOES NOT VERIFY'}; "
        f"{r['server_errors']} tracebacks in the server's log."
        + (" Errors: " + "; ".join(f"{n} × {e}" for e, n in errors[:5]) + "." if errors else ""),
        f"The region: {s['users']} caseworkers, each with a client of {s['items']} items "
        f"({region['items']:,} items, {region['versions']:,} versions, "
        f"{region['disclosures']:,} disclosures in all) and {s['log_records']:,} "
        f"processing-log records about the client ({region['log_records']:,} in the log); "
        f"built through the services in {r['build_seconds']:.0f} s; seed {s['seed']}.",
        f"Measured {r['measured']} at {r['measured_time']} UTC on {r['machine']}; "
        f"{r['database']} on the same machine with its default settings.",
    ]
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {line}" for line in details)


def section(r: dict) -> str:
    return "\n".join(
        [
            START,
            "## Signing in and opening a dossier under load (`bench/bench_load.py`)",
            "",
            "PostgreSQL only. Concurrent caseworkers, simulated by locust in a process of its "
            "own on the same machine, over HTTP on 127.0.0.1 to gunicorn: each signs in with "
            "two factors (the login page, the password checked with Argon2 and django-axes, the "
            "code page, a TOTP code of their own authenticator app checked by django-otp), "
            "opens their client's dossier page (a consult through the gate, logged: the items "
            "with their versions, the consent panel, the Meldcode panel and the newest 100 "
            "records of the client's processing log) a number of times and logs out, again and "
            "again with a few seconds of think time. Times are per request, from sending it to "
            "having read the whole answer (a redirect is not followed: each step is its own "
            "request); a failure is an unexpected status, redirect or page. Locust, gunicorn "
            "and PostgreSQL share the two cores.",
            "",
            table(r),
            "",
            f"<!-- bench_load:data {json.dumps(r, sort_keys=True)} -->",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=2.0, help="users started a second")
    parser.add_argument("--seconds", type=int, default=60, help="how long locust runs")
    parser.add_argument("--max-requests", type=int, default=20_000, help="and at most this many")
    parser.add_argument("--pages", type=int, default=10, help="dossier pages per sign-in")
    parser.add_argument("--sessions", type=int, default=50, help="sign-ins per user at most")
    parser.add_argument("--wait", default="2,5", help="think time before each step, min,max s")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn's sync workers")
    parser.add_argument("--items", type=int, default=50, help="items per dossier")
    parser.add_argument("--log-records", type=int, default=1_000, help="log records per client")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--database", default=BENCH_DATABASE)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--profile", action="store_true", help="profile one dossier page")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md alone")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        parser.error("needs DATABASE_URL=postgres://...")
    try:
        low, high = (float(w) for w in args.wait.split(","))
    except ValueError:
        parser.error("--wait is min,max in seconds")
    if not 0 <= low <= high:
        parser.error("--wait: 0 <= min <= max")
    result = measure(args, url)
    now = datetime.datetime.now(datetime.UTC)
    result["machine"] = machine(" shared by locust, gunicorn and the database server")
    result["measured"] = now.date().isoformat()
    result["measured_time"] = now.strftime("%H:%M")
    print(table(result))
    if not args.no_write:
        write_section(START, END, END, section(result))
        print(f"\nWritten to {DOCS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
