# SPDX-License-Identifier: EUPL-1.2
"""The register of data subjects' requests (art9, art10; AVG art. 12 and 15 to 21).

A request is registered with who asked, for whom, on what authority (the answer of art10,
with the signatures collected), how the requester's identity was established, when it came
in and when its answer is due (:mod:`zorgvuldig.protocol.deadlines`). While the partner waits
for the requester the clock is paused; under the AVG the deadline can be extended once, when
the requester is told before the first deadline ends. Every step is one processing, logged.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import acknowledged, gate_service, locked_or_404
from zorgvuldig.gate.services.rights.convert import request_view
from zorgvuldig.gate.services.rights.handlers import handled_client, rights_processing
from zorgvuldig.gate.services.rights.representation import (
    authority_on,
    committed_version,
    past_day,
)
from zorgvuldig.gate.services.rights.views import QueueLine, SubjectRequestView
from zorgvuldig.partners.services import employee_in_role
from zorgvuldig.protocol import Operation, deadlines
from zorgvuldig.protocol.version import Deadline
from zorgvuldig.rights.codes import OPEN_STATES, IdentityMethod, RequestKind, RequestState
from zorgvuldig.rights.models import RequestPause, SubjectRequest

# the article that asks the partner to answer each kind of request
ARTICLE = {
    RequestKind.OVERVIEW: "art9.1",
    RequestKind.INSPECTION: "art9.2",
    RequestKind.CORRECTION: "art9.4",
    RequestKind.ADDITION: "art9.4",
    RequestKind.DELETION: "art9.4",
    RequestKind.BLOCKING: "art9.4",
    RequestKind.EARLY_DESTRUCTION: "art5.2",
    # rights of the AVG the protocol lacks: the law wins where it is stricter (art3.2g)
    RequestKind.RESTRICTION: "art3.2g",
    RequestKind.PORTABILITY: "art3.2g",
    RequestKind.OBJECTION: "art3.2g",
}
ABOUT_ITEMS = (
    RequestKind.CORRECTION,
    RequestKind.ADDITION,
    RequestKind.DELETION,
    RequestKind.BLOCKING,
    RequestKind.RESTRICTION,
    RequestKind.OBJECTION,  # GDPR art. 21: the data whose processing the subject objects to
)
NEEDS_DETAILS = (RequestKind.CORRECTION, RequestKind.ADDITION, RequestKind.OBJECTION)
DUE_SOON_DAYS = 7
EARLY_DESTRUCTION_DEADLINE = Deadline(months=3)
WAITING = "Dit verzoek wacht op de verzoeker (identiteit of verduidelijking); hervat het eerst."


def known_kinds(extra: frozenset[str]) -> tuple[str, ...]:
    """The kinds of request a version knows: those of art9, and the AVG's it adds (``extra``),
    in the order of :class:`RequestKind`."""
    return tuple(
        k for k in RequestKind.values if ARTICLE[RequestKind(k)] != "art3.2g" or k in extra
    )


def _kind(value, allowed: frozenset[str]) -> RequestKind:
    kinds = sorted(known_kinds(allowed))
    if value not in kinds:
        raise InvalidInput({"kind": f"Onbekend soort verzoek; kies uit: {', '.join(kinds)}."})
    return RequestKind(value)


def _items(client, partner_id, kind: RequestKind, item_ids) -> list:
    ids = sorted({validation.reference(i, "itemIds") for i in item_ids or ()}, key=str)
    if kind in ABOUT_ITEMS and not ids:
        raise InvalidInput({"itemIds": "Noem de gegevens waarop het verzoek betrekking heeft."})
    found = list(DataItem.objects.filter(id__in=ids, client=client, partner_id=partner_id))
    if len(found) != len(ids):
        raise InvalidInput(
            {"itemIds": "Een of meer gegevens bestaan niet in het dossier van deze cliënt."}
        )
    return found


def _paused_days(request: SubjectRequest, until: datetime.date) -> int:
    return sum(((p.ended_on or until) - p.started_on).days for p in request.pauses.all())


def deadline_of(kind: str, version) -> Deadline:
    """The period to answer in: the version's (art9.5), or three months for an early
    destruction (the Selectielijst gemeenten 2020 and the Jeugdwet, art5.2)."""
    if kind == RequestKind.EARLY_DESTRUCTION:
        return EARLY_DESTRUCTION_DEADLINE
    return version.rights_deadline


def _recompute_due(request: SubjectRequest, version) -> None:
    """The due date after a pause ended or an extension: a pause still open counts until today."""
    request.due_on = deadlines.due_date(
        request.received_on,
        deadline_of(request.kind, version),
        extended=request.extended_on is not None,
        paused_days=_paused_days(request, timezone.localdate()),
    )


@gate_service
def register_request(
    actor: Actor,
    client_id,
    *,
    kind: str,
    requested_by_subject_id,
    signed_by_subject_ids=(),
    identity_method: str,
    identity_note: str = "",
    received_on: datetime.date,
    details: str = "",
    item_ids=(),
) -> SubjectRequestView:
    """Register a request of the client's data subject, or of whoever acts for them (art10).

    Refused with a clear error, and nothing written, when: the requester and the signatures
    do not make the authority art10 asks on the day of receipt; the date is malformed or in
    the future; the kind is not one the partner's protocol version knows; an item named is
    not in this client's dossier; or the same request of this client is still open.
    """
    client = handled_client(actor, client_id, "verzoek-betrokkene-vastleggen", Operation.RECORD)
    day = past_day(received_on, "receivedOn")
    version = committed_version(actor, day)
    the_kind = _kind(kind, version.extra_rights)
    if identity_method not in IdentityMethod.values:
        raise InvalidInput({"identityMethod": f"Kies uit: {', '.join(IdentityMethod.values)}."})
    note = validation.text(identity_note, "identityNote", 1000, required=False)
    what = validation.text(details, "details", 4000, required=the_kind in NEEDS_DETAILS)
    requester = str(validation.reference(requested_by_subject_id, "requestedBySubjectId"))
    signers = {str(validation.reference(s, "signedBySubjectIds")) for s in signed_by_subject_ids}
    signers.add(requester)
    items = _items(client, actor.partner_id, the_kind, item_ids)
    found, people = authority_on(actor, client, day, version)
    if requester not in people or not signers <= set(people):
        raise InvalidInput(
            {
                "requestedBySubjectId": "Deze persoon is niet de cliënt en niet als "
                "betrokkene bij de cliënt vastgelegd; leg zo nodig eerst de relatie vast."
            }
        )
    if not found.allows(signers):
        raise InvalidInput({"signedBySubjectIds": found.explanation})

    def perform(decision):
        with transaction.atomic():
            if SubjectRequest.objects.filter(
                partner_id=actor.partner_id, client=client, kind=the_kind, state__in=OPEN_STATES
            ).exists():
                raise InvalidInput(
                    {
                        "kind": "Er loopt al zo'n verzoek van deze cliënt; behandel dat "
                        "eerst of trek het in."
                    }
                )
            request = SubjectRequest.objects.create(
                partner_id=actor.partner_id,
                client=client,
                kind=the_kind,
                requested_by_id=requester,
                authority=" ".join(found.articles),
                identity_method=identity_method,
                identity_note=note,
                details=what,
                protocol_version=version.id,
                received_on=day,
                due_on=deadlines.due_date(day, deadline_of(the_kind, version)),
                registered_by_id=actor.employee_id,
            )
            request.signed_by.set(sorted(signers))
            request.items.set(items)
        return Performed(request_view(reload(request.id)), subject_ids=_subjects(client, signers))

    processing = rights_processing(
        actor, client, "verzoek-betrokkene-vastleggen", Operation.RECORD, _subjects(client, signers)
    )
    return process_required(processing, perform, ARTICLE[the_kind]).result


def _subjects(client, signers) -> tuple:
    return tuple(dict.fromkeys([client.subject_id, *sorted(signers)]))


def reload(request_id) -> SubjectRequest:
    return (
        SubjectRequest.objects.select_related(
            "client__subject", "requested_by", "registered_by__user", "decided_by__user"
        )
        .prefetch_related("signed_by", "items", "pauses", "granted_items")
        .get(id=request_id)
    )


def request_for(
    actor: Actor, request_id, name: str, operation: Operation = Operation.CONSULT
) -> SubjectRequest:
    """The actor's partner's request, locked, whose client the actor handles; else not found."""
    key = validation.reference(request_id, "requestId")
    found = locked_or_404(
        SubjectRequest.objects.filter(id=key, partner_id=actor.partner_id),
        "subject-request",
        "Dit verzoek bestaat niet bij uw organisatie.",
    )
    handled_client(actor, found.client_id, name, operation)
    return found


def step(actor: Actor, request_id, name: str, change) -> SubjectRequestView:
    """One step of a request's handling: locked, changed by ``change``, logged under the
    article of its kind."""
    with transaction.atomic():
        request = request_for(actor, request_id, name, Operation.CHANGE)
        client = request.client
        processing = rights_processing(actor, client, name, Operation.CHANGE)

        def perform(decision):
            change(request)
            return Performed(request_view(reload(request.id)), subject_ids=[client.subject_id])

        return process_required(processing, perform, ARTICLE[RequestKind(request.kind)]).result


def _still_open(request: SubjectRequest) -> None:
    if request.state not in OPEN_STATES:
        raise InvalidInput({"state": "Dit verzoek is al afgehandeld of ingetrokken."})


@gate_service
def pause_request(actor: Actor, request_id, *, reason: str) -> SubjectRequestView:
    """Stop the clock: the partner waits for proof of identity or a clarification it asked
    the requester for (the reason is kept); the deadline moves by the days paused."""
    why = validation.text(reason, "reason", 1000)

    def change(request):
        _still_open(request)
        if request.state == RequestState.WAITING:
            raise InvalidInput({"state": "Dit verzoek wacht al op de verzoeker."})
        if timezone.localdate() > request.due_on:  # art9.5: the clock stops only while it runs
            raise InvalidInput(
                {
                    "state": f"De termijn van dit verzoek is op {request.due_on:%d-%m-%Y} "
                    "verstreken; een pauze schuift een verstreken termijn niet meer op "
                    "(art. 9 lid 5)."
                }
            )
        RequestPause.objects.create(
            request=request,
            started_on=timezone.localdate(),
            reason=why,
            recorded_by_id=actor.employee_id,
        )
        request.state = RequestState.WAITING
        request.save(update_fields=["state"])

    return step(actor, request_id, "verzoek-betrokkene-pauzeren", change)


@gate_service
def resume_request(actor: Actor, request_id) -> SubjectRequestView:
    """The requester answered: the clock runs again and the deadline moves by the pause."""

    def change(request):
        pause = request.pauses.filter(ended_on__isnull=True).first()
        if request.state != RequestState.WAITING or pause is None:
            raise InvalidInput({"state": "Dit verzoek wacht niet op de verzoeker."})
        pause.ended_on = timezone.localdate()
        pause.save(update_fields=["ended_on"])
        request.state = RequestState.IN_PROGRESS
        _recompute_due(request, committed_version(actor, request.received_on))
        request.save(update_fields=["state", "due_on"])

    return step(actor, request_id, "verzoek-betrokkene-hervatten", change)


@gate_service
def extend_request(
    actor: Actor, request_id, *, reason: str, announced_on: datetime.date | None = None
) -> SubjectRequestView:
    """AVG art. 12(3): extend the deadline once, by the version's months, where the requester
    was told so, with the reason, before the first deadline ended."""
    why = validation.text(reason, "reason", 2000)
    told = past_day(announced_on or timezone.localdate(), "announcedOn")

    def change(request):
        _still_open(request)
        if request.extended_on is not None:
            raise InvalidInput({"announcedOn": "De termijn van dit verzoek is al verlengd."})
        version = committed_version(actor, request.received_on)
        if told < request.received_on:
            raise InvalidInput({"announcedOn": "De verlenging ligt vóór de ontvangst."})
        problem = deadlines.extension_problem(
            request.received_on,
            deadline_of(request.kind, version),
            told,
            paused_days=_paused_days(request, told),
        )
        if problem:
            raise InvalidInput({"announcedOn": problem})
        request.extended_on, request.extension_reason = told, why
        _recompute_due(request, version)
        request.save(update_fields=["extended_on", "extension_reason", "due_on"])

    return step(actor, request_id, "verzoek-betrokkene-verlengen", change)


@gate_service
def withdraw_request(actor: Actor, request_id) -> SubjectRequestView:
    """The requester withdrew the request; it is kept, closed as withdrawn."""

    def change(request):
        _still_open(request)
        request.state = RequestState.WITHDRAWN
        request.withdrawn_on = timezone.localdate()
        request.closed_at = timezone.now()
        request.save(update_fields=["state", "withdrawn_on", "closed_at"])

    return step(actor, request_id, "verzoek-betrokkene-intrekken", change)


@gate_service
def subject_request(actor: Actor, request_id) -> SubjectRequestView:
    """One request, as the handler sees it; a consult logged for the client."""
    with transaction.atomic():
        request = request_for(actor, request_id, "verzoek-betrokkene-raadplegen", Operation.CONSULT)
        processing = rights_processing(
            actor, request.client, "verzoek-betrokkene-raadplegen", Operation.CONSULT
        )
        return process_required(
            processing,
            lambda decision: Performed(
                request_view(reload(request.id)), subject_ids=[request.client.subject_id]
            ),
            ARTICLE[RequestKind(request.kind)],
        ).result


@gate_service
def client_requests(actor: Actor, client_id) -> list[SubjectRequestView]:
    """Every request of this client's data subject at the partner, newest first, for whoever
    handles them (the privacy officer, a caseworker who supports the client); a consult."""
    name = "verzoeken-betrokkene-raadplegen"
    client = handled_client(actor, client_id, name, Operation.CONSULT)
    ids = list(
        SubjectRequest.objects.filter(partner_id=actor.partner_id, client=client)
        .order_by("-received_on", "-registered_at")
        .values_list("id", flat=True)
    )
    return process_required(
        rights_processing(actor, client, name, Operation.CONSULT),
        lambda decision: Performed(
            [request_view(reload(i)) for i in ids], subject_ids=[client.subject_id]
        ),
        "art9.5",
    ).result


@gate_service
def open_requests(actor: Actor, *, today: datetime.date | None = None) -> list[QueueLine]:
    """The privacy officer's queue (art9.5): the partner's open requests by due date, overdue
    first, with how many days are left; a consult logged for each client listed.

    Read by a role that reads the registers (the privacy officer, who handles them, and the
    FG, who oversees them and changes nothing: art3.2c, decision 22), once they acknowledged
    the protocol in force (art3.2d); anyone else NotAllowed before anything is read."""
    acknowledged(
        employee_in_role(
            actor,
            "Alleen de privacy officer en de functionaris gegevensbescherming van uw organisatie "
            "zien alle open verzoeken van betrokkenen (art. 3 lid 2 onder c).",
            lambda access: access.reads_registers,
        )
    )
    day = today or timezone.localdate()
    ids = list(
        SubjectRequest.objects.filter(partner_id=actor.partner_id, state__in=OPEN_STATES)
        .order_by("due_on", "received_on")
        .values_list("id", "client__subject_id")
    )
    processing = rights_processing(
        actor,
        None,
        "verzoeken-betrokkenen-raadplegen",
        Operation.CONSULT,
        tuple(dict.fromkeys(s for _, s in ids)),
    )

    def perform(decision):
        lines = []
        for request_id, _ in ids:
            view = request_view(reload(request_id))
            left = (view.due_on - day).days
            if view.paused:
                urgency = "paused"
            elif left < 0:
                urgency = "overdue"
            elif left <= DUE_SOON_DAYS:
                urgency = "due-this-week"
            else:
                urgency = "on-time"
            lines.append(QueueLine(view, left, urgency))
        return Performed(lines, subject_ids=processing.subject_ids)

    return process_required(processing, perform, "art9.5").result
