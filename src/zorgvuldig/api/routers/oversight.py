# SPDX-License-Identifier: EUPL-1.2
"""What the protocol allows now, and the register of processings without consent (art4.6)."""

from __future__ import annotations

import uuid

from ninja import Router

from zorgvuldig.api.routers.common import (
    ACCOUNTABILITY_QUERY,
    CLIENT_ID,
    LEGAL_BASIS_QUERY,
    PURPOSE_QUERY,
)
from zorgvuldig.api.schemas.oversight import AllowedProcessing, ProcessingException
from zorgvuldig.gate import services
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Oversight"], by_alias=True)


@router.get(
    "/clients/{clientId}/allowed-processings",
    response=list[AllowedProcessing],
    operation_id="listAllowedProcessings",
    summary="What the protocol allows for a client now",
)
def list_allowed_processings(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """Per operation (record, request, share) and data category: whether the protocol allows
    it for this client now, by which articles, and why not. Sharing is answered for a partner
    of the protocol. The answer comes from the same rules the gate applies; asking is itself a
    consult, logged."""
    return services.allowed_now(request.auth, client_id, purpose=purpose, legal_basis=legal_basis)


@router.get(
    "/processing-exceptions",
    response=list[ProcessingException],
    operation_id="listProcessingExceptions",
    summary="Processings without consent (privacy officer, FG)",
)
def list_processing_exceptions(
    request,
    purpose: Purpose = ACCOUNTABILITY_QUERY,
):
    """Every processing without the client's consent at your organisation (art4.6), with the
    caseworker's justification, newest first. Only for a privacy officer or the data
    protection officer (FG); anyone else gets a refusal (403). Every client listed is a
    consult, logged."""
    return services.exceptions_register(request.auth, purpose=purpose)
