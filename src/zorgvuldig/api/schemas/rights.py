# SPDX-License-Identifier: EUPL-1.2
"""Bodies of the rights of data subjects (art9) and who exercises them (art10).

Built from the gate's frozen values (:mod:`zorgvuldig.gate.services.rights.views`). The codes
(kinds, states, outcomes, grounds) are those of :mod:`zorgvuldig.rights.codes`.
"""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import Date, In, Out
from zorgvuldig.rights.codes import (
    IdentityMethod,
    Outcome,
    RefusalGround,
    RequestKind,
    StanceKind,
    ViewHoldKind,
    WithholdingGround,
)

_REASON = Field(min_length=1, max_length=2000, description="De reden, in woorden")

# -- who may act (art10) -------------------------------------------------------------------


class Signer(Out):
    subject_id: uuid.UUID
    name: str
    role: str = Field(description="client, of de soort relatie (parent, curator, ...)")


class LimitedRepresentative(Out):
    name: str
    reason: str


class Authority(Out):
    """Who may act for the client on a day (art10): each option is signed by all its people."""

    client_id: uuid.UUID
    day: datetime.date
    age: int
    options: list[list[Signer]] = Field(
        description="De mogelijkheden; elke mogelijkheid is een groep die samen tekent"
    )
    articles: list[str]
    explanation: str
    judged_unable: bool = Field(description="Een oordeel van onbekwaamheid geldt (art. 10 lid 2)")
    limited: list[LimitedRepresentative] = Field(
        description="Vertegenwoordigers die de organisatie beperkte of weigerde (art. 10 lid 3)"
    )


class IncapacityJudgement(In):
    """art10.2: the partner judges that the client (16 or older) cannot exercise the rights."""

    judged_on: Date = Field(description="De datum van het oordeel (niet in de toekomst)")
    reason: str = _REASON


class RepresentativeStance(In):
    """art10.2 (unwilling) or art10.3 (limited or refused for weighty interests)."""

    representative_subject_id: uuid.UUID = Field(
        description="De vastgelegde betrokkene die voor de cliënt zou kunnen handelen"
    )
    kind: StanceKind = Field(
        description="unwilling: wil niet handelen (art. 10 lid 2); limited: beperkt of "
        "geweigerd om zwaarwegende belangen van de cliënt (art. 10 lid 3)"
    )
    reason: str = _REASON


# -- requests (art9) -----------------------------------------------------------------------


class SubjectRequestRegistration(In):
    kind: RequestKind = Field(
        description="overview (art. 9 lid 1), inspection (lid 2), correction, addition, "
        "deletion, blocking (lid 4); in de AVG-variant ook restriction, portability, objection"
    )
    requested_by_subject_id: uuid.UUID = Field(
        description="Wie het verzoek doet: de cliënt of een vastgelegde vertegenwoordiger"
    )
    signed_by_subject_ids: list[uuid.UUID] = Field(
        [], description="Wie verder ondertekende (art. 10: van 12 tot 16 jaar beiden)"
    )
    identity_method: IdentityMethod = Field(description="Hoe de identiteit is vastgesteld")
    identity_note: str = Field("", max_length=1000, description="Bijvoorbeeld het soort document")
    received_on: Date = Field(description="De datum van ontvangst (niet in de toekomst)")
    details: str = Field(
        "", max_length=4000, description="Wat de verzoeker vraagt; verplicht bij een wijziging"
    )
    item_ids: list[uuid.UUID] = Field(
        [], description="De gegevens waar het verzoek over gaat (bij correctie tot afscherming)"
    )


class Pause(Out):
    started_on: datetime.date
    ended_on: datetime.date | None
    reason: str


