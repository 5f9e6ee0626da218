# SPDX-License-Identifier: EUPL-1.2
"""Who reports, handles and sees an incident, and how handling one is logged.

- **Report** (art3.2f): any active employee of a partner, about their own organisation.
- **Handle**: the partner's privacy officer (the awareness decision, the notification to the
  Autoriteit Persoonsgegevens in its phases, the clients affected, the decision whether to tell
  them and their letters, closing).
- **Read**: the partner's data protection officer (FG) reads its register and each incident
  as the privacy officer does, with the clients it affected (logged for each), for oversight:
  they take no step, every change is refused (art3.2c; decision 22). Which role reads and
  which handles is ``RoleAccess.reads_registers`` and ``handles_registers``.
- **See**: besides, the municipality's privacy officers see every partner's incidents, with
  their phases and counts but never the clients they affected (art3.2f: incidents are reported
  to the municipality; which clients a partner supports is the partner's to know, art6.1).

Anyone else asking for an incident is answered as if it did not exist, and the attempt is
logged as refused for the clients it affected. Handling an incident is asked of the partner by
the protocol and the law (art3.2f, art3.2g), not decided by ``decide()`` against a client's
support: it is logged as allowed by that article (``process_required``), one record per client
the incident names, for accountability.
"""

from __future__ import annotations

import contextlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.gate.processing import Performed, Processing, log_refused_attempt, process_required
from zorgvuldig.gate.services.common import acknowledged
from zorgvuldig.gate.services.incidents.convert import incident_view
from zorgvuldig.gate.services.incidents.views import IncidentView
from zorgvuldig.incidents.models import AffectedClient, Incident
from zorgvuldig.partners.models import Employee, PartnerKind, access_of
from zorgvuldig.partners.services import employee_in_role
from zorgvuldig.protocol import Category, Operation, Purpose
from zorgvuldig.protocol.decision import Refusal

ANOTHER_PARTNERS_INCIDENT = Refusal(
    "art3.2c",
    "Geweigerd: dit incident is van een andere organisatie; alleen haar privacy officer en "
    "die van de gemeente zien het",
    "Vraag de privacy officer van die organisatie.",
)


def employee_of(actor: Actor) -> Employee:
    """The active employee the actor is, at the actor's partner; else not allowed."""
    return employee_in_role(
        actor, "Alleen een medewerker van een partner meldt een incident (art. 3 lid 2 onder f)."
    )


def reader_of(actor: Actor) -> Employee:
    """The employee the actor is, in a role that reads the registers (the privacy officer, the
    FG), once they acknowledged the protocol; else not allowed (nothing is read)."""
    employee = employee_of(actor)
    if not access_of(employee.role).reads_registers:
        raise NotAllowed(
            "Alleen de privacy officer en de functionaris gegevensbescherming zien de "
            "incidenten; meld een incident met het meldformulier (art. 3 lid 2 onder c en f)."
        )
    return acknowledged(employee)


def handles(employee: Employee) -> bool:
    """Whether the employee's role handles incidents (the privacy officer; not the FG)."""
    return access_of(employee.role).handles_registers


def sees_every_partner(employee: Employee) -> bool:
    """The municipality's privacy officer, to whom incidents are reported (art3.2f)."""
    return handles(employee) and employee.partner.kind == PartnerKind.MUNICIPALITY


def subjects_of(incident_id) -> tuple:
    """The data subjects of the clients the incident names (not those destroyed since)."""
    return tuple(
        AffectedClient.objects.filter(incident_id=incident_id, client__isnull=False)
        .order_by("id")
        .values_list("client__subject_id", flat=True)
    )


def incident_processing(
    actor: Actor, name: str, operation: Operation, subject_ids=()
) -> Processing:
    """Handling an incident: which clients it affected is identification data."""
    return Processing(
        name=name,
        actor=actor,
        operation=operation,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.ACCOUNTABILITY,
        legal_basis=None,
        client_id=None,
        subject_ids=tuple(subject_ids),
    )


def logged(
    actor: Actor, name: str, operation: Operation, perform, *, required_by: str, subjects=()
):
    """``perform()`` (giving ``(result, subject ids)``), logged as required by ``required_by``
    for every data subject it concerns, in one transaction with what it writes."""

    def performed(decision):
        result, subject_ids = perform()
        return Performed(result, subject_ids=tuple(subject_ids))

    processing = incident_processing(actor, name, operation, subjects)
    return process_required(processing, performed, required_by).result


