# SPDX-License-Identifier: EUPL-1.2
"""The answers to the notification form of the Autoriteit Persoonsgegevens (the
*Meldformulier datalekken*), in the order the form asks them, ready to copy (AVG art. 33(3)).

The form is Dutch, so the questions and the answers are too, whatever the language of the page.
Pure: the gate gathers :class:`NotificationFacts` from the incident; the answers name no
client, only how many people are concerned.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from zorgvuldig.core.pdf import dutch_date
from zorgvuldig.incidents.codes import Encryption, Nature, Severity, SubjectOutcome
from zorgvuldig.protocol import CATEGORIES, SPECIAL_CATEGORIES, Category
from zorgvuldig.protocol.breaches import STATUTORY_HOURS

NATURES = {
    Nature.WRONG_RECIPIENT: "Persoonsgegevens verstuurd naar of afgegeven aan een verkeerde "
    "ontvanger",
    Nature.ADDRESSES_VISIBLE: "E-mailadressen zichtbaar voor andere ontvangers",
    Nature.LOST_OR_STOLEN: "Apparaat of papier met persoonsgegevens verloren of gestolen",
    Nature.WRONG_AUTHORISATIONS: "Verkeerde autorisaties: toegang voor wie die niet mocht hebben",
    Nature.HACKING: "Hacking, malware (bijvoorbeeld ransomware) of phishing",
    Nature.WRONG_DOSSIER: "Persoonsgegevens in een verkeerd dossier vastgelegd",
    Nature.PUBLISHED: "Persoonsgegevens per vergissing gepubliceerd",
    Nature.OTHER: "Anders",
}

SEVERITIES = {Severity.LOW: "laag", Severity.MEDIUM: "gemiddeld", Severity.HIGH: "hoog"}

ENCRYPTION = {
    Encryption.YES: "Ja, de gegevens waren versleuteld of op een andere manier onbegrijpelijk "
    "gemaakt voor onbevoegden",
    Encryption.PARTLY: "Gedeeltelijk",
    Encryption.NO: "Nee",
    Encryption.UNKNOWN: "Nog niet bekend",
}

SUBJECT_OUTCOMES = {
    SubjectOutcome.TELL: "Ja: het datalek heeft waarschijnlijk een hoog risico voor hen",
    SubjectOutcome.NO_HIGH_RISK: "Nee: er is geen hoog risico voor de betrokkenen (AVG art. 34 "
    "lid 1)",
    SubjectOutcome.UNINTELLIGIBLE: "Nee: de gegevens waren onbegrijpelijk voor anderen, "
    "bijvoorbeeld versleuteld (AVG art. 34 lid 3 onder a)",
    SubjectOutcome.RISK_REMOVED: "Nee: latere maatregelen hebben het hoge risico weggenomen (AVG "
    "art. 34 lid 3 onder b)",
    SubjectOutcome.DISPROPORTIONATE: "Niet ieder afzonderlijk: dat zou onevenredig veel inspanning "
    "vergen; in plaats daarvan een openbare mededeling (AVG art. 34 lid 3 onder c)",
}

UNKNOWN = "Nog niet bekend"


@dataclass(frozen=True, slots=True)
class NotificationFacts:
    """What the answers are made of, gathered by the gate. The times are local (the zone the
    organisation reports in), the codes those of :mod:`zorgvuldig.incidents.codes`."""

    organisation: str
    oin: str
    privacy_email: str
    contact_name: str
    contact_email: str
    earlier_reference: str  # the AP's meldnummer of an earlier notification, or ""
    summary: str
    people_affected: int | None
    clients_attached: int
    records_affected: int | None
    nature: str
    nature_other: str
    categories: tuple[str, ...]
    consequences: str
    severity: str
    measures: str
    encrypted: str
    subject_outcome: str  # "" while not decided
    subject_reason: str
    public_notice: str
    letters: int
    letters_sent: int
    cross_border: bool
    started_at: datetime.datetime | None
    discovered_at: datetime.datetime
    aware_at: datetime.datetime | None
    contained_at: datetime.datetime | None
    hours: int = STATUTORY_HOURS
    delay_reasons: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    key: str  # a stable code of the question, for systems that fill the form
    question: str
    answer: str


def moment(value: datetime.datetime | None, missing: str = UNKNOWN) -> str:
    """``2 december 2026 om 14:05``, or ``missing``."""
    if value is None:
        return missing
    return f"{dutch_date(value.date())} om {value:%H:%M}"


def _or(text: str, missing: str = UNKNOWN) -> str:
    return text.strip() or missing


def _count(n: int | None, one: str, many: str) -> str:
    if n is None:
        return UNKNOWN
    return f"ongeveer {n} {one if n == 1 else many}"


def _categories(codes, special: bool) -> str:
    chosen = [
        CATEGORIES[c] for c in Category if c.value in codes and (c in SPECIAL_CATEGORIES) == special
    ]
    if chosen:
        return "; ".join(chosen)
    return "Nee" if special else UNKNOWN


def _people(f: NotificationFacts) -> str:
    people = _count(f.people_affected, "persoon", "personen")
    if f.clients_attached:
        attached = "cliënt" if f.clients_attached == 1 else "cliënten"
        people += f" ({f.clients_attached} {attached} bij naam bekend in het eigen register)"
    return people


def _nature(f: NotificationFacts) -> str:
    text = NATURES.get(f.nature, f.nature)
    return f"{text}: {f.nature_other}" if f.nature_other else text


def _consequences(f: NotificationFacts) -> str:
    text = _or(f.consequences)
    if f.severity:
        text += f" (ernst: {SEVERITIES.get(f.severity, f.severity)})"
    return text


def _informed(f: NotificationFacts) -> str:
    if not f.subject_outcome:
        return "Daarover is nog niet besloten"
    text = f"{SUBJECT_OUTCOMES.get(f.subject_outcome, f.subject_outcome)}. {f.subject_reason}"
    if f.subject_outcome == SubjectOutcome.TELL:
        text += f" Brieven: {f.letters}, waarvan {f.letters_sent} verzonden."
    if f.public_notice:
        text += f" Openbare mededeling: {f.public_notice}"
    return text


def answers(f: NotificationFacts) -> tuple[Answer, ...]:
    """The answers in the order of the form."""
    contact = f"{f.contact_name}, {f.contact_email}" if f.contact_email else _or(f.contact_name)
    found = [
        Answer("organisation", "Naam van de organisatie", f.organisation),
        Answer("oin", "Organisatie-identificatienummer (OIN)", _or(f.oin, "Geen")),
        Answer(
            "contact",
            "Contactpersoon voor de Autoriteit Persoonsgegevens (functionaris voor de "
            "gegevensbescherming of privacy officer)",
            contact,
        ),
        Answer("privacy-email", "E-mailadres voor privacyvragen", _or(f.privacy_email, "Geen")),
    ]
    if f.earlier_reference:
        found.append(
            Answer("earlier-reference", "Meldnummer van de eerdere melding", f.earlier_reference)
        )
    found += [
        Answer("summary", "Samenvatting van het incident", _or(f.summary)),
        Answer("people", "Hoeveel personen zijn er (ongeveer) bij betrokken?", _people(f)),
        Answer(
            "records",
            "Om hoeveel registraties met persoonsgegevens gaat het (ongeveer)?",
            _count(f.records_affected, "registratie", "registraties"),
        ),
        Answer("nature", "Wat is er gebeurd? (de aard van het datalek)", _nature(f)),
        Answer(
            "categories",
            "Om welke soorten persoonsgegevens gaat het?",
            _categories(f.categories, special=False),
        ),
        Answer(
            "special-categories",
            "Gaat het ook om bijzondere persoonsgegevens of gegevens van strafrechtelijke aard?",
            _categories(f.categories, special=True),
        ),
        Answer(
            "consequences",
            "Welke gevolgen kan het datalek hebben voor de betrokkenen, en hoe ernstig zijn die?",
            _consequences(f),
        ),
        Answer(
            "measures",
            "Welke maatregelen zijn genomen of worden voorgesteld om het datalek aan te pakken "
            "en de gevolgen te beperken?",
            _or(f.measures),
        ),
        Answer(
            "encrypted",
            "Waren de persoonsgegevens versleuteld, gehasht of op een andere manier "
            "onbegrijpelijk of ontoegankelijk gemaakt voor onbevoegden?",
            ENCRYPTION.get(f.encrypted, f.encrypted),
        ),
        Answer("subjects-informed", "Zijn of worden de betrokkenen geïnformeerd?", _informed(f)),
        Answer(
            "cross-border",
            "Internationale aspecten: gaat het om betrokkenen of een verwerking in andere landen "
            "van de Europese Unie?",
            "Ja" if f.cross_border else "Nee",
        ),
        Answer("started-at", "Wanneer is het datalek begonnen?", moment(f.started_at)),
        Answer("discovered-at", "Wanneer is het datalek ontdekt?", moment(f.discovered_at)),
        Answer(
            "aware-at",
            "Wanneer werd de organisatie zich ervan bewust dat persoonsgegevens waren getroffen?",
            moment(f.aware_at),
        ),
        Answer(
            "contained-at",
            "Wanneer is het datalek beëindigd?",
            moment(f.contained_at, "Het datalek is nog niet beëindigd"),
        ),
    ]
    if f.delay_reasons:
        found.append(
            Answer(
                "delay-reasons",
                f"Waarom wordt het datalek later dan {f.hours} uur na het bewust worden gemeld?",
                f.delay_reasons,
            )
        )
    return tuple(found)
