# SPDX-License-Identifier: EUPL-1.2
"""Requesting data from a partner, the Meldcode and a household's plan and exchanges
(art1, art4.2, art7, art8.1), through the gate."""

from __future__ import annotations

import uuid

from ninja import Path, Query, Router

from zorgvuldig.api.routers.common import CLIENT_ID, LEGAL_BASIS_QUERY, PURPOSE_QUERY
from zorgvuldig.api.routers.exchange import NON_PARTNER_ID
from zorgvuldig.api.schemas import (
    AddressingCount,
    DataRequest,
    DataRequestResult,
    Household,
    HouseholdFormation,
    HouseholdOverview,
    MeldcodeStepRecording,
    NonPartnerAddressing,
    NonPartnerAddressRecord,
    PlanUpdate,
    SafetyCase,
    SafetyCaseClosing,
    SafetyCaseOpening,
)
from zorgvuldig.gate import services, validation
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Integrated support and safety"], by_alias=True)

SAFETY_CASE_ID = Path(..., alias="safetyCaseId", description="De identificatie van de meldcodezaak")
HOUSEHOLD_ID = Path(..., alias="householdId", description="De identificatie van het huishouden")
INTEGRATED_SUPPORT_QUERY = Query(
    Purpose.INTEGRATED_SUPPORT, description="Het doel (art. 2); standaard integrale ondersteuning."
)


@router.post(
    "/clients/{clientId}/data-requests",
    response=DataRequestResult,
    operation_id="requestData",
    summary="Request a client's data from the partner that holds it",
)
def request_data(request, payload: DataRequest, client_id: uuid.UUID = CLIENT_ID):
    """Your side decides whether you may request (art4.2, art4.4, art5.1); the holder decides
    by its own consents and professional secrecy what it may share (art4.3, art6.2). Only
    allowed items come back and are recorded in your dossier with their origin. The answer
    lists each requested category: sent (with how many items came in), partly sent, refused
    (by which side, with the articles and the reason) or not held by the partner at all. When
    your side may request none of the categories, the answer is a 403 refusal instead."""
    return services.request_items(
        request.auth,
        client_id,
        holder_partner_id=payload.holder_partner_id,
        categories=payload.categories,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
        justification=validation.justification(payload.justification_ground, payload.justification),
    )


@router.post(
    "/clients/{clientId}/safety-cases",
    response={201: SafetyCase},
    operation_id="openSafetyCase",
    summary="Record signals of domestic violence or child abuse (Meldcode step 1)",
)
def open_safety_case(request, payload: SafetyCaseOpening, client_id: uuid.UUID = CLIENT_ID):
    """Step 1 of the Meldcode: map the signals (art8.1). Where telling the client first would
    endanger someone, a `serious-risk` justification stands in for informing (art4.6)."""
    return services.open_safety_case(
        request.auth,
        client_id,
        signals=payload.signals,
        taken_on=payload.taken_on,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
        justification=validation.justification(payload.justification_ground, payload.justification),
    )