class SubjectRequest(Out):
    id: uuid.UUID
    client_id: uuid.UUID
    client_name: str
    kind: str
    state: str = Field(
        description="received, waiting, in-progress, decided, carried-out, closed of withdrawn"
    )
    requested_by: Signer
    signed_by: list[Signer]
    authority: list[str] = Field(description="De artikelen waarop de verzoeker handelt")
    identity_method: str
    identity_note: str
    details: str
    item_ids: list[uuid.UUID]
    protocol_version: str
    received_on: datetime.date
    due_on: datetime.date = Field(description="De uiterste datum van het antwoord")
    extended_on: datetime.date | None
    extension_reason: str
    pauses: list[Pause]
    registered_by: str
    withdrawn_on: datetime.date | None
    outcome: str
    protection_needed: bool | None
    refusal_ground: str
    refusal_reason: str
    granted_item_ids: list[uuid.UUID]
    decided_by: str
    decided_on: datetime.date | None
    carried_out_on: datetime.date | None
    closed_on: datetime.date | None


class QueueLine(Out):
    request: SubjectRequest
    days_left: int = Field(description="Dagen tot de uiterste datum; negatief: te laat")
    urgency: str = Field(description="overdue, due-this-week, paused of on-time")


class RequestPausing(In):
    reason: str = Field(
        min_length=1,
        max_length=1000,
        description="Waarop de organisatie wacht (bewijs van identiteit, een verduidelijking)",
    )


class RequestExtension(In):
    """AVG art. 12(3): once, by two months, told to the requester before the first deadline."""

    reason: str = Field(min_length=1, max_length=1000, description="Waarom meer tijd nodig is")
    announced_on: Date | None = Field(
        None, description="Wanneer de verzoeker het bericht kreeg; weggelaten: vandaag"
    )


class RequestDecision(In):
    """art9.5: the decision on a correction, addition, deletion or blocking."""

    outcome: Outcome
    protection_needed: bool = Field(
        description="Is weigeren nodig ter bescherming van de betrokkene of van de rechten en "
        "vrijheden van anderen? Ja betekent weigeren (art. 9 lid 5)"
    )
    granted_item_ids: list[uuid.UUID] = Field([], description="Bij gedeeltelijk toekennen")
    refusal_ground: RefusalGround | None = Field(None, description="Bij (gedeeltelijk) weigeren")
    refusal_reason: str = Field("", max_length=4000, description="De schriftelijke motivering")


class RequestExecution(In):
    new_values: dict[uuid.UUID, str] = Field(
        {},
        description="Bij correctie of aanvulling: per toegekend gegeven wat het wordt of wat "
        "wordt aangevuld",
    )


# -- the overview (art9.1) ----------------------------------------------------------------


class RecipientLine(Out):
    recipient: str
    recipient_kind: str = Field(description="partner, non-partner of veilig-thuis")
    version_number: int
    purpose: str
    ground: str = Field(description="consent, art4.6 of art8.2")
    disclosed_on: datetime.date


class InspectionItem(Out):
    item_id: uuid.UUID
    category: str
    label: str
    value: str
    source: str
    method: str
    obtained_on: datetime.date
    recorded_on: datetime.date
    versions: int


class OverviewItem(InspectionItem):
    purpose: str
    legal_basis: str
    recipients: list[RecipientLine]


class ProcessingLine(Out):
    name: str
    operation: str
    purpose: str
    legal_basis: str
    decision: str
    count: int
    first_on: datetime.date
    last_on: datetime.date


class RecipientSummary(Out):
    recipient: str
    recipient_kind: str
    categories: list[str]
    first_on: datetime.date
    last_on: datetime.date
    disclosures: int


class SubjectOverview(Out):
    """art9.1, and the machine-readable copy of AVG art. 20: organisations, never employees."""

    request_id: uuid.UUID
    client_id: uuid.UUID
    subject_name: str
    birth_date: datetime.date
    partner_name: str
    made_on: datetime.date
    protocol_version: str
    items: list[OverviewItem]
    processings: list[ProcessingLine]
    recipients: list[RecipientSummary]


class OverviewDispatch(In):
    sent_on: Date | None = Field(
        None, description="Wanneer het overzicht verstuurd is; weggelaten: vandaag"
    )


# -- inspection (art9.2, art9.3) ----------------------------------------------------------


class WithheldItem(Out):
    item_id: uuid.UUID
    category: str
    label: str
    ground: str
    reason: str
    automatic: bool = Field(description="Door het systeem achtergehouden: het gaat over een ander")


