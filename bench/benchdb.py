# SPDX-License-Identifier: EUPL-1.2
"""What the benchmark scripts share: a PostgreSQL database of their own, Django on it, the
line that names the machine, the partners and caseworkers they load, and writing their
sections of ``docs/benchmarks.md``."""

from __future__ import annotations

import datetime
import os
import platform
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
# the protocol version the benchmarks' partners are committed to
VERSION = "regio-utrecht-zuidoost-2015"
DOCS_HEADER = (
    "# Benchmarks\n\nNumbers measured by the scripts under `bench/` (`make bench`); each\n"
    "script keeps its own section up to date. They are not part of the tests.\n"
)


def postgres_database(url: str, name: str, drop: bool = False) -> str:
    """Make the empty database ``name`` on the server of ``url`` (or ``drop`` it); its URL."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if not drop:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def setup_django(url: str) -> None:
    """Django on the database of ``url``, migrated."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgvuldig.conf.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def machine(after_cores: str = "", *, memory: bool = True, extra: str = "") -> str:
    """The CPU, cores, RAM (``memory``), system and Python of this machine, for the docs;
    ``after_cores`` and ``extra`` say what the script adds (pinning, who shares the cores)."""
    cpu, ram = platform.processor() or platform.machine(), ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        if memory:
            kib = int(Path("/proc/meminfo").read_text().split()[1])
            ram = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{ram}{after_cores}, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}{extra}"
    )


def write_section(start: str, end: str, after: str, new: str) -> None:
    """Put ``new`` between the markers ``start`` and ``end`` of ``docs/benchmarks.md``, or,
    the first time, after the marker ``after`` (else at the end)."""
    text = DOCS.read_text() if DOCS.exists() else DOCS_HEADER
    if start in text:
        before, rest = text.split(start, 1)
        text = before + new + rest.split(end, 1)[1]
    elif after in text:
        before, rest = text.split(after, 1)
        text = before + after + "\n\n" + new + rest
    else:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    DOCS.write_text(re.sub(r"\n{3,}", "\n\n", text))


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return "PostgreSQL " + cursor.fetchone()[0].split()[0]


def make_partner(name: str, kind: str = "private"):
    from zorgvuldig.partners.models import Partner, ProtocolCommitment

    partner = Partner.objects.create(name=name, kind=kind)
    ProtocolCommitment.objects.create(
        partner=partner, protocol_version=VERSION, starts_on=datetime.date(2015, 1, 1)
    )
    return partner


def make_caseworker(partner, username: str, role: str = "caseworker"):
    """An employee of ``partner`` who acknowledged the protocol: a caseworker, or ``role``."""
    from django.contrib.auth import get_user_model

    from zorgvuldig.partners.models import Employee
    from zorgvuldig.partners.services import acknowledge

    user = get_user_model().objects.create_user(
        username=username, first_name=username.capitalize(), last_name="Bench"
    )
    employee = Employee.objects.create(user=user, partner=partner, role=role)
    acknowledge(employee)
    return employee
