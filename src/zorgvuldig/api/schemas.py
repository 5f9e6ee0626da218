# SPDX-License-Identifier: EUPL-1.2
"""Request and response bodies: camelCase on the wire, snake_case in Python.

Responses are built from the frozen values the gate hands out (the ``views`` of each area of
:mod:`zorgvuldig.gate.services`), never from model instances. Requests accept only the
camelCase names and no unknown fields, so that a typo is a 400 that names the field rather
than a value silently ignored.
"""

from __future__ import annotations

import datetime
import re
import uuid
from typing import Annotated, Literal

from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import validation
from zorgvuldig.protocol import Category, Domain, ExceptionGround, LegalBasis, Purpose

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value):
    """Only a calendar date ``YYYY-MM-DD`` (no timestamps, no times)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("zorgvuldig_date", "Geef een geldige datum (JJJJ-MM-DD).")


Date = Annotated[datetime.date, BeforeValidator(_iso_date)]


def _bsn(value: str) -> str:
    """The elfproef up front, so that a bad BSN is listed with every other invalid field (the
    gate checks it again)."""
    try:
        validation.bsn(value)
    except InvalidInput as error:
        raise PydanticCustomError("zorgvuldig_bsn", next(iter(error.errors.values()))) from None
    return value


Bsn = Annotated[str, AfterValidator(_bsn)]


class Out(Schema):
    """A response body: read from the gate's values by attribute, written in camelCase."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


class In(Schema):
    """A request body: camelCase names only, nothing unknown."""

    model_config = ConfigDict(
        alias_generator=to_camel, validate_by_alias=True, validate_by_name=False, extra="forbid"
    )


PurposeField = Field(description="Het doel van de verwerking (art. 2); verplicht.")
LegalBasisField = Field(
    None,
    description="De wettelijke grondslag (art. 2). Weggelaten: de grondslag van uw eigen "
    "lopende traject bij deze cliënt.",
)
JustificationGroundField = Field(
    None,
    description="Alleen bij verwerken zonder toestemming (art. 4 lid 6): "
    "`necessary-unavoidable` (noodzakelijk en onvermijdelijk voor de ondersteuning) of "
    "`serious-risk` (ernstig risico voor de gezondheid of veiligheid van cliënt, hulpverlener "
    "of anderen). Samen met `justification`; weglaten bij toestemming.",
)
JustificationField = Field(
    None,
    max_length=2000,
    description="De schriftelijke onderbouwing waarom verwerken zonder toestemming nodig is "
    "(art. 4 lid 6); verplicht en niet leeg bij `justificationGround`. Wordt als aantekening in "
    "het dossier geschreven en staat in het register van de privacyfunctionaris.",
)
BsnField = Field(
    description="Burgerservicenummer (elfproef). Alleen in de body, nooit in een URI.",
)


# --- partners --------------------------------------------------------------------------


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
    role: str = Field(description="caseworker, privacy-officer of administrator")
    active: bool = Field(
        description="Werkt nu bij uw organisatie; alleen een actieve medewerker krijgt toegang"
    )
    acknowledged_current_version: bool = Field(
        description="Heeft de protocolversie bevestigd waaraan uw organisatie vandaag gebonden "
        "is; zonder die bevestiging geen toegang tot persoonsgegevens (art. 3 lid 2 onder d)"
    )


# --- clients and subjects ---------------------------------------------------------------


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


class SupportTrajectory(Out):
    id: uuid.UUID
    client_id: uuid.UUID
    partner_id: uuid.UUID
    partner_name: str
    domain: Domain
    legal_basis: LegalBasis
    opened_on: datetime.date
    closed_on: datetime.date | None
    caseworkers: list[str] = Field(description="Namen van de toegewezen hulpverleners")


class Relation(Out):
    id: uuid.UUID
    kind: str
    related: Subject


