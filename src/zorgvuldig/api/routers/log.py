# SPDX-License-Identifier: EUPL-1.2
"""A client's processing log: what was done with their data, by whom, on which ground."""

from __future__ import annotations

import uuid

from ninja import Router

from zorgvuldig.api.routers.common import CLIENT_ID, LEGAL_BASIS_QUERY, PURPOSE_QUERY
from zorgvuldig.api.schemas.log import LogRecord
from zorgvuldig.gate import services
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Processing log"], by_alias=True)


@router.get(
    "/clients/{clientId}/processing-log",
    response=list[LogRecord],
    operation_id="getProcessingLog",
    summary="Consult a client's processing log",
)
def get_processing_log(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """Your organisation's processings of the client's data, newest first, this consult
    included; refusals too. The log holds no content of the data."""
    return services.client_log(request.auth, client_id, purpose=purpose, legal_basis=legal_basis)
