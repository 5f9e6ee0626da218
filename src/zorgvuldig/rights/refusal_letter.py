# SPDX-License-Identifier: EUPL-1.2
"""The letter that tells a requester their request was refused or only partly granted
(art9.5), as PDF.

It cites the articles the decision rests on (art9.4 and art9.5 for a correction, addition,
deletion or blocking; art9.2 and art9.3 for an inspection), gives the ground in words and the
written reason, and says what was granted when the request was partly granted. For an
inspection it says how many items were not shown on which ground, not which (art9.3: the
reviewer sees which, the subject is told how many). A municipality's decision is a decision
under the Algemene wet bestuursrecht: the letter says that an objection can be made within six
weeks, and to whom. Every letter says that a complaint can be filed with the Autoriteit
Persoonsgegevens. It names the organisation, not the employee who decided.

Dutch unless the requester asked for English. Pure: the gate gathers :class:`RefusalData`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from zorgvuldig.rights import wording
from zorgvuldig.rights.letter import Letter

INSPECTION = "inspection"
REFUSED, PARTLY_GRANTED = "refused", "partly-granted"

TEXTS = {
    "nl": {
        "title": "Besluit op uw verzoek",
        "partner": "Organisatie:",
        "date": "Datum:",
        "to": "Aan:",
        "about": "Over:",
        "regarding": "Betreft:",
        "request": "uw verzoek om {kind}, ontvangen op {received}",
        "dear": "Geachte {name},",
        "refused": "Op {received} ontvingen wij uw verzoek om {kind}. Op {decided} hebben wij "
        "besloten uw verzoek te weigeren.",
        "partly": "Op {received} ontvingen wij uw verzoek om {kind}. Op {decided} hebben wij "
        "besloten uw verzoek gedeeltelijk toe te wijzen.",
        "articles": "Dit besluit rust op {articles} van het {protocol} (versie {version}).",
        "and": " en ",
        "articles_items": "Volgens artikel 9 lid 4 kunt u vragen uw gegevens te corrigeren, "
        "aan te vullen, te verwijderen of af te schermen. Volgens artikel 9 lid 5 beslist de "
        "organisatie daarover en weigert zij het verzoek als dat nodig is ter bescherming van "
        "u of van de rechten en vrijheden van anderen; een weigering is schriftelijk en "
        "gemotiveerd.",
        "articles_inspection": "Volgens artikel 9 lid 2 kunt u uw dossier inzien. Volgens "
        "artikel 9 lid 3 wordt de inzage beperkt voor zover dat nodig is ter bescherming van u "
        "of van de rechten en vrijheden van anderen.",
        "ground_heading": "De grond van de weigering",
        "reason_heading": "Toelichting",
        "granted_heading": "Wat wij wel hebben toegewezen",
        "not_granted_heading": "Wat wij niet hebben toegewezen",
        "asked_heading": "Waar uw verzoek over ging",
        "shown": "U kunt {n} gegevens uit uw dossier inzien.",
        "shown_one": "U kunt 1 gegeven uit uw dossier inzien.",
        "withheld_heading": "Wat u niet te zien krijgt",
        "withheld": "{n} gegevens zijn niet getoond omdat {ground}.",
        "withheld_one": "1 gegeven is niet getoond omdat {ground}.",
        "objection_heading": "Bezwaar maken",
        "objection": "Dit is een besluit in de zin van de Algemene wet bestuursrecht (Awb). "
        "Bent u het niet eens met dit besluit, dan kunt u daartegen binnen zes weken na de dag "
        "waarop het is verzonden bezwaar maken bij het college van burgemeester en wethouders "
        "van {partner} (art. 6:7 en 6:8 Awb). Zet in uw bezwaarschrift uw naam en adres, de "
        "datum, welk besluit het betreft en waarom u het er niet mee eens bent, en onderteken "
        "het (art. 6:5 Awb).",
        "closing": "Met vriendelijke groet,",
    },
    "en": {
        "title": "Decision on your request",
        "partner": "Organisation:",
        "date": "Date:",
        "to": "To:",
        "about": "About:",
        "regarding": "Regarding:",
        "request": "your request for {kind}, received on {received}",
        "dear": "Dear {name},",
        "refused": "On {received} we received your request for {kind}. On {decided} we "
        "decided to refuse your request.",
        "partly": "On {received} we received your request for {kind}. On {decided} we decided "
        "to grant your request in part.",
        "articles": "This decision rests on {articles} of the {protocol} (version {version}).",
        "and": " and ",
        "articles_items": "Under article 9(4) you can ask for your data to be corrected, added "
        "to, deleted or blocked. Under article 9(5) the organisation decides on that, and "
        "refuses the request where that is needed to protect you or the rights and freedoms of "
        "others; a refusal is written and reasoned.",
        "articles_inspection": "Under article 9(2) you can inspect your dossier. Under article "
        "9(3) the inspection is limited as far as that is needed to protect you or the rights "
        "and freedoms of others.",
        "ground_heading": "The ground for the refusal",
        "reason_heading": "Explanation",
        "granted_heading": "What we granted",
        "not_granted_heading": "What we did not grant",
        "asked_heading": "What your request was about",
        "shown": "You can inspect {n} items of your dossier.",
        "shown_one": "You can inspect 1 item of your dossier.",
        "withheld_heading": "What you will not be shown",
        "withheld": "{n} items are not shown because {ground}.",
        "withheld_one": "1 item is not shown because {ground}.",
        "objection_heading": "Objection",
        "objection": "This is a decision within the meaning of the General Administrative Law "
        "Act (Algemene wet bestuursrecht, Awb). If you do not agree with it, you can lodge an "
        "objection within six weeks after the day on which it was sent, with the Municipal "
        "Executive (college van burgemeester en wethouders) of {partner} (Awb art. 6:7 and "
        "6:8). State your name and address, the date, which decision it is about and why you "
        "disagree, and sign it (Awb art. 6:5).",
        "closing": "Kind regards,",
    },
}


@dataclass(frozen=True, slots=True)
class RefusalData:
    """What the refusal letter says; gathered by the gate from the decided request."""

    partner_name: str
    municipality: bool  # the partner is a municipality: an Awb decision, open to objection
    requester_name: str
    subject_name: str
    kind: str  # the request's kind (overview, inspection, correction, ...)
    outcome: str  # "refused" or "partly-granted"
    received_on: datetime.date
    decided_on: datetime.date
    made_on: datetime.date
    protocol_version: str
    refusal_ground: str  # art9.5: the ground (empty for an inspection)
    refusal_reason: str  # art9.5: the written reason (empty for an inspection)
    granted: tuple[str, ...] = ()  # the items granted, in words
    not_granted: tuple[str, ...] = ()  # the items asked about and not granted, in words
    shown: int = 0  # inspection: how many items the subject inspects
    withheld: tuple[tuple[str, int], ...] = ()  # inspection: (ground, how many) (art9.3)

    @property
    def articles(self) -> tuple[str, ...]:
        if self.kind == INSPECTION:
            return ("art9.2", "art9.3")
        return ("art9.4", "art9.5")


def _count(n: int, one: str, many: str, **words) -> str:
    return one.format(**words) if n == 1 else many.format(n=n, **words)


def _items(w: Letter, data: RefusalData, texts) -> None:
    language = w.language
    w.heading(texts["ground_heading"])
    w.paragraph(wording.label("refusal_ground", data.refusal_ground, language))
    w.heading(texts["reason_heading"])
    w.paragraph(data.refusal_reason)
    if data.outcome == PARTLY_GRANTED:
        w.heading(texts["granted_heading"])
        for item in data.granted:
            w.bullet(item)
        w.heading(texts["not_granted_heading"])
        for item in data.not_granted:
            w.bullet(item)
    elif data.not_granted:
        w.heading(texts["asked_heading"])
        for item in data.not_granted:
            w.bullet(item)


def _inspection(w: Letter, data: RefusalData, texts) -> None:
    w.paragraph(_count(data.shown, texts["shown_one"], texts["shown"]))
    w.heading(texts["withheld_heading"])
    for ground, n in data.withheld:
        words = wording.label("withholding_ground", ground, w.language)
        w.bullet(_count(n, texts["withheld_one"], texts["withheld"], ground=words))


def render(data: RefusalData, *, language: str = "nl") -> bytes:
    """The letter on a refused or partly granted request, as PDF bytes, in Dutch (``"nl"``)
    or English."""
    language = wording.check(language)
    if data.outcome not in (REFUSED, PARTLY_GRANTED):
        raise ValueError(
            f"a refusal letter is for a refused or partly granted request, not {data.outcome!r}"
        )
    texts = TEXTS[language]
    protocol = wording.PROTOCOL[language]
    w = Letter(
        title=texts["title"],
        subject=f"{protocol}, {wording.article('art9.5', language)}",
        language=language,
        footer=f"{data.partner_name}, {wording.date(data.made_on, language)}",
    )
    kind = wording.label("request_kind", data.kind, language)
    received = wording.date(data.received_on, language)
    w.key_value(texts["partner"], data.partner_name)
    w.key_value(texts["date"], wording.date(data.made_on, language))
    w.key_value(texts["to"], data.requester_name)
    if data.requester_name != data.subject_name:
        w.key_value(texts["about"], data.subject_name)
    w.key_value(texts["regarding"], texts["request"].format(kind=kind, received=received))
    w.pdf.ln(3)
    w.paragraph(texts["dear"].format(name=data.requester_name))
    decided = wording.date(data.decided_on, language)
    key = "refused" if data.outcome == REFUSED else "partly"
    w.paragraph(texts[key].format(received=received, kind=kind, decided=decided))
    articles = texts["and"].join(wording.article(a, language) for a in data.articles)
    w.paragraph(
        texts["articles"].format(
            articles=articles, protocol=protocol, version=data.protocol_version
        )
    )
    if data.kind == INSPECTION:
        w.paragraph(texts["articles_inspection"], size=9)
        _inspection(w, data, texts)
    else:
        w.paragraph(texts["articles_items"], size=9)
        _items(w, data, texts)
    if data.municipality:
        w.heading(texts["objection_heading"])
        w.paragraph(texts["objection"].format(partner=data.partner_name))
    w.complaint(data.partner_name)
    w.pdf.ln(4)
    w.paragraph(texts["closing"])
    w.paragraph(data.partner_name)
    return w.render()
