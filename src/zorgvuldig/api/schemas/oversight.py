# SPDX-License-Identifier: EUPL-1.2
"""Bodies of what the privacy officer and the caseworker see of the protocol's decisions."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import Out
from zorgvuldig.protocol import Category


class AllowedProcessing(Out):
    operation: str = Field(description="record, request of share")
    category: Category
    label: str = Field(description="De naam van de categorie")
    allowed: bool = Field(description="Of het protocol dit nu toestaat")
    articles: list[str] = Field(description="De artikelen die de beslissing dragen")
    explanation: str = Field(description="Bij een weigering: waarom, en wat het wel toestaat")


class ProcessingException(Out):
    client_id: uuid.UUID
    client_name: str
    article: str = Field(description="Het artikel waaronder zonder toestemming is verwerkt")
    text: str = Field(description="De aantekening met de grond en de onderbouwing")
    author: str = Field(description="De hulpverlener die de verwerking deed")
    created_at: datetime.datetime
    trace_id: str = Field(description="Het trace-id van de verwerking in het verwerkingenlog")
    legal_basis: str = Field(description="De wettelijke grondslag van de verwerking")