@router.get(
    "/clients/{clientId}/safety-cases",
    response=list[SafetyCase],
    operation_id="listSafetyCases",
    summary="List a client's safety cases at your organisation (Meldcode)",
)
def list_safety_cases(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """The safety cases your organisation follows through the Meldcode (art8.1), each with
    its steps: who, when, what was concluded, and the next step. A logged consult of the
    client's signals about safety; other organisations' cases are not listed."""
    return services.safety_cases(request.auth, client_id, purpose=purpose, legal_basis=legal_basis)


@router.post(
    "/safety-cases/{safetyCaseId}/closure",
    response={201: SafetyCase},
    operation_id="closeSafetyCase",
    summary="Close a Meldcode case",
)
def close_safety_case(
    request, payload: SafetyCaseClosing, safety_case_id: uuid.UUID = SAFETY_CASE_ID
):
    """After the decision (step 5), once the follow-up is over: the case is no longer a ground
    for the purpose safety (art5.1). Who closed it, when and why is kept."""
    return services.close_safety_case(
        request.auth,
        safety_case_id,
        closed_on=payload.closed_on,
        note=payload.note,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )


@router.post(
    "/safety-cases/{safetyCaseId}/steps",
    response={201: SafetyCase},
    operation_id="recordMeldcodeStep",
    summary="Record the next step of the Meldcode",
)
def record_step(
    request, payload: MeldcodeStepRecording, safety_case_id: uuid.UUID = SAFETY_CASE_ID
):
    """Steps 2 to 5 in order: consult, conversation, weigh (the assessment framework),
    decide (organise help and/or report to Veilig Thuis; reporting is required when there is
    acute or structural unsafety or no adequate help)."""
    return services.record_meldcode_step(
        request.auth,
        safety_case_id,
        step=payload.step,
        taken_on=payload.taken_on,
        conclusion=payload.conclusion,
        acute_or_structural_unsafety=payload.acute_or_structural_unsafety,
        adequate_help_possible=payload.adequate_help_possible,
        organise_help=payload.organise_help,
        report_to_veilig_thuis=payload.report_to_veilig_thuis,
        report_reference=payload.report_reference,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )


@router.post(
    "/clients/{clientId}/households",
    response={201: Household},
    operation_id="createHousehold",
    summary="Form a household around a client and name its director",
)
def create_household(request, payload: HouseholdFormation, client_id: uuid.UUID = CLIENT_ID):
    """Integrated support: one household, one plan, one director (art1). The members are the
    client, other clients and the client's relations; the director is an active caseworker of
    a partner committed to the protocol today who acknowledged it (art3.2c, art3.2d). The
    organisations in the plan are the director's, yours and the partners you name. Before the
    director opens the household, the director's organisation informs the client and records
    consent (art4.1 to art4.3)."""
    return services.create_household(
        request.auth,
        client_id,
        name=payload.name,
        director_id=payload.director_id,
        plan=payload.plan,
        member_client_ids=payload.member_client_ids,
        member_subject_ids=payload.member_subject_ids,
        partner_ids=payload.partner_ids,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )


@router.get(
    "/households/{householdId}",
    response=HouseholdOverview,
    operation_id="getHouseholdOverview",
    summary="The household's plan and the exchanges among its partners (director only)",
)
def household_overview(
    request,
    household_id: uuid.UUID = HOUSEHOLD_ID,
    purpose: Purpose = INTEGRATED_SUPPORT_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """One household, one plan, one director: only the director sees this (403 otherwise)."""
    return services.household_overview(
        request.auth, household_id, purpose=purpose, legal_basis=legal_basis
    )


@router.put(
    "/households/{householdId}/plan",
    response=Household,
    operation_id="updateHouseholdPlan",
    summary="Keep the household's plan (director only)",
)
def update_plan(request, payload: PlanUpdate, household_id: uuid.UUID = HOUSEHOLD_ID):
    """The plan: the activities, who does them, the goals; each member's own problems stay in
    the member's own dossier. `partnerIds`, when given, sets the organisations that take part
    in the plan (the director's own always does)."""
    return services.update_household_plan(
        request.auth,
        household_id,
        plan=payload.plan,
        partner_ids=payload.partner_ids,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )


@router.post(
    "/non-partners/{nonPartnerId}/addresses",
    response={201: AddressingCount},
    operation_id="addressNonPartner",
    summary="Record that a non-partner was addressed for acting against the protocol",
)
def address_non_partner(
    request, payload: NonPartnerAddressing, non_partner_id: uuid.UUID = NON_PARTNER_ID
):
    """art7: the partner addresses a non-partner that acts against the protocol."""
    count = services.address_non_partner(
        request.auth,
        non_partner_id,
        addressed_on=payload.addressed_on,
        what_happened=payload.what_happened,
    )
    return {"times_addressed": count}


@router.get(
    "/non-partners/{nonPartnerId}/addresses",
    response=list[NonPartnerAddressRecord],
    operation_id="listNonPartnerAddresses",
    summary="When and why a non-partner was addressed",
)
def list_non_partner_addresses(request, non_partner_id: uuid.UUID = NON_PARTNER_ID):
    """art7: every time your organisation addressed this non-partner for acting against the
    protocol, oldest first."""
    return services.non_partner_addresses(request.auth, non_partner_id)
