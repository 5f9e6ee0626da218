# SPDX-License-Identifier: EUPL-1.2
"""process(): ask the protocol, perform, log and annotate, in one transaction."""

from __future__ import annotations

import contextvars
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from django.db import transaction
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import ProcessingRefused
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.gate import facts as facts_module
from zorgvuldig.gate import together
from zorgvuldig.gate.context import gate_open
from zorgvuldig.processing_log import chain
from zorgvuldig.processing_log.entry import LogEntry, new_span_id, new_trace_id, subject_pseudonym
from zorgvuldig.protocol import (
    Category,
    CategoryOutcome,
    Decision,
    Domain,
    Facts,
    Justification,
    LegalBasis,
    Obligation,
    Operation,
    Purpose,
    PurposeGround,
    RecipientKind,
    Request,
    decide,
)
from zorgvuldig.protocol.decision import Refusal

logger = logging.getLogger(__name__)
_trace_id: contextvars.ContextVar[str] = contextvars.ContextVar("trace_id", default="")


def current_trace_id() -> str:
    """The trace id of the processing now running (for records that cite it, e.g. a
    disclosure); empty outside a processing."""
    return _trace_id.get()


T = TypeVar("T")

# The register of processing activities (AVG art. 30) has one activity per law.
ACTIVITY_BY_LEGAL_BASIS = {
    LegalBasis.WMO_2015: "wmo-2015-maatschappelijke-ondersteuning",
    LegalBasis.YOUTH_ACT: "jeugdwet-jeugdhulp",
    LegalBasis.PARTICIPATION_ACT: "participatiewet-werk-en-inkomen",
}


@dataclass(frozen=True)
class Processing:
    """What is to be done: the gate's view of a request, before the facts are known."""

    name: str  # what the log calls it, e.g. "dossier-raadplegen"
    actor: Actor
    operation: Operation
    categories: tuple[Category, ...]
    purpose: Purpose | None
    legal_basis: LegalBasis | None
    client_id: object | None
    subject_ids: tuple = ()  # the data subjects concerned when refused (default: the client's)
    opening_trajectory: LegalBasis | None = None
    foreign_operation: str = ""
    domain: Domain | None = None  # art5.1; default: the domain of the actor's own support
    recipient: str | None = None  # art6.1: to whom a share goes
    justification: Justification | None = None  # art4.6
    item_ids: tuple = ()  # the items it names: a share sends (art6.2), blocked (art9.4)
    recipient_kind: RecipientKind = RecipientKind.PARTNER
    recipient_informed: bool = False  # art7: a non-partner recipient has had the leaflet
    referral_domain: Domain | None = None  # art5.1: a share that refers the client
    # art5.1: the ground this processing itself lays for its purpose (opening a Meldcode
    # case, forming a household with its plan)
    establishes_ground: PurposeGround | None = None
    # No legal basis named: the gate takes the one of the actor's own support of the client,
    # from the facts it gathers anyway (:func:`.facts.derived_legal_basis`).
    derive_legal_basis: bool = False

    def with_legal_basis(
        self, facts: Facts, support_domains: dict[LegalBasis, frozenset[Domain]]
    ) -> Processing:
        """This processing with its legal basis derived from the facts, when it was not
        named (:func:`zorgvuldig.gate.facts.derived_legal_basis`)."""
        if not self.derive_legal_basis:
            return self
        basis = facts_module.derived_legal_basis(self.client_id, facts, support_domains)
        return replace(self, legal_basis=basis, derive_legal_basis=False)

    def request(self, support_domains: dict[LegalBasis, frozenset[Domain]]) -> Request:
        domain = self.domain
        if domain is None:
            own = support_domains.get(self.legal_basis, frozenset())
            domain = next(iter(own)) if len(own) == 1 else None
        return Request(
            actor_id=self.actor.log_id,
            partner_id=str(self.actor.partner_id),
            operation=self.operation,
            categories=self.categories,
            purpose=self.purpose,
            legal_basis=self.legal_basis,
            domain=domain,
            recipient=self.recipient,
            justification=self.justification,
            recipient_kind=self.recipient_kind,
            referral_domain=self.referral_domain,
        )

    def gather_facts(self) -> tuple[Facts, dict[LegalBasis, frozenset[Domain]]]:
        """The facts decide() needs for this processing (:func:`.facts.gather`)."""
        return facts_module.gather(
            self.actor,
            self.client_id,
            self.opening_trajectory,
            self.item_ids,
            self.recipient,
            self.recipient_informed,
            operation=self.operation,
            purpose=self.purpose,
            recipient_kind=self.recipient_kind,
            establishes_ground=self.establishes_ground,
        )


@dataclass
class Performed(Generic[T]):
    """What a perform callback returns: its result and the data subjects it processed."""

    result: T
    subject_ids: Iterable = ()
    client_id: object | None = None  # set when the processing created the client
    annotations: list[tuple[str, str]] = field(default_factory=list)  # (article, text)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    result: T
    decision: Decision
    trace_id: str


