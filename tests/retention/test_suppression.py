# SPDX-License-Identifier: EUPL-1.2
"""The anonymised statistics kept of destroyed clients (art5.2): every published cell and total
covers at least k people or none, and no suppressed value can be worked out from what is
published. The second is checked independently of the algorithm, with exact linear algebra
over the equations a reader knows (every line of the table sums to its total)."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.retention.suppression import (
    TOTAL,
    CountTable,
    Entry,
    PublishedTable,
    Status,
    suppress,
)

# --- an independent check: which suppressed values the published ones determine ------------


def extended_keys(published: PublishedTable):
    return itertools.product(*((*levels, TOTAL) for levels in published.levels))


def line_equations(published: PublishedTable) -> list[dict[tuple, int]]:
    """Every equation between the entries a reader knows: in every dimension, the total equals
    the sum of the entries along that line. As {key: coefficient}."""
    equations = []
    for key in extended_keys(published):
        for i, value in enumerate(key):
            if value is TOTAL:
                equation = {key: 1}
                for level in published.levels[i]:
                    equation[(*key[:i], level, *key[i + 1 :])] = -1
                equations.append(equation)
    return equations


def determined(published: PublishedTable) -> set[tuple]:
    """The suppressed entries whose value follows from the published ones: those whose unit
    vector lies in the row space of the equations restricted to the suppressed unknowns."""
    unknowns = [e.key for e in published.entries() if e.suppressed]
    column = {key: j for j, key in enumerate(unknowns)}
    rows = []
    for equation in line_equations(published):
        row = {column[k]: Fraction(c) for k, c in equation.items() if k in column}
        if row:
            rows.append(row)
    basis: dict[int, dict[int, Fraction]] = {}  # pivot column -> row with 1 at the pivot
    for row in rows:
        row = reduce(row, basis)
        if row:
            pivot = min(row)
            scale = row[pivot]
            row = {j: c / scale for j, c in row.items()}
            for other in basis.values():  # keep the basis reduced
                if pivot in other:
                    factor = other[pivot]
                    for j, c in row.items():
                        other[j] = other.get(j, 0) - factor * c
                        if other[j] == 0:
                            del other[j]
            basis[pivot] = row
    return {key for key in unknowns if not reduce({column[key]: Fraction(1)}, basis)}


def reduce(row: dict[int, Fraction], basis: dict[int, dict[int, Fraction]]):
    row = dict(row)
    for pivot in sorted(basis):
        factor = row.get(pivot)
        if factor:
            for j, c in basis[pivot].items():
                row[j] = row.get(j, 0) - factor * c
                if row[j] == 0:
                    del row[j]
    return row


def true_values(table: CountTable) -> dict[tuple, int]:
    """Every cell and total of ``table``, summed here."""
    values = {}
    for key in itertools.product(*((*levels, TOTAL) for levels in table.levels)):
        ranges = [table.levels[i] if v is TOTAL else (v,) for i, v in enumerate(key)]
        values[key] = sum(table.counts.get(cell, 0) for cell in itertools.product(*ranges))
    return values


def assert_published_as_it_may_be(table: CountTable, published: PublishedTable, k: int):
    truth = true_values(table)
    assert set(published.cells) | set(published.totals) == set(truth)
    for entry in published.entries():
        value = truth[entry.key]
        if 0 < value < k:
            assert entry.status is Status.PRIMARY, entry
        elif entry.suppressed:
            assert entry.status is Status.SECONDARY, entry
        else:
            assert entry.count == value and (value == 0 or value >= k), entry


def grid(rows: str, columns: str, values: list[list[int]]) -> CountTable:
    counts = {
        (r, c): v
        for r, line in zip(rows, values, strict=True)
        for c, v in zip(columns, line, strict=True)
    }
    return CountTable(("row", "column"), (tuple(rows), tuple(columns)), counts)


def suppressed_keys(published: PublishedTable) -> set[tuple]:
    return {e.key for e in published.entries() if e.suppressed}


# --- the checker itself -------------------------------------------------------------------


def test_suppression_checker_finds_a_value_that_is_the_only_suppressed_one_in_its_row():
    table = grid("ab", "xy", [[2, 10], [9, 12]])
    entries = {e.key: e for e in suppress(table, 1).entries()}
    entries[("a", "x")] = Entry(("a", "x"), Status.PRIMARY, None)
    alone = PublishedTable(
        table.dimensions,
        table.levels,
        5,
        {k: e for k, e in entries.items() if TOTAL not in k},
        {k: e for k, e in entries.items() if TOTAL in k},
    )
    assert determined(alone) == {("a", "x")}


# --- examples -----------------------------------------------------------------------------


def test_suppression_one_small_cell_forces_a_second_in_its_row_and_column():
    table = grid("abc", "xyz", [[2, 10, 8], [9, 12, 7], [15, 20, 30]])
    published = suppress(table)
    assert published.cells[("a", "x")] == Entry(("a", "x"), Status.PRIMARY, None)
    # The cheapest rectangle through (a, x): 8 + 9 + 7 people, not 10 + 9 + 12.
    assert {k for k, e in published.cells.items() if e.status is Status.SECONDARY} == {
        ("a", "z"),
        ("b", "x"),
        ("b", "z"),
    }
    assert published.cells[("c", "x")].count == 15
    assert all(not total.suppressed for total in published.totals.values())
    assert published.totals[("a", TOTAL)].count == 20
    assert published.grand_total.count == 113
    assert determined(published) == set()
    assert_published_as_it_may_be(table, published, 5)


def test_suppression_without_the_second_cell_the_first_would_be_recovered():
    table = grid("abc", "xyz", [[2, 10, 8], [9, 12, 7], [15, 20, 30]])
    published = suppress(table)
    keys = suppressed_keys(published)
    for partner in keys - {("a", "x")}:
        entries = {
            e.key: (
                Entry(e.key, Status.PUBLISHED, true_values(table)[e.key]) if e.key == partner else e
            )
            for e in published.entries()
        }
        weaker = PublishedTable(
            table.dimensions,
            table.levels,
            5,
            {k: e for k, e in entries.items() if TOTAL not in k},
            {k: e for k, e in entries.items() if TOTAL in k},
        )
        assert determined(weaker), partner


def test_suppression_prefers_the_smallest_partners():
    table = grid("abc", "xyz", [[3, 40, 6], [50, 60, 70], [5, 80, 6]])
    published = suppress(table)
    assert suppressed_keys(published) == {("a", "x"), ("a", "z"), ("c", "x"), ("c", "z")}


def test_suppression_a_small_total_is_suppressed_and_protected():
    table = grid("abc", "xyz", [[1, 2, 0], [9, 12, 7], [15, 20, 30]])
    published = suppress(table)
    assert published.totals[("a", TOTAL)].status is Status.PRIMARY
    assert published.cells[("a", "z")] == Entry(("a", "z"), Status.PUBLISHED, 0)
    assert determined(published) == set()
    assert_published_as_it_may_be(table, published, 5)


def test_suppression_publishes_zeros_as_zero_and_never_suppresses_them():
    table = grid("ab", "xyz", [[0, 3, 7], [6, 0, 9]])
    published = suppress(table)
    assert published.cells[("a", "x")].count == 0 and published.cells[("b", "y")].count == 0
    assert all(true_values(table)[key] > 0 for key in suppressed_keys(published))
    assert determined(published) == set()


def test_suppression_of_a_single_dimension_pairs_with_another_level_or_the_total():
    table = CountTable.of(("outcome",), {("ended",): 3, ("moved",): 40, ("other",): 9})
    published = suppress(table)
    assert suppressed_keys(published) == {("ended",), ("other",)}
    assert published.grand_total.count == 52
    assert determined(published) == set()


def test_suppression_levels_without_counts_are_published_as_zero():
    table = CountTable(("year",), ((2029, 2030, 2031),), {(2030,): 12})
    published = suppress(table)
    assert [e.count for e in published.cells.values()] == [0, 12, 0]


def test_suppression_a_threshold_of_one_suppresses_nothing():
    table = grid("ab", "xy", [[1, 2], [3, 4]])
    assert suppressed_keys(suppress(table, 1)) == set()


def test_suppression_of_three_dimensions_protects_its_two_dimensional_tables():
    counts = {("jeugd", 2030, "Zeist"): 2, ("jeugd", 2030, "Bunnik"): 11}
    counts |= {("zorg", 2030, "Zeist"): 6, ("zorg", 2030, "Bunnik"): 8}
    counts |= {("jeugd", 2031, "Zeist"): 7, ("jeugd", 2031, "Bunnik"): 9}
    counts |= {("zorg", 2031, "Zeist"): 13, ("zorg", 2031, "Bunnik"): 1}
    table = CountTable.of(("domain", "year", "municipality"), counts)
    published = suppress(table)
    assert published.totals[("jeugd", 2030, TOTAL)].count == 13
    assert determined(published) == set()
    assert_published_as_it_may_be(table, published, 5)


def test_suppression_is_deterministic():
    rng = random.Random(7)
    counts = {key: rng.randrange(12) for key in itertools.product(range(6), range(5), range(3))}
    table = CountTable.of(("a", "b", "c"), counts)
    assert suppress(table) == suppress(
        CountTable.of(("a", "b", "c"), dict(reversed(counts.items())))
    )


def test_suppression_of_a_five_dimensional_table_of_thousands_of_cells():
    """Domain, year, municipality, age band and outcome: 7,200 cells and their totals. Too many
    unknowns for exact algebra here; the check is the necessary condition that no line of the
    table (cells along one dimension and their total) holds exactly one suppressed value."""
    rng = random.Random(5)
    shape = (5, 6, 10, 6, 4)
    counts = {
        key: int(rng.expovariate(1 / 8)) for key in itertools.product(*(range(n) for n in shape))
    }
    table = CountTable.of(("domain", "year", "municipality", "age", "outcome"), counts)
    published = suppress(table)
    assert len(published.cells) == math.prod(shape)
    assert_published_as_it_may_be(table, published, 5)
    suppressed = suppressed_keys(published)
    assert suppressed
    for key in extended_keys(published):
        for i, value in enumerate(key):
            if value is TOTAL:
                line = [key] + [(*key[:i], level, *key[i + 1 :]) for level in table.levels[i]]
                assert sum(k in suppressed for k in line) != 1, line


def test_suppression_a_bounded_search_is_still_sound():
    counts = {("a", "x"): 2, ("a", "y"): 10, ("b", "x"): 9, ("b", "y"): 12}
    table = CountTable.of(("row", "column"), counts)
    published = suppress(table, search_budget=1)
    assert determined(published) == set()
    assert_published_as_it_may_be(table, published, 5)


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: CountTable((), (), {}), "at least one dimension"),
        (lambda: CountTable(("a", "a"), ((1,), (2,)), {}), "'a' is named twice"),
        (lambda: CountTable(("a",), ((1,), (2,)), {}), "1 dimensions need 1 lists of levels"),
        (lambda: CountTable(("a",), ((),), {}), "dimension 'a' has no levels"),
        (lambda: CountTable(("a",), ((1, 1),), {}), "levels of dimension 'a' must be unique"),
        (lambda: CountTable(("a",), ((TOTAL,),), {}), "TOTAL is not a level"),
        (lambda: CountTable(("a", "b"), ((1,), (2,)), {(1,): 3}), "must be a tuple of 2"),
        (lambda: CountTable(("a",), ((1,),), {(2,): 3}), "2 for dimension 'a'"),
        (lambda: CountTable(("a",), ((1,),), {(1,): -1}), "whole number ≥ 0, not -1"),
        (lambda: CountTable(("a",), ((1,),), {(1,): True}), "whole number ≥ 0, not True"),
        (lambda: CountTable.of(("a",), {(1,): 1, ("x",): 2}), "give the levels in order"),
        (lambda: suppress(CountTable.of(("a",), {(1,): 1}), 0), "threshold must be"),
        (lambda: suppress(CountTable.of(("a",), {(1,): 1}), search_budget=0), "search budget"),
        (lambda: Entry(("a",), Status.PRIMARY, 3), "a suppressed one has none"),
    ],
)
def test_suppression_bad_input_is_a_clear_error(make, message):
    with pytest.raises(ValueError, match=message):
        make()


# --- properties ---------------------------------------------------------------------------

SMALL_OR_NOT = st.one_of(st.just(0), st.integers(1, 4), st.integers(5, 40))


@st.composite
def tables(draw):
    n = draw(st.integers(1, 4))
    largest = {1: 7, 2: 5, 3: 3, 4: 2}[n]
    shape = [draw(st.integers(1, largest)) for _ in range(n)]
    cells = list(itertools.product(*(range(size) for size in shape)))
    values = draw(st.lists(SMALL_OR_NOT, min_size=len(cells), max_size=len(cells)))
    dimensions = tuple(f"d{i}" for i in range(n))
    levels = tuple(tuple(range(size)) for size in shape)
    return CountTable(dimensions, levels, dict(zip(cells, values, strict=True)))


@settings(max_examples=250, deadline=None)
@given(table=tables(), k=st.integers(1, 7))
def test_statistics_never_reveal_a_suppressed_value(table, k):
    published = suppress(table, k)
    assert determined(published) == set()


@settings(max_examples=250, deadline=None)
@given(table=tables(), k=st.integers(1, 7))
def test_statistics_publish_only_counts_of_at_least_k_or_zero(table, k):
    published = suppress(table, k)
    assert published.threshold == k
    assert_published_as_it_may_be(table, published, k)
