# SPDX-License-Identifier: EUPL-1.2
"""Concurrent writers: chains stay gapless and verifiable, also while anchoring and verifying.

Requirement: "Concurrent requests must not all queue behind one lock to append".
"""

from __future__ import annotations

import threading
from contextlib import nullcontext

import pytest
from django.db import connection, transaction

from tests.processing_log.helpers import make_entry, pseudonym_in
from zorgvuldig.processing_log import chain
from zorgvuldig.processing_log.models import ChainHead, LogRecord
from zorgvuldig.processing_log.verify import verify

WRITERS, APPENDS = 4, 40

# The SQLite test database lives in memory with a shared cache, where a second writer gets
# "database table is locked" at once instead of waiting on the busy timeout as it does on a
# database file (IMMEDIATE transactions, see settings). There the writers take turns.
_turns = threading.Lock()


def _turn():
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    return _turns if in_memory else nullcontext()


def _writer(pseudonyms: list[str], barrier: threading.Barrier, errors: list) -> None:
    try:
        barrier.wait()
        for index in range(APPENDS):
            with _turn(), transaction.atomic():
                # Two subjects per transaction, in either order: heads are locked in chain order.
                first, second = pseudonyms[index % 3], pseudonyms[(index + 1) % 3]
                chain.append([make_entry(first), make_entry(second)])
    except Exception as error:  # reported by the test, not lost in the thread
        errors.append(error)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_every_chain_gapless_and_verifiable_meanwhile():
    # Every writer touches chains 0, 1 and 2, so they really contend for the same heads.
    pseudonyms = [[pseudonym_in(number) for number in (0, 1, 2)] for _ in range(WRITERS)]
    barrier, errors = threading.Barrier(WRITERS), []
    threads = [
        threading.Thread(target=_writer, args=(mine, barrier, errors)) for mine in pseudonyms
    ]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):  # anchor and verify while they write
        with _turn():
            chain.anchor()
            report = verify()
        assert report.ok, report.problem
    for thread in threads:
        thread.join()

    assert errors == []
    assert LogRecord.objects.count() == WRITERS * APPENDS * 2
    for number in (0, 1, 2):
        seqs = list(
            LogRecord.objects.filter(chain=number).order_by("seq").values_list("seq", flat=True)
        )
        assert seqs == list(range(1, len(seqs) + 1))
        assert ChainHead.objects.get(chain=number).seq == len(seqs)
    report = verify()
    assert report.ok, report.problem
    assert report.records == WRITERS * APPENDS * 2
