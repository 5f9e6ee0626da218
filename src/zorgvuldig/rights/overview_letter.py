# SPDX-License-Identifier: EUPL-1.2
"""The letter with the overview of art9.1, as PDF: which data about the subject the partner
processes, where each item came from, when it was obtained and recorded, for which purpose and
on which legal basis, to whom it went (organisation and kind, day, ground), what the processing
log says the partner did with the subject's data, and the picture of where the data went.

It names organisations and roles, never individual employees, and says so. Dutch unless the
requester asked for English. Pure: it reads the overview's values by their attribute names
(:class:`Overview`, the gate's ``SubjectOverview``) and imports no Django.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Protocol

from zorgvuldig.rights import picture, wording
from zorgvuldig.rights.letter import Letter

TEXTS = {
    "nl": {
        "title": "Overzicht van uw gegevens",
        "intro": "Antwoord op uw verzoek om een overzicht van uw gegevens (art. 9 lid 1 van "
        "het {protocol}).",
        "subject": "Betrokkene:",
        "born": "Geboortedatum:",
        "partner": "Organisatie:",
        "made": "Datum:",
        "version": "Protocolversie:",
        "about": "Hieronder staat welke gegevens {partner} over u verwerkt: per gegeven waar "
        "het vandaan komt, wanneer het is verkregen en vastgelegd, voor welk doel en op welke "
        "grondslag, en aan wie het is verstrekt, wanneer en op welke grond.",
        "roles": "Dit overzicht noemt organisaties en rollen, geen individuele medewerkers.",
        "where": "1. Waar uw gegevens naartoe gingen",
        "nowhere": "{partner} heeft geen gegevens over u aan anderen verstrekt.",
        "items": "2. Uw gegevens ({n})",
        "no_items": "{partner} heeft geen gegevens over u vastgelegd.",
        "origin": "Herkomst: {source} ({method})",
        "dates": "Verkregen op {obtained}; vastgelegd op {recorded}",
        "versions": "; {n} versies (de eerdere zijn bewaard)",
        "grounds": "Doel: {purpose}. Grondslag: {basis}.",
        "unknown": "niet vastgelegd",
        "sent": "Verstrekt aan:",
        "not_sent": "Niet aan anderen verstrekt.",
        "disclosure": "{recipient} ({kind}), {date}, op grond van {ground}; doel: {purpose}",
        "log": "3. Wat {partner} met uw gegevens deed",
        "log_about": "Volgens het verwerkingslogboek, per soort verwerking: hoe vaak, wanneer "
        "voor het eerst en voor het laatst, en of de verwerking was toegestaan.",
        "log_line": "{name} ({operation}); doel: {purpose}: {count} keer, {period} ({decision})",
        "no_log": "Het verwerkingslogboek vermeldt geen verwerkingen van uw gegevens.",
        "rights": "4. Uw rechten",
        "rights_text": "U kunt ook vragen om inzage in uw dossier (art. 9 lid 2), en om "
        "correctie, aanvulling, verwijdering of afscherming van uw gegevens (art. 9 lid 4). "
        "Vraag het aan uw hulpverlener of aan de privacy officer van {partner}.",
    },
    "en": {
        "title": "Overview of your data",
        "intro": "Answer to your request for an overview of your data (art. 9(1) of the "
        "{protocol}).",
        "subject": "Data subject:",
        "born": "Date of birth:",
        "partner": "Organisation:",
        "made": "Date:",
        "version": "Protocol version:",
        "about": "Below is the data {partner} processes about you: for each item where it came "
        "from, when it was obtained and recorded, for which purpose and on which legal basis, "
        "and to whom it was disclosed, when and on which ground.",
        "roles": "This overview names organisations and roles, not individual employees.",
        "where": "1. Where your data went",
        "nowhere": "{partner} disclosed no data about you to others.",
        "items": "2. Your data ({n})",
        "no_items": "{partner} has recorded no data about you.",
        "origin": "Origin: {source} ({method})",
        "dates": "Obtained on {obtained}; recorded on {recorded}",
        "versions": "; {n} versions (the earlier ones are kept)",
        "grounds": "Purpose: {purpose}. Legal basis: {basis}.",
        "unknown": "not recorded",
        "sent": "Disclosed to:",
        "not_sent": "Not disclosed to others.",
        "disclosure": "{recipient} ({kind}), {date}, on the ground of {ground}; purpose: {purpose}",
        "log": "3. What {partner} did with your data",
        "log_about": "From the processing log, per kind of processing: how often, when first "
        "and last, and whether it was allowed.",
        "log_line": "{name} ({operation}); purpose: {purpose}: {count} times, {period} "
        "({decision})",
        "no_log": "The processing log records no processing of your data.",
        "rights": "4. Your rights",
        "rights_text": "You can also ask to inspect your dossier (art. 9(2)), and for "
        "correction, addition, deletion or blocking of your data (art. 9(4)). Ask your "
        "caseworker or the privacy officer of {partner}.",
    },
}


class Disclosed(Protocol):
    """One disclosure of an item (the gate's ``RecipientLine``)."""

    @property
    def recipient(self) -> str: ...
    @property
    def recipient_kind(self) -> str: ...
    @property
    def purpose(self) -> str: ...
    @property
    def ground(self) -> str: ...
    @property
    def disclosed_on(self) -> datetime.date: ...


class Item(Protocol):
    """One data item about the subject (the gate's ``OverviewItem``)."""

    @property
    def category(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def obtained_on(self) -> datetime.date: ...
    @property
    def recorded_on(self) -> datetime.date: ...
    @property
    def versions(self) -> int: ...
    @property
    def purpose(self) -> str: ...
    @property
    def legal_basis(self) -> str: ...
    @property
    def recipients(self) -> Sequence[Disclosed]: ...


class Processed(Protocol):
    """One kind of processing from the log (the gate's ``ProcessingLine``)."""

    @property
    def name(self) -> str: ...
    @property
    def operation(self) -> str: ...
    @property
    def purpose(self) -> str: ...
    @property
    def decision(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def first_on(self) -> datetime.date: ...
    @property
    def last_on(self) -> datetime.date: ...


class Overview(picture.Overview, Protocol):
    """The overview as the letter reads it (the gate's ``SubjectOverview``)."""

    @property
    def birth_date(self) -> datetime.date: ...
    @property
    def protocol_version(self) -> str: ...
    @property
    def items(self) -> Sequence[Item]: ...
    @property
    def processings(self) -> Sequence[Processed]: ...


def _where(w: Letter, overview: Overview, texts) -> None:
    language = w.language
    drawn = picture.drawing(overview, language=language, described=False)
    w.picture(
        texts["where"],
        drawn.svg,
        picture.description(overview, language),
        width=drawn.width,
        height=drawn.height,
    )
    if not overview.recipients:
        w.paragraph(texts["nowhere"].format(partner=overview.partner_name))
    for r in overview.recipients:
        w.bullet(picture.sentence(r, language), size=9)


def _item(w: Letter, item: Item, texts) -> None:
    language = w.language
    w.subheading(f"{item.label} – {wording.category(item.category, language)}")
    w.line(item.value, size=9)
    dates = texts["dates"].format(
        obtained=wording.date(item.obtained_on, language),
        recorded=wording.date(item.recorded_on, language),
    )
    if item.versions > 1:
        dates += texts["versions"].format(n=item.versions)
    origin = texts["origin"].format(
        source=item.source, method=wording.label("method", item.method, language)
    )
    w.line(f"{origin}. {dates}.", size=8.5)
    w.line(
        texts["grounds"].format(
            purpose=wording.purpose(item.purpose, language) if item.purpose else texts["unknown"],
            basis=wording.legal_basis(item.legal_basis, language)
            if item.legal_basis
            else texts["unknown"],
        ),
        size=8.5,
    )
    if not item.recipients:
        w.line(texts["not_sent"], size=8.5)
        return
    w.line(texts["sent"], size=8.5)
    for sent in item.recipients:
        w.bullet(
            texts["disclosure"].format(
                recipient=sent.recipient,
                kind=wording.label("recipient_kind", sent.recipient_kind, language),
                date=wording.date(sent.disclosed_on, language),
                ground=wording.label("disclosure_ground", sent.ground, language),
                purpose=wording.purpose(sent.purpose, language),
            ),
            size=8.5,
            indent=2,
        )


def _log(w: Letter, overview: Overview, texts) -> None:
    language = w.language
    w.heading(texts["log"].format(partner=overview.partner_name))
    if not overview.processings:
        w.paragraph(texts["no_log"])
        return
    w.paragraph(texts["log_about"], size=9)
    for p in overview.processings:
        w.bullet(
            texts["log_line"].format(
                name=p.name.replace("-", " ").capitalize(),
                operation=wording.operation(p.operation, language),
                purpose=wording.purpose(p.purpose, language),
                count=p.count,
                period=wording.period(p.first_on, p.last_on, language),
                decision=wording.label("decision", p.decision, language),
            ),
            size=8.5,
        )


def render(overview: Overview, *, language: str = "nl") -> bytes:
    """The overview letter for ``overview`` as PDF bytes, in Dutch (``"nl"``) or English."""
    language = wording.check(language)
    texts = TEXTS[language]
    protocol = wording.PROTOCOL[language]
    made = wording.date(overview.made_on, language)
    w = Letter(
        title=texts["title"],
        subject=f"{protocol}, {wording.article('art9.1', language)}",
        language=language,
        footer=f"{overview.partner_name}, {made}",
    )
    w.paragraph(texts["intro"].format(protocol=protocol), size=9)
    w.key_value(texts["subject"], overview.subject_name)
    w.key_value(texts["born"], wording.date(overview.birth_date, language))
    w.key_value(texts["partner"], overview.partner_name)
    w.key_value(texts["made"], made)
    w.key_value(texts["version"], overview.protocol_version)
    w.pdf.ln(2)
    w.paragraph(texts["about"].format(partner=overview.partner_name))
    w.paragraph(texts["roles"])
    _where(w, overview, texts)
    w.heading(texts["items"].format(n=len(overview.items)))
    if not overview.items:
        w.paragraph(texts["no_items"].format(partner=overview.partner_name))
    for item in overview.items:
        _item(w, item, texts)
    _log(w, overview, texts)
    w.heading(texts["rights"])
    w.paragraph(texts["rights_text"].format(partner=overview.partner_name))
    w.complaint(overview.partner_name)
    return w.render()
