# SPDX-License-Identifier: EUPL-1.2
"""Bodies of households, their plans and directors (art1)."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import In, Out, OwnLegalBasis
from zorgvuldig.protocol import Category, Purpose

_INTEGRATED_SUPPORT = Field(Purpose.INTEGRATED_SUPPORT, description="Het doel")


class HouseholdPartner(Out):
    id: uuid.UUID
    name: str


class Household(Out):
    id: uuid.UUID
    name: str
    director: str = Field(description="De naam van de regisseur")
    director_id: uuid.UUID | None = Field(description="De identificatie van de regisseur")
    plan: str = Field(
        description="Het plan; in het dossier van een cliënt leeg voor wie niet de regisseur is "
        "(één gezin, één plan, één regisseur)"
    )
    members: list[str] = Field(description="De namen van de leden van het huishouden")
    partners: list[HouseholdPartner] = Field(
        description="De organisaties die deelnemen aan het plan van het huishouden"
    )


class ExchangeLine(Out):
    member: str
    category: Category
    sender: str
    recipient: str
    ground: str
    disclosed_at: datetime.datetime


class HouseholdOverview(Out):
    household: Household
    exchanges: list[ExchangeLine]


_COMMITTED_PARTNERS = "Partners die vandaag aan het protocol gecommitteerd zijn (`listPartners`)."


class HouseholdFormation(In):
    name: str = Field(min_length=1, max_length=200, description="Bijvoorbeeld “Gezin De Vries”")
    director_id: uuid.UUID = Field(
        description="De regisseur: een actieve hulpverlener van een partner die vandaag aan het "
        "protocol gecommitteerd is en die versie bevestigde (art. 3 lid 2 onder c en d). Diens "
        "organisatie moet de cliënt hebben geïnformeerd en toestemming hebben vastgelegd "
        "voordat de regisseur het huishouden kan openen (art. 4 lid 1 tot en met 3)."
    )
    plan: str = Field("", max_length=10_000, description="De activiteiten, wie ze doet, de doelen")
    member_client_ids: list[uuid.UUID] = Field(
        [], description="Andere cliënten die lid zijn; de cliënt zelf is altijd lid"
    )
    member_subject_ids: list[uuid.UUID] = Field(
        [], description="Relaties van de cliënt die lid zijn (zie `listRelations`)"
    )
    partner_ids: list[uuid.UUID] = Field(
        [],
        description="Andere organisaties die deelnemen aan het plan; die van de regisseur en "
        "de uwe doen altijd mee. " + _COMMITTED_PARTNERS,
    )
    purpose: Purpose = _INTEGRATED_SUPPORT
    legal_basis: OwnLegalBasis


class PlanUpdate(In):
    plan: str = Field(min_length=1, max_length=10_000)
    partner_ids: list[uuid.UUID] | None = Field(
        None,
        description="De organisaties die deelnemen aan het plan; weggelaten: ongewijzigd. Die "
        "van de regisseur doet altijd mee. " + _COMMITTED_PARTNERS,
    )
    purpose: Purpose = _INTEGRATED_SUPPORT
    legal_basis: OwnLegalBasis
