# SPDX-License-Identifier: EUPL-1.2
"""A run of a destruction list killed with SIGKILL halfway and started again ends as a run
that was never interrupted (art5.2): nothing destroyed twice, no client half-destroyed.

The runs are processes of their own, on two copies of one database (SQLite files, or two
PostgreSQL databases when the suite runs on PostgreSQL)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 24


def _env(url: str, tmp_path: Path) -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "zorgvuldig.conf.settings",
        "ZORGVULDIG_VAR_DIR": str(tmp_path),
        "ZORGVULDIG_MASTER_KEY": "interrupted-run-test-key-0123456789abcdef",
        "ZORGVULDIG_DESTRUCTION_BATCH": "2",
        "ZORGVULDIG_LOG_ANCHOR_SECONDS": "0",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }


def _zorgvuldig(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "zorgvuldig", *args], env=env, check=True, capture_output=True,
        text=True, timeout=600, **kwargs,
    )  # fmt: skip


@pytest.fixture
def two_databases(tmp_path):
    """Two URLs of the same built region: one to interrupt, one to run through."""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        names = [f"interrupted_{uuid.uuid4().hex[:8]}", f"through_{uuid.uuid4().hex[:8]}"]
        server = base.rsplit("/", 1)[0]
        admin = psycopg.connect(f"{server}/postgres", autocommit=True)
        admin.execute(f'CREATE DATABASE "{names[0]}"')
        urls = [f"{server}/{name}" for name in names]
        _build(urls[0], tmp_path)
        admin.execute(f'CREATE DATABASE "{names[1]}" TEMPLATE "{names[0]}"')
        yield urls
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    else:
        urls = [
            f"sqlite:///{tmp_path / 'interrupted.sqlite3'}",
            f"sqlite:///{tmp_path / 'through.sqlite3'}",
        ]
        _build(urls[0], tmp_path)
        shutil.copy(tmp_path / "interrupted.sqlite3", tmp_path / "through.sqlite3")
        yield urls


def _build(url: str, tmp_path: Path) -> None:
    env = _env(url, tmp_path)
    _zorgvuldig(env, "migrate", "--no-input")
    subprocess.run(
        [sys.executable, "-m", "tests.retention.region", str(CLIENTS)],
        env=env, check=True, cwd=ROOT, capture_output=True, timeout=600,
    )  # fmt: skip


def _kill_halfway(env) -> None:
    run = subprocess.Popen(
        [sys.executable, "-m", "zorgvuldig", "retention", "run"],
        env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    seen = ""
    while f" {CLIENTS // 2}/{CLIENTS}" not in seen:
        char = run.stderr.read(1)
        assert char, f"the run ended before it was halfway: {seen!r}"
        seen += char
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL


STATE = """
import json
from zorgvuldig.retention.models import DestructionList, ListEntry, DestroyedDossier
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.clients.models import Client, Subject
from zorgvuldig.dossier.models import DataItem
print(json.dumps({
    "lists": sorted(DestructionList.objects.values_list("number", "state")),
    "entries": sorted(ListEntry.objects.values_list(
        "pseudonym", "outcome", "kept_because", "client_id")),
    "ledger": sorted(DestroyedDossier.objects.values_list("pseudonym", "whole_client")),
    "destroyed_logged": sorted(LogRecord.objects.filter(name="dossier-vernietigen")
        .values_list("subject_pseudonym", "decision")),
    "left": [Client.objects.count(), Subject.objects.count(), DataItem.objects.count()],
}, default=str))
"""


def _state(env) -> str:
    return _zorgvuldig(env, "shell", "--no-imports", "-c", STATE).stdout


def test_art5_2_a_run_killed_halfway_and_started_again_ends_as_one_never_interrupted(
    two_databases, tmp_path
):
    interrupted, through = (_env(url, tmp_path) for url in two_databases)
    _kill_halfway(interrupted)
    halfway = _state(interrupted)
    assert '"running"' in halfway  # stopped in the middle, not finished
    _zorgvuldig(interrupted, "retention", "run")
    _zorgvuldig(through, "retention", "run")
    assert _state(interrupted) == _state(through)
    end = json.loads(_state(through))
    assert len(end["destroyed_logged"]) == CLIENTS  # each destroyed once, logged once
    assert {decision for _, decision in end["destroyed_logged"]} == {"allowed"}
    assert end["left"] == [0, 0, 0] and end["lists"] == [[1, "done"]]
    halfway = json.loads(halfway)
    assert 0 < len(halfway["destroyed_logged"]) < CLIENTS
    _zorgvuldig(interrupted, "log", "verify")
