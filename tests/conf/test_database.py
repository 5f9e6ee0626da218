# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL the gate's statements are planned once per connection (decision 7)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.db import connection

from zorgvuldig.partners.models import Partner

pytestmark = pytest.mark.django_db

postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)


@postgresql
def test_a_statement_run_often_is_prepared_on_the_server():
    for _ in range(6):
        list(Partner.objects.filter(name="Buurtteam Doorn").values_list("id"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('"partners_partner"' in sql and "$1" in sql for sql in prepared)


def options(threshold: str | None) -> str:
    env = {**os.environ, "DATABASE_URL": "postgres://u@db:5432/zorgvuldig"}
    env.pop("DATABASE_PREPARE_THRESHOLD", None)
    if threshold is not None:
        env["DATABASE_PREPARE_THRESHOLD"] = threshold
    code = "from zorgvuldig.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    return done.stdout or done.stderr.strip().splitlines()[-1]


def test_behind_a_pooler_statements_can_be_left_unprepared():
    assert options(None) == "{'server_side_binding': True, 'prepare_threshold': 5}\n"
    assert options("off") == "{'server_side_binding': True, 'prepare_threshold': None}\n"
    assert options("0") == "{'server_side_binding': True, 'prepare_threshold': 0}\n"
    assert options("never") == (
        "RuntimeError: DATABASE_PREPARE_THRESHOLD must be a whole number, or off"
    )
