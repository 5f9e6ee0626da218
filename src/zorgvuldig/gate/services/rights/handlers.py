# SPDX-License-Identifier: EUPL-1.2
"""Who at a partner handles a data subject's request, and how such handling is logged.

A request is handled by the partner's privacy officer or by a caseworker who supports the
client there (art3.2c). Handling it is asked of the partner by the protocol itself (art9,
art10), not decided by ``decide()`` against the client's consent: it is logged as allowed by
the article that requires it (:func:`~zorgvuldig.gate.processing.process_required`). Anyone
else is answered as if the client did not exist, and the attempt is logged as refused.
"""

from __future__ import annotations

import datetime

from zorgvuldig.clients.models import Client, Relation, SupportTrajectory
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotAllowed
from zorgvuldig.gate.facts import active_trajectories
from zorgvuldig.gate.processing import Processing, log_refused_attempt
from zorgvuldig.gate.services.common import NOT_ACKNOWLEDGED, client_or_404, no_such_client
from zorgvuldig.partners.models import Employee, roles_that
from zorgvuldig.partners.services import has_acknowledged
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.protocol import Category, Operation, Purpose
from zorgvuldig.protocol.decision import Refusal

NOT_THE_ACTORS_CLIENT = Refusal(
    "art3.2c",
    "Geweigerd: alleen de privacy officer of een hulpverlener die de cliënt ondersteunt "
    "behandelt een verzoek van deze cliënt",
    "Vraag de privacy officer van uw organisatie het verzoek te behandelen.",
)


NOT_THEIRS = Refusal(
    "art10.1",
    "Geweigerd: alleen de betrokkene zelf, of wie volgens art. 10 alleen voor de betrokkene "
    "optreedt, doet een verzoek of ziet verzoeken in de eigen omgeving",
    "Vraag de organisatie wie voor deze persoon mag optreden.",
)


def resident_acts_for(actor: Actor, client: Client) -> bool:
    """Whether the resident of ``actor`` (signed in with DigiD, decision 25) is the client's
    data subject, or may act for them alone today at the actor's partner (art10.1); the
    client must have a dossier there (a trajectory, open or closed)."""
    from zorgvuldig.gate.services.rights.representation import authority_on, committed_version

    if not SupportTrajectory.objects.filter(client=client, partner_id=actor.partner_id).exists():
        return False
    if subject_pseudonym(client.subject_id) == actor.resident:
        return True
    related = Relation.objects.filter(subject=client.subject).values_list("related_id", flat=True)
    resident = next((r for r in related if subject_pseudonym(r) == actor.resident), None)
    if resident is None:
        return False
    today = datetime.date.today()
    found, _ = authority_on(actor, client, today, committed_version(actor, today))
    return found.allows({str(resident)})


def rights_processing(
    actor: Actor, client: Client | None, name: str, operation: Operation, subject_ids=()
) -> Processing:
    """Handling a request of ``client``'s data subject (or, without a client, the requests of
    ``subject_ids``, as the queue and the reminders do): identification data only."""
    return Processing(
        name=name,
        actor=actor,
        operation=operation,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.ACCOUNTABILITY,
        legal_basis=None,
        client_id=client.id if client else None,
        subject_ids=tuple(subject_ids) or ((client.subject_id,) if client else ()),
    )


def is_privacy_officer(actor: Actor) -> bool:
    """Whether the actor handles the partner's registers (the privacy officer; not the FG, who
    reads them and changes nothing: art3.2c, decision 22)."""
    return Employee.objects.filter(
        id=actor.employee_id,
        partner_id=actor.partner_id,
        role__in=roles_that("handles_registers"),
        is_active=True,
    ).exists()


def handled_client(
    actor: Actor, client_id, name: str, operation: Operation, refusal=NOT_THE_ACTORS_CLIENT
) -> Client:
    """The client whose request the actor may handle (the same holds for the retention of the
    client's dossier, art5.2, with its own ``refusal``); else not found, the attempt logged.
    The privacy officer handles the clients the partner has a dossier of (a trajectory there,
    open or closed), an employee whose role takes part in the support those they support there
    now (art3.2c; decision 22); either only once they acknowledged the protocol in force
    (art3.2d, art3.2e), as the gate asks of every processing of personal data, or NotAllowed
    (403), the attempt logged."""
    client = client_or_404(client_id)
    if actor.resident:
        if resident_acts_for(actor, client):
            return client
        log_refused_attempt(rights_processing(actor, client, name, operation), [NOT_THEIRS])
        raise no_such_client()
    if (
        is_privacy_officer(actor)
        and SupportTrajectory.objects.filter(client=client, partner_id=actor.partner_id).exists()
    ):
        return _acknowledged(actor, client, name, operation)
    supports = active_trajectories(
        datetime.date.today(), client_id=client.id, partner_id=actor.partner_id
    ).filter(caseworkers__id=actor.employee_id, caseworkers__role__in=roles_that("casework"))
    if actor.employee_id is not None and supports.exists():
        return _acknowledged(actor, client, name, operation)
    log_refused_attempt(rights_processing(actor, client, name, operation), [refusal])
    raise no_such_client()


def _acknowledged(actor: Actor, client: Client, name: str, operation: Operation) -> Client:
    """``client``, when the actor acknowledged the protocol in force (art3.2d, art3.2e)."""
    employee = Employee.objects.select_related("partner").get(id=actor.employee_id)
    if has_acknowledged(employee):
        return client
    log_refused_attempt(rights_processing(actor, client, name, operation), [NOT_ACKNOWLEDGED])
    raise NotAllowed(f"{NOT_ACKNOWLEDGED.reason}. {NOT_ACKNOWLEDGED.remedy}")
