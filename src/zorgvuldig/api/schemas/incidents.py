# SPDX-License-Identifier: EUPL-1.2
"""Bodies of incidents and breaches (art3.2f; AVG art. 33 and 34).

Times are time stamps with their zone (ISO 8601, ``2026-12-01T09:30:00+01:00``), checked by
the gate: never in the future, and in their order. The codes (nature, categories, severity ...)
are checked by the gate too, which names the field and the codes it knows.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Annotated, Literal

from pydantic import Field, WithJsonSchema

from zorgvuldig.api.schemas.base import Bsn, In, Out

Moment = Annotated[
    str,
    WithJsonSchema(
        {
            "type": "string",
            "format": "date-time",
            "description": "Een tijdstip met zijn tijdzone (ISO 8601), bijvoorbeeld "
            "2026-12-01T09:30:00+01:00",
        }
    ),
]
NATURES = (
    "wrong-recipient (verkeerde ontvanger), addresses-visible (e-mailadressen zichtbaar voor "
    "anderen), lost-or-stolen (apparaat of papier verloren of gestolen), wrong-authorisations "
    "(verkeerde autorisaties), hacking (hacking, malware of phishing), wrong-dossier (in een "
    "verkeerd dossier), published (per vergissing gepubliceerd), other (anders)"
)
CATEGORIES = (
    "De categorieën van het protocol: identification, contact, household, housing, work-income, "
    "finances-debts, welfare, youth, health, justice, safety-signals (de laatste drie bijzonder)"
)

ClockState = Literal["not-started", "running", "overdue", "in-time", "late", "not-required"]
PhaseKind = Literal["provisional", "supplemented", "final", "withdrawn"]
IncidentState = Literal["reported", "breach", "closed"]
LetterStatus = Literal["pending", "sent", "failed"]
SubjectOutcome = Literal[
    "tell", "no-high-risk", "unintelligible", "risk-removed", "disproportionate"
]


class Clock(Out):
    state: ClockState = Field(
        description="not-started: nog niet vastgesteld dat persoonsgegevens zijn getroffen; "
        "running: de 72 uur lopen; overdue: verstreken zonder melding; in-time of late: gemeld, "
        "binnen of na de termijn; not-required: met redenen niet te melden (AVG art. 33 lid 1)"
    )
    hours: int = Field(description="De uren om te melden: 72 onder elke protocolversie")
    deadline: datetime.datetime | None = Field(description="Uiterlijk melden op dit tijdstip")
    seconds_left: int | None = Field(
        description="Zolang de klok loopt: de seconden tot de termijn (negatief: te laat)"
    )


class NotificationPhase(Out):
    id: int
    kind: PhaseKind
    reported_at: datetime.datetime = Field(description="Wanneer bij de AP gemeld")
    ap_reference: str = Field(description="Het meldnummer van de Autoriteit Persoonsgegevens")
    late: bool = Field(description="Een eerste melding na de termijn")
    delay_reasons: str
    note: str
    recorded_by: str
    recorded_at: datetime.datetime


class Letter(Out):
    id: int
    status: LetterStatus
    status_at: datetime.datetime | None
    note: str


class AffectedClient(Out):
    id: int
    client_id: uuid.UUID | None = Field(description="Leeg zodra het dossier is vernietigd")
    client_name: str
    found_by: Literal["log", "manual"]
    added_at: datetime.datetime
    letter: Letter | None = Field(description="De brief aan de cliënt, als zij worden ingelicht")


class SubjectDecision(Out):
    outcome: SubjectOutcome
    reason: str
    public_notice: str
    decided_by: str
    decided_at: datetime.datetime


class LogSearch(Out):
    searched_by: str
    searched_at: datetime.datetime
    window_from: datetime.datetime
    window_to: datetime.datetime
    actor: str = Field(description="De medewerker wiens verwerkingen zijn doorzocht, of leeg")
    recipient: str = Field(description="partner:<id> of non-partner:<id>, of leeg")
    categories: list[str]
    records: int = Field(description="Gevonden regels in het verwerkingenlog")
    found: int = Field(description="Cliënten van uw organisatie daarin")
    added: int = Field(description="Daarvan nieuw bij dit incident")
    unresolved: int = Field(description="Personen in die regels die hier geen cliënt zijn")


class IncidentNotice(Out):
    organisation: str
    employee: str
    sent_at: datetime.datetime | None
    attempts: int
    last_error: str


class Incident(Out):
    id: uuid.UUID
    number: int
    partner: str
    state: IncidentState
    handled: bool = Field(
        description="U behandelt dit incident (de privacy officer van de organisatie); anders "
        "leest u het: de functionaris gegevensbescherming (FG) van de organisatie ziet ook de "
        "cliënten maar verandert niets, de gemeente ziet de aantallen, niet de cliënten"
    )
    nature: str
    nature_other: str
    summary: str
    reported_by: str
    reported_at: datetime.datetime
    started_at: datetime.datetime | None
    discovered_at: datetime.datetime
    aware_at: datetime.datetime | None = Field(
        description="Wanneer vaststond dat persoonsgegevens waren getroffen: de 72 uur lopen vanaf "
        "dan"
    )
    aware_by: str
    aware_reason: str
    contained_at: datetime.datetime | None
    categories: list[str]
    special_categories: list[str]
    people_affected: int | None = Field(description="Ongeveer hoeveel personen")
    records_affected: int | None = Field(description="Ongeveer hoeveel registraties")
    encrypted: Literal["yes", "partly", "no", "unknown"]
    consequences: str
    severity: Literal["", "low", "medium", "high"]
    measures: str
    cross_border: bool
    protocol_version: str
    clock: Clock
    exempt_reason: str
    exempt_at: datetime.datetime | None
    phases: list[NotificationPhase]
    clients_affected: int
    affected: list[AffectedClient] = Field(
        description="Alleen voor wie het incident behandelt en voor de FG van de organisatie"
    )
    searches: list[LogSearch]
    subject_decisions: list[SubjectDecision] = Field(description="Het laatste besluit geldt")
    notices: list[IncidentNotice]
    closed_at: datetime.datetime | None
    closed_by: str


class IncidentLine(Out):
    id: uuid.UUID
    number: int
    partner: str
    state: IncidentState
    nature: str
    reported_at: datetime.datetime
    discovered_at: datetime.datetime
    aware_at: datetime.datetime | None
    clock: Clock
    notification: Literal["", "exempt", "provisional", "supplemented", "final", "withdrawn"]
    people_affected: int | None
    clients_affected: int
    closed_at: datetime.datetime | None


class NotificationAnswer(Out):
    key: str = Field(description="Een vaste code van de vraag")
    question: str = Field(description="De vraag van het meldformulier datalekken")
    answer: str


class AffectedClientSearch(Out):
    search: LogSearch
    incident: Incident


class IncidentReport(In):
    nature: str = Field(description=f"Wat er gebeurde: {NATURES}")
    nature_other: str = Field("", description="Bij other: in een paar woorden wat er gebeurde")
    summary: str = Field(
        description="Wat er gebeurde, zonder namen of andere persoonsgegevens: de cliënten worden "
        "gekoppeld"
    )
    discovered_at: Moment = Field(description="Wanneer het incident werd ontdekt")
    started_at: Moment | None = Field(None, description="Wanneer het (vermoedelijk) begon")
    categories: list[str] = Field([], description=CATEGORIES)
    people_affected: int | None = Field(None, description="Ongeveer hoeveel personen")


class IncidentChanges(In):
    """Only what is given changes."""

    nature: str | None = Field(None, description=NATURES)
    nature_other: str | None = None
    summary: str | None = None
    started_at: Moment | None = None
    discovered_at: Moment | None = None
    contained_at: Moment | None = Field(None, description="Wanneer het incident is beëindigd")
    categories: list[str] | None = Field(None, description=CATEGORIES)
    people_affected: int | None = None
    records_affected: int | None = None
    encrypted: str | None = Field(None, description="yes, partly, no of unknown")
    consequences: str | None = Field(None, description="De waarschijnlijke gevolgen")
    severity: str | None = Field(None, description="De ernst van de gevolgen: low, medium, high")
    measures: str | None = Field(None, description="De genomen of voorgestelde maatregelen")
    cross_border: bool | None = Field(None, description="Betreft ook andere landen van de EU")


class Awareness(In):
    aware_at: Moment = Field(
        description="Wanneer uw organisatie redelijk zeker werd dat persoonsgegevens waren "
        "getroffen (AVG art. 33 lid 1)"
    )
    reason: str = Field(description="Waarom dat vaststaat")


class NotificationIn(In):
    kind: str = Field(description="provisional, supplemented, final of withdrawn")
    reported_at: Moment = Field(description="Wanneer bij de Autoriteit Persoonsgegevens gemeld")
    ap_reference: str = Field("", description="Het meldnummer van de AP")
    delay_reasons: str = Field(
        "", description="Bij een eerste melding na 72 uur: de redenen van de vertraging"
    )
    note: str = Field("", description="Wat is aangevuld, of waarom de melding is ingetrokken")


class Exemption(In):
    reason: str = Field(
        description="Waarom het datalek waarschijnlijk geen risico heeft voor de betrokkenen"
    )


class AffectedSearchIn(In):
    window_from: Moment = Field(description="Begin van de periode waarin gegevens werden geraakt")
    window_to: Moment = Field(description="Einde van die periode (ten hoogste een jaar)")
    employee_id: uuid.UUID | None = Field(
        None, description="Alleen de verwerkingen van deze medewerker"
    )
    recipient_partner_id: uuid.UUID | None = Field(
        None, description="Alleen wat in die periode met deze partner is gedeeld"
    )
    recipient_non_partner_id: uuid.UUID | None = Field(
        None, description="Alleen wat in die periode met deze niet-partner is gedeeld"
    )
    categories: list[str] = Field(
        [], description=f"Alleen verwerkingen van deze categorieën. {CATEGORIES}"
    )


class AffectedClientIn(In):
    client_id: uuid.UUID | None = Field(
        None, description="Een cliënt met een dossier bij uw organisatie; of geef bsn"
    )
    bsn: Bsn | None = Field(
        None,
        description="Of het BSN van die cliënt (9 cijfers); gezocht alleen onder de cliënten "
        "van uw organisatie. Geef clientId of bsn, niet beide",
    )


class DetachmentIn(In):
    reason: str = Field(
        description="Waarom deze cliënt niet door het incident werd getroffen (ten hoogste 500 "
        "tekens)"
    )


class SubjectDecisionIn(In):
    outcome: str = Field(
        description="tell (inlichten: hoog risico), no-high-risk, unintelligible (versleuteld), "
        "risk-removed (latere maatregelen), disproportionate (openbare mededeling)"
    )
    reason: str = Field(description="De redenen, ook als niemand wordt ingelicht")
    public_notice: str = Field("", description="Bij disproportionate: waar en hoe de mededeling")


class LetterDelivery(In):
    status: str = Field(description="sent (verzonden) of failed (niet te bezorgen)")
    note: str = Field("", description="Bij failed: waarom")


class Closure(In):
    measures: str | None = Field(
        None, description="De genomen maatregelen (verplicht als ze er nog niet staan)"
    )
