# SPDX-License-Identifier: EUPL-1.2
"""The clients an incident affected, found in the processing log (art3.2f, AVG art. 33(3)(a)).

The log names a data subject only by a pseudonym (a keyed hash of the subject's id), and holds
no content. The privacy officer describes what the incident touched: a time window, and as far
as known the employee who processed, the recipient a share went to (the disclosures of that
window name the log's trace ids) and the categories. The gate finds the log records of the
partner's own processings that match and that did process data (allowed, completed), and
resolves their pseudonyms to clients by hashing the subject id of each client the partner has
a dossier of (a trajectory there, open or closed): the log is never read back to a person
outside the partner's own clients. People in the records who are no client there (a relative,
another partner's client) are counted, not named. Each search is kept with what it found.
"""

from __future__ import annotations

import datetime
import uuid

from zorgvuldig.clients.models import Client, SupportTrajectory
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.exchange.models import Disclosure, NonPartner
from zorgvuldig.gate import validation
from zorgvuldig.gate.services.clients.registration import bsn_index
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.incidents import checks, municipality
from zorgvuldig.gate.services.incidents.access import Handling
from zorgvuldig.gate.services.incidents.convert import names_of, search_view
from zorgvuldig.gate.services.incidents.views import IncidentView, SearchResult
from zorgvuldig.gate.services.rights.handlers import handled_client
from zorgvuldig.incidents.codes import FoundBy, LetterStatus, SubjectOutcome
from zorgvuldig.incidents.models import (
    AffectedClient,
    DetachedClient,
    Incident,
    LogSearch,
    SubjectDecision,
    SubjectLetter,
)
from zorgvuldig.partners.models import Employee, Partner
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Operation
from zorgvuldig.protocol.decision import Refusal

#: The longest window searched at once.
LONGEST_WINDOW = datetime.timedelta(days=366)
#: Log records of processings that touched data (a refused one did not).
PROCESSED = ("allowed", "partial")

NOT_THE_PARTNERS_CLIENT = Refusal(
    "art3.2c",
    "Geweigerd: deze cliënt heeft geen dossier bij uw organisatie",
    "Een incident noemt alleen cliënten van de eigen organisatie.",
)


def _window(window_from, window_to, now) -> tuple[datetime.datetime, datetime.datetime]:
    errors = checks.Errors()
    start = errors.check(
        checks.moment,
        window_from,
        "windowFrom",
        now,
        missing="Geef het begin van de periode waarin het incident gegevens raakte.",
    )
    end = errors.check(
        checks.moment,
        window_to,
        "windowTo",
        now,
        missing="Geef het einde van de periode waarin het incident gegevens raakte.",
    )
    if start and end and end < start:
        errors.add("windowTo", "Het einde van de periode ligt vóór het begin.")
    elif start and end and end - start > LONGEST_WINDOW:
        errors.add("windowTo", "Zoek in een periode van ten hoogste een jaar.")
    errors.raise_any()
    return start, end


def _employee(actor: Actor, employee_id):
    """The employee of the actor's partner whose processings are searched, if one is named."""
    if employee_id in (None, ""):
        return None
    if not _exists(Employee.objects.filter(partner_id=actor.partner_id), employee_id):
        raise InvalidInput({"employeeId": "Deze medewerker werkt niet bij uw organisatie."})
    return Employee.objects.get(id=employee_id)


def _recipient(actor: Actor, partner_id, non_partner_id) -> str:
    """The recipient as the search keeps it: ``partner:<id>`` or ``non-partner:<id>``."""
    if partner_id not in (None, "") and non_partner_id not in (None, ""):
        raise InvalidInput(
            {"recipientPartnerId": "Noem één ontvanger: een partner of een niet-partner."}
        )
    if partner_id not in (None, ""):
        if not _exists(Partner.objects, partner_id):
            raise InvalidInput({"recipientPartnerId": "Deze partner bestaat niet."})
        return f"partner:{partner_id}"
    if non_partner_id not in (None, ""):
        if not _exists(NonPartner.objects.filter(partner_id=actor.partner_id), non_partner_id):
            raise InvalidInput(
                {"recipientNonPartnerId": "Deze niet-partner kent uw organisatie niet."}
            )
        return f"non-partner:{non_partner_id}"
    return ""


