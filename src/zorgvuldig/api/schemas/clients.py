# SPDX-License-Identifier: EUPL-1.2
"""Bodies of clients, subjects, relations and the dossier (art1, art2)."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import (
    Bsn,
    BsnField,
    Date,
    In,
    Out,
    OwnLegalBasis,
    PurposeField,
)
from zorgvuldig.api.schemas.households import Household
from zorgvuldig.api.schemas.items import Annotation, DataItem
from zorgvuldig.api.schemas.trajectories import SupportTrajectory
from zorgvuldig.protocol import Domain, LegalBasis, Purpose


class Subject(Out):
    id: uuid.UUID
    bsn: str
    given_names: str
    surname_prefix: str
    surname: str
    full_name: str
    birth_date: datetime.date


class ClientSummary(Out):
    id: uuid.UUID
    full_name: str
    birth_date: datetime.date


class Relation(Out):
    id: uuid.UUID
    kind: str
    related: Subject


class Access(Out):
    name: str = Field(description="De medewerker van uw organisatie")
    why: str = Field(
        description="assigned (hulpverlener in een lopend traject), director (regisseur van een "
        "huishouden van de cliënt), veilig-thuis-liaison (aandachtsfunctionaris bij een lopende "
        "Meldcode-zaak), privacy-officer (toezicht, verzoeken, bewaren), "
        "privacy-officer-request (behandelt een lopend verzoek van de betrokkene), "
        "data-protection-officer (de FG: toezicht, ziet alleen wie de cliënt is) of emergency "
        "(noodtoegang, tot until)"
    )
    domain: str = Field(description="Bij assigned: het domein van het traject")
    legal_basis: str = Field(description="Bij assigned: de wet van het traject")
    since: datetime.date | None = Field(description="Bij assigned: sinds wanneer")
    household: str = Field(description="Bij director: het huishouden")
    until: datetime.datetime | None = Field(description="Bij emergency: tot wanneer")
    reason: str = Field(description="Bij emergency: de reden uit de lijst")


class Dossier(Out):
    id: uuid.UUID
    subject: Subject
    trajectories: list[SupportTrajectory]
    relations: list[Relation]
    items: list[DataItem]
    annotations: list[Annotation]
    households: list[Household]
    refusal: str = Field(
        description="Leeg als alles mocht; anders welke categorieën zijn weggelaten, waarom en "
        "wat ze wel toegestaan zou maken"
    )
    access: list[Access] = Field(
        description="Wie bij uw organisatie toegang heeft tot dit dossier, en waarom (art. 3 "
        "lid 2 onder c)"
    )


class ClientRegistration(In):
    bsn: Bsn = BsnField
    given_names: str = Field(max_length=200)
    surname_prefix: str = Field("", max_length=20)
    surname: str = Field(max_length=200)
    birth_date: Date
    domain: Domain
    legal_basis: LegalBasis = Field(description="De wet waarop het nieuwe traject rust (art. 2)")
    opened_on: Date | None = Field(None, description="Begin van het traject; standaard vandaag")
    municipality: str | None = Field(
        None,
        pattern=r"^[0-9]{4}$",
        description="CBS-gemeentecode van de gemeente namens wie de ondersteuning loopt; "
        "standaard de eerste van de regio",
    )
    purpose: Purpose = PurposeField


class ClientSearch(In):
    purpose: Purpose = PurposeField
    bsn: Bsn | None = Field(None, description="Zoek op BSN (niet in de URI)")
    name: str | None = Field(
        None, max_length=200, description="Of zoek op (een deel van) de achternaam"
    )


class RelationRegistration(In):
    kind: str = Field(
        description="legal-representative, guardian, curator, mentor, spouse, parent, sibling "
        "of child"
    )
    bsn: Bsn = BsnField
    given_names: str = Field(max_length=200)
    surname_prefix: str = Field("", max_length=20)
    surname: str = Field(max_length=200)
    birth_date: Date
    purpose: Purpose = PurposeField
    legal_basis: OwnLegalBasis
