# SPDX-License-Identifier: EUPL-1.2
"""Bodies of safety cases and the steps of the Meldcode (art8.1)."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import (
    Date,
    In,
    Justified,
    Out,
    OwnLegalBasis,
)
from zorgvuldig.protocol import Purpose

_SAFETY = Field(Purpose.SAFETY, description="Het doel; standaard veiligheid")
_TAKEN_ON = Field(description="Datum van de stap")


class SafetyCaseOpening(Justified):
    signals: str = Field(min_length=1, max_length=5000, description="De signalen (stap 1)")
    taken_on: datetime.date = _TAKEN_ON
    purpose: Purpose = _SAFETY


class SafetyCaseClosing(In):
    """Close a case after its decision (step 5), once the follow-up is over."""

    closed_on: Date = Field(description="De datum van het sluiten (niet in de toekomst)")
    note: str = Field(min_length=1, max_length=5000, description="Waarom de zaak gesloten wordt")
    purpose: Purpose = _SAFETY
    legal_basis: OwnLegalBasis


class MeldcodeStepRecording(In):
    step: str = Field(description="consult, conversation, weigh of decide, in die volgorde")
    taken_on: datetime.date = _TAKEN_ON
    conclusion: str = Field(min_length=1, max_length=5000)
    acute_or_structural_unsafety: bool | None = Field(None, description="Stap 4, afwegingskader")
    adequate_help_possible: bool | None = Field(None, description="Stap 4, afwegingskader")
    organise_help: bool | None = Field(None, description="Stap 5")
    report_to_veilig_thuis: bool | None = Field(None, description="Stap 5")
    report_reference: str = Field("", max_length=100, description="Stap 5, bij een melding")
    purpose: Purpose = _SAFETY
    legal_basis: OwnLegalBasis


class MeldcodeStepOut(Out):
    step: str
    taken_by: str
    taken_on: datetime.date
    conclusion: str
    acute_or_structural_unsafety: bool | None
    adequate_help_possible: bool | None
    organise_help: bool | None
    report_to_veilig_thuis: bool | None
    report_reference: str


class SafetyCase(Out):
    id: uuid.UUID
    client_id: uuid.UUID
    steps: list[MeldcodeStepOut]
    next_step: str | None = Field(description="De volgende stap van de meldcode; leeg als klaar")
    closed_on: datetime.date | None = Field(
        description="Gesloten op; leeg zolang de zaak loopt (een lopende zaak is de grond van "
        "het doel veiligheid, art. 5 lid 1)"
    )
