# SPDX-License-Identifier: EUPL-1.2
"""Informing and consent (art4.1-art4.5), through the gate.

Recording a consent decision is a ``multipart/form-data`` request, so that the signed form
(art4.4, a PDF, PNG or JPEG of at most 10 MB) travels as a file next to the fields, without
base64; without a file it is the same request with the fields only. Lists (``categories``,
``recipients``) repeat their field. Every other request body is JSON.
"""

from __future__ import annotations

import uuid

from ninja import File, Form, Path, Router, UploadedFile

from zorgvuldig.api.routers.common import (
    CLIENT_ID,
    LEGAL_BASIS_QUERY,
    PURPOSE_QUERY,
    binary,
    download,
)
from zorgvuldig.api.schemas.consent import (
    ConsentDecision,
    ConsentOverview,
    ConsentRecording,
    ConsentWithdrawal,
    Informing,
    InformingRecording,
)
from zorgvuldig.consent.documents import from_upload
from zorgvuldig.gate import services
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Consent"], by_alias=True)

DOCUMENT_ID = Path(..., alias="documentId", description="De identificatie van het formulier")
FORM_FILE = File(
    None,
    description="Het ondertekende toestemmingsformulier: PDF, PNG of JPEG, hoogstens 10 MB. "
    "Verplicht voor schriftelijke toestemming (art. 4 lid 4); ook bij een weigering bewaard.",
)


def _decision(payload: ConsentRecording | ConsentWithdrawal) -> dict:
    """What a decision and a withdrawal both record: the scope, from when, for which
    categories and recipients, who decided and who signed with them (art10), and on which
    grounds (art4.2, art4.3, art4.5)."""
    return {
        "scope": payload.scope.value,
        "decided_on": payload.decided_on,
        "categories": payload.categories,
        "recipients": payload.recipients,
        "given_by_subject_id": payload.given_by_subject_id,
        "signed_by_subject_ids": payload.signed_by_subject_ids,
        "note": payload.note,
        "purpose": payload.purpose,
        "legal_basis": payload.legal_basis,
    }


@router.post(
    "/clients/{clientId}/informing",
    response={201: Informing},
    operation_id="recordInforming",
    summary="Record that the client was informed",
)
def record_informing(request, payload: InformingRecording, client_id: uuid.UUID = CLIENT_ID):
    """art4.1: the client was told that data is recorded and may be exchanged, and with which
    organisations, named as concretely as possible."""
    return services.record_informing(
        request.auth,
        client_id,
        organisations=payload.organisations,
        informed_on=payload.informed_on,
        how=payload.how.value,
        note=payload.note,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )


@router.get(
    "/clients/{clientId}/consents",
    response=ConsentOverview,
    operation_id="getConsents",
    summary="Consult informing and consent",
)
def get_consents(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """Whether the client was informed, the consents in force now, every decision (newest
    first) and the signed forms, at your organisation (art4.1-art4.5)."""
    return services.consent_overview(
        request.auth, client_id, purpose=purpose, legal_basis=legal_basis
    )


@router.post(
    "/clients/{clientId}/consents",
    response={201: ConsentDecision},
    operation_id="recordConsent",
    summary="Record a consent decision",
)
def record_consent(
    request,
    payload: Form[ConsentRecording],
    client_id: uuid.UUID = CLIENT_ID,
    form: UploadedFile | None = FORM_FILE,
):
    """art4.2/art4.3: the client's answer, given or refused, for one scope, with the signed
    form when there is one (art4.4). A ``multipart/form-data`` request; earlier decisions stay
    in the history."""
    return services.record_consent(
        request.auth,
        client_id,
        state=payload.state.value,
        document=from_upload(form) if form is not None else None,
        **_decision(payload),
    )


@router.post(
    "/clients/{clientId}/consents/withdrawal",
    response={201: ConsentDecision},
    operation_id="withdrawConsent",
    summary="Record a withdrawal of consent",
)
def withdraw_consent(request, payload: ConsentWithdrawal, client_id: uuid.UUID = CLIENT_ID):
    """art4.5: the client withdraws consent, for a whole scope or a part of it. A new decision
    with state ``withdrawn``, in force from ``decidedOn``; earlier decisions stay as they
    were."""
    return services.withdraw_consent(request.auth, client_id, **_decision(payload))


@router.get(
    "/clients/{clientId}/consent-form",
    response={200: None},
    operation_id="getConsentForm",
    summary="Print the consent form",
    openapi_extra=binary("application/pdf", "Het toestemmingsformulier om te ondertekenen."),
)
def get_consent_form(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """The printable consent form (PDF, Dutch) for this client: the organisations named when
    the client was informed, consent per scope, written consent for medical data, and that
    consent can be withdrawn at any time (art4.1-art4.5)."""
    pdf = services.consent_form_pdf(
        request.auth, client_id, purpose=purpose, legal_basis=legal_basis
    )
    return download(pdf, "application/pdf", "toestemmingsformulier.pdf")


@router.get(
    "/consent-documents/{documentId}",
    response={200: None},
    operation_id="getConsentDocument",
    summary="Fetch a signed consent form",
    openapi_extra=binary(
        "application/octet-stream",
        "Het ondertekende formulier, met zijn eigen Content-Type (application/"
        "pdf, image/png of image/jpeg).",
    ),
)
def get_consent_document(
    request,
    document_id: uuid.UUID = DOCUMENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """A signed consent form as it was uploaded (art4.4); a consult, logged."""
    stored = services.consent_document(
        request.auth, document_id, purpose=purpose, legal_basis=legal_basis
    )
    return download(stored.content, stored.content_type, stored.filename)
