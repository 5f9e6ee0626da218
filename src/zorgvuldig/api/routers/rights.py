# SPDX-License-Identifier: EUPL-1.2
"""The rights of data subjects (art9) and who exercises them (art10), through the gate.

A request is registered for a client and then handled step by step: paused while the
organisation waits for the requester, extended once (AVG), withdrawn, decided, carried out,
its earlier recipients told (art9.6) and closed. The overview (art9.1) is also the
machine-readable copy of AVG art. 20. Only the privacy officer and the caseworkers who support
the client handle requests; for anyone else a request does not exist (404).
"""

from __future__ import annotations

import uuid

from ninja import Path, Query, Router

from zorgvuldig.api.routers.common import CLIENT_ID, binary, download
from zorgvuldig.api.schemas.base import Date
from zorgvuldig.api.schemas.rights import (
    Authority,
    IncapacityJudgement,
    InspectionPackage,
    NoticeResolution,
    OverviewDispatch,
    QueueLine,
    RecipientNotice,
    RepresentativeStance,
    RequestCounts,
    RequestDecision,
    RequestExecution,
    RequestExtension,
    RequestPausing,
    ResidentViewHold,
    ResidentViewProcessing,
    ResidentViewRelease,
    SubjectOverview,
    SubjectRequest,
    SubjectRequestRegistration,
    Withholding,
)
from zorgvuldig.gate import services

router = Router(tags=["Rights of data subjects"], by_alias=True)

REQUEST_ID = Path(..., alias="requestId", description="De identificatie van het verzoek")
NOTICE_ID = Path(..., alias="noticeId", description="De identificatie van de melding")
LANGUAGE_QUERY = Query("nl", description="De taal van de brief: nl (standaard) of en")
YEAR_QUERY = Query(None, description="Alleen dit jaar van ontvangst; weggelaten: alle jaren")
DAY_QUERY = Query(None, description="Op welke dag (niet in de toekomst); weggelaten: vandaag")
WITHHELD_ITEM_ID = Path(..., alias="itemId", description="Het achtergehouden gegeven")


# -- who may act (art10) -------------------------------------------------------------------


@router.get(
    "/clients/{clientId}/authority",
    response=Authority,
    operation_id="getAuthority",
    summary="Who may exercise the client's rights and sign for them (art10)",
)
def get_authority(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    day: Date | None = DAY_QUERY,
):
    """By age on the day (under 12 the representative, 12 to 15 both, from 16 the client,
    art10.1), a recorded judgement of incapacity and the order of art10.2, without the
    representatives the organisation limited (art10.3). A logged consult."""
    return services.who_may_act(request.auth, client_id, day=day)


@router.post(
    "/clients/{clientId}/incapacity-judgements",
    response={201: Authority},
    operation_id="judgeIncapacity",
    summary="Record that the client cannot exercise the rights (art10.2)",
)
def judge_incapacity(request, payload: IncapacityJudgement, client_id: uuid.UUID = CLIENT_ID):
    """For a client of 16 or older: the organisation's judgement, with its reason and date; an
    earlier judgement ends. Returns who may act from then on."""
    return services.judge_incapacity(
        request.auth, client_id, judged_on=payload.judged_on, reason=payload.reason
    )


@router.post(
    "/clients/{clientId}/representative-stances",
    response={201: Authority},
    operation_id="recordRepresentativeStance",
    summary="Record that a representative does not wish to act, or is limited (art10.2, art10.3)",
)
def record_representative_stance(
    request, payload: RepresentativeStance, client_id: uuid.UUID = CLIENT_ID
):
    """`unwilling`: the next in the order of art10.2 acts; `limited`: the organisation limits
    or refuses what this representative does, for weighty interests of the client (art10.3).
    The reason goes into the dossier."""
    return services.record_representative_stance(
        request.auth,
        client_id,
        payload.representative_subject_id,
        kind=payload.kind.value,
        reason=payload.reason,
    )


# -- the register (art9) -------------------------------------------------------------------


@router.post(
    "/clients/{clientId}/subject-requests",
    response={201: SubjectRequest},
    operation_id="registerSubjectRequest",
    summary="Register a request of a data subject (art9)",
)
def register_subject_request(
    request, payload: SubjectRequestRegistration, client_id: uuid.UUID = CLIENT_ID
):
    """Who asked, who signed (the authority of art10 on the day of receipt), how the identity
    was established and when it came in; the due date follows from the protocol version (four
    weeks, or one calendar month under the AVG). A second open request of the same kind, a
    date in the future, an item not in the dossier or a requester without authority is a 400
    and nothing is written."""
    return services.register_request(request.auth, client_id, **payload.model_dump())


