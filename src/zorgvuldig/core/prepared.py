# SPDX-License-Identifier: EUPL-1.2
"""Querysets compiled once per process and run again with other ids (decision 7).

Django compiles a queryset to SQL every time it is evaluated. On the gate's hot paths (a
share, "who received this item") that costs the caller more CPU than the database spends
answering. A :class:`PreparedQuery` builds its queryset once, with marker ids in the places
of the real ones, keeps the SQL, the places of the markers among its parameters and the
compiler, and then runs the same SQL with the real ids. The rows are converted by the
compiler's own converters, so values come back as the ORM gives them (UUIDs, aware
datetimes, decrypted text).

Only ``values_list()`` querysets are prepared, and only ids (UUIDs) are parameters: the
queryset is the documentation of what is asked, the ORM keeps writing its SQL.

It uses the compiler's ``as_sql()`` and ``results_iter(results=...)``, which Django uses
itself but does not document; ``tests/core/test_prepared.py`` compares every kind of value
with the ORM's own answer on both databases, so an upgrade of Django that changes them fails
there first.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    places: tuple[tuple[int, int, Callable[[uuid.UUID], Any]], ...]  # (param, marker, form)
    compiler: Any


def _forms(marker: uuid.UUID) -> dict[Any, Callable[[uuid.UUID], Any]]:
    """How a marker may appear among the parameters, and how to put a real id in that form."""
    return {marker: lambda v: v, marker.hex: lambda v: v.hex, str(marker): str}


class PreparedQuery:
    """``build(*ids)`` returns a ``values_list()`` queryset; an argument may be one id or a
    sequence of ids (compiled once per length)."""

    def __init__(self, build: Callable[..., QuerySet]):
        self._build = build
        self._local = threading.local()  # a connection belongs to one thread

    def rows(self, *ids) -> list[tuple]:
        """The rows for these ids; ValueError when one is not an id."""
        flat = [_as_uuid(v) for arg in ids for v in (arg if _is_many(arg) else (arg,))]
        compiled = self._compiled(tuple(len(a) if _is_many(a) else None for a in ids))
        params = list(compiled.params)
        for place, marker, form in compiled.places:
            params[place] = form(flat[marker])
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            found = cursor.fetchall()
        return list(compiled.compiler.results_iter(results=[found], tuple_expected=True))

    def _compiled(self, shape: tuple) -> _Compiled:
        cache = self._local.__dict__.setdefault("by_shape", {})
        key = (connection.vendor, shape)
        if key not in cache:
            cache[key] = self._compile(shape)
        return cache[key]

    def _compile(self, shape: tuple) -> _Compiled:
        markers = [uuid.uuid4() for _ in range(sum(n or 1 for n in shape))]
        args, taken = [], 0
        for n in shape:
            args.append(markers[taken] if n is None else tuple(markers[taken : taken + n]))
            taken += n or 1
        compiler = self._build(*args).query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        forms = {form: (i, put) for i, m in enumerate(markers) for form, put in _forms(m).items()}
        places = tuple(
            (p, *forms[value]) for p, value in enumerate(params) if _hashable(value) in forms
        )
        if sorted(m for _, m, _ in places) != list(range(len(markers))):
            raise ValueError("every id must appear once among the query's parameters")
        return _Compiled(sql, tuple(params), places, compiler)


def _is_many(value) -> bool:
    return isinstance(value, Sequence | set | frozenset) and not isinstance(value, str)


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return None
    return value


def _as_uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
