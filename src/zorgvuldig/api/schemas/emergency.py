# SPDX-License-Identifier: EUPL-1.2
"""Bodies of breaking the glass (art3.2c; decision 23)."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import In, Out

REASONS = (
    "danger (acuut gevaar voor leven of gezondheid van de cliënt), safety (acute onveiligheid "
    "van de cliënt of iemand thuis), caseworker-unreachable (de cliënt heeft nu hulp nodig en "
    "de eigen hulpverlener is niet bereikbaar), crisis (crisisdienst buiten kantoortijd)"
)


class EmergencyAccessIn(In):
    reason: str | None = Field(None, description=f"De reden uit de lijst: {REASONS}")
    explanation: str | None = Field(
        None, description="Waarom u nu toegang nodig heeft tot deze cliënt", max_length=2000
    )
    code: str | None = Field(
        None,
        description="De code die de authenticator-app van de medewerker nu toont (opnieuw "
        "gevraagd; een code geldt één keer)",
        max_length=20,
    )


class EmergencyAccess(Out):
    id: uuid.UUID
    client_id: uuid.UUID
    client_name: str = Field(description="De naam van de cliënt")
    employee: str = Field(description="De medewerker die het glas brak")
    reason: str = Field(description=f"De reden: {REASONS}")
    explanation: str
    started_at: datetime.datetime
    expires_at: datetime.datetime = Field(description="Tot wanneer de noodtoegang geldt")
    current: bool = Field(description="De noodtoegang geldt nu")
    review_due_on: datetime.date = Field(description="Uiterlijk te beoordelen op")
    overdue: bool = Field(description="De beoordeling is te laat")
    reviewed_at: datetime.datetime | None
    reviewed_by: str = Field(description="De privacy officer die beoordeelde (leeg: nog niet)")
    justified: bool | None = Field(description="Gerechtvaardigd (leeg: nog niet beoordeeld)")
    review_note: str


class EmergencyReviewIn(In):
    justified: bool | None = Field(None, description="Was de noodtoegang gerechtvaardigd?")
    note: str | None = Field(None, description="De toelichting op het oordeel", max_length=2000)
