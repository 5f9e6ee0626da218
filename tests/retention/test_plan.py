# SPDX-License-Identifier: EUPL-1.2
"""What becomes due by a day (art5.2): counted per partner, domain, rule and year."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from tests.retention.conftest import end_support
from zorgvuldig.gate import services

D = datetime.date


@pytest.fixture
def ended_dossier(actor, client_dossier):
    """Sanne's youth care at a provider ended on 1 March 2004: kept through 1 March 2024."""
    factories.record(actor, client_dossier.id, "youth", "Zit in groep 8")
    end_support(client_dossier)
    return client_dossier


def test_art5_2_the_plan_counts_a_dossier_from_the_day_after_it_is_kept_through(ended_dossier):
    assert services.retention_plan(D(2024, 3, 1)) == []
    (row,) = services.retention_plan(D(2024, 3, 2))
    assert (row.partner, row.domain, row.rule, row.period, row.dossiers) == (
        "Jeugdteam Heuvelrug",
        "jeugd",
        "jeugdwet-7.3.8",
        2004,
        1,
    )


def test_art5_2_the_plan_leaves_out_a_client_whose_support_goes_on(actor, client_dossier):
    factories.record(actor, client_dossier.id, "youth", "Zit in groep 8")
    assert services.retention_plan(D(2100, 1, 1)) == []


def test_the_plan_as_csv_names_no_one(ended_dossier, capsys):
    call_command("retention", "plan", "--by", "2026-12-03", "--csv")
    out = capsys.readouterr().out
    assert (
        out
        == "partner,domein,regel,jaar,dossiers\nJeugdteam Heuvelrug,jeugd,jeugdwet-7.3.8,2004,1\n"
    )
    call_command("retention", "plan", "--by", "2026-12-03")
    assert "Te vernietigen op 2026-12-03: 1 dossier(s)" in capsys.readouterr().out


def test_the_plan_refuses_a_malformed_day(db):
    with pytest.raises(CommandError, match="Geen datum"):
        call_command("retention", "plan", "--by", "3-12-2026")
