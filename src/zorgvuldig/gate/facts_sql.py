"""The statements that read the facts of every processing, written once as SQL.

:func:`zorgvuldig.gate.facts.gather` runs for every processing; building its statements with
the ORM cost more CPU than running them (on the benchmark machine about 0.5 ms per statement,
against 0.1 ms for the same statement as SQL). The statements are built once per process from
the models' metadata, so that a renamed table or column is followed, and run on SQLite and
PostgreSQL alike. Their answers are the ORM's: the tests of the gate run against them.
"""

from __future__ import annotations

import datetime
import json
import uuid
from functools import cache, lru_cache

from django.db import connection, models

from zorgvuldig.clients.models import Client, Household, SupportTrajectory
from zorgvuldig.consent.models import ConsentDecision, Informing
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.partners.models import Employee, ProtocolAcknowledgement, ProtocolCommitment

_UUID = models.UUIDField()


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _col(model, field: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(field).column)


def db_id(value):
    """A UUID as the database takes it (32 hex digits on SQLite, uuid on PostgreSQL)."""
    return None if value is None else _UUID.get_db_prep_value(value, connection)


def db_day(day: datetime.date):
    return connection.ops.adapt_datefield_value(day)


def as_uuid(value) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(str(value))


def as_json(value):
    """A JSON column as Python (both backends hand Django the text)."""
    return json.loads(value) if isinstance(value, str) else value


def _commitment_select() -> str:
    """The version a partner is committed to on a day, the latest start first (art1).
    Params: partner, day, day."""
    c = ProtocolCommitment
    return f"""SELECT {_col(c, "protocol_version")} AS version FROM {_table(c)}
        WHERE {_col(c, "partner")} = %s AND {_col(c, "starts_on")} <= %s
        AND ({_col(c, "ends_on")} IS NULL OR {_col(c, "ends_on")} >= %s)
        ORDER BY {_col(c, "starts_on")} DESC LIMIT 1"""  # noqa: S608 (names from the models)


@cache
def _employee_sql(vendor: str) -> str:
    """(partner, role, version committed to today, acknowledged it, directs a household of
    the client) of an active employee. Params: client, partner, today, today, employee."""
    e, a, h, cl = Employee, ProtocolAcknowledgement, Household, Client
    m = Household.members.through
    member_of = f"m.{_col(m, 'household')} = h.{_col(h, 'id')}"
    member_is = f"cl.{_col(cl, 'subject')} = m.{_col(m, 'subject')}"
    return f"""
        SELECT e.{_col(e, "partner")}, e.{_col(e, "role")}, c.version,
          EXISTS (SELECT 1 FROM {_table(a)} a WHERE a.{_col(a, "employee")} = e.{_col(e, "id")}
                  AND a.{_col(a, "protocol_version")} = c.version),
          EXISTS (SELECT 1 FROM {_table(h)} h
                  JOIN {_table(m)} m ON {member_of} JOIN {_table(cl)} cl ON {member_is}
                  WHERE h.{_col(h, "director")} = e.{_col(e, "id")} AND cl.{_col(cl, "id")} = %s)
        FROM {_table(e)} e
        LEFT JOIN ({_commitment_select()}) c ON 1 = 1
        WHERE e.{_col(e, "id")} = %s AND e.{_col(e, "is_active")}
    """  # noqa: S608 (names from the models; values are parameters)


@lru_cache(maxsize=64)
def _items_sql(vendor: str, count: int) -> str:
    """(id, category, secrecy holder) of ``count`` items. Params: the item ids."""
    i = DataItem
    marks = ", ".join(["%s"] * count)
    return f"""
        SELECT {_col(i, "id")}, {_col(i, "category")}, {_col(i, "secrecy_holder")}
        FROM {_table(i)} WHERE {_col(i, "id")} IN ({marks})
    """  # noqa: S608 (names from the models; values are parameters)


