# SPDX-License-Identifier: EUPL-1.2
"""art9.3 for the resident's own view (decision 25): the partner holds back a processing of
the client's data whose showing would harm the client or others, and releases what was held
back (a harm hold, or a processing the version holds back by its kind: under the Meldcode,
for Veilig Thuis). Done by the privacy officer or a caseworker who supports the client, as a
request of the client is handled (:func:`~zorgvuldig.gate.services.rights.handlers.handled_client`);
each is one processing, logged under art9.3. :func:`resident_view_holds` lists, for them, each
processing of the client's data at the partner and whether the client's own view shows it,
by the same rules as the view itself (:mod:`.processings`)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.resident.processings import (
    HOLD_NAME,
    HOLDS_NAME,
    RELEASE_NAME,
    another_persons_case,
    held_back_rules,
    held_kinds,
    listed,
    never_listed,
    releases,
)
from zorgvuldig.gate.services.resident.views import (
    HELD_BACK,
    NOT_LISTED,
    OTHER_PERSON,
    RELEASED,
    SHOWN,
    HeldProcessing,
    ResidentViewHolds,
)
from zorgvuldig.gate.services.rights.handlers import handled_client, rights_processing
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Operation
from zorgvuldig.rights.models import ViewHold, ViewHoldKind

#: How many processings the list gives at most (newest first).
HOLDS_PAGE = 100
#: The kinds in the order a list names them.
KIND_ORDER = tuple(ViewHoldKind.values)

NOT_A_PROCESSING = "Deze verwerking staat niet in het verwerkingenlog van deze cliënt bij u."


def _trace(client, partner_id, trace_id) -> str:
    value = validation.text(trace_id, "traceId", 32)
    if not LogRecord.objects.filter(
        trace_id=value,
        partner_id=str(partner_id),
        subject_pseudonym=subject_pseudonym(client.subject_id),
    ).exists():
        raise InvalidInput({"traceId": NOT_A_PROCESSING})
    return value


@gate_service
def hold_from_resident_view(
    actor: Actor, client_id, *, trace_id: str, reason: str
) -> HeldProcessing:
    """art9.3: hold back one processing (by its trace id) from the client's own view, with
    the reason, until it is released; the processing as the view now stands to it."""
    name = HOLD_NAME
    client = handled_client(actor, client_id, name, Operation.RECORD)
    trace = _trace(client, actor.partner_id, trace_id)
    why = validation.text(reason, "reason", 2000)

    def perform(decision):
        with transaction.atomic():
            ViewHold.objects.update_or_create(
                partner_id=actor.partner_id,
                client=client,
                trace_id=trace,
                defaults={
                    "kind": ViewHoldKind.HARM,
                    "reason": why,
                    "held_since": timezone.now(),
                    "held_by_id": actor.employee_id,
                    "released_at": None,
                    "released_by": None,
                },
            )
        return Performed(_one(actor, client, trace), subject_ids=[client.subject_id])

    processing = rights_processing(actor, client, name, Operation.RECORD)
    return process_required(processing, perform, "art9.3").result


@gate_service
def release_to_resident_view(
    actor: Actor, client_id, *, trace_id: str, kind: str
) -> HeldProcessing:
    """art9.3: show a processing held back (``kind``: meldcode, veilig-thuis or harm) in the
    client's own view from now on; the view then says it was held back, and since when. The
    processing as the view now stands to it."""
    name = RELEASE_NAME
    client = handled_client(actor, client_id, name, Operation.RECORD)
    trace = _trace(client, actor.partner_id, trace_id)
    if kind not in ViewHoldKind.values:
        raise InvalidInput({"kind": f"Kies uit: {', '.join(ViewHoldKind.values)}."})

    def perform(decision):
        now = timezone.now()
        with transaction.atomic():
            hold = ViewHold.objects.filter(
                partner_id=actor.partner_id, client=client, trace_id=trace
            ).first()
            if hold is None:
                hold = ViewHold(
                    partner_id=actor.partner_id,
                    client=client,
                    trace_id=trace,
                    kind=kind,
                    held_since=now,
                    held_by_id=actor.employee_id,
                )
            hold.released_at = now
            hold.released_by_id = actor.employee_id
            hold.save()
        return Performed(_one(actor, client, trace), subject_ids=[client.subject_id])

    processing = rights_processing(actor, client, name, Operation.RECORD)
    return process_required(processing, perform, "art9.3").result


def _state(trace: str, shown: set, others: set, listed_out: set, hold: ViewHold | None) -> str:
    if trace in shown:
        return RELEASED if hold is not None and hold.released_at else SHOWN
    if trace in others:
        return OTHER_PERSON
    if trace in listed_out:
        return NOT_LISTED
    return HELD_BACK


def _held(trace, at, names, *, state: str, kinds: list[str], hold: ViewHold | None):
    """One processing of the list: what holds it back are the kinds of the version that it
    is of, and a harm hold; a released one also names the kind it was released as."""
    if hold is not None and hold.kind not in kinds:
        kinds = [*kinds, hold.kind]
    harm = hold is not None and hold.kind == ViewHoldKind.HARM
    return HeldProcessing(
        trace_id=trace,
        at=at,
        names=tuple(names),
        state=state,
        held_back=tuple(kinds) if state in (HELD_BACK, RELEASED) else (),
        reason=hold.reason if harm else "",
        held_since=hold.held_since if harm else None,
        released_at=hold.released_at if hold is not None else None,
    )


def _records(actor: Actor, client):
    """The log records of the client's data at the actor's partner."""
    return LogRecord.objects.filter(
        subject_pseudonym=subject_pseudonym(client.subject_id), partner_id=str(actor.partner_id)
    )


def _processings(actor: Actor, client, found: dict) -> tuple[HeldProcessing, ...]:
    """The processings ``found`` (trace id: its first record's time, in the order to list)
    as the client's own view stands to them, by the view's own rules (:mod:`.processings`)."""
    subject = client.subject_id
    ids = sorted(found)
    mine = _records(actor, client).filter(trace_id__in=ids)
    names: dict[str, list[str]] = {}
    for trace, name in mine.order_by("id").values_list("trace_id", "name"):
        if name not in names.setdefault(trace, []):
            names[trace].append(name)
    shown = set(
        listed(subject, subject, releases(subject))
        .filter(partner_id=str(actor.partner_id), trace_id__in=ids)
        .values_list("trace_id", flat=True)
    )
    kinds = [k for k in KIND_ORDER if k in held_kinds(actor.partner_id)]
    rules = held_back_rules(subject)
    matched = {
        kind: set(mine.filter(rules[ViewHoldKind(kind)]).values_list("trace_id", flat=True))
        for kind in kinds
    }
    others = set(
        mine.filter(another_persons_case(subject, subject)).values_list("trace_id", flat=True)
    )
    not_listed = set(mine.filter(never_listed(subject)).values_list("trace_id", flat=True))
    holds = {
        h.trace_id: h
        for h in ViewHold.objects.filter(
            partner_id=actor.partner_id, client=client, trace_id__in=ids
        )
    }
    return tuple(
        _held(
            trace,
            at,
            names.get(trace, ()),
            state=_state(trace, shown, others, not_listed, holds.get(trace)),
            kinds=[kind for kind in kinds if trace in matched[kind]],
            hold=holds.get(trace),
        )
        for trace, at in found.items()
    )


def _one(actor: Actor, client, trace: str) -> HeldProcessing:
    at = _records(actor, client).filter(trace_id=trace).aggregate(at=Min("start_time"))["at"]
    return _processings(actor, client, {trace: at})[0]


@gate_service
def resident_view_holds(
    actor: Actor, client_id, *, held_only: bool = False, limit: int = HOLDS_PAGE
) -> ResidentViewHolds:
    """art9.3: the client's processings at the actor's partner, newest first (``limit`` of
    them), each with whether the client's own view lists it, what holds it back and since when,
    or when it was released; ``held_only``: only those held back or released. For those who
    hold back and release (:func:`hold_from_resident_view`), a consult logged under art9.3."""
    client = handled_client(actor, client_id, HOLDS_NAME, Operation.CONSULT)
    records = _records(actor, client)
    if held_only:
        rules = held_back_rules(client.subject_id)
        held = Q(
            trace_id__in=ViewHold.objects.filter(partner_id=actor.partner_id, client=client).values(
                "trace_id"
            )
        )
        for kind in held_kinds(actor.partner_id):
            held |= rules[ViewHoldKind(kind)]
        records = records.filter(held)

    def perform(decision):
        traces = (
            records.values("trace_id")
            .annotate(at=Min("start_time"), last=Max("id"))
            .order_by("-last")[: max(1, min(int(limit), HOLDS_PAGE))]
        )
        found = {t["trace_id"]: t["at"] for t in traces}
        return Performed(
            ResidentViewHolds(
                client_id=client.id,
                client_name=client.subject.full_name,
                processings=_processings(actor, client, found),
                total=records.aggregate(n=Count("trace_id", distinct=True))["n"],
            ),
            subject_ids=[client.subject_id],
        )

    processing = rights_processing(actor, client, HOLDS_NAME, Operation.CONSULT)
    return process_required(processing, perform, "art9.3").result
