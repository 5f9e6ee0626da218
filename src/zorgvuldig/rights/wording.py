# SPDX-License-Identifier: EUPL-1.2
"""The words of the letters and the picture of the rights of data subjects (art9), in Dutch and
in English: dates, the protocol's codes as labels, and how an article is cited.

Pure (no Django): the letters and the picture are made from frozen values and these tables, so
that they can be made anywhere and tested without a database. Dutch comes first: it is the
language of the protocol and of the letters unless the requester asked for English. The Dutch
labels of the protocol's vocabulary are the protocol's own (:mod:`zorgvuldig.protocol.vocabulary`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping

from zorgvuldig.core.pdf import MONTHS as DUTCH_MONTHS
from zorgvuldig.protocol.vocabulary import CATEGORIES, LEGAL_BASES, OPERATIONS, PURPOSES

LANGUAGES = ("nl", "en")
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SHORT_DUTCH = (
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "mei",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)
_SHORT_ENGLISH = tuple(m[:3] for m in ENGLISH_MONTHS)
PROTOCOL = {
    "nl": "Privacyprotocol Sociaal Domein Regio Utrecht Zuidoost",
    "en": "Privacy Protocol Social Domain Region Utrecht South-East",
}

_EN_CATEGORIES = {
    "identification": "Identification data",
    "contact": "Contact details",
    "household": "Household and family composition",
    "housing": "Housing",
    "work-income": "Work and income",
    "finances-debts": "Finances and debts",
    "welfare": "Welfare",
    "youth": "Youth",
    "health": "Health (medical data)",
    "justice": "Criminal-law data",
    "safety-signals": "Safety signals (domestic violence, child abuse)",
}
_EN_PURPOSES = {
    "intake": "Intake and recording the request for support",
    "assessment": "Assessment of the need for support",
    "support-provision": "Providing and carrying out support",
    "integrated-support": "Integrated support (one family, one plan, one director)",
    "safety": "Safety of the client, the caseworker or others",
    "accountability": "Accountability for the support given",
}
_EN_LEGAL_BASES = {
    "wmo-2015": "Social Support Act 2015 (Wmo 2015)",
    "jeugdwet": "Youth Act (Jeugdwet)",
    "participatiewet": "Participation Act (Participatiewet)",
}
_EN_OPERATIONS = {
    "record": "recording",
    "request": "requesting",
    "consult": "consulting",
    "use": "using",
    "change": "changing",
    "share": "sharing",
    "destroy": "destroying",
}

LABELS: dict[str, dict[str, dict[str, str]]] = {
    "method": {
        "nl": {
            "conversation": "Gesprek met de cliënt",
            "document": "Aangeleverd document",
            "register": "Openbaar register (bijv. BRP)",
            "partner": "Ontvangen van een partner",
            "observation": "Waarneming van de hulpverlener",
        },
        "en": {
            "conversation": "Conversation with the client",
            "document": "Document supplied",
            "register": "Public register (e.g. BRP)",
            "partner": "Received from a partner",
            "observation": "Observation by the caseworker",
        },
    },
    "recipient_kind": {
        "nl": {"partner": "partner", "non-partner": "niet-partner", "veilig-thuis": "Veilig Thuis"},
        "en": {"partner": "partner", "non-partner": "non-partner", "veilig-thuis": "Veilig Thuis"},
    },
    "disclosure_ground": {
        "nl": {
            "consent": "uw toestemming (art. 4)",
            "art4.6": "noodzakelijk en onvermijdelijk zonder toestemming (art. 4 lid 6)",
            "art8.2": "een melding bij Veilig Thuis (art. 8 lid 2)",
        },
        "en": {
            "consent": "your consent (art. 4)",
            "art4.6": "necessary and unavoidable without consent (art. 4(6))",
            "art8.2": "a report to Veilig Thuis (art. 8(2))",
        },
    },
    "decision": {
        "nl": {"allowed": "toegestaan", "refused": "geweigerd"},
        "en": {"allowed": "allowed", "refused": "refused"},
    },
    "request_kind": {
        "nl": {
            "overview": "een overzicht van uw gegevens (art. 9 lid 1)",
            "inspection": "inzage in uw dossier (art. 9 lid 2)",
            "correction": "correctie van uw gegevens (art. 9 lid 4)",
            "addition": "aanvulling van uw gegevens (art. 9 lid 4)",
            "deletion": "verwijdering van uw gegevens (art. 9 lid 4)",
            "blocking": "afscherming van uw gegevens (art. 9 lid 4)",
            "restriction": "beperking van de verwerking van uw gegevens (AVG art. 18)",
            "portability": "een machineleesbare kopie van uw gegevens (AVG art. 20)",
            "objection": "bezwaar tegen de verwerking van uw gegevens (AVG art. 21)",
        },
        "en": {
            "overview": "an overview of your data (art. 9(1))",
            "inspection": "inspection of your dossier (art. 9(2))",
            "correction": "correction of your data (art. 9(4))",
            "addition": "addition to your data (art. 9(4))",
            "deletion": "deletion of your data (art. 9(4))",
            "blocking": "blocking of your data (art. 9(4))",
            "restriction": "restriction of the processing of your data (GDPR art. 18)",
            "portability": "a machine-readable copy of your data (GDPR art. 20)",
            "objection": "objection to the processing of your data (GDPR art. 21)",
        },
    },
    "refusal_ground": {
        "nl": {
            "accurate": "De gegevens zijn juist en volledig, ter zake dienend voor het doel "
            "waarvoor ze zijn vastgelegd, en worden niet in strijd met de wet of het protocol "
            "verwerkt.",
            "protect-subject": "Weigeren is nodig ter bescherming van uzelf (de betrokkene).",
            "protect-others": "Weigeren is nodig ter bescherming van de rechten en vrijheden van "
            "anderen.",
            "legal-duty": "Een wettelijke plicht staat eraan in de weg, zoals een bewaartermijn "
            "die de wet voorschrijft.",
        },
        "en": {
            "accurate": "The data is correct and complete, relevant to the purpose for which it "
            "was recorded, and is not processed against the law or the protocol.",
            "protect-subject": "Refusing is needed to protect you (the data subject).",
            "protect-others": "Refusing is needed to protect the rights and freedoms of others.",
            "legal-duty": "A statutory duty opposes it, such as a retention period required by "
            "law.",
        },
    },
    "withholding_ground": {
        "nl": {
            "about-someone-else": "het gaat over een ander dan u",
            "protect-others": "het tonen ervan zou de rechten en vrijheden van anderen schaden",
            "protect-subject": "het tonen ervan zou u schaden",
        },
        "en": {
            "about-someone-else": "it is about someone other than you",
            "protect-others": "showing it would harm the rights and freedoms of others",
            "protect-subject": "showing it would harm you",
        },
    },
}


def check(language: str) -> str:
    """``language`` if the letters are written in it; else :class:`ValueError`."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def date(day: datetime.date | None, language: str) -> str:
    """``day`` as a reader writes it: "2 december 2026", "2 December 2026"; "" for none."""
    if day is None:
        return ""
    months = DUTCH_MONTHS if language == "nl" else ENGLISH_MONTHS
    return f"{day.day} {months[day.month - 1]} {day.year}"