class DataItemVersion(Out):
    number: int
    label: str
    value: str
    source: str = Field(description="Wie het gegeven leverde (art. 3 lid 2 onder a)")
    method: str = Field(description="Hoe het werd verkregen")
    obtained_on: datetime.date
    recorded_by: str
    recorded_at: datetime.datetime
    reason: str


class DataItem(Out):
    id: uuid.UUID
    client_id: uuid.UUID
    subject_id: uuid.UUID
    category: Category
    partner_id: uuid.UUID
    current: DataItemVersion
    history: list[DataItemVersion] = Field(
        description="Alle versies, nieuwste eerst (alleen bij één gegeven)"
    )
    under_professional_secrecy: bool = Field(
        description="Vastgelegd onder het wettelijk beroepsgeheim van een hulpverlener; gaat "
        "alleen naar een ontvanger waarvoor die het vrijgaf (art. 6 lid 2)"
    )


class Annotation(Out):
    id: uuid.UUID
    article: str
    text: str
    author: str
    created_at: datetime.datetime
    trace_id: str


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


class ClientRegistration(In):
    bsn: Bsn = BsnField
    given_names: str = Field(max_length=200)
    surname_prefix: str = Field("", max_length=20)
    surname: str = Field(max_length=200)
    birth_date: Date
    domain: Domain
    legal_basis: LegalBasis = Field(description="De wet waarop het nieuwe traject rust (art. 2)")
    opened_on: Date | None = Field(None, description="Begin van het traject; standaard vandaag")
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
    legal_basis: LegalBasis | None = LegalBasisField


# --- support trajectories ---------------------------------------------------------------


class TrajectoryClosure(In):
    closed_on: Date
    purpose: Purpose = PurposeField


class CaseworkerAssignment(In):
    employee_id: uuid.UUID = Field(
        description="Een actieve medewerker van uw eigen organisatie (art. 3 lid 2 onder c)"
    )
    purpose: Purpose = PurposeField


# --- data items -------------------------------------------------------------------------


_METHODS = "conversation, document, register, partner of observation"


class DataItemRecording(In):
    category: Category
    label: str = Field(max_length=200)
    value: str = Field(max_length=10_000)
    source: str = Field(
        max_length=200, description="Wie het gegeven leverde (art. 3 lid 2 onder a)"
    )
    method: str = Field(description=f"Hoe het werd verkregen: {_METHODS}")
    obtained_on: Date
    purpose: Purpose = PurposeField
    subject_id: uuid.UUID | None = Field(
        None, description="De betrokkene over wie het gegeven gaat; standaard de cliënt zelf"
    )
    legal_basis: LegalBasis | None = LegalBasisField
    justification_ground: ExceptionGround | None = JustificationGroundField
    justification: str | None = JustificationField
    professional_secrecy: bool = Field(
        False,
        description="Vastgelegd onder uw wettelijk beroepsgeheim (art. 6 lid 2): het gegeven "
        "verlaat uw organisatie dan alleen naar een ontvanger waarvoor u het vrijgeeft, ook met "
        "toestemming van de cliënt.",
    )


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
    legal_basis: LegalBasis | None = LegalBasisField


class DataItemChange(In):
    label: str = Field(max_length=200)
    value: str = Field(max_length=10_000)
    source: str = Field(max_length=200)
    method: str = Field(description=f"Hoe het werd verkregen: {_METHODS}")
    obtained_on: Date
    reason: str = Field(max_length=500, description="Waarom het gegeven verandert")
    purpose: Purpose = PurposeField
    legal_basis: LegalBasis | None = LegalBasisField
    justification_ground: ExceptionGround | None = JustificationGroundField
    justification: str | None = JustificationField


# --- exchanges --------------------------------------------------------------------------


NonPartnerKind = Literal["family", "network", "professional", "organisation"]


class ShareSelection(In):
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
    legal_basis: LegalBasis | None = LegalBasisField
    justification_ground: ExceptionGround | None = JustificationGroundField
    justification: str | None = JustificationField
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


# --- oversight --------------------------------------------------------------------------