@cache
def _assigned_sql(vendor: str) -> str:
    """(law, domain) of the open trajectories of a client at a partner to which the employee
    is assigned. Params: client, partner, today, today, employee."""
    t, w = SupportTrajectory, SupportTrajectory.caseworkers.through
    assignment = f"w.{_col(w, 'supporttrajectory')} = t.{_col(t, 'id')}"
    return f"""
        SELECT t.{_col(t, "legal_basis")}, t.{_col(t, "domain")}
        FROM {_table(t)} t JOIN {_table(w)} w ON {assignment}
        WHERE t.{_col(t, "client")} = %s AND t.{_col(t, "partner")} = %s
        AND t.{_col(t, "opened_on")} <= %s
        AND (t.{_col(t, "closed_on")} IS NULL OR t.{_col(t, "closed_on")} >= %s)
        AND w.{_col(w, "employee")} = %s
    """  # noqa: S608 (names from the models; values are parameters)


@cache
def _informed_sql(vendor: str) -> str:
    """Params: client, partner, day."""
    i = Informing
    return f"""
        SELECT 1 FROM {_table(i)} WHERE {_col(i, "client")} = %s AND {_col(i, "partner")} = %s
        AND {_col(i, "informed_on")} <= %s LIMIT 1
    """  # noqa: S608 (names from the models; values are parameters)


@cache
def _consents_sql(vendor: str) -> str:
    """The decisions taken on or before a day, in the order they took effect.
    Params: client, partner, day."""
    d = ConsentDecision
    return f"""
        SELECT {_col(d, "scope")}, {_col(d, "state")}, {_col(d, "categories")},
               {_col(d, "recipients")}, {_col(d, "form")}
        FROM {_table(d)} WHERE {_col(d, "client")} = %s AND {_col(d, "partner")} = %s
        AND {_col(d, "decided_on")} <= %s
        ORDER BY {_col(d, "decided_on")}, {_col(d, "recorded_at")}
    """  # noqa: S608 (names from the models; values are parameters)


def _rows(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def employee(employee_id, partner_id, client_id, day: datetime.date):
    """(partner id, role, version or None, acknowledged, director) or None."""
    today = db_day(day)
    rows = _rows(
        _employee_sql(connection.vendor),
        [db_id(client_id), db_id(partner_id), today, today, db_id(employee_id)],
    )
    if not rows:
        return None
    partner, role, version, acknowledged, director = rows[0]
    return as_uuid(partner), role, version, bool(acknowledged), bool(director)


def committed_version(partner_id, day: datetime.date) -> str | None:
    """The protocol version ``partner_id`` is committed to on ``day`` (art1), or None."""
    with connection.cursor() as cursor:
        cursor.execute(_commitment_select(), [db_id(partner_id), db_day(day), db_day(day)])
        row = cursor.fetchone()
    return row[0] if row else None


def items(item_ids) -> list[tuple[uuid.UUID, str, uuid.UUID | None]]:
    """(id, category, secrecy holder or None) of the items (art6.2)."""
    ids = sorted({db_id(i) for i in item_ids}, key=str)
    return [
        (as_uuid(item), category, as_uuid(holder))
        for item, category, holder in _rows(_items_sql(connection.vendor, len(ids)), ids)
    ]


def assigned(client_id, partner_id, employee_id, day: datetime.date) -> list[tuple[str, str]]:
    today = db_day(day)
    return _rows(
        _assigned_sql(connection.vendor),
        [db_id(client_id), db_id(partner_id), today, today, db_id(employee_id)],
    )


def informed(client_id, partner_id, day: datetime.date) -> bool:
    return bool(
        _rows(_informed_sql(connection.vendor), [db_id(client_id), db_id(partner_id), db_day(day)])
    )


def consent_rows(client_id, partner_id, day: datetime.date):
    """(scope, state, categories, recipients, form id) in the order they took effect."""
    return [
        (scope, state, as_json(categories), as_json(recipients), form)
        for scope, state, categories, recipients, form in _rows(
            _consents_sql(connection.vendor), [db_id(client_id), db_id(partner_id), db_day(day)]
        )
    ]
