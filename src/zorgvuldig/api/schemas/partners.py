# SPDX-License-Identifier: EUPL-1.2
"""Bodies of the partners, their commitments to the protocol and their employees (art1, art3.2)."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import Date, In, Out


class Partner(Out):
    id: uuid.UUID
    name: str
    kind: str = Field(description="municipality, public, private of independent")
    oin: str = Field(description="Organisatie-identificatienummer, leeg als onbekend")
    committed: bool = Field(description="Vandaag gecommitteerd aan het protocol (art. 1)")
    protocol_version: str | None = Field(
        description="De protocolversie waaraan de partner vandaag gebonden is"
    )


class Commitment(Out):
    id: int
    partner_id: uuid.UUID
    protocol_version: str = Field(description="De versie van het protocol (art. 1)")
    starts_on: datetime.date = Field(description="De eerste dag van de deelname")
    ends_on: datetime.date | None = Field(
        description="De laatste dag van de deelname; leeg zolang die niet bekend is"
    )


class CommitmentRecording(In):
    protocol_version: str = Field(
        max_length=100,
        description="De versie van het protocol waaraan de partner zich committeert, bijvoorbeeld "
        "`regio-utrecht-zuidoost-2015`",
    )
    starts_on: Date = Field(description="De eerste dag van de deelname")
    ends_on: Date | None = Field(
        None, description="De laatste dag van de deelname, als die al bekend is"
    )


class CommitmentEnd(In):
    ends_on: Date = Field(
        description="De laatste dag van de deelname; daarna is de organisatie een niet-partner "
        "(art. 7)"
    )


class Employee(Out):
    id: uuid.UUID = Field(
        description="De identificatie van de medewerker: de `employeeId` bij het toewijzen van "
        "een hulpverlener aan een traject, de `directorId` bij het vormen van een huishouden"
    )
    display_name: str = Field(description="De naam van de medewerker (werkgegeven)")
    role: str = Field(
        description="caseworker, director, team-lead, privacy-officer, data-protection-officer, "
        "administrator, veilig-thuis-liaison of incident-reporter"
    )
    active: bool = Field(
        description="Werkt nu bij uw organisatie; alleen een actieve medewerker krijgt toegang"
    )
    acknowledged_current_version: bool = Field(
        description="Heeft de protocolversie bevestigd waaraan uw organisatie vandaag gebonden "
        "is; zonder die bevestiging geen toegang tot persoonsgegevens (art. 3 lid 2 onder d)"
    )


class Acknowledged(Out):
    protocol_version: str
    acknowledged_at: datetime.datetime


class EmployeeAwareness(Out):
    employee_id: uuid.UUID
    display_name: str
    role: str
    active: bool
    state: str = Field(
        description="current (de bevestiging staat), lapsed (verlopen: opnieuw bevestigen, "
        "art. 3 lid 2 onder e), never (de geldende versie niet bevestigd, art. 3 lid 2 onder d) "
        "of no-version (uw organisatie is vandaag aan geen versie gebonden)"
    )
    acknowledged_at: datetime.datetime | None = Field(
        description="De laatste bevestiging van de geldende versie"
    )
    due_on: datetime.date | None = Field(
        description="Vanaf deze dag telt die bevestiging niet meer (leeg: zolang de versie geldt)"
    )
    history: list[Acknowledged] = Field(description="Elke bevestiging, de nieuwste eerst")


class AwarenessOverview(Out):
    protocol_version: str | None
    reacknowledge_months: int | None = Field(
        description="Na zoveel maanden bevestigt een medewerker de versie opnieuw"
    )
    employees: list[EmployeeAwareness]


class TeamMemberLine(Out):
    employee_id: uuid.UUID = Field(description="De identificatie van de medewerker")
    display_name: str = Field(description="De naam van de medewerker (werkgegeven)")
    role: str = Field(description="De rol van de medewerker, een rol met hulpverlening")
    open_trajectories: int = Field(
        description="Aan hoeveel lopende ondersteuningstrajecten de medewerker is toegewezen"
    )


class TeamOverview(Out):
    partner: str = Field(description="De naam van uw organisatie")
    made_on: datetime.date = Field(description="De dag waarop geteld is")
    members: list[TeamMemberLine] = Field(
        description="Elke actieve medewerker in een rol met hulpverlening, wie het meest "
        "ondersteunt eerst; geen cliënt"
    )
    open_trajectories: int = Field(description="De lopende ondersteuningstrajecten")
    unassigned_trajectories: int = Field(
        description="De lopende trajecten waaraan geen actieve hulpverlener is toegewezen"
    )
