# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig flush``: Django's flush, let past the processing log's append-only triggers.

Flushing empties every table, the processing log included, and Django's
``TransactionTestCase`` (pytest's ``transaction=True`` and ``live_server``) runs it after each
test. The triggers of :mod:`zorgvuldig.processing_log.triggers` would refuse it (the TRUNCATE on
PostgreSQL, the DELETE on SQLite), so this command suspends them for the flush, in the same
transaction, and nothing else in the application can delete log records. (Asked
interactively, the question waits with the triggers suspended and the log tables locked; the
answer "no" leaves everything as it was.)
"""

from __future__ import annotations

from django.core.management.commands import flush
from django.db import connections

from zorgvuldig.processing_log import triggers


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options["database"]]
        if not triggers.installed(connection):
            return super().handle(**options)
        with triggers.suspended(connection):
            return super().handle(**options)