@router.get(
    "/clients/{clientId}/subject-requests",
    response=list[SubjectRequest],
    operation_id="listSubjectRequests",
    summary="The requests of the client's data subject at your organisation, newest first",
)
def list_subject_requests(request, client_id: uuid.UUID = CLIENT_ID):
    """Open and closed, for the privacy officer and the caseworkers who support the client; a
    logged consult."""
    return services.client_requests(request.auth, client_id)


@router.get(
    "/subject-requests",
    response=list[QueueLine],
    operation_id="listOpenSubjectRequests",
    summary="The privacy officer's queue: the open requests, most urgent first (also the FG)",
)
def list_open_subject_requests(request):
    """Every open request of the organisation by due date: overdue, due within a week, paused,
    on time. For the privacy officer, and the data protection officer (FG), who reads it and
    handles no request (403 for anyone else, art3.2c)."""
    return services.open_requests(request.auth)


@router.get(
    "/subject-request-counts",
    response=RequestCounts,
    operation_id="countSubjectRequests",
    summary="The privacy officer's counts of requests per month of receipt and outcome",
)
def count_subject_requests(request, year: int | None = YEAR_QUERY):
    """Per month and kind: received, granted, partly granted, refused, withdrawn, open,
    answered after the due date, and the median days to the answer. Numbers only; for the
    privacy officer and the FG (403 for anyone else)."""
    return services.request_counts(request.auth, year=year)


@router.get(
    "/subject-requests/{requestId}",
    response=SubjectRequest,
    operation_id="getSubjectRequest",
    summary="A request of a data subject, with its steps",
)
def get_subject_request(request, request_id: uuid.UUID = REQUEST_ID):
    """A logged consult of the request."""
    return services.subject_request(request.auth, request_id)


@router.post(
    "/subject-requests/{requestId}/pauses",
    response={201: SubjectRequest},
    operation_id="pauseSubjectRequest",
    summary="Pause the clock while waiting for the requester",
)
def pause_subject_request(request, payload: RequestPausing, request_id: uuid.UUID = REQUEST_ID):
    """While the organisation waits for proof of identity or a clarification it asked for, the
    deadline does not run; it moves by the days of the pause."""
    return services.pause_request(request.auth, request_id, reason=payload.reason)


@router.post(
    "/subject-requests/{requestId}/resumption",
    response={201: SubjectRequest},
    operation_id="resumeSubjectRequest",
    summary="Resume a paused request",
)
def resume_subject_request(request, request_id: uuid.UUID = REQUEST_ID):
    """The requester answered: the clock runs again and the due date moves by the pause."""
    return services.resume_request(request.auth, request_id)


@router.post(
    "/subject-requests/{requestId}/extension",
    response={201: SubjectRequest},
    operation_id="extendSubjectRequest",
    summary="Extend the deadline once by two months (GDPR art. 12(3))",
)
def extend_subject_request(request, payload: RequestExtension, request_id: uuid.UUID = REQUEST_ID):
    """Only under the AVG variant, once, and only when the requester was told with the reason
    before the first deadline ended."""
    return services.extend_request(
        request.auth, request_id, reason=payload.reason, announced_on=payload.announced_on
    )


@router.post(
    "/subject-requests/{requestId}/withdrawal",
    response={201: SubjectRequest},
    operation_id="withdrawSubjectRequest",
    summary="Record that the requester withdrew the request",
)
def withdraw_subject_request(request, request_id: uuid.UUID = REQUEST_ID):
    """An open request only; it is kept, with when it was withdrawn."""
    return services.withdraw_request(request.auth, request_id)


@router.post(
    "/subject-requests/{requestId}/decision",
    response={201: SubjectRequest},
    operation_id="decideSubjectRequest",
    summary="Decide a request for correction, addition, deletion or blocking (art9.5)",
)
def decide_subject_request(request, payload: RequestDecision, request_id: uuid.UUID = REQUEST_ID):
    """Granted, partly granted or refused. Where refusing is needed to protect the subject or
    the rights and freedoms of others it must be refused, on that ground. A refusal or partial
    grant names its ground and a written reason."""
    return services.decide_request(
        request.auth,
        request_id,
        outcome=payload.outcome.value,
        protection_needed=payload.protection_needed,
        granted_item_ids=payload.granted_item_ids,
        refusal_ground=payload.refusal_ground.value if payload.refusal_ground else "",
        refusal_reason=payload.refusal_reason,
    )