def _exists(queryset, pk) -> bool:
    try:
        return queryset.filter(id=uuid.UUID(str(pk))).exists()
    except ValueError:  # a malformed id
        return False


def _records(actor: Actor, start, end, employee, recipient: str, categories) -> list[tuple]:
    """The pseudonyms of the partner's log records that match the search: the window on the
    index (partner_id, start_time), in no order (they are counted as a set)."""
    records = LogRecord.objects.filter(
        partner_id=str(actor.partner_id),
        start_time__gte=start,
        start_time__lte=end,
        status="ok",
        decision__in=PROCESSED,
    ).order_by()
    if employee is not None:
        records = records.filter(actor_id=str(employee.id))
    if recipient:
        kind, _, key = recipient.partition(":")
        sent = Disclosure.objects.filter(
            partner_id=actor.partner_id, disclosed_at__gte=start, disclosed_at__lte=end
        )
        sent = sent.filter(
            **(
                {"recipient_partner_id": key}
                if kind == "partner"
                else {"recipient_non_partner_id": key}
            )
        )
        records = records.filter(trace_id__in=set(sent.values_list("trace_id", flat=True)))
    wanted = set(categories)
    found = []
    for pseudonym, codes in records.values_list("subject_pseudonym", "categories").iterator():
        if not wanted or wanted & set(codes.split(",")):
            found.append(pseudonym)
    return found


def _clients_by_pseudonym(partner_id) -> dict[str, tuple]:
    """The log's pseudonym of every client the partner has a dossier of: (client, subject)."""
    rows = (
        SupportTrajectory.objects.filter(partner_id=partner_id)
        .values_list("client_id", "client__subject_id")
        .distinct()
    )
    return {subject_pseudonym(str(subject)): (client, subject) for client, subject in rows}


def _attach(incident: Incident, officer, clients: dict, found_by: str) -> int:
    """Put ``clients`` (pseudonym -> client id) on the incident, with a letter to each when the
    decision that stands is to tell them, and tell a municipality their support runs for that
    was not told yet (art3.2f); returns how many are new."""
    known = set(
        AffectedClient.objects.filter(incident=incident).values_list("pseudonym", flat=True)
    )
    if found_by == FoundBy.LOG:  # taken off by the officer: not attached again by a search
        known |= set(
            DetachedClient.objects.filter(incident=incident).values_list("pseudonym", flat=True)
        )
    new = [
        AffectedClient(
            incident=incident,
            client_id=client,
            pseudonym=pseudonym,
            found_by=found_by,
            added_by=officer,
        )
        for pseudonym, client in clients.items()
        if pseudonym not in known
    ]
    AffectedClient.objects.bulk_create(new)
    latest = SubjectDecision.objects.filter(incident=incident).last()
    if latest is not None and latest.outcome == SubjectOutcome.TELL:
        added = AffectedClient.objects.filter(
            incident=incident, pseudonym__in=[a.pseudonym for a in new]
        )
        SubjectLetter.objects.bulk_create(SubjectLetter(affected=a) for a in added)
    if new:
        municipality.tell_more(incident)
    return len(new)


@gate_service
def find_affected_clients(
    actor: Actor,
    incident_id,
    *,
    window_from,
    window_to,
    employee_id=None,
    recipient_partner_id=None,
    recipient_non_partner_id=None,
    categories=(),
) -> SearchResult:
    """Find in the processing log the clients the incident affected, and attach them: the
    partner's processings in the window, narrowed to one employee, to what was shared with one
    recipient, to some categories; resolved only among the partner's own clients. Logged for
    each client found."""
    step = Handling(actor, incident_id, "incident-betrokkenen-zoeken")
    officer = step.officer
    start, end = _window(window_from, window_to, step.now)
    employee = _employee(actor, employee_id)
    recipient = _recipient(actor, recipient_partner_id, recipient_non_partner_id)
    codes = checks.categories(categories)
    with step.locked() as incident:
        pseudonyms = set(_records(actor, start, end, employee, recipient, codes))
        matched = len(pseudonyms)
        clients = _clients_by_pseudonym(actor.partner_id) if pseudonyms else {}
        found = {p: clients[p] for p in pseudonyms if p in clients}

        def perform():
            added = _attach(incident, officer, {p: c for p, (c, _) in found.items()}, FoundBy.LOG)
            search = LogSearch.objects.create(
                incident=incident,
                searched_by=officer,
                window_from=start,
                window_to=end,
                actor=employee,
                recipient=recipient,
                categories=list(codes),
                records=matched,
                found=len(found),
                added=added,
                unresolved=matched - len(found),
            )
            names = names_of([officer.id, employee.id if employee else None])
            result = SearchResult(
                search=search_view(search, names),
                incident=step.answer(incident)[0],
            )
            return result, [subject for _, subject in found.values()]

        return step.logged(Operation.RECORD, perform, required_by="art3.2f")


