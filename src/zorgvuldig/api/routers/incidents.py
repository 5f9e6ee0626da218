# SPDX-License-Identifier: EUPL-1.2
"""Incidents and breaches (art3.2f; AVG art. 33 and 34): reported by any employee, told to the
municipality at once, handled by the organisation's privacy officer: the awareness that starts
the 72 hours, the notification to the Autoriteit Persoonsgegevens in its phases and the answers
of its form, the clients affected, the decision whether to tell them and their letters, closing.
Actions are sub-resources that are created, each answering the incident as it now stands.
The organisation's data protection officer (FG) reads the register and each incident, and takes
no step (403, art3.2c; decision 22)."""

from __future__ import annotations

import uuid

from ninja import Path, Router

from zorgvuldig.api.routers.common import binary, download
from zorgvuldig.api.schemas.incidents import (
    AffectedClientIn,
    AffectedClientSearch,
    AffectedSearchIn,
    Awareness,
    Closure,
    DetachmentIn,
    Exemption,
    Incident,
    IncidentChanges,
    IncidentLine,
    IncidentReport,
    LetterDelivery,
    NotificationAnswer,
    NotificationIn,
    SubjectDecisionIn,
)
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import services

router = Router(tags=["Incidents"], by_alias=True)

INCIDENT_ID = Path(..., alias="incidentId", description="De identificatie van het incident")
LETTER_ID = Path(..., alias="letterId", description="Het nummer van de brief bij het incident")
AFFECTED_ID = Path(
    ..., alias="affectedId", description="Het nummer van de getroffen cliënt bij het incident"
)
ONE_OF_THEM = "Geef de cliënt met clientId of met bsn, één van beide."


@router.get(
    "/incidents",
    response=list[IncidentLine],
    operation_id="listIncidents",
    summary="The register of incidents, newest first",
)
def list_incidents(request):
    """For a privacy officer or the FG: the incidents of your organisation; the municipality's
    privacy officer sees every partner's. Numbers, nature, times, the clock, the phase of the
    notification and counts; no client."""
    return services.incident_register(request.auth)


@router.post(
    "/incidents",
    response={201: Incident},
    operation_id="reportIncident",
    summary="Report an incident of your organisation (art3.2f)",
)
def report_incident(request, payload: IncidentReport):
    """Any employee: what happened (without names), when it was discovered and, as far as
    known, when it started, which data and about how many people. The municipality's privacy
    officers and your own are told at once, by an e-mail without personal data."""
    return services.report_incident(
        request.auth,
        nature=payload.nature,
        nature_other=payload.nature_other,
        summary=payload.summary,
        discovered_at=payload.discovered_at,
        started_at=payload.started_at,
        categories=payload.categories,
        people_affected=payload.people_affected,
    )


@router.get(
    "/incidents/{incidentId}",
    response=Incident,
    operation_id="getIncident",
    summary="An incident with its clock, phases and decisions",
)
def get_incident(request, incident_id: uuid.UUID = INCIDENT_ID):
    """Your organisation's privacy officer, and its FG (who reads it, handled false), see the
    clients it affected (logged for each); the municipality's privacy officer sees how many."""
    return services.incident(request.auth, incident_id)


@router.patch(
    "/incidents/{incidentId}",
    response=Incident,
    operation_id="updateIncident",
    summary="Complete or correct what is known of an incident",
)
def update_incident(request, payload: IncidentChanges, incident_id: uuid.UUID = INCIDENT_ID):
    """Only the fields given change; the times stay in their order."""
    changes = payload.model_dump(exclude_unset=True)
    return services.update_incident(request.auth, incident_id, **changes)


@router.post(
    "/incidents/{incidentId}/awareness",
    response={201: Incident},
    operation_id="recordIncidentAwareness",
    summary="Record when it became certain that personal data was affected",
)
def record_awareness(request, payload: Awareness, incident_id: uuid.UUID = INCIDENT_ID):
    """The 72 hours to the Autoriteit Persoonsgegevens run from then (GDPR art. 33(1)), under
    every protocol version; recorded once, with why."""
    return services.record_awareness(
        request.auth, incident_id, aware_at=payload.aware_at, reason=payload.reason
    )


@router.post(
    "/incidents/{incidentId}/notifications",
    response={201: Incident},
    operation_id="recordBreachNotification",
    summary="Record a phase of the notification to the Autoriteit Persoonsgegevens",
)
def record_notification(request, payload: NotificationIn, incident_id: uuid.UUID = INCIDENT_ID):
    """Provisional or final first; then supplemented, final, or withdrawn (with why). A first
    notification after 72 hours gives the reasons for the delay. Each phase is kept with the
    answers of the form as they stood."""
    return services.record_notification(
        request.auth,
        incident_id,
        kind=payload.kind,
        reported_at=payload.reported_at,
        ap_reference=payload.ap_reference,
        delay_reasons=payload.delay_reasons,
        note=payload.note,
    )


@router.post(
    "/incidents/{incidentId}/notification-exemption",
    response={201: Incident},
    operation_id="exemptBreachNotification",
    summary="Record that the breach needs no notification, and why",
)
def exempt_notification(request, payload: Exemption, incident_id: uuid.UUID = INCIDENT_ID):
    """A breach unlikely to result in a risk to the people concerned (GDPR art. 33(1)); only
    before any notification."""
    return services.exempt_notification(request.auth, incident_id, reason=payload.reason)