@router.post(
    "/subject-requests/{requestId}/execution",
    response={201: SubjectRequest},
    operation_id="carryOutSubjectRequest",
    summary="Carry out what was granted (art9.4) and tell earlier recipients (art9.6)",
)
def carry_out_subject_request(
    request, payload: RequestExecution, request_id: uuid.UUID = REQUEST_ID
):
    """A correction or addition is a new version of each granted item (the old one stays in
    its history); a deletion destroys their content; blocking takes them out of use. Everyone
    who received them before is told; with nobody to tell the request closes."""
    return services.carry_out_request(request.auth, request_id, new_values=payload.new_values)


@router.post(
    "/subject-requests/{requestId}/closure",
    response={201: SubjectRequest},
    operation_id="closeSubjectRequest",
    summary="Close a carried-out request",
)
def close_subject_request(request, request_id: uuid.UUID = REQUEST_ID):
    """Refused while an earlier recipient is still to be told (art9.6)."""
    return services.close_request(request.auth, request_id)


# -- the answers ---------------------------------------------------------------------------


@router.get(
    "/subject-requests/{requestId}/overview",
    response=SubjectOverview,
    operation_id="getSubjectOverview",
    summary="The overview of the subject's data and where it went (art9.1, GDPR art. 20)",
)
def get_subject_overview(request, request_id: uuid.UUID = REQUEST_ID):
    """Every item about the subject with its origin, purpose and legal basis, every
    organisation it went to (when, on which ground) and a summary of the processing log. It
    names organisations and roles, never employees. For a request of kind overview or
    portability."""
    return services.subject_overview(request.auth, request_id)


@router.get(
    "/subject-requests/{requestId}/overview-letter",
    response={200: None},
    operation_id="getSubjectOverviewLetter",
    summary="The overview as a letter to the requester (PDF)",
    openapi_extra=binary("application/pdf", "De brief met het overzicht (art. 9 lid 1)."),
)
def get_subject_overview_letter(
    request, request_id: uuid.UUID = REQUEST_ID, language: str = LANGUAGE_QUERY
):
    """The same overview as a letter, with the picture of where the data went; Dutch, or
    English when asked."""
    pdf = services.overview_pdf(request.auth, request_id, language=language)
    return download(pdf, "application/pdf", "overzicht-gegevens.pdf")


@router.get(
    "/subject-requests/{requestId}/refusal-letter",
    response={200: None},
    operation_id="getRefusalLetter",
    summary="The letter that refuses a request, with its reasons (PDF)",
    openapi_extra=binary("application/pdf", "De brief met de weigering (art. 9 lid 5)."),
)
def get_refusal_letter(request, request_id: uuid.UUID = REQUEST_ID, language: str = LANGUAGE_QUERY):
    """For a request refused or partly granted: the articles, the ground and the written
    reason; for a municipality, how to object under the Awb within six weeks; always the
    complaint to the Autoriteit Persoonsgegevens."""
    pdf = services.refusal_letter_pdf(request.auth, request_id, language=language)
    return download(pdf, "application/pdf", "besluit-verzoek.pdf")


@router.post(
    "/subject-requests/{requestId}/overview/dispatch",
    response={201: SubjectRequest},
    operation_id="sendSubjectOverview",
    summary="Record that the overview was sent; answers and closes the request",
)
def send_subject_overview(request, payload: OverviewDispatch, request_id: uuid.UUID = REQUEST_ID):
    """Not while the organisation waits for the requester, not dated before receipt or in the
    future."""
    return services.send_overview(request.auth, request_id, sent_on=payload.sent_on)


@router.get(
    "/subject-requests/{requestId}/inspection",
    response=InspectionPackage,
    operation_id="getInspectionPackage",
    summary="The dossier as the subject will inspect it (art9.2, art9.3)",
)
def get_inspection_package(request, request_id: uuid.UUID = REQUEST_ID):
    """What is shown and what is withheld (items about someone else always; others with their
    reason), for the review before release."""
    return services.inspection_package(request.auth, request_id)