class AllowedProcessing(Out):
    operation: str = Field(description="record, request of share")
    category: Category
    label: str = Field(description="De naam van de categorie")
    allowed: bool = Field(description="Of het protocol dit nu toestaat")
    articles: list[str] = Field(description="De artikelen die de beslissing dragen")
    explanation: str = Field(description="Bij een weigering: waarom, en wat het wel toestaat")


class ProcessingException(Out):
    client_id: uuid.UUID
    client_name: str
    article: str = Field(description="Het artikel waaronder zonder toestemming is verwerkt")
    text: str = Field(description="De aantekening met de grond en de onderbouwing")
    author: str = Field(description="De hulpverlener die de verwerking deed")
    created_at: datetime.datetime
    trace_id: str = Field(description="Het trace-id van de verwerking in het verwerkingenlog")
    legal_basis: str = Field(description="De wettelijke grondslag van de verwerking")


# --- processing log ---------------------------------------------------------------------


class LogRecord(Out):
    id: int
    trace_id: str
    name: str
    start_time: datetime.datetime
    end_time: datetime.datetime
    status: str
    processing_activity_id: str
    actor: str
    partner: str
    operation: str
    categories: list[str]
    purpose: str
    legal_basis: str
    decision: str = Field(description="allowed, partial of refused")
    articles: list[str]


# --- problems (documentation of the error bodies; problems.py writes them) --------------


class Problem(Out):
    """An error (RFC 9457)."""

    type: str = Field(description="URI die het soort probleem aanduidt")
    title: str
    status: int
    detail: str
    instance: str | None = None


class InvalidParam(Out):
    name: str = Field(description="Het veld (camelCase) dat ongeldig is")
    reason: str
    code: str


class InvalidInputProblem(Problem):
    invalid_params: list[InvalidParam]


class Refusal(Out):
    article: str
    reason: str
    remedy: str = Field(description="Wat de verwerking wel toegestaan zou maken")


class CategoryOutcome(Out):
    category: Category
    allowed: bool
    articles: list[str]
    refusals: list[Refusal]


class RefusalProblem(Problem):
    articles: list[str] = Field(description="De artikelen van het protocol die de weigering dragen")
    trace_id: str = Field(
        description="Het trace-id waaronder de weigering in het verwerkingenlog staat"
    )
    outcomes: list[CategoryOutcome]


# --- integrated support and safety ---------------------------------------------------------


class DataRequest(In):
    holder_partner_id: uuid.UUID = Field(description="De partner die de gegevens heeft")
    categories: list[Category] = Field(
        min_length=1, description="De categorieën die nodig zijn (art. 5 lid 1)"
    )
    purpose: Purpose = PurposeField
    legal_basis: LegalBasis | None = LegalBasisField
    justification_ground: ExceptionGround | None = JustificationGroundField
    justification: str | None = JustificationField


class RequestedCategory(Out):
    """What became of one requested category (art4.2-art4.4, art5.1, art6.2)."""

    category: Category
    status: Literal["sent", "partly-sent", "refused", "not-held"] = Field(
        description="sent (verstrekt), partly-sent (deels verstrekt: gegevens onder "
        "beroepsgeheim bleven achter, art. 6 lid 2), refused (geweigerd) of not-held (de partner "
        "heeft van deze soort geen gegevens; geen weigering)"
    )
    refused_by: Literal["requester", "holder", ""] = Field(
        description="Wie (een deel) weigerde: requester (uw eigen organisatie, bij het "
        "opvragen: art. 4 lid 2, art. 4 lid 4, art. 5 lid 1) of holder (de partner die de "
        "gegevens heeft, bij het verstrekken: art. 4 lid 3, art. 5 lid 1, art. 6 lid 2); leeg "
        "als niets geweigerd is"
    )
    items_received: int = Field(description="Hoeveel gegevens van deze soort binnenkwamen")
    items_withheld: int = Field(
        description="Bij partly-sent: hoeveel gegevens onder beroepsgeheim achterbleven; anders 0"
    )
    articles: list[str] = Field(description="De artikelen die de weigering dragen; leeg als niets")
    reason: str = Field(
        description="Waarom (een deel) geweigerd is en wat het wel toestaat, of waarom niets "
        "kwam; leeg als alles kwam"
    )


