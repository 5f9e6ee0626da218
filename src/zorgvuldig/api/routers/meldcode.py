# SPDX-License-Identifier: EUPL-1.2
"""Safety cases and the steps of the Meldcode (art8.1), through the gate."""

from __future__ import annotations

import uuid

from ninja import Path, Router

from zorgvuldig.api.routers.common import (
    CLIENT_ID,
    LEGAL_BASIS_QUERY,
    PURPOSE_QUERY,
    justified,
)
from zorgvuldig.api.schemas.meldcode import (
    MeldcodeStepRecording,
    SafetyCase,
    SafetyCaseClosing,
    SafetyCaseOpening,
)
from zorgvuldig.gate import services
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Integrated support and safety"], by_alias=True)


SAFETY_CASE_ID = Path(..., alias="safetyCaseId", description="De identificatie van de meldcodezaak")


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
        **justified(payload),
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
