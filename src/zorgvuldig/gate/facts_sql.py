# SPDX-License-Identifier: EUPL-1.2
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
from dataclasses import dataclass
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
        ORDER BY {_col(c, "starts_on")} DESC, {_col(c, "id")} DESC LIMIT 1"""  # noqa: S608 (names from the models)  # nosec B608


def _text(expression: str) -> str:
    return f"CAST({expression} AS TEXT)"


def _yes(condition: str) -> str:
    return f"CASE WHEN {condition} THEN '1' ELSE '0' END"


@cache
def _facts_sql(vendor: str) -> str:
    """What :func:`zorgvuldig.gate.facts.gather` reads, in one statement of four parts; the
    first column of a row says which part it comes from (:func:`processing_facts`). The
    columns are text, so that the parts line up on every database; the last two only order
    the consent decisions, whose part comes first so that it gives them their types. Params:
    client, partner, today (the consent decisions); client, partner, today, today, employee
    (the employee); client, partner, today, today, employee (the trajectories); client,
    partner, today (informed).
    """
    e, a, h, cl = Employee, ProtocolAcknowledgement, Household, Client
    m = Household.members.through
    t, w = SupportTrajectory, SupportTrajectory.caseworkers.through
    i, d = Informing, ConsentDecision
    member_of = f"m.{_col(m, 'household')} = h.{_col(h, 'id')}"
    member_is = f"cl.{_col(cl, 'subject')} = m.{_col(m, 'subject')}"
    assignment = f"w.{_col(w, 'supporttrajectory')} = t.{_col(t, 'id')}"
    acknowledged = f"""(SELECT MAX(a.{_col(a, "acknowledged_at")}) FROM {_table(a)} a
        WHERE a.{_col(a, "employee")} = e.{_col(e, "id")}
        AND a.{_col(a, "protocol_version")} = c.version)"""  # noqa: S608 (names, as below)  # nosec B608
    director = f"""EXISTS (SELECT 1 FROM {_table(h)} h
        JOIN {_table(m)} m ON {member_of} JOIN {_table(cl)} cl ON {member_is}
        WHERE h.{_col(h, "director")} = e.{_col(e, "id")} AND cl.{_col(cl, "id")} = %s)"""  # noqa: S608  # nosec B608
    return f"""
        SELECT {_CONSENT}, {_col(d, "scope")}, {_col(d, "state")},
          {_text(_col(d, "categories"))}, {_text(_col(d, "recipients"))},
          {_text(_col(d, "form"))}, {_col(d, "decided_on")}, {_col(d, "recorded_at")}
        FROM {_table(d)} WHERE {_col(d, "client")} = %s AND {_col(d, "partner")} = %s
        AND {_col(d, "decided_on")} <= %s
        UNION ALL
        SELECT {_EMPLOYEE}, {_text(f"e.{_col(e, 'partner')}")}, e.{_col(e, "role")},
          c.version, {_text(acknowledged)}, {_yes(director)}, NULL, NULL
        FROM {_table(e)} e
        LEFT JOIN ({_commitment_select()}) c ON 1 = 1
        WHERE e.{_col(e, "id")} = %s AND e.{_col(e, "is_active")}
        UNION ALL
        SELECT {_TRAJECTORY}, t.{_col(t, "legal_basis")}, t.{_col(t, "domain")},
          NULL, NULL, NULL, NULL, NULL
        FROM {_table(t)} t JOIN {_table(w)} w ON {assignment}
        WHERE t.{_col(t, "client")} = %s AND t.{_col(t, "partner")} = %s
        AND t.{_col(t, "opened_on")} <= %s
        AND (t.{_col(t, "closed_on")} IS NULL OR t.{_col(t, "closed_on")} >= %s)
        AND w.{_col(w, "employee")} = %s
        UNION ALL
        SELECT {_INFORMED}, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        WHERE EXISTS (SELECT 1 FROM {_table(i)} WHERE {_col(i, "client")} = %s
          AND {_col(i, "partner")} = %s AND {_col(i, "informed_on")} <= %s)
        ORDER BY 1, 7, 8
    """  # noqa: S608 (names from the models; values are parameters)  # nosec B608


_EMPLOYEE, _TRAJECTORY, _INFORMED, _CONSENT = range(4)


@lru_cache(maxsize=64)
def _items_sql(vendor: str, count: int) -> str:
    """(id, category, secrecy holder, blocked on) of ``count`` items. Params: the item ids."""
    i = DataItem
    marks = ", ".join(["%s"] * count)
    return f"""
        SELECT {_col(i, "id")}, {_col(i, "category")}, {_col(i, "secrecy_holder")},
               {_col(i, "blocked_on")}
        FROM {_table(i)} WHERE {_col(i, "id")} IN ({marks})
    """  # noqa: S608 (names from the models; values are parameters)  # nosec B608


def _rows(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True, slots=True)
class FactRows:
    """What :func:`processing_facts` found."""

    # (partner id, role, version or None, day of the latest acknowledgement of it, director)
    employee: tuple | None
    assigned: list[tuple[str, str]]  # (law, domain) of the employee's open trajectories
    informed: bool  # the partner informed the client on or before the day (art4.1)
    consents: list[tuple]  # (scope, state, categories, recipients, form id), in effect order


def processing_facts(employee_id, partner_id, client_id, day: datetime.date) -> FactRows:
    """The facts of a processing by ``employee_id`` of ``partner_id`` about ``client_id``
    (either may be None) on ``day``, in one statement: the employee, if active, with the
    protocol version the partner is committed to, when they last acknowledged it and whether
    they direct a household of the client; their open trajectories with the client at the
    partner; whether the partner informed the client; the client's consent decisions at the
    partner taken on or before ``day``, in the order they took effect."""
    client, partner, employee = db_id(client_id), db_id(partner_id), db_id(employee_id)
    today = db_day(day)
    params = [client, partner, today, client, partner, today, today, employee]
    params += [client, partner, today, today, employee, client, partner, today]
    employee, assigned, informed, consents = None, [], False, []
    for part, a, b, c, d, e, _, _ in _rows(_facts_sql(connection.vendor), params):
        if part == _EMPLOYEE:
            acknowledged_on = datetime.date.fromisoformat(d[:10]) if d else None
            employee = (as_uuid(a), b, c, acknowledged_on, e == "1")
        elif part == _TRAJECTORY:
            assigned.append((a, b))
        elif part == _INFORMED:
            informed = True
        else:
            consents.append((a, b, as_json(c), as_json(d), as_uuid(e)))
    return FactRows(employee, assigned, informed, consents)


def committed_version(partner_id, day: datetime.date) -> str | None:
    """The protocol version ``partner_id`` is committed to on ``day`` (art1), or None."""
    rows = _rows(_commitment_select(), [db_id(partner_id), db_day(day), db_day(day)])
    return rows[0][0] if rows else None


def items(item_ids) -> list[tuple[uuid.UUID, str, uuid.UUID | None, bool]]:
    """(id, category, secrecy holder or None, blocked) of the items (art6.2, art9.4)."""
    ids = sorted({db_id(i) for i in item_ids}, key=str)
    return [
        (as_uuid(item), category, as_uuid(holder), blocked is not None)
        for item, category, holder, blocked in _rows(_items_sql(connection.vendor, len(ids)), ids)
    ]
