# SPDX-License-Identifier: EUPL-1.2
"""Request and response bodies of informing and consent (art4), camelCase on the wire.

Built from the gate's frozen values (:mod:`zorgvuldig.gate.services.consent.views`), like
every response of the API (:mod:`zorgvuldig.api.schemas`).
"""

from __future__ import annotations

import datetime
import uuid
from enum import StrEnum

from pydantic import Field

from zorgvuldig.api.schemas.base import Date, In, Out, OwnLegalBasis, PurposeField
from zorgvuldig.protocol import Category, Purpose
from zorgvuldig.protocol.consent import ConsentScope


class InformingMethod(StrEnum):
    CONVERSATION = "conversation"
    LETTER = "letter"


class ConsentAnswer(StrEnum):
    """What the client answered (a withdrawal has its own operation, art4.5)."""

    GIVEN = "given"
    REFUSED = "refused"


_SCOPE = (
    "record-request: vastleggen en opvragen (art. 4 lid 2); share: delen met anderen (art. 4 lid 3)"
)


_CATEGORIES = (
    "Alleen deze gegevenscategorieën; weggelaten: alle categorieën. Medische "
    "gegevens (health) vragen een ondertekend formulier (art. 4 lid 4)."
)


_RECIPIENTS = (
    "Alleen bij share: alleen met deze ontvangers: partners en niet-partners van uw organisatie "
    "(identificatie); weggelaten: met iedere partner, nooit met een niet-partner (art. 7)."
)


_SIGNED_BY = (
    "Wie meetekenen met wie besliste: van 12 tot 16 jaar tekent de cliënt mee met de "
    "vertegenwoordiger (art. 10 lid 1)"
)
_GIVEN_BY = (
    "Wie beslist: weggelaten de cliënt zelf, anders een vastgelegde relatie "
    "(wettelijk vertegenwoordiger, voogd of ouder; voor een cliënt jonger dan 16 jaar "
    "verplicht, art. 10 lid 1)."
)


_NOTE = "Toelichting, bijvoorbeeld hoe een cliënt van 12 tot 16 jaar meebesliste."


class Informing(Out):
    id: uuid.UUID
    informed_on: datetime.date
    organisations: list[str] = Field(description="De genoemde organisaties (art. 4 lid 1)")
    how: InformingMethod
    note: str
    recorded_by: str
    recorded_at: datetime.datetime


class InformingRecording(In):
    organisations: list[str] = Field(
        min_length=1,
        max_length=30,
        description="De organisaties waarmee gegevens kunnen worden uitgewisseld, zo concreet "
        "mogelijk bij naam (art. 4 lid 1)",
    )
    informed_on: Date = Field(description="Wanneer de cliënt is geïnformeerd")
    how: InformingMethod = Field(description="conversation (gesprek) of letter (brief)")
    note: str = Field("", max_length=2000, description="Wat verder is verteld")
    purpose: Purpose = PurposeField
    legal_basis: OwnLegalBasis


class ConsentDocument(Out):
    id: uuid.UUID
    filename: str
    content_type: str = Field(description="application/pdf, image/png of image/jpeg")
    size: int = Field(description="Grootte in bytes")
    sha256: str = Field(description="SHA-256 van de inhoud (hex)")
    uploaded_by: str
    uploaded_at: datetime.datetime


class ConsentDecision(Out):
    id: uuid.UUID
    scope: ConsentScope = Field(description=_SCOPE)
    state: str = Field(description="given, refused of withdrawn (art. 4 lid 5)")
    categories: list[Category] | None = Field(description="null: alle categorieën")
    recipients: list[str] | None = Field(
        description="Id's van partners en niet-partners; null: iedere partner, geen niet-partner"
    )
    recipient_names: list[str]
    given_by_subject_id: uuid.UUID
    given_by: str = Field(description="Naam van wie besliste")
    given_by_role: str = Field(
        description="client, of de relatie van wie namens de cliënt besliste (legal-"
        "representative, guardian, curator, mentor, spouse, parent, sibling, child)"
    )
    co_signed_by: list[str] = Field(
        description="Namen van wie meetekende (art. 10 lid 1: van 12 tot 16 jaar de cliënt)"
    )
    decided_on: datetime.date
    written: bool = Field(description="Er is een ondertekend formulier bij (art. 4 lid 4)")
    document: ConsentDocument | None
    note: str
    recorded_by: str
    recorded_at: datetime.datetime


class Representative(Out):
    subject_id: uuid.UUID
    full_name: str
    kind: str


class ConsentOverview(Out):
    client_id: uuid.UUID
    client_subject_id: uuid.UUID = Field(
        description="De cliënt als persoon: zo noemt u de cliënt bij wie meetekent"
    )
    client_name: str
    birth_date: datetime.date
    age: int
    representative_required: bool = Field(
        description="De cliënt beslist niet alleen: jonger dan 16 jaar, of onbekwaam geoordeeld "
        "(art. 10)"
    )
    who_signs: str = Field(description="Wie voor de cliënt beslist en wie tekent (art. 10)")
    informed: bool = Field(
        description="De cliënt is door uw organisatie geïnformeerd (art. 4 lid 1)"
    )
    informings: list[Informing]
    in_force: list[ConsentDecision] = Field(
        description="De beslissingen die nu gelden; een reikwijdte zonder beslissing is nog "
        "niet gevraagd"
    )
    history: list[ConsentDecision] = Field(description="Alle beslissingen, nieuwste eerst")
    documents: list[ConsentDocument]
    representatives: list[Representative]


class ConsentRecording(In):
    """The fields of the multipart form of POST /clients/{clientId}/consents."""

    scope: ConsentScope = Field(description=_SCOPE)
    state: ConsentAnswer = Field(description="given of refused")
    decided_on: Date = Field(description="Wanneer de cliënt besliste")
    categories: list[Category] | None = Field(None, description=_CATEGORIES)
    recipients: list[uuid.UUID] | None = Field(None, description=_RECIPIENTS)
    given_by_subject_id: uuid.UUID | None = Field(None, description=_GIVEN_BY)
    signed_by_subject_ids: list[uuid.UUID] = Field([], description=_SIGNED_BY)
    note: str = Field("", max_length=2000, description=_NOTE)
    purpose: Purpose = PurposeField
    legal_basis: OwnLegalBasis


class ConsentWithdrawal(In):
    scope: ConsentScope = Field(description=_SCOPE)
    decided_on: Date = Field(description="Wanneer de cliënt de toestemming introk")
    categories: list[Category] | None = Field(
        None, description="Alleen voor deze categorieën intrekken; weggelaten: de hele reikwijdte"
    )
    recipients: list[uuid.UUID] | None = Field(None, description=_RECIPIENTS)
    given_by_subject_id: uuid.UUID | None = Field(None, description=_GIVEN_BY)
    signed_by_subject_ids: list[uuid.UUID] = Field([], description=_SIGNED_BY)
    note: str = Field("", max_length=2000, description=_NOTE)
    purpose: Purpose = PurposeField
    legal_basis: OwnLegalBasis
