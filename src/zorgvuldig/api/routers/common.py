# SPDX-License-Identifier: EUPL-1.2
"""Parameters the routers share."""

from __future__ import annotations

from ninja import Path, Query

PURPOSE_QUERY = Query(..., description="Het doel van de verwerking (art. 2); verplicht.")
LEGAL_BASIS_QUERY = Query(
    None,
    alias="legalBasis",
    description="De wettelijke grondslag (art. 2). Weggelaten: de grondslag van uw eigen "
    "lopende traject bij deze cliënt.",
)
CLIENT_ID = Path(
    ..., alias="clientId", description="De identificatie van de cliënt (nooit een BSN)"
)
CATEGORIES_QUERY = Query(
    ...,
    description="De categorieën die nodig zijn (art. 5 lid 1); herhaal de parameter voor "
    "meer categorieën.",
)
