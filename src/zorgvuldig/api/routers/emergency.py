# SPDX-License-Identifier: EUPL-1.2
"""Breaking the glass (art3.2c; decision 23): emergency access to one client outside one's
assignment, and the privacy officer's review of every use."""

from __future__ import annotations

import uuid

from ninja import Path, Query, Router

from zorgvuldig.api.problems import problem_response
from zorgvuldig.api.routers.common import CLIENT_ID
from zorgvuldig.api.schemas.emergency import EmergencyAccess, EmergencyAccessIn, EmergencyReviewIn
from zorgvuldig.core.lockout import LockedOut, code_given_again
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee

router = Router(tags=["Emergency access"], by_alias=True)

ACCESS_ID = Path(..., alias="emergencyAccessId", description="De identificatie van de noodtoegang")
TO_REVIEW = Query(
    False, alias="toReview", description="Alleen de noodtoegang die nog niet is beoordeeld"
)


@router.post(
    "/clients/{clientId}/emergency-accesses",
    response={201: EmergencyAccess},
    operation_id="breakGlass",
    summary="Break the glass: emergency access to a client you are not assigned to",
)
def break_glass(request, payload: EmergencyAccessIn, client_id: uuid.UUID = CLIENT_ID):
    """For an employee who supports clients: in an emergency, read one client's dossier at
    your organisation for a limited time (two hours by default), with a reason from the list,
    an explanation and the code of your authenticator app given again. Logged; your privacy
    officer is told at once and reviews it. Refused (403) while a review of an earlier use of
    yours is overdue; a client without a dossier at your organisation is not found (404);
    bad input (no or an unknown reason, no explanation, no code or a wrong one) names the
    field and records nothing (400). A wrong code counts towards the employee's sign-in
    lockout, as at signing in: after five failures from this address the glass is refused
    (429, with `Retry-After`) for the cool-off, and signing in with that username too."""

    def opened():
        return services.break_glass(
            request.auth,
            client_id,
            reason=payload.reason,
            explanation=payload.explanation,
            code=payload.code,
        )

    username = _username(request.auth)
    if not username:  # no employee: the gate refuses it
        return 201, opened()
    try:
        return 201, code_given_again(request, username, opened)
    except LockedOut as locked:
        return problem_response(
            429,
            GLASS_LOCKED % {"minutes": locked.minutes},
            headers={"Retry-After": str(locked.minutes * 60)},
        )


GLASS_LOCKED = (
    "U kunt nu geen noodtoegang nemen: er is te vaak een verkeerde code of een verkeerd "
    "wachtwoord gegeven. Uw gebruikersnaam is vanaf dit adres %(minutes)d minuten geblokkeerd, "
    "ook voor het inloggen (art. 3 lid 2 onder b). Is het een noodgeval? Vraag een collega die "
    "bij de ondersteuning van deze cliënt betrokken is."
)


def _username(actor) -> str:
    """The username of the employee the token acts for: the lockout is kept per username."""
    found = Employee.objects.filter(id=actor.employee_id).values_list("user__username", flat=True)
    return (found.first() or "") if actor.employee_id else ""


@router.get(
    "/emergency-accesses",
    response=list[EmergencyAccess],
    operation_id="listEmergencyAccesses",
    summary="The uses of emergency access at your organisation (privacy officer, FG)",
)
def list_emergency_accesses(request, to_review: bool = TO_REVIEW):
    """Those not reviewed first, the earliest due first; then the reviewed ones. For the
    privacy officer and the data protection officer (FG); anyone else gets 403. Every client
    listed is logged."""
    return services.emergency_accesses(request.auth, to_review=to_review)


@router.get(
    "/emergency-accesses/{emergencyAccessId}",
    response=EmergencyAccess,
    operation_id="getEmergencyAccess",
    summary="One use of emergency access (privacy officer, FG)",
)
def get_emergency_access(request, access_id: uuid.UUID = ACCESS_ID):
    """One use with its reason, explanation and review; logged."""
    return services.emergency_access(request.auth, access_id)


@router.post(
    "/emergency-accesses/{emergencyAccessId}/reviews",
    response={201: EmergencyAccess},
    operation_id="reviewEmergencyAccess",
    summary="Review a use of emergency access (privacy officer)",
)
def review_emergency_access(request, payload: EmergencyReviewIn, access_id: uuid.UUID = ACCESS_ID):
    """The privacy officer judges a use: justified or not, with a note. Once; a second review
    is refused (400)."""
    return 201, services.review_emergency_access(
        request.auth, access_id, justified=payload.justified, note=payload.note
    )