_PERIODS = {
    "nl": ("op {first}", "van {first} tot en met {last}"),
    "en": ("on {first}", "from {first} to {last}"),
}


def period(first: datetime.date, last: datetime.date, language: str) -> str:
    """From ``first`` to ``last`` as a reader says it: "van 2 maart 2026 tot en met 5 juni
    2026", "from 2 March 2026 to 5 June 2026"; "op 2 maart 2026", "on 2 March 2026" for one day."""
    once, span = _PERIODS[language]
    if first == last:
        return once.format(first=date(first, language))
    return span.format(first=date(first, language), last=date(last, language))


def short_date(day: datetime.date, language: str) -> str:
    """``day`` in short: "2 dec. 2026", "2 Dec 2026" (where room is scarce: the picture)."""
    months = _SHORT_DUTCH if language == "nl" else _SHORT_ENGLISH
    return f"{day.day} {months[day.month - 1]} {day.year}"


def label(table: str, code: str, language: str) -> str:
    """The words for ``code`` in ``table`` (see :data:`LABELS`); the code itself if unknown."""
    return LABELS[table][language].get(code, code)


def _vocabulary(dutch: Mapping[str, str], english: Mapping[str, str]) -> Callable[[str, str], str]:
    """The words for a code of the protocol's vocabulary: the protocol's own in Dutch, ours in
    English; the code itself if unknown."""

    def words(code: str, language: str) -> str:
        return (dutch if language == "nl" else english).get(code, code)

    return words


category = _vocabulary(CATEGORIES, _EN_CATEGORIES)
purpose = _vocabulary(PURPOSES, _EN_PURPOSES)
legal_basis = _vocabulary(LEGAL_BASES, _EN_LEGAL_BASES)
operation = _vocabulary(OPERATIONS, _EN_OPERATIONS)


def article(article_id: str, language: str) -> str:
    """How the protocol is cited: ``art9.5`` is "art. 9 lid 5" in Dutch, "art. 9(5)" in
    English; ``art3.2c`` "art. 3 lid 2 onder c", "art. 3(2)(c)"."""
    number = article_id.removeprefix("art")
    if "." not in number:
        return f"art. {number}"
    main, paragraph = number.split(".", 1)
    letter = paragraph[-1] if paragraph[-1].isalpha() else ""
    paragraph = paragraph.removesuffix(letter)
    if language == "nl":
        return f"art. {main} lid {paragraph}" + (f" onder {letter}" if letter else "")
    return f"art. {main}({paragraph})" + (f"({letter})" if letter else "")
