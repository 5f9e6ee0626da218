# SPDX-License-Identifier: EUPL-1.2
"""The anonymised statistics kept of destroyed data (art5.2): counted before the dossier is
deleted, published with small cells suppressed."""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from tests.retention.region import build
from zorgvuldig.gate import services
from zorgvuldig.retention.models import AnonymisedCount, DestructionList
from zorgvuldig.retention.statistics import DIMENSIONS, Cell, Support, age_band, cells_of
from zorgvuldig.retention.suppression import TOTAL

D = datetime.date


def test_age_bands_on_the_day_support_ended():
    born = D(2010, 6, 1)
    assert age_band(born, D(2022, 5, 31)) == "0-11"
    assert age_band(born, D(2022, 6, 1)) == "12-17"
    assert age_band(born, D(2028, 6, 1)) == "18-22"
    assert age_band(born, D(2077, 6, 1)) == "67+"


def test_art5_2_a_dossier_counts_once_per_cell_and_only_for_anonymised_categories():
    cells = cells_of(
        D(2010, 6, 1),
        [
            Support("jeugd", D(2020, 3, 1), "1581", "referred"),
            Support("jeugd", D(2020, 9, 1), "1581", "referred"),
            Support("zorg", D(2021, 1, 5), "0352", "moved"),
            Support("zorg", D(2021, 2, 5), "", ""),  # from before municipality and ending
        ],
        ["youth", "health", "youth"],
        frozenset({"youth", "welfare"}),
    )
    assert cells == {
        Cell("youth", "jeugd", 2020, "0-11", "1581", "referred"),
        Cell("youth", "zorg", 2021, "0-11", "0352", "moved"),
        Cell("youth", "zorg", 2021, "0-11", "unknown", "unknown"),
    }


def test_art5_2_what_a_run_destroys_is_counted_and_published_without_small_cells(db):
    build(6)  # six youths whose youth care ended on 1 March 2004, aged 14
    found = DestructionList.objects.get()
    services.run_destruction_list(found.id, now=timezone.now())
    cell = ("jeugd", 2004, "12-17", "1581", "goals-reached")
    assert list(AnonymisedCount.objects.values_list("category", *DIMENSIONS, "people")) == [
        ("youth", *cell, 6)
    ]
    AnonymisedCount.objects.create(
        category="youth",
        domain="jeugd",
        period=2005,
        age_band="12-17",
        municipality="1581",
        ending="goals-reached",
        people=2,
    )
    table = services.anonymised_statistics()["youth"]
    later = ("jeugd", 2005, "12-17", "1581", "goals-reached")
    assert table.cells[later].status == "primary"  # two: fewer than five
    # and what would give it away beside the total of both years: 2004 is suppressed too
    assert table.cells[cell].status == "secondary"
    assert table.totals[("jeugd", TOTAL, "12-17", "1581", "goals-reached")].count == 8
    out = io.StringIO()
    call_command("retention", "statistics", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "categorie,domein,jaar,leeftijd,gemeente,afloop,aantal"
    assert "youth,jeugd,2005,12-17,1581,goals-reached,onderdrukt" in lines
    assert all(not line.endswith(",2") for line in lines)  # the two are never shown
