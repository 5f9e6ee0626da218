# SPDX-License-Identifier: EUPL-1.2
"""The consults of one page, logged together: one append to the chain for all of them.

A page such as the dossier consults a client's data through several processings (the
dossier, the consent panel, the Meldcode panel, the processing log, who has access), each
decided and logged on its own. Each used to append its records to the chain in a
transaction of its own: five locks of the chain's heads, five commits, for one page, and
under load the heads are where the requests of every user meet.

Inside :func:`consults_logged_together`, :func:`~zorgvuldig.gate.processing.process` keeps
the records of a consult (``Operation.CONSULT``, whatever its decision) until the block ends,
then appends them at once, in their order, in one transaction. The block ends before the page
leaves the server, also when it ends by an exception (a refusal is logged, then raised), so
nothing read is shown without its record: a consult changes nothing, so there is nothing of it
to keep or undo with its records. A processing that changes data keeps its records in its own
transaction with the data, as everywhere; the consults kept until then are appended first, so
that the chain keeps the order in which things happened, and so they are before the log is
read (:func:`append_kept`). Decision 29.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from django.db import transaction

from zorgvuldig.gate.context import gate_open
from zorgvuldig.processing_log import chain
from zorgvuldig.processing_log.entry import LogEntry
from zorgvuldig.protocol import Operation

_kept: contextvars.ContextVar[list[LogEntry] | None] = contextvars.ContextVar(
    "consults_kept", default=None
)


@contextlib.contextmanager
def consults_logged_together() -> Iterator[None]:
    """Keep the records of the consults in this block; append them all when it ends."""
    if _kept.get() is not None:  # already inside a block: the outer one appends
        yield
        return
    token = _kept.set([])
    try:
        yield
    finally:
        kept = _kept.get() or []
        _kept.reset(token)
        _append_now(kept)


def keeping(operation: Operation) -> bool:
    """Whether the records of a processing of ``operation`` wait for the end of the block: a
    consult inside :func:`consults_logged_together`. Else they are appended in the
    processing's own transaction, as everywhere."""
    return operation is Operation.CONSULT and _kept.get() is not None


def keep(entries: list[LogEntry]) -> None:
    """Keep a consult's records for the end of the block, once its transaction has ended well
    (a consult whose transaction failed is logged as an error instead, not as done)."""
    kept = _kept.get()
    if kept is None:
        raise RuntimeError("keep() outside consults_logged_together()")
    kept.extend(entries)


def append_kept() -> None:
    """Append the consults kept until now: before a processing that changes data starts its
    transaction, so that the chain keeps the order of what happened, and before the processing
    log itself is read, which shows them (the dossier page's log includes its own consults)."""
    kept = _kept.get()
    if kept:
        entries = list(kept)
        kept.clear()
        _append_now(entries)


def _append_now(entries: list[LogEntry]) -> None:
    if entries:
        with gate_open(), transaction.atomic():
            chain.append(entries)
