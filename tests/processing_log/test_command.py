# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig log verify`` and ``zorgvuldig log anchor``: output and exit codes."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from tests.processing_log.helpers import append_to, tampering
from zorgvuldig import cli
from zorgvuldig.processing_log.models import Anchor, LogRecord


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("log", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_verify_reports_an_intact_log_with_its_counts():
    append_to(2, 3)
    output = _run("verify")
    assert "3 records in 1 ketens en 0 ankers gecontroleerd" in output
    assert "records/s" in output
    assert "Verwerkingenlogboek intact." in output


@pytest.mark.django_db
def test_verify_fails_with_exit_code_1_naming_the_first_bad_record():
    ids = append_to(2, 3)
    with tampering():
        LogRecord.objects.filter(id=ids[1]).delete()
    with pytest.raises(CommandError) as failure:
        _run("verify")
    assert failure.value.returncode == 1
    assert str(failure.value) == (
        f"Verwerkingenlogboek NIET intact: a record was removed between record {ids[0]} and "
        f"record {ids[2]} in chain 2 (seq 2 missing)"
    )


@pytest.mark.django_db
def test_anchor_binds_the_heads_and_prints_the_hash():
    append_to(2, 1)
    output = _run("anchor")
    anchor = Anchor.objects.get()
    assert output.strip() == (
        f"Anker {anchor.id} gemaakt over {len(anchor.heads)} ketens: {anchor.anchor_hash}"
    )


@pytest.mark.django_db(transaction=True)
def test_the_zorgvuldig_command_exits_0_when_intact_and_1_when_not(capsys):
    ids = append_to(7, 2)
    cli.main(["log", "verify", "--workers", "2"])  # returns normally: exit code 0
    assert "Verwerkingenlogboek intact." in capsys.readouterr().out
    with tampering():
        LogRecord.objects.filter(id=ids[0]).update(purpose="safety")
    with pytest.raises(SystemExit) as exit_:
        cli.main(["log", "verify"])
    assert exit_.value.code == 1
    assert f"record {ids[0]} (chain 7, seq 1) was altered" in capsys.readouterr().err