def _entries(
    processing: Processing, decision: Decision, subject_ids, trace_id: str, start, status: str
) -> list[LogEntry]:
    end = timezone.now()
    activity = (
        ACTIVITY_BY_LEGAL_BASIS.get(processing.legal_basis, "") if processing.legal_basis else ""
    )
    return [
        LogEntry(
            trace_id=trace_id,
            span_id=new_span_id(),
            parent_span_id="",
            name=processing.name,
            start_time=start,
            end_time=end,
            status=status,
            processing_activity_id=activity,
            subject_pseudonym=subject_pseudonym(subject_id),
            foreign_operation=processing.foreign_operation,
            actor_id=processing.actor.log_id,
            partner_id=str(processing.actor.partner_id),
            operation=processing.operation.value,
            categories=tuple(c.value for c in processing.categories),
            purpose=processing.purpose.value if processing.purpose else "",
            legal_basis=processing.legal_basis.value if processing.legal_basis else "",
            decision=decision.status,
            articles=decision.articles,
        )
        for subject_id in dict.fromkeys(str(s) for s in subject_ids)
    ]


def _default_subjects(processing: Processing):
    if processing.subject_ids:
        return processing.subject_ids
    if processing.client_id is None:
        return ()
    from zorgvuldig.clients.models import Client

    return tuple(
        Client.objects.filter(id=processing.client_id).values_list("subject_id", flat=True)
    )


def process(processing: Processing, perform: Callable[[Decision], Performed[T]]) -> Outcome[T]:
    """Decide, perform (only what is allowed), log and annotate, all or nothing.

    A refusal is logged and committed, then raised as :class:`ProcessingRefused`. When
    ``perform`` fails, nothing it did is kept, the failure is logged with status ``error``
    in a transaction of its own, and the exception goes on to the caller.
    """
    trace_id = new_trace_id()
    start = timezone.now()
    decision: Decision | None = None
    if processing.operation is not Operation.CONSULT:
        together.append_kept()
    trace_token = _trace_id.set(trace_id)
    with gate_open():
        try:
            with transaction.atomic():
                facts, support_domains = processing.gather_facts()
                processing = processing.with_legal_basis(facts, support_domains)
                decision = decide(processing.request(support_domains), facts)
                performed = perform(decision) if decision.allowed_categories else None
                subjects = (performed and tuple(performed.subject_ids)) or _default_subjects(
                    processing
                )
                entries = _entries(processing, decision, subjects, trace_id, start, "ok")
                # a consult's records may wait for the end of the page's consults (decision 29)
                kept = together.keeping(processing.operation)
                if not kept:
                    chain.append(entries)
                if performed is not None:
                    _annotate(processing, decision, performed, trace_id)
            if kept:
                together.keep(entries)
        except Exception:
            if decision is not None:
                with transaction.atomic():
                    subjects = _default_subjects(processing)
                    chain.append(_entries(processing, decision, subjects, trace_id, start, "error"))
            raise
        finally:
            _trace_id.reset(trace_token)
    if performed is None:
        raise ProcessingRefused(decision, trace_id)
    return Outcome(performed.result, decision, trace_id)


def process_required(
    processing: Processing, perform: Callable[[Decision], Performed[T]], required_by: str
) -> Outcome[T]:
    """Perform and log, all or nothing, a processing that ``decide()`` does not decide because
    it is about no client's support, but that the protocol itself asks of the partner: keeping
    the non-partners it shares with and whether they were informed or addressed (art7), the
    households a director directs (art1).

    ``decide()`` judges a processing of a client's data against that client's support (the
    assignment of art3.2c, the law of art2, the consent of art4); asked about no client it
    could only refuse. These processings are therefore not asked of it, and not refused: they
    are logged as allowed by ``required_by``, the article that requires them, one record per
    person concerned (``Performed.subject_ids``: a non-partner's id, a household's members),
    the same entry as :func:`process` writes, in the same transaction as the data. When
    ``perform`` fails nothing it did is kept, and the failure is logged with status ``error``
    for ``processing.subject_ids`` in a transaction of its own.
    """
    articles = (required_by,)
    decision = Decision(
        tuple(CategoryOutcome(c, True, articles) for c in processing.categories), articles, ()
    )
    trace_id = new_trace_id()
    start = timezone.now()
    trace_token = _trace_id.set(trace_id)
    with gate_open():
        try:
            with transaction.atomic():
                performed = perform(decision)
                subjects = tuple(performed.subject_ids)
                chain.append(_entries(processing, decision, subjects, trace_id, start, "ok"))
        except Exception:
            with transaction.atomic():
                chain.append(
                    _entries(processing, decision, processing.subject_ids, trace_id, start, "error")
                )
            raise
        finally:
            _trace_id.reset(trace_token)
    return Outcome(performed.result, decision, trace_id)


