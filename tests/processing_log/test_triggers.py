# SPDX-License-Identifier: EUPL-1.2
"""The database itself refuses to change or remove log records and anchors."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from tests.processing_log.helpers import append_to, execute
from zorgvuldig.processing_log import chain, triggers
from zorgvuldig.processing_log.models import Anchor, LogRecord
from zorgvuldig.processing_log.verify import verify

REFUSED = "processing log is append-only"


def _refused(action) -> None:
    with pytest.raises(DatabaseError, match=REFUSED), transaction.atomic():
        action()


@pytest.mark.django_db
def test_the_triggers_are_installed_by_the_migrations():
    assert triggers.installed(connection)


@pytest.mark.django_db
def test_updating_a_record_is_refused_through_the_orm_and_through_sql():
    (record_id,) = append_to(4, 1)
    _refused(lambda: LogRecord.objects.filter(id=record_id).update(decision="refused"))
    _refused(
        lambda: execute(
            "UPDATE processing_log_logrecord SET decision = 'refused' WHERE id = %s", [record_id]
        )
    )
    assert LogRecord.objects.get(id=record_id).decision == "allowed"


@pytest.mark.django_db
def test_deleting_a_record_is_refused_through_the_orm_and_through_sql():
    (record_id,) = append_to(4, 1)
    _refused(lambda: LogRecord.objects.get(id=record_id).delete())
    _refused(lambda: execute("DELETE FROM processing_log_logrecord"))
    assert LogRecord.objects.filter(id=record_id).exists()


@pytest.mark.django_db
def test_anchors_cannot_be_changed_or_removed_either():
    anchor = chain.anchor()
    _refused(lambda: Anchor.objects.filter(id=anchor.id).update(prev_hash="0" * 64))
    _refused(lambda: Anchor.objects.filter(id=anchor.id).delete())
    assert verify().ok


@pytest.mark.django_db
def test_emptying_the_log_at_once_is_refused():
    """TRUNCATE on PostgreSQL; SQLite has none, its equivalent is a DELETE without WHERE."""
    append_to(4, 1)
    chain.anchor()
    empty = "TRUNCATE {}" if connection.vendor == "postgresql" else "DELETE FROM {}"
    _refused(lambda: execute(empty.format("processing_log_logrecord")))
    _refused(lambda: execute(empty.format("processing_log_anchor")))
    assert LogRecord.objects.count() == 1 and Anchor.objects.count() == 1


@pytest.mark.django_db
def test_suspending_the_triggers_lasts_only_for_the_block():
    (record_id,) = append_to(4, 1)
    with triggers.suspended(connection):
        assert not triggers.installed(connection)
        LogRecord.objects.filter(id=record_id).update(name="changed")
    assert triggers.installed(connection)
    _refused(lambda: LogRecord.objects.filter(id=record_id).update(name="again"))


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_log_and_keeps_the_triggers():
    append_to(4, 2)
    chain.anchor()
    call_command("flush", interactive=False, verbosity=0)
    assert not LogRecord.objects.exists()
    assert not Anchor.objects.exists()
    assert triggers.installed(connection)
