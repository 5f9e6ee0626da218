# SPDX-License-Identifier: EUPL-1.2
"""Bodies of received shares and referrals, as the recipient sees them (art3.2c, art5.1)."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import (
    Date,
    In,
    Justified,
    Out,
)
from zorgvuldig.protocol import Category, Domain, Purpose

_OWN_PURPOSE = Field(
    None, description="Uw doel (art. 2); weggelaten: het doel waarvoor de afzender deelde."
)


class ReceivedShare(Out):
    id: uuid.UUID = Field(description="De identificatie van de ontvangen gegevens")
    client_id: uuid.UUID
    client_name: str = Field(description="De naam van de cliënt")
    category: Category
    label: str = Field(description="De omschrijving van het gegeven (niet de inhoud)")
    version_number: int = Field(description="De versie die de afzender verstrekte")
    sender: str = Field(description="De partner die de gegevens deelde")
    sender_person: str = Field(description="Wie ze daar deelde")
    purpose: Purpose = Field(description="Het doel waarvoor de afzender ze deelde")
    ground: str = Field(description="consent, art4.6 of art8.2")
    sent_at: datetime.datetime


class Referral(Out):
    """A client referred to your organisation (art5.1), waiting for intake."""

    client_id: uuid.UUID
    client_name: str = Field(description="De naam van de cliënt")
    domain: Domain = Field(
        description="Het domein waarin uw organisatie de cliënt gaat ondersteunen"
    )
    sender: str = Field(description="De partner die de cliënt verwees")
    sender_person: str = Field(description="Wie de cliënt daar verwees")
    purpose: Purpose = Field(description="Het doel waarvoor de afzender deelde")
    categories: list[Category] = Field(
        description="Wat de verwijzing meebrengt (de inhoud pas na de aanmelding)"
    )
    received_share_ids: list[uuid.UUID] = Field(
        description="De ontvangen gegevens van de verwijzing; na de aanmelding bij uw "
        "ontvangen gegevens"
    )
    sent_at: datetime.datetime


class ReferralIntake(In):
    """Take the referred client in: a support trajectory in the domain of the referral."""

    domain: Domain = Field(description="Het domein van de verwijzing")
    opened_on: Date | None = Field(None, description="Begin van het traject; standaard vandaag")


class ReferralRejection(In):
    """Do not take the referred client in; what the referral carried is declined."""

    domain: Domain = Field(description="Het domein van de verwijzing")
    reason: str = Field(
        max_length=1000, description="Waarom uw organisatie de cliënt niet aanneemt"
    )


class ReceivedShareAcceptance(Justified):
    """Take the received data into your dossier; the protocol decides by your own facts."""

    purpose: Purpose | None = _OWN_PURPOSE


class ReceivedShareRejection(In):
    """Do not take the received data in: you do not need it (art. 5 lid 1)."""

    reason: str = Field(max_length=1000, description="Waarom u de gegevens niet nodig heeft")
    purpose: Purpose | None = _OWN_PURPOSE