@router.post(
    "/subject-requests/{requestId}/inspection/withholdings",
    response={201: InspectionPackage},
    operation_id="withholdFromInspection",
    summary="Withhold an item from the inspection (art9.3)",
)
def withhold_from_inspection(request, payload: Withholding, request_id: uuid.UUID = REQUEST_ID):
    """Where showing it would harm the subject or the rights and freedoms of others; with the
    reason. The subject is told that something was withheld and on which ground."""
    return services.withhold_from_inspection(
        request.auth,
        request_id,
        item_id=payload.item_id,
        ground=payload.ground.value,
        reason=payload.reason,
    )


@router.delete(
    "/subject-requests/{requestId}/inspection/withholdings/{itemId}",
    response=InspectionPackage,
    operation_id="showInInspection",
    summary="Show an item again that was withheld by hand",
)
def show_in_inspection(
    request, request_id: uuid.UUID = REQUEST_ID, item_id: uuid.UUID = WITHHELD_ITEM_ID
):
    """The review disagreed with a withholding; items about someone else stay withheld."""
    return services.show_in_inspection(request.auth, request_id, item_id=item_id)


@router.post(
    "/subject-requests/{requestId}/inspection/release",
    response={201: SubjectRequest},
    operation_id="releaseInspection",
    summary="Release the reviewed inspection package; answers and closes the request",
)
def release_inspection(request, request_id: uuid.UUID = REQUEST_ID):
    """By the privacy officer or the responsible caseworker: the package as it stands is what
    the subject inspects, and stays so when the dossier grows."""
    return services.release_inspection(request.auth, request_id)


# -- the client's own view (art9.3, decision 25) ------------------------------------------


@router.get(
    "/clients/{clientId}/resident-view-holds",
    response=list[ResidentViewProcessing],
    operation_id="listResidentViewHolds",
    summary="What the client's own view holds back, or held back until its release (art9.3)",
)
def list_resident_view_holds(request, client_id: uuid.UUID = CLIENT_ID):
    """Your organisation's processings of the client's data, newest first (at most 100), that
    the client's own view (DigiD) holds back: under the Meldcode, for or with Veilig Thuis, or
    because your organisation decided that showing it would harm the client or others; and
    those released since, which the view shows. For the privacy officer and the caseworkers
    who support the client; a consult logged under art9.3."""
    return services.resident_view_holds(request.auth, client_id, held_only=True).processings


@router.post(
    "/clients/{clientId}/resident-view-holds",
    response={201: ResidentViewProcessing},
    operation_id="holdFromResidentView",
    summary="Hold a processing back from the client's own view (art9.3)",
)
def hold_from_resident_view(request, payload: ResidentViewHold, client_id: uuid.UUID = CLIENT_ID):
    """Where showing it would harm the client or others; with the reason. Until it is
    released nothing of it shows, not even that something is held back. A trace that is not
    your organisation's processing of this client is a 400 and nothing is written."""
    return services.hold_from_resident_view(
        request.auth, client_id, trace_id=payload.trace_id, reason=payload.reason
    )


@router.post(
    "/clients/{clientId}/resident-view-releases",
    response={201: ResidentViewProcessing},
    operation_id="releaseToResidentView",
    summary="Show a processing held back in the client's own view from now on (art9.3)",
)
def release_to_resident_view(
    request, payload: ResidentViewRelease, client_id: uuid.UUID = CLIENT_ID
):
    """The view then shows it, with what held it back, since when and when it was
    released."""
    return services.release_to_resident_view(
        request.auth, client_id, trace_id=payload.trace_id, kind=payload.kind.value
    )


# -- earlier recipients (art9.6) -----------------------------------------------------------


@router.get(
    "/subject-requests/{requestId}/notices",
    response=list[RecipientNotice],
    operation_id="listRecipientNotices",
    summary="Who is told of the change, and how far that got (art9.6)",
)
def list_recipient_notices(request, request_id: uuid.UUID = REQUEST_ID):
    """Each earlier recipient of a changed item, and nobody else: by webhook, e-mail or
    letter, with its delivery status."""
    return services.request_notices(request.auth, request_id)


@router.post(
    "/recipient-notices/{noticeId}/resolution",
    response={201: RecipientNotice},
    operation_id="resolveRecipientNotice",
    summary="Record that a notice was delivered, or why it cannot be",
)
def resolve_recipient_notice(request, payload: NoticeResolution, notice_id: uuid.UUID = NOTICE_ID):
    """A letter was sent, or telling this recipient is impossible (with the reason)."""
    return services.resolve_notice(
        request.auth,
        notice_id,
        delivered=payload.delivered,
        impossible_reason=payload.impossible_reason,
    )