def process_required_together(
    processings: Sequence[Processing], perform: Callable[[], T], required_by: str
) -> Outcome[T]:
    """:func:`process_required` for processings that one ``perform`` carries out together:
    the dossiers of a batch destroyed at once (art5.2), each data subject's record naming
    the categories of their own data. One transaction, one trace; each processing is logged
    for its own ``subject_ids``, all records appended to the chain at once. When ``perform``
    fails nothing it did is kept, and the failure is logged for all of them with status
    ``error`` in a transaction of its own."""
    articles = (required_by,)
    decisions = [
        Decision(tuple(CategoryOutcome(c, True, articles) for c in p.categories), articles, ())
        for p in processings
    ]
    trace_id = new_trace_id()
    start = timezone.now()
    trace_token = _trace_id.set(trace_id)

    def entries(status: str) -> list[LogEntry]:
        return [
            entry
            for p, decision in zip(processings, decisions, strict=True)
            for entry in _entries(p, decision, p.subject_ids, trace_id, start, status)
        ]

    with gate_open():
        try:
            with transaction.atomic():
                result = perform()
                chain.append(entries("ok"))
        except Exception:
            with transaction.atomic():
                chain.append(entries("error"))
            raise
        finally:
            _trace_id.reset(trace_token)
    return Outcome(result, decisions[0], trace_id)


def process_required_in_parts(
    processing: Processing, perform: Callable[[Callable[[Iterable], None]], T], required_by: str
) -> Outcome[T]:
    """:func:`process_required` for a processing of very many people at once (a destruction
    list of 100,000 drawn up, art5.2) whose records are chained as it goes, so that memory
    does not grow with the people: ``perform(log)`` calls ``log(subject_ids)`` for each part
    it has done, and their records (the same entries :func:`process_required` writes, one
    trace) are appended then, in the one transaction. When ``perform`` fails nothing it did
    is kept, and the failure is logged with status ``error`` for ``processing.subject_ids``
    and the people logged until then, in a transaction of its own."""
    articles = (required_by,)
    decision = Decision(
        tuple(CategoryOutcome(c, True, articles) for c in processing.categories), articles, ()
    )
    trace_id = new_trace_id()
    start = timezone.now()
    trace_token = _trace_id.set(trace_id)
    logged = _Packed()

    def log(subject_ids: Iterable) -> None:
        subject_ids = list(subject_ids)
        chain.append(_entries(processing, decision, subject_ids, trace_id, start, "ok"))
        logged.extend(subject_ids)

    with gate_open():
        try:
            with transaction.atomic():
                result = perform(log)
        except Exception:
            with transaction.atomic():
                for part in logged.parts((*processing.subject_ids,)):
                    chain.append(_entries(processing, decision, part, trace_id, start, "error"))
            raise
        finally:
            _trace_id.reset(trace_token)
    return Outcome(result, decision, trace_id)


class _Packed:
    """Ids kept compactly (a UUID as its 16 bytes) until they are needed again."""

    PART = 1000

    def __init__(self):
        self.uuids, self.others = bytearray(), []

    def extend(self, ids: Iterable) -> None:
        for value in ids:
            if isinstance(value, uuid.UUID):
                self.uuids += value.bytes
            else:
                self.others.append(value)

    def parts(self, first: tuple) -> Iterable[list]:
        """``first`` and the ids kept, a thousand at a time."""
        pending = list(first) + self.others
        for start in range(0, len(self.uuids), 16):
            pending.append(uuid.UUID(bytes=bytes(self.uuids[start : start + 16])))
            if len(pending) >= self.PART:
                yield pending
                pending = []
        if pending:
            yield pending


def log_refused_attempt(processing: Processing, refusals: Sequence[Refusal]) -> Decision:
    """Log, as refused by ``refusals``, an attempt the gate refuses before it asks the
    protocol, because what it is about is not the actor's to reach or even to know of: another
    partner's item (art3.2c, art6.1), the release of an item's professional secrecy by
    someone who does not hold it (art6.2).

    Every category of ``processing`` is refused, citing the articles of ``refusals``; one
    record per data subject (``processing.subject_ids``, else the client's), the same entry as
    :func:`process` writes for a refusal, appended to the chain in a transaction of its own.
    Nothing else is written. The caller then answers as for something that does not exist
    (:class:`~.errors.NotFound`), so the answer tells the actor nothing the log does not keep.
    """
    articles = tuple(dict.fromkeys(r.article for r in refusals))
    decision = Decision(
        tuple(CategoryOutcome(c, False, articles, tuple(refusals)) for c in processing.categories),
        articles,
        (),
        general_refusals=() if processing.categories else tuple(refusals),
    )
    start = timezone.now()
    with gate_open(), transaction.atomic():
        subjects = _default_subjects(processing)
        chain.append(_entries(processing, decision, subjects, new_trace_id(), start, "ok"))
    return decision


def _annotate(
    processing: Processing, decision: Decision, performed: Performed, trace_id: str
) -> None:
    """Write the dossier annotations the decision obliges and the ones perform asked for."""
    client_id = performed.client_id or processing.client_id
    if client_id is None or processing.actor.employee_id is None:
        return
    notes = list(performed.annotations)
    if Obligation.ANNOTATE_DOSSIER in decision.obligations:
        notes.append((decision.annotation_article, decision.annotation))
    if not notes:
        return
    Annotation.objects.bulk_create(
        Annotation(
            client_id=client_id,
            partner_id=processing.actor.partner_id,
            article=article,
            text=text,
            author_id=processing.actor.employee_id,
            trace_id=trace_id,
        )
        for article, text in notes
    )