class DataRequestResult(Out):
    status: Literal["sent", "partly-sent", "nothing-sent"] = Field(
        description="sent (verstrekt: er kwam iets binnen en niets is geweigerd), partly-sent "
        "(deels verstrekt: er kwam iets binnen en iets is geweigerd) of nothing-sent (niets "
        "verstrekt)"
    )
    categories: list[RequestedCategory] = Field(
        description="Elke gevraagde categorie, in de volgorde van het verzoek"
    )
    received: list[DataItem] = Field(description="De gegevens die de partner mocht verstrekken")
    explanation: str = Field(
        description="De uitleg van de partner bij zijn beslissing: wat hij tegenhield en waarom "
        "(elke gevraagde categorie staat in `categories`)"
    )
    request_trace_id: str
    share_trace_id: str


class SafetyCaseOpening(In):
    signals: str = Field(min_length=1, max_length=5000, description="De signalen (stap 1)")
    taken_on: datetime.date = Field(description="Datum van de stap")
    purpose: Purpose = Field(Purpose.SAFETY, description="Het doel; standaard veiligheid")
    legal_basis: LegalBasis | None = LegalBasisField
    justification_ground: ExceptionGround | None = JustificationGroundField
    justification: str | None = JustificationField


class SafetyCaseClosing(In):
    """Close a case after its decision (step 5), once the follow-up is over."""

    closed_on: Date = Field(description="De datum van het sluiten (niet in de toekomst)")
    note: str = Field(min_length=1, max_length=5000, description="Waarom de zaak gesloten wordt")
    purpose: Purpose = Field(Purpose.SAFETY, description="Het doel; standaard veiligheid")
    legal_basis: LegalBasis | None = LegalBasisField


class MeldcodeStepRecording(In):
    step: str = Field(description="consult, conversation, weigh of decide, in die volgorde")
    taken_on: datetime.date = Field(description="Datum van de stap")
    conclusion: str = Field(min_length=1, max_length=5000)
    acute_or_structural_unsafety: bool | None = Field(None, description="Stap 4, afwegingskader")
    adequate_help_possible: bool | None = Field(None, description="Stap 4, afwegingskader")
    organise_help: bool | None = Field(None, description="Stap 5")
    report_to_veilig_thuis: bool | None = Field(None, description="Stap 5")
    report_reference: str = Field("", max_length=100, description="Stap 5, bij een melding")
    purpose: Purpose = Field(Purpose.SAFETY, description="Het doel; standaard veiligheid")
    legal_basis: LegalBasis | None = LegalBasisField


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
    purpose: Purpose = Field(Purpose.INTEGRATED_SUPPORT, description="Het doel")
    legal_basis: LegalBasis | None = LegalBasisField


class PlanUpdate(In):
    plan: str = Field(min_length=1, max_length=10_000)
    partner_ids: list[uuid.UUID] | None = Field(
        None,
        description="De organisaties die deelnemen aan het plan; weggelaten: ongewijzigd. Die "
        "van de regisseur doet altijd mee. " + _COMMITTED_PARTNERS,
    )
    purpose: Purpose = Field(Purpose.INTEGRATED_SUPPORT, description="Het doel")
    legal_basis: LegalBasis | None = LegalBasisField


class NonPartnerAddressing(In):
    addressed_on: datetime.date = Field(description="Wanneer de niet-partner werd aangesproken")
    what_happened: str = Field(min_length=1, max_length=2000)


class AddressingCount(Out):
    times_addressed: int


class NonPartnerAddressRecord(Out):
    addressed_on: datetime.date = Field(description="Wanneer de niet-partner werd aangesproken")
    what_happened: str
    addressed_by: str = Field(description="Wie de niet-partner aansprak")
    recorded_at: datetime.datetime
