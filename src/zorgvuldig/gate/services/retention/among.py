# SPDX-License-Identifier: EUPL-1.2
"""Many ids in one statement (art5.2: a plan reads a thousand dossiers at a time, a run
destroys two hundred): on PostgreSQL as one array, elsewhere as ``IN``.

With a list of ids as ``__in`` Django prepares, and psycopg parses and dumps, every id of
every statement on its own, and the server parses and plans every statement again: that was
most of a run's time. An array literal is one parameter; the statement stays the same for
every batch, so psycopg prepares it on the server once.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models import F, Func, Value

_ARRAYS = ("uuid", "bigint", "integer", "smallint")  # written without quotes in an array


class Ids(list):
    """Ids for :func:`among` that several statements use: written as an array once."""

    def __init__(self, values=()):
        super().__init__(values)
        self.written: dict[str, str] = {}


def among(queryset: models.QuerySet, attname: str, values) -> models.QuerySet:
    """``queryset`` narrowed to the rows whose ``attname`` (an id) is one of ``values``: on
    PostgreSQL ``column = ANY(%s::uuid[])`` with one array literal, elsewhere (or for a
    column of another type) ``__in``."""
    values = values if isinstance(values, Ids) else Ids(values)
    connection = connections[queryset.db]
    field = queryset.model._meta.get_field(attname)
    kind = field.db_type(connection) if connection.vendor == "postgresql" else None
    if not values or kind not in _ARRAYS:
        return queryset.filter(**{f"{attname}__in": list(values)})
    if kind not in values.written:
        prep = field.get_db_prep_value
        values.written[kind] = "{" + ",".join(str(prep(v, connection)) for v in values) + "}"
    return queryset.filter(_AnyOf(F(attname), Value(values.written[kind]), kind=kind))


class _AnyOf(Func):
    """``column = ANY(%s::kind[])``: the column as the query names it (also as a subquery)."""

    arity = 2
    arg_joiner = " = ANY("
    template = "%(expressions)s::%(kind)s[])"
    output_field = models.BooleanField()


def rows(queryset: models.QuerySet) -> list[tuple]:
    """The rows of a ``values_list`` queryset whose columns need no converting on PostgreSQL
    (ids are native uuids there, a ``TruncDate`` comes as a date, text as text): there read
    at once as the database gives them, without Django's converters and chunks per row,
    which were a fifth of a plan's time; elsewhere as the queryset gives them."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return list(queryset)
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
