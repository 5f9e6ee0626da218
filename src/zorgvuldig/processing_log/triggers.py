# SPDX-License-Identifier: EUPL-1.2
"""Database triggers that keep the processing log append-only.

Requirement: "on PostgreSQL a trigger refuses UPDATE and DELETE on the table". The same holds
here for anchors, and on SQLite too:

- PostgreSQL: a row trigger ``BEFORE UPDATE OR DELETE`` and a statement trigger
  ``BEFORE TRUNCATE`` on ``processing_log_logrecord`` and ``processing_log_anchor`` raise
  ``processing log is append-only``.
- SQLite: ``BEFORE UPDATE`` and ``BEFORE DELETE`` triggers ``RAISE(ABORT, ...)``.

Chain heads are not protected: they move with every append. The triggers stop mistakes and
anyone using the application's database role; the table owner (or whoever can write the SQLite
file) can still switch them off, which is what the hash chain and ``zorgvuldig log verify``
are for.

Only ``zorgvuldig flush`` (which empties every table, and is what Django's
``TransactionTestCase`` runs between tests) gets past them, through :func:`suspended`; on
PostgreSQL it would otherwise stop at the TRUNCATE trigger, on SQLite at the DELETE trigger.

Django's SQLite schema editor rebuilds a table for most column changes, and the rebuilt table
has no triggers: a migration that alters ``LogRecord`` or ``Anchor`` must call :func:`install`
again. ``zorgvuldig log verify`` warns when the triggers are missing (:func:`installed`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

TABLES = ("processing_log_logrecord", "processing_log_anchor")
MESSAGE = "processing log is append-only"
_FUNCTION = "processing_log_refuse_change"


def _postgresql_install() -> list[str]:
    statements = [
        f"""CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$"""
    ]
    for table in TABLES:
        statements += [
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {_FUNCTION}()",
        ]
    return statements


def _postgresql_remove() -> list[str]:
    statements = []
    for table in TABLES:
        statements += [
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
        ]
    return [*statements, f"DROP FUNCTION IF EXISTS {_FUNCTION}()"]


def _sqlite_install() -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}: {operation} on {table} refused'); END"
        for table in TABLES
        for operation in ("UPDATE", "DELETE")
    ]


def _sqlite_remove() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_{operation}"
        for table in TABLES
        for operation in ("update", "delete")
    ]


def _statements(connection: BaseDatabaseWrapper, install_: bool) -> list[str]:
    if connection.vendor == "postgresql":
        return _postgresql_install() if install_ else _postgresql_remove()
    if connection.vendor == "sqlite":
        return _sqlite_install() if install_ else _sqlite_remove()
    raise NotImplementedError(f"no append-only triggers for {connection.vendor}")


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the triggers (used by the migration and by :func:`suspended`)."""
    with connection.cursor() as cursor:
        for statement in _statements(connection, install_=True):
            cursor.execute(statement)


def remove(connection: BaseDatabaseWrapper) -> None:
    """Drop the triggers (the migration's reverse)."""
    with connection.cursor() as cursor:
        for statement in _statements(connection, install_=False):
            cursor.execute(statement)


def installed(connection: BaseDatabaseWrapper) -> bool:
    """Whether every trigger is present (and, on PostgreSQL, enabled)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D' "
                "AND tgrelid IN (to_regclass(%s), to_regclass(%s))",
                list(TABLES),
            )
            return cursor.fetchone()[0] == 2 * len(TABLES)
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (%s, %s)",
            list(TABLES),
        )
        return cursor.fetchone()[0] == 2 * len(TABLES)


@contextmanager
def suspended(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Switch the triggers off for the body, inside one transaction, and on again after it.

    For ``zorgvuldig flush`` and for tests that tamper with the log on purpose. On
    PostgreSQL the triggers are disabled (``ALTER TABLE ... DISABLE TRIGGER USER``), on
    SQLite dropped and created again; either way other connections never see them off
    (PostgreSQL holds an exclusive lock on the tables, SQLite's write lock is held), and a
    failure in the body rolls the change back with everything else.
    """
    with transaction.atomic(using=connection.alias):
        if connection.vendor == "postgresql":
            _execute(connection, [f"ALTER TABLE {t} DISABLE TRIGGER USER" for t in TABLES])
            yield
            _execute(connection, [f"ALTER TABLE {t} ENABLE TRIGGER USER" for t in TABLES])
        else:
            remove(connection)
            yield
            install(connection)


def _execute(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
