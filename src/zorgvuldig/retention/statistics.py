# SPDX-License-Identifier: EUPL-1.2
"""The anonymised statistics kept of destroyed data (art5.2): which cells a destroyed dossier
counts in, and the tables as they may be published. Pure.

A dossier counts once in each cell of (category, domain, year in which the support ended, age
band on that day, municipality, how the support ended) it had data in, for the categories the
version anonymises instead of only destroying (``retention.anonymised_categories``). Each
category is one table of those five dimensions, published with all its totals and small cells
suppressed (:func:`.suppress`). Support recorded before the municipality or the ending was
kept counts as ``UNKNOWN`` there.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from zorgvuldig.protocol.authority import age_on
from zorgvuldig.retention.suppression import CountTable, PublishedTable, suppress

DIMENSIONS = ("domain", "period", "age_band", "municipality", "ending")
UNKNOWN = "unknown"
# the age bands of the social domain: children, youth (the Jeugdwet up to 18), young adults
# (youth care can run to 23), adults, and the elderly (Wmo)
BANDS = ((0, "0-11"), (12, "12-17"), (18, "18-22"), (23, "23-66"), (67, "67+"))


def age_band(birth_date: datetime.date, day: datetime.date) -> str:
    age = max(age_on(birth_date, day), 0)  # support of an unborn child counts as a child's
    return [label for start, label in BANDS if age >= start][-1]


@dataclass(frozen=True, slots=True)
class Cell:
    category: str
    domain: str
    period: int
    age_band: str
    municipality: str
    ending: str


@dataclass(frozen=True, slots=True)
class Support:
    """A closed support of a destroyed dossier, as far as the statistics count it."""

    domain: str
    ended: datetime.date
    municipality: str
    ending: str


def cells_of(
    birth_date: datetime.date,
    supports: Iterable[Support],
    categories: Iterable[str],
    anonymised: frozenset[str],
) -> set[Cell]:
    """The cells one destroyed dossier counts in: its closed supports and the categories of
    its data that the version anonymises."""
    counted = sorted(set(categories) & {str(c) for c in anonymised})
    return {
        Cell(
            category,
            support.domain,
            support.ended.year,
            age_band(birth_date, support.ended),
            support.municipality or UNKNOWN,
            support.ending or UNKNOWN,
        )
        for support in supports
        for category in counted
    }


def published(counts: Iterable[tuple], threshold: int) -> Mapping[str, PublishedTable]:
    """Per category, its table as it may be published: ``counts`` are rows of (category,
    domain, period, age band, municipality, ending, people)."""
    by_category: dict[str, dict[tuple, int]] = {}
    for category, *key, people in counts:
        by_category.setdefault(category, {})[tuple(key)] = people
    return {
        category: suppress(CountTable.of(DIMENSIONS, cells), threshold)
        for category, cells in sorted(by_category.items())
    }