class WithheldCount(Out):
    ground: str
    count: int


class InspectionPackage(Out):
    request_id: uuid.UUID
    client_id: uuid.UUID
    subject_name: str
    partner_name: str
    made_on: datetime.date
    released_on: datetime.date | None
    reviewed_by: str
    shown: list[InspectionItem]
    withheld: list[WithheldItem] = Field(description="Voor wie beoordeelt: wat achterblijft")
    told: list[WithheldCount] = Field(
        description="Wat de betrokkene hoort: hoeveel gegevens op welke grond achterblijven"
    )


class Withholding(In):
    item_id: uuid.UUID
    ground: WithholdingGround = Field(
        description="protect-subject of protect-others (art. 9 lid 3)"
    )
    reason: str = _REASON


# -- the client's own view (art9.3, decision 25) -----------------------------------------


class ResidentViewProcessing(Out):
    trace_id: str = Field(description="De verwerking: het trace-id in het verwerkingenlog")
    at: datetime.datetime = Field(description="Het begin van de verwerking")
    names: list[str] = Field(description="De verwerkingen die het log onder dit trace-id noemt")
    state: str = Field(
        description="shown (de cliënt ziet haar), released (was achtergehouden, zichtbaar sinds "
        "de vrijgave), held-back (achtergehouden tot vrijgave), other-person (nooit getoond: "
        "gaat ook over een ander) of not-listed (nooit getoond: de eigen blik van de cliënt, "
        "of het achterhouden zelf)"
    )
    held_back: list[str] = Field(
        description="Wat haar achterhoudt of achterhield: meldcode, veilig-thuis, harm"
    )
    reason: str = Field(description="Bij harm: waarom tonen de cliënt of anderen zou schaden")
    held_since: datetime.datetime | None = Field(
        description="Sinds wanneer achtergehouden (harm); leeg: sinds de verwerking zelf"
    )
    released_at: datetime.datetime | None = Field(description="Wanneer vrijgegeven")


class ResidentViewHold(In):
    trace_id: str = Field(
        min_length=1, max_length=32, description="De verwerking (trace-id) die u achterhoudt"
    )
    reason: str = Field(
        min_length=1,
        max_length=2000,
        description="Waarom tonen de cliënt of anderen zou schaden (art. 9 lid 3)",
    )


class ResidentViewRelease(In):
    trace_id: str = Field(
        min_length=1, max_length=32, description="De verwerking (trace-id) die u vrijgeeft"
    )
    kind: ViewHoldKind = Field(
        description="Wat haar achterhield: meldcode, veilig-thuis of harm (art. 9 lid 3)"
    )


# -- earlier recipients (art9.6) ----------------------------------------------------------


class RecipientNotice(Out):
    id: uuid.UUID
    recipient: str
    recipient_kind: str
    channel: str = Field(description="webhook, email of letter")
    status: str = Field(description="pending, delivered of impossible")
    item_ids: list[uuid.UUID]
    attempts: int
    last_error: str
    impossible_reason: str


class NoticeResolution(In):
    delivered: bool = Field(description="Ja: afgeleverd (de brief is verstuurd)")
    impossible_reason: str = Field(
        "", max_length=1000, description="Bij nee: waarom inlichten niet kan"
    )


# -- the privacy officer's counts ---------------------------------------------------------


class CountLine(Out):
    month: datetime.date = Field(description="De eerste dag van de maand van ontvangst")
    kind: str = Field(description="Het soort verzoek; leeg: alle soorten samen")
    received: int
    granted: int
    partly_granted: int
    refused: int
    withdrawn: int
    open: int
    answered_late: int = Field(description="Beslist na de uiterste datum")
    median_days_to_answer: float | None = Field(
        description="Mediaan van de dagen van ontvangst tot beslissing; leeg als er nog geen is"
    )


class RequestCounts(Out):
    year: int | None
    made_on: datetime.date
    lines: list[CountLine] = Field(description="Per maand en soort")
    months: list[CountLine] = Field(description="Per maand, alle soorten samen")
