# SPDX-License-Identifier: EUPL-1.2
"""Parameters the routers share, and how the grounds of a request body reach the gate's
services."""

from __future__ import annotations

import io

from django.http import FileResponse
from ninja import Path, Query

from zorgvuldig.gate import validation
from zorgvuldig.protocol import Purpose

PURPOSE_QUERY = Query(..., description="Het doel van de verwerking (art. 2); verplicht.")
LEGAL_BASIS_QUERY = Query(
    None,
    alias="legalBasis",
    description="De wettelijke grondslag (art. 2). Weggelaten: de grondslag van uw eigen "
    "lopende traject bij deze cliënt.",
)
ACCOUNTABILITY_QUERY = Query(
    Purpose.ACCOUNTABILITY,
    description="Het doel van de verwerking (art. 2); standaard verantwoording (accountability).",
)
CLIENT_ID = Path(
    ..., alias="clientId", description="De identificatie van de cliënt (nooit een BSN)"
)
ITEM_ID = Path(..., alias="itemId", description="De identificatie van het gegeven")
NON_PARTNER_ID = Path(..., alias="nonPartnerId", description="De identificatie van de niet-partner")
CATEGORIES_QUERY = Query(
    ...,
    description="De categorieën die nodig zijn (art. 5 lid 1); herhaal de parameter voor "
    "meer categorieën.",
)


def justified(payload) -> dict:
    """The purpose and legal basis (art2) of a request body and, for a processing without
    consent, its justification (art4.6), as keyword arguments of the gate's services. The gate
    checks that ``justificationGround`` and ``justification`` come together."""
    return {
        "purpose": payload.purpose,
        "legal_basis": payload.legal_basis,
        "justification": validation.justification(
            payload.justification_ground, payload.justification
        ),
    }


def binary(media_type: str, description: str) -> dict:
    """The OpenAPI of an operation that answers with a file of ``media_type``."""
    return {
        "responses": {
            "200": {
                "description": description,
                "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


def download(content: bytes, content_type: str, filename: str) -> FileResponse:
    """A file to save, never cached: it holds personal data."""
    response = FileResponse(
        io.BytesIO(content), as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "no-store"
    return response
