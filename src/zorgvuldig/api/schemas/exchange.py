# SPDX-License-Identifier: EUPL-1.2
"""Bodies of shares, their previews and disclosure records, secrecy releases and the
non-partners (art5.1, art6, art7, art8.2).

"""

from __future__ import annotations

import datetime
import uuid
from typing import Literal

from pydantic import Field

from zorgvuldig.api.schemas.base import (
    In,
    Justified,
    Out,
    OwnLegalBasis,
    PurposeField,
)
from zorgvuldig.protocol import Category, Domain, Purpose

NonPartnerKind = Literal["family", "network", "professional", "organisation"]


class SecrecyReleaseRequest(In):
    recipient: str = Field(
        max_length=64,
        description="De ontvanger waarvoor het gegeven wordt vrijgegeven: de id van een "
        "partner of niet-partner, of `veilig-thuis`",
    )
    reason: str = Field(
        max_length=1000,
        description="Waarom de ontvanger het gegeven ondanks het beroepsgeheim mag ontvangen",
    )
    purpose: Purpose = PurposeField
    legal_basis: OwnLegalBasis


class ShareSelection(Justified):
    """What to share with whom, and why; exactly one recipient."""

    item_ids: list[uuid.UUID] = Field(
        description="De gegevens die u wilt delen, van deze cliënt bij uw organisatie "
        "(art. 5 lid 1: alleen wat nodig is)"
    )
    purpose: Purpose = PurposeField
    recipient_partner_id: uuid.UUID | None = Field(
        None, description="Een andere partner die vandaag aan het protocol gecommitteerd is"
    )
    non_partner_id: uuid.UUID | None = Field(
        None, description="Of een niet-partner van uw organisatie (art. 7)"
    )
    report_reference: str | None = Field(
        None,
        max_length=100,
        description="Of Veilig Thuis: het kenmerk van de melding waarover het verzoek gaat "
        "(art. 8 lid 2)",
    )
    referral_domain: Domain | None = Field(
        None,
        description="Alleen naar een partner die de cliënt nog niet ondersteunt: het domein "
        "waarin die de cliënt gaat ondersteunen (een verwijzing). Dan gaat alleen mee wat de "
        "aanmelding en het onderzoek in dat domein nodig hebben (art. 5 lid 1), en het wacht "
        "in de aanmeldingen van de ontvanger.",
    )


class ShareRequest(ShareSelection):
    recipient_person: str = Field(
        "", max_length=200, description="De persoon bij de ontvanger die de gegevens krijgt"
    )


class SharePreview(Out):
    item_id: uuid.UUID
    category: Category
    allowed: bool = Field(description="Of het gegeven nu gedeeld mag worden")
    articles: list[str] = Field(description="De artikelen die de beslissing dragen")
    explanation: str = Field(description="Bij een weigering: waarom, en wat het wel toestaat")
    referral_domain: str = Field(
        description="Het domein waarnaar dit delen de cliënt verwijst; leeg als het geen "
        "verwijzing is (de ontvanger ondersteunt de cliënt al)"
    )


class ShareResult(Out):
    sent: list[uuid.UUID] = Field(description="De gegevens die gedeeld zijn")
    withheld: list[uuid.UUID] = Field(description="De gegevens die het protocol tegenhield")
    explanation: str = Field(description="Waarom gegevens zijn tegengehouden; leeg als niets")
    trace_id: str = Field(description="Het trace-id van het delen in het verwerkingenlog")


class Disclosure(Out):
    item_id: uuid.UUID
    version_number: int = Field(description="De versie van het gegeven die werd verstrekt")
    recipient: str = Field(description="De naam van de ontvanger")
    recipient_kind: str = Field(description="partner, non-partner of veilig-thuis")
    recipient_person: str = Field(description="De persoon bij de ontvanger, leeg als onbekend")
    purpose: str
    ground: str = Field(description="consent, art4.6 of art8.2")
    disclosed_at: datetime.datetime
    trace_id: str
    receipt: str = Field(
        description="Wat de ontvangende partner ermee deed: waiting (wacht nog), taken-in "
        "(opgenomen in het eigen dossier) of declined (niet opgenomen); leeg bij andere "
        "ontvangers"
    )


class NonPartnerRegistration(In):
    name: str = Field(max_length=200)
    kind: NonPartnerKind = Field(
        description="family (familielid), network (sociaal netwerk), professional of "
        "organisation (niet gecommitteerd aan het protocol)"
    )
    informed: bool = Field(
        False,
        description="De folder met de hoofdlijnen van het protocol is nu overhandigd (art. 7)",
    )


class NonPartner(Out):
    id: uuid.UUID
    name: str
    kind: str
    informed_at: datetime.datetime | None = Field(
        description="Wanneer de niet-partner over de hoofdlijnen werd geïnformeerd (art. 7)"
    )