@router.get(
    "/incidents/{incidentId}/notification-answers",
    response=list[NotificationAnswer],
    operation_id="getBreachNotificationAnswers",
    summary="The answers of the AP's notification form, in its order",
)
def get_notification_answers(request, incident_id: uuid.UUID = INCIDENT_ID):
    """Dutch questions and answers, ready to copy into the Meldformulier datalekken; counts,
    no client."""
    return services.notification_answers(request.auth, incident_id)


@router.post(
    "/incidents/{incidentId}/affected-client-searches",
    response={201: AffectedClientSearch},
    operation_id="searchAffectedClients",
    summary="Find the clients an incident affected in the processing log",
)
def search_affected_clients(
    request, payload: AffectedSearchIn, incident_id: uuid.UUID = INCIDENT_ID
):
    """Your organisation's processings in a window, narrowed to an employee, a recipient or
    categories; the people in them who are your clients are attached (logged for each)."""
    return services.find_affected_clients(
        request.auth,
        incident_id,
        window_from=payload.window_from,
        window_to=payload.window_to,
        employee_id=payload.employee_id,
        recipient_partner_id=payload.recipient_partner_id,
        recipient_non_partner_id=payload.recipient_non_partner_id,
        categories=payload.categories,
    )


@router.post(
    "/incidents/{incidentId}/affected-clients",
    response={201: Incident},
    operation_id="addAffectedClient",
    summary="Attach a client of your organisation to an incident",
)
def add_affected_client(request, payload: AffectedClientIn, incident_id: uuid.UUID = INCIDENT_ID):
    """For your organisation's privacy officer: a client the log could not show (a letter that
    went to the wrong address), by `clientId` or by `bsn`, one of them; only a client of your
    organisation. A BSN of nobody here, or of another partner's client, is answered alike
    (400 on `bsn`); an incident of another partner is not found (404). Logged for the
    client."""
    if (payload.client_id is None) == (payload.bsn is None):
        raise InvalidInput({"clientId": ONE_OF_THEM, "bsn": ONE_OF_THEM})
    if payload.bsn is not None:
        return services.add_affected_client(request.auth, incident_id, bsn=payload.bsn)
    return services.add_affected_client(request.auth, incident_id, payload.client_id)


@router.post(
    "/incidents/{incidentId}/affected-clients/{affectedId}/detachment",
    response={201: Incident},
    operation_id="detachAffectedClient",
    summary="Take a client off an incident who was attached by mistake, with why",
)
def detach_affected_client(
    request,
    payload: DetachmentIn,
    incident_id: uuid.UUID = INCIDENT_ID,
    affected_id: int = AFFECTED_ID,
):
    """For your organisation's privacy officer, while the incident is open: the client leaves
    the incident (a letter still pending goes with them), kept by the log's pseudonym with
    the reason, and a later search of the log does not attach them again. A client whose
    letter went out, or could not be delivered, stays (400). Logged for the client."""
    return services.detach_affected_client(
        request.auth, incident_id, affected_id, reason=payload.reason
    )


@router.post(
    "/incidents/{incidentId}/subject-decisions",
    response={201: Incident},
    operation_id="decideSubjectInformation",
    summary="Decide whether the data subjects are told (GDPR art. 34)",
)
def decide_subject_information(
    request, payload: SubjectDecisionIn, incident_id: uuid.UUID = INCIDENT_ID
):
    """With the reasons, also when nobody is told; telling them makes a letter for each
    affected client. The latest decision stands."""
    return services.decide_subject_information(
        request.auth,
        incident_id,
        outcome=payload.outcome,
        reason=payload.reason,
        public_notice=payload.public_notice,
    )


@router.get(
    "/incidents/{incidentId}/letters/{letterId}",
    response={200: None},
    operation_id="getIncidentLetter",
    summary="The letter to one affected client (PDF)",
    openapi_extra=binary("application/pdf", "De brief over het datalek (AVG art. 34)."),
)
def get_incident_letter(request, incident_id: uuid.UUID = INCIDENT_ID, letter_id: int = LETTER_ID):
    pdf = services.incident_letter_pdf(request.auth, incident_id, letter_id)
    return download(pdf, "application/pdf", "brief-datalek.pdf")


@router.post(
    "/incidents/{incidentId}/letters/{letterId}/delivery",
    response={201: Incident},
    operation_id="recordIncidentLetterDelivery",
    summary="Record that a letter was sent, or could not be delivered",
)
def record_letter_delivery(
    request,
    payload: LetterDelivery,
    incident_id: uuid.UUID = INCIDENT_ID,
    letter_id: int = LETTER_ID,
):
    return services.record_letter_delivery(
        request.auth, incident_id, letter_id, status=payload.status, note=payload.note
    )


@router.post(
    "/incidents/{incidentId}/closure",
    response={201: Incident},
    operation_id="closeIncident",
    summary="Close an incident (with its measures)",
)
def close_incident(request, payload: Closure, incident_id: uuid.UUID = INCIDENT_ID):
    """It needs its measures; a breach also its notification (or the reasoned decision that
    none is required) and the decision whether to tell the data subjects."""
    return services.close_incident(request.auth, incident_id, measures=payload.measures)
