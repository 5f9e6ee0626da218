# SPDX-License-Identifier: EUPL-1.2
"""Anonymised statistics with small-cell suppression (art5.2): what is kept of the clients whose
data is destroyed, in counts that cannot be traced back to anyone.

A :class:`CountTable` holds counts keyed by one value per named dimension (domain, year,
municipality, age band, outcome …). :func:`suppress` gives the :class:`PublishedTable`: every
cell of the table and every marginal total, either with its count or suppressed.

**What is published.** The cells and *all* their marginals: for every set of dimensions, the
sums over it (a marginal's key has :data:`TOTAL` in the dimensions summed over), up to the grand
total, whose key is :data:`TOTAL` everywhere. For a 2-D table: the cells, the row totals, the
column totals and the grand total; for a 3-D table also its three 2-D tables. Whoever wants
fewer totals may leave some out: a reader who knows less learns less. Publish the statistics
of one set of clients as one table: its lower-dimensional tables are its marginals and are
protected with it, whereas tables cut from the same data by separate calls are linked through
their shared totals and are not protected against each other.

**Primary suppression.** A cell or total covering more than 0 and fewer than ``threshold`` (k)
people is suppressed. **Zeros are published as 0**: a zero identifies nobody, and leaving zeros
out of the suppression pattern keeps the guarantee below also for a reader who knows that
counts are not negative.

**Secondary suppression: hypercubes.** Every suppressed value lies on a *suppressed
hypercube*: a choice of two different values ``a_i``, ``b_i`` (a level or :data:`TOTAL`) in
every dimension whose 2^n corners (all entries whose coordinates are taken from those pairs)
are all suppressed. That is what makes it sound, in any number of dimensions: let the
perturbation of the underlying cells be the product over the dimensions of ``e(a_i) - e(b_i)``
where both are levels, and ``e(x_i)`` for the level ``x_i`` of the pair whose other member is
:data:`TOTAL`. Summed over any set of dimensions it is zero outside the hypercube and ±1 on
every corner. Adding ``t`` times it to the table changes no published value and every
suppressed one on the corners: no suppressed value is determined by the published cells and
totals and the equations between them. Since every corner holds at least 1 (zeros are
published), ``t = ±1`` keeps every count non-negative, so each suppressed value could also have
been one lower and one higher. For a 2-D table the hypercubes are the rectangles of suppressed
cells: a cell that is the only suppressed one in its row is never left so.

The primaries are taken smallest first; each one that is not on a suppressed hypercube yet gets
the cheapest one: least of all newly suppressed people, then fewest newly suppressed entries,
found by a depth-first search with bounds, over the dimensions, from a hypercube that always
exists (the primary, one non-empty cell beneath it and totals). The search takes at most
``search_budget`` steps per primary and then keeps the cheapest hypercube found so far; the
result is deterministic and sound either way, and a bounded search only costs more suppression.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

DEFAULT_THRESHOLD = 5
DEFAULT_SEARCH_BUDGET = 20_000


class _Total:
    """The value of a dimension in the key of a marginal total: summed over that dimension."""

    _instance: _Total | None = None

    def __new__(cls) -> _Total:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "TOTAL"

    def __reduce__(self) -> tuple:
        return (_Total, ())


TOTAL = _Total()

Key = tuple[Hashable, ...]


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class CountTable:
    """Counts of people keyed by one value per dimension; a combination of levels that is not
    in ``counts`` counts 0. ``levels`` lists every dimension's values in the order in which
    they are published."""

    dimensions: tuple[str, ...]
    levels: tuple[tuple[Hashable, ...], ...]
    counts: Mapping[Key, int]

    def __post_init__(self) -> None:
        dimensions = tuple(self.dimensions)
        if not dimensions:
            raise ValueError("a count table needs at least one dimension")
        for name in dimensions:
            if not isinstance(name, str) or not name:
                raise ValueError(f"a dimension's name must be a non-empty string, not {name!r}")
        if len(set(dimensions)) != len(dimensions):
            twice = next(d for d in dimensions if dimensions.count(d) > 1)
            raise ValueError(f"dimension names must be unique: {twice!r} is named twice")
        levels = tuple(tuple(values) for values in self.levels)
        if len(levels) != len(dimensions):
            raise ValueError(
                f"{len(dimensions)} dimensions need {len(dimensions)} lists of levels, "
                f"not {len(levels)}"
            )
        for name, values in zip(dimensions, levels, strict=True):
            if not values:
                raise ValueError(f"dimension {name!r} has no levels")
            if len(set(values)) != len(values):
                raise ValueError(f"the levels of dimension {name!r} must be unique")
            if any(value is TOTAL for value in values):
                raise ValueError(f"TOTAL is not a level (dimension {name!r})")
        known = [set(values) for values in levels]
        counts: dict[Key, int] = {}
        for key, count in dict(self.counts).items():
            if not isinstance(key, tuple) or len(key) != len(dimensions):
                raise ValueError(
                    f"the key {key!r} must be a tuple of {len(dimensions)} values, one for "
                    f"each of {', '.join(dimensions)}"
                )
            for name, value, values in zip(dimensions, key, known, strict=True):
                if value not in values:
                    raise ValueError(
                        f"the key {key!r} has {value!r} for dimension {name!r}, which is not "
                        "one of its levels"
                    )
            if not _whole(count) or count < 0:
                raise ValueError(f"the count of {key!r} must be a whole number ≥ 0, not {count!r}")
            counts[key] = count
        object.__setattr__(self, "dimensions", dimensions)
        object.__setattr__(self, "levels", levels)
        object.__setattr__(self, "counts", MappingProxyType(counts))

    @classmethod
    def of(
        cls,
        dimensions: tuple[str, ...],
        counts: Mapping[Key, int],
        levels: tuple[tuple[Hashable, ...], ...] | None = None,
    ) -> CountTable:
        """The table of ``counts``; without ``levels``, each dimension's levels are the values
        its keys use, sorted."""
        if levels is None:
            found: list[set] = [set() for _ in dimensions]
            for key in counts:
                if isinstance(key, tuple) and len(key) == len(dimensions):
                    for values, value in zip(found, key, strict=True):
                        values.add(value)
            try:
                levels = tuple(tuple(sorted(values)) for values in found)
            except TypeError as error:
                raise ValueError(
                    "the values of a dimension cannot be sorted; give the levels in order"
                ) from error
        return cls(tuple(dimensions), levels, counts)


class Status(enum.StrEnum):
    """Whether an entry of a published table is published, and if not, why."""

    PUBLISHED = "published"
    PRIMARY = "primary"  # it covers more than 0 and fewer than k people
    SECONDARY = "secondary"  # else a suppressed value could be worked out from the others


@dataclass(frozen=True)
class Entry:
    """One cell or marginal total as published: its ``count``, or ``None`` when suppressed."""

    key: Key
    status: Status
    count: int | None

    def __post_init__(self) -> None:
        if (self.count is None) != (self.status is not Status.PUBLISHED):
            raise ValueError(
                f"entry {self.key!r}: a published entry has a count and a suppressed one has "
                f"none (status {self.status}, count {self.count!r})"
            )

    @property
    def suppressed(self) -> bool:
        return self.status is not Status.PUBLISHED


@dataclass(frozen=True)
class PublishedTable:
    """A count table as it may be kept and shown: ``cells`` has every combination of levels,
    ``totals`` every marginal total (keys with :data:`TOTAL`), the grand total included."""

    dimensions: tuple[str, ...]
    levels: tuple[tuple[Hashable, ...], ...]
    threshold: int
    cells: Mapping[Key, Entry]
    totals: Mapping[Key, Entry]

    @property
    def grand_total(self) -> Entry:
        return self.totals[(TOTAL,) * len(self.dimensions)]

    def entry(self, key: Key) -> Entry:
        """The cell or total of ``key``."""
        found = self.cells.get(key) or self.totals.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def entries(self) -> Iterator[Entry]:
        """Every cell, then every total."""
        yield from self.cells.values()
        yield from self.totals.values()


class _Extended:
    """The table with its totals as one flat array: dimension ``i`` runs over its levels and
    then its total (index ``len(levels[i])``), in row-major order."""

    def __init__(self, table: CountTable):
        self.sizes = tuple(len(values) + 1 for values in table.levels)
        n = len(self.sizes)
        strides = [1] * n
        for i in range(n - 2, -1, -1):
            strides[i] = strides[i + 1] * self.sizes[i + 1]
        self.strides = tuple(strides)
        index = [{value: j for j, value in enumerate(values)} for values in table.levels]
        values = [0] * math.prod(self.sizes)
        for key, count in table.counts.items():
            offset = sum(index[i][v] * self.strides[i] for i, v in enumerate(key))
            values[offset] = count
        self.coordinates = list(itertools.product(*(range(size) for size in self.sizes)))
        totals = [size - 1 for size in self.sizes]
        for offset, coordinates in enumerate(self.coordinates):
            # A total is the sum along its last summed dimension; those entries come earlier.
            last = next((i for i in range(n - 1, -1, -1) if coordinates[i] == totals[i]), None)
            if last is not None:
                stride = self.strides[last]
                values[offset] = sum(
                    values[offset - (totals[last] - j) * stride] for j in range(totals[last])
                )
        self.values = values


class _Search:
    """The cheapest suppressed hypercube through one primary (see the module's docstring)."""

    def __init__(self, table: _Extended, state: bytearray, budget: int):
        self.table, self.state, self.budget = table, state, budget

    def _fallback(self, target: int) -> list[int]:
        """A hypercube whose corners all hold the same non-empty cell beneath ``target``: the
        pair (level, total) in every dimension, the level of that cell where ``target`` sums."""
        table = self.table
        coordinates = table.coordinates[target]
        below = target
        for i, size in enumerate(table.sizes):
            if coordinates[i] == size - 1:
                stride = table.strides[i]
                base = below - (size - 1) * stride
                below = next(
                    base + j * stride for j in range(size - 1) if table.values[base + j * stride]
                )
        beneath = table.coordinates[below]
        return [
            (
                beneath[i] - coordinates[i]
                if coordinates[i] == size - 1
                else size - 1 - coordinates[i]
            )
            * table.strides[i]
            for i, size in enumerate(table.sizes)
        ]

    def _corners(self, target: int, deltas: list[int]) -> list[int]:
        corners = [target]
        for delta in deltas:
            corners += [corner + delta for corner in corners]
        return corners

    def _cost(self, corners: list[int]) -> tuple[int, int] | None:
        values, state = self.table.values, self.state
        people = entries = 0
        for corner in corners:
            value = values[corner]
            if not value:
                return None
            if not state[corner]:
                people += value
                entries += 1
        return people, entries

    def cube(self, target: int) -> list[int]:
        """The corners of the cheapest suppressed hypercube through ``target`` found."""
        table, values, state = self.table, self.table.values, self.state
        coordinates = table.coordinates[target]
        fallback = self._corners(target, self._fallback(target))
        best_cost = self._cost(fallback)
        if best_cost is None:  # every corner holds the cell beneath the target
            raise AssertionError("the fallback hypercube has an empty corner")
        best = fallback
        options: list[list[tuple[int, int]]] = []
        for i, size in enumerate(table.sizes):
            stride = table.strides[i]
            ranked = []
            for j in range(size):
                delta = (j - coordinates[i]) * stride
                value = values[target + delta] if j != coordinates[i] else 0
                if value:  # a corner of every hypercube with this pair: it must not be 0
                    ranked.append((0 if state[target + delta] else value, j, delta))
            ranked.sort()
            options.append([(value, delta) for value, _, delta in ranked])
        steps = 0

        def walk(level: int, corners: list[int], people: int, entries: int) -> None:
            nonlocal best, best_cost, steps
            if level == len(options):
                if (people, entries) < best_cost:
                    best, best_cost = corners, (people, entries)
                return
            for _, delta in options[level]:
                steps += 1
                if steps > self.budget:
                    return
                more_people = more_entries = 0
                added = []
                for corner in corners:
                    moved = corner + delta
                    value = values[moved]
                    if not value:
                        break
                    if not state[moved]:
                        more_people += value
                        more_entries += 1
                    added.append(moved)
                else:
                    cost = (people + more_people, entries + more_entries)
                    if cost < best_cost:
                        walk(level + 1, corners + added, *cost)

        walk(0, [target], 0, 0)
        return best


def suppress(
    table: CountTable,
    threshold: int = DEFAULT_THRESHOLD,
    *,
    search_budget: int = DEFAULT_SEARCH_BUDGET,
) -> PublishedTable:
    """``table`` with its totals as it may be published (art5.2): every published value covers
    at least ``threshold`` people or none, and no suppressed value can be worked out from the
    published ones."""
    if not _whole(threshold) or threshold < 1:
        raise ValueError(f"the threshold must be a whole number ≥ 1, not {threshold!r}")
    if not _whole(search_budget) or search_budget < 1:
        raise ValueError(f"the search budget must be a whole number ≥ 1, not {search_budget!r}")
    extended = _Extended(table)
    values = extended.values
    state = bytearray(len(values))  # 0 published, else the Status below
    suppressed_as = {1: Status.PRIMARY, 2: Status.SECONDARY}
    primaries = [offset for offset, value in enumerate(values) if 0 < value < threshold]
    for offset in primaries:
        state[offset] = 1
    protected = bytearray(len(values))
    search = _Search(extended, state, search_budget)
    for target in sorted(primaries, key=lambda offset: (values[offset], offset)):
        if protected[target]:
            continue
        for corner in search.cube(target):
            state[corner] = state[corner] or 2
            protected[corner] = 1
    levels = [(*values, TOTAL) for values in table.levels]
    cells: dict[Key, Entry] = {}
    totals: dict[Key, Entry] = {}
    for offset, coordinates in enumerate(extended.coordinates):
        key = tuple(levels[i][j] for i, j in enumerate(coordinates))
        status = suppressed_as.get(state[offset], Status.PUBLISHED)
        entry = Entry(key, status, None if state[offset] else values[offset])
        (totals if TOTAL in key else cells)[key] = entry
    return PublishedTable(
        dimensions=table.dimensions,
        levels=table.levels,
        threshold=threshold,
        cells=MappingProxyType(cells),
        totals=MappingProxyType(totals),
    )