NO_CLIENT_WITH_BSN = "Uw organisatie heeft geen dossier van een cliënt met dit BSN."


@gate_service
def add_affected_client(actor: Actor, incident_id, client_id=None, *, bsn=None) -> IncidentView:
    """Attach a client of the partner to the incident by hand (one the log could not show,
    e.g. whose letter went to the wrong address), by id or (the pages) by BSN. Logged for the
    client; a client of another partner is not attached, the attempt logged for them, and by
    BSN answered as if no client had that BSN."""
    step = Handling(actor, incident_id, "incident-betrokkene-koppelen")
    if bsn is not None:
        client_id = _client_with_bsn(bsn)
    try:
        client = handled_client(
            actor, client_id, step.name, Operation.RECORD, NOT_THE_PARTNERS_CLIENT
        )
    except NotFound:
        if bsn is None:
            raise
        raise InvalidInput({"bsn": NO_CLIENT_WITH_BSN}) from None
    with step.locked() as incident:
        pseudonym = subject_pseudonym(str(client.subject_id))
        if AffectedClient.objects.filter(incident=incident, pseudonym=pseudonym).exists():
            field = "clientId" if bsn is None else "bsn"
            raise InvalidInput({field: "Deze cliënt staat al bij het incident."})

        def perform():
            _attach(incident, step.officer, {pseudonym: client.id}, FoundBy.MANUAL)
            return step.answer(incident)[0], [client.subject_id]

        return step.logged(Operation.RECORD, perform, required_by="art3.2f")


@gate_service
def detach_affected_client(actor: Actor, incident_id, affected_id, *, reason) -> IncidentView:
    """Take a client off the incident who was attached by mistake (the search's window was too
    wide, the wrong client was chosen), with why; kept by the log's pseudonym with who and
    when, and not attached again by a search. A client whose letter went out (or could not be
    delivered) stays: that letter is part of the incident. Logged for the client."""
    step = Handling(actor, incident_id, "incident-betrokkene-ontkoppelen")
    with step.locked() as incident:
        affected = _affected(incident, affected_id)
        why = checks.text(
            reason,
            "reason",
            "Zeg waarom deze cliënt niet door het incident werd getroffen.",
            max_length=500,
        )
        letter = SubjectLetter.objects.filter(affected=affected).first()
        if letter is not None and letter.status != LetterStatus.PENDING:
            raise InvalidInput(
                {
                    "affectedId": "Aan deze cliënt is al een brief over het datalek verstuurd "
                    "(of geprobeerd); die hoort bij het incident, de cliënt blijft erbij."
                }
            )
        subjects = [affected.client.subject_id] if affected.client_id else []

        def perform():
            DetachedClient.objects.create(
                incident=incident,
                pseudonym=affected.pseudonym,
                found_by=affected.found_by,
                reason=why,
                detached_by=step.officer,
            )
            if letter is not None:
                letter.delete()  # not yet sent: there is no letter to this client after all
            affected.delete()
            return step.answer(incident)[0], subjects

        return step.logged(Operation.CHANGE, perform, required_by="art3.2f", subjects=subjects)


def _affected(incident: Incident, affected_id) -> AffectedClient:
    try:
        return AffectedClient.objects.select_related("client").get(
            incident=incident, id=int(affected_id)
        )
    except (AffectedClient.DoesNotExist, ValueError, TypeError):
        raise NotFound("affected", "Deze cliënt staat niet bij dit incident.") from None


def _client_with_bsn(bsn) -> uuid.UUID:
    found = (
        Client.objects.filter(subject__bsn_index=bsn_index(validation.bsn(bsn)))
        .values_list("id", flat=True)
        .first()
    )
    if found is None:
        raise InvalidInput({"bsn": NO_CLIENT_WITH_BSN})
    return found
