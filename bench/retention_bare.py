# SPDX-License-Identifier: EUPL-1.2
"""The bare SQL deletes of what a run of a destruction list deletes, for ``bench_retention.py``.

Hand-written statements on a psycopg connection, in the run's batches (one transaction each):
the dossiers' rows at the list's partner (item versions, items, notes, consent decisions, the
informing, holds, the trajectories' caseworkers and the trajectories), then the clients of whom
nothing is left anywhere (their list entries let go of them, as the foreign key requires), their
relations, and the data subjects no one names any more. Nothing is checked again, counted,
logged or kept in a ledger; that is what the run adds.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

MINE = "client_id = ANY(%(ids)s) AND partner_id = %(partner)s"
DOSSIER = (
    "DELETE FROM dossier_dataitemversion v USING dossier_dataitem i WHERE v.item_id = i.id "
    "AND i.client_id = ANY(%(ids)s) AND i.partner_id = %(partner)s",
    f"DELETE FROM dossier_dataitem WHERE {MINE}",
    f"DELETE FROM dossier_annotation WHERE {MINE}",
    f"DELETE FROM consent_consentdecision WHERE {MINE}",
    f"DELETE FROM consent_informing WHERE {MINE}",
    f"DELETE FROM retention_retentionhold WHERE {MINE}",
    "DELETE FROM clients_supporttrajectory_caseworkers w USING clients_supporttrajectory t "
    "WHERE w.supporttrajectory_id = t.id AND t.client_id = ANY(%(ids)s) "
    "AND t.partner_id = %(partner)s",
    f"DELETE FROM clients_supporttrajectory WHERE {MINE}",
)
LEFT = " AND ".join(
    f"NOT EXISTS (SELECT 1 FROM {table} x WHERE x.client_id = c.id)"
    for table in (
        "clients_supporttrajectory",
        "dossier_dataitem",
        "dossier_annotation",
        "consent_consentdecision",
        "consent_informing",
    )
)
WHOLE = f"SELECT c.id, c.subject_id FROM clients_client c WHERE c.id = ANY(%(ids)s) AND {LEFT}"
CLIENTS = (
    "UPDATE retention_listentry SET client_id = NULL WHERE client_id = ANY(%(whole)s)",
    "DELETE FROM clients_client WHERE id = ANY(%(whole)s)",
)
RELATIONS = "DELETE FROM clients_relation WHERE subject_id = ANY(%(subjects)s) RETURNING related_id"
SUBJECTS = (
    "DELETE FROM clients_subject s WHERE s.id = ANY(%(gone)s) "
    "AND NOT EXISTS (SELECT 1 FROM clients_client c WHERE c.subject_id = s.id) "
    "AND NOT EXISTS (SELECT 1 FROM clients_relation r WHERE r.subject_id = s.id "
    "OR r.related_id = s.id) "
    "AND NOT EXISTS (SELECT 1 FROM dossier_dataitem i WHERE i.subject_id = s.id) "
    "AND NOT EXISTS (SELECT 1 FROM consent_consentdecision d WHERE d.given_by_id = s.id)"
)


def backend_cpu(pid: int) -> float:
    """CPU seconds (user and system) a process of this machine has used: here a PostgreSQL
    backend, which the shared cores make slower by the clock but not in CPU."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def destroy(url: str, list_id, partner_id, batch: int) -> dict:
    """Delete the rows of the list's clients at its partner, ``batch`` clients a transaction;
    the seconds it took (reading the list included), the CPU seconds of this process and of
    its PostgreSQL backend, and the rows deleted per statement."""
    import psycopg

    rows: dict[str, int] = {}
    with psycopg.connect(url) as connection:
        backend = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
        connection.commit()
        cpu = (backend_cpu(backend), time.process_time())
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT client_id FROM retention_listentry WHERE list_id = %s "
                "AND client_id IS NOT NULL ORDER BY id",
                [list_id],
            )
            ids = [row[0] for row in cursor.fetchall()]
        connection.commit()
        for start in range(0, len(ids), batch):
            with connection.transaction(), connection.cursor() as cursor:
                _batch(cursor, ids[start : start + batch], partner_id, rows)
        seconds = time.perf_counter() - began
        server, caller = backend_cpu(backend) - cpu[0], time.process_time() - cpu[1]
    return {
        "seconds": seconds,
        "cpu_python": caller,
        "cpu_postgres": server,
        "clients": len(ids),
        "rows": rows,
    }


def _batch(cursor, ids: list, partner_id, rows: dict) -> None:
    params = {"ids": ids, "partner": partner_id}
    for statement in DOSSIER:
        cursor.execute(statement, params)
        _count(rows, statement, cursor.rowcount)
    cursor.execute(WHOLE, params)
    whole = cursor.fetchall()
    if not whole:
        return
    params = {"whole": [c for c, _ in whole], "subjects": [s for _, s in whole]}
    cursor.execute(RELATIONS, params)
    related = [r for (r,) in cursor.fetchall()]
    _count(rows, RELATIONS, len(related))
    for statement in CLIENTS:
        cursor.execute(statement, params)
        _count(rows, statement, cursor.rowcount)
    cursor.execute(SUBJECTS, {"gone": params["subjects"] + related})
    _count(rows, SUBJECTS, cursor.rowcount)


def _count(rows: dict, statement: str, count: int) -> None:
    words = statement.split()
    table = words[2] if words[0] == "DELETE" else words[1]
    key = f"{words[0].lower()} {table}"
    rows[key] = rows.get(key, 0) + count