def no_such_incident() -> NotFound:
    return NotFound("incident", "Dit incident bestaat niet.")


def locked(incident_id) -> Incident:
    """The incident, locked for the rest of the caller's transaction."""
    return _incident(incident_id, lock=True)


def _incident(incident_id, *, lock: bool = False) -> Incident:
    found = Incident.objects.select_related("partner")
    if lock:
        found = found.select_for_update(of=("self",))
    try:
        return found.get(id=incident_id)
    except (Incident.DoesNotExist, ValidationError, ValueError, TypeError):
        raise no_such_incident() from None


def readable(actor: Actor, incident_id, name: str):
    """The incident, the employee reading it, and whether they handle it (the privacy officer
    of its own organisation); its FG reads it without handling it, the municipality's privacy
    officer every partner's. Anyone else: not found, the attempt logged for the clients it
    names."""
    reader = reader_of(actor)
    incident = _incident(incident_id)
    if incident.partner_id == actor.partner_id:
        return incident, reader, handles(reader)
    if sees_every_partner(reader):
        return incident, reader, False
    subjects = subjects_of(incident.id)
    if subjects:
        log_refused_attempt(
            incident_processing(actor, name, Operation.CONSULT, subjects),
            [ANOTHER_PARTNERS_INCIDENT],
        )
    raise no_such_incident()


def handled(actor: Actor, incident_id, name: str):
    """The incident the actor handles, and the officer; the municipality reads another
    partner's incident but does not handle it. Call it before the transaction that changes
    the incident (which then takes it :func:`locked`): a refused attempt stays logged."""
    incident, officer, handled_here = readable(actor, incident_id, name)
    if not handled_here:
        raise not_handled(incident.partner.name, own=incident.partner_id == actor.partner_id)
    return incident, officer


def not_handled(partner: str, *, own: bool) -> NotAllowed:
    """The refusal of a step to who reads an incident without handling it: the FG of its own
    organisation (``own``, art3.2c: oversight changes nothing), or the municipality's privacy
    officer for another partner's (``partner``)."""
    if own:
        return NotAllowed(
            "Alleen de privacy officer van uw organisatie behandelt dit incident; de "
            "functionaris gegevensbescherming ziet het, maar verandert er niets aan "
            "(art. 3 lid 2 onder c)."
        )
    return NotAllowed(
        f"Alleen de privacy officer van {partner} behandelt dit incident; de gemeente ziet het "
        "verloop en de aantallen."
    )


CLOSED = "Dit incident is afgesloten; er verandert niets meer aan."
NOT_AWARE = (
    "Leg eerst vast wanneer uw organisatie zich ervan bewust werd dat persoonsgegevens waren "
    "getroffen: vanaf dan lopen de 72 uur (AVG art. 33 lid 1)."
)


def open_incident(incident: Incident) -> None:
    if incident.closed_at is not None:
        raise InvalidInput({"state": CLOSED})


class Handling:
    """One step the privacy officer takes on an incident of their organisation, as every step
    takes it: the officer asked for first (:func:`handled`, so a refused attempt stays logged),
    then, in one transaction, the incident locked, still open (and, where the step needs it,
    with its awareness recorded), and what the step writes logged by the step's name."""

    def __init__(self, actor: Actor, incident_id, name: str):
        self.actor, self.incident_id, self.name = actor, incident_id, name
        self.officer = handled(actor, incident_id, name)[1]
        self.now = timezone.now()

    @contextlib.contextmanager
    def locked(self, *, still_open: bool = True, aware: bool = False):
        """The incident, locked in a transaction that lasts as long as the ``with``."""
        with transaction.atomic():
            incident = locked(self.incident_id)
            if still_open:
                open_incident(incident)
            if aware and incident.aware_at is None:
                raise InvalidInput({"awareAt": NOT_AWARE})
            yield incident

    def answer(self, incident: Incident) -> tuple[IncidentView, tuple]:
        """What most steps perform to: the incident as it now stands, and its data subjects."""
        return incident_view(incident, handled=True, now=self.now), subjects_of(incident.id)

    def logged(
        self, operation: Operation, perform, *, required_by: str, incident=None, subjects=()
    ):
        """``perform()`` logged by the step's name (:func:`logged`), for ``subjects`` or, given
        ``incident``, for the clients it names before the step."""
        if incident is not None:
            subjects = subjects_of(incident.id)
        return logged(
            self.actor, self.name, operation, perform, required_by=required_by, subjects=subjects
        )
