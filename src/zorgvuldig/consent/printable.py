# SPDX-License-Identifier: EUPL-1.2
"""The printable consent form (art4.1-art4.5), in Dutch, as a PDF made with fpdf2.

The caseworker prints it, goes through it with the client (or the representative, art10),
has it signed and uploads the signed form into the dossier (art4.4). It names the client, the
partner asking, the organisations the data may be exchanged with (from the latest informing,
art4.1), asks consent per scope (art4.2 vastleggen en opvragen, art4.3 delen), asks written
consent for medical data separately (art4.4), and says that consent can be withdrawn at any
time (art4.5) and when data is processed without it (art4.6).

The text is set as every PDF of zorgvuldig is (:mod:`zorgvuldig.core.pdf`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from zorgvuldig.core.pdf import FAMILY, PROTOCOL, dutch_date, prepare
from zorgvuldig.protocol.authority import Authority
from zorgvuldig.protocol.version import Representation

KEPT = "Dit formulier wordt in uw dossier bewaard, ook als u geen toestemming geeft (art. 4 lid 4)."


@dataclass(frozen=True, slots=True)
class Signing:
    """Who signs the form (art10), in words for the client."""

    words: str
    client: bool  # the client signs: alone, or from 12 to 15 with the representative
    representative: bool  # a representative signs: under 16, or the client judged unable

    @classmethod
    def of(cls, found: Authority, rules: Representation) -> Signing:
        """From the answer of art10 today: by age and judgement, whoever is recorded."""
        joint, alone = rules.joint_from_age, rules.alone_from_age
        if found.age < joint:
            return cls(
                f"De cliënt is jonger dan {joint} jaar: de wettelijk vertegenwoordiger (ouder "
                "met gezag of voogd) ondertekent (art. 10 lid 1).",
                client=False,
                representative=True,
            )
        if found.age < alone:
            return cls(
                f"De cliënt is {joint} tot en met {alone - 1} jaar: de cliënt en de wettelijk "
                "vertegenwoordiger beslissen samen en ondertekenen beiden (art. 10 lid 1).",
                client=True,
                representative=True,
            )
        if "art10.2" in found.articles:
            return cls(
                "De organisatie oordeelde dat de cliënt hierover niet zelf kan beslissen: wie "
                "volgens art. 10 lid 2 namens de cliënt handelt, ondertekent.",
                client=False,
                representative=True,
            )
        return cls("De cliënt ondertekent zelf (art. 10 lid 1).", client=True, representative=False)


@dataclass(frozen=True, slots=True)
class FormData:
    """What the form says about this client; gathered by the gate."""

    client_name: str
    birth_date: datetime.date
    partner_name: str
    organisations: tuple[str, ...]
    informed_on: datetime.date | None
    signing: Signing
    printed_on: datetime.date


class _Form(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{KEPT}   Pagina {self.page_no()} van {{nb}}", align="C")


class _Writer:
    """Small helpers over fpdf2: headings, paragraphs, tick boxes and lines to fill in."""

    def __init__(self, pdf: FPDF):
        self.pdf = pdf

    def heading(self, text: str) -> None:
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.ln(3)
        pdf.set_font(FAMILY, "B", 12)
        pdf.multi_cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FAMILY, "", 10)

    def paragraph(self, text: str, size: float = 10) -> None:
        self.pdf.set_font(FAMILY, "", size)
        self.pdf.multi_cell(0, 5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.pdf.ln(1)

    def bullet(self, text: str) -> None:
        pdf = self.pdf
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(4, 5, "•")
        pdf.multi_cell(0, 5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def tick_box(self, text: str) -> None:
        pdf = self.pdf
        y = pdf.get_y()
        pdf.rect(pdf.l_margin + 4, y + 0.8, 4, 4)
        pdf.set_x(pdf.l_margin + 11)
        pdf.multi_cell(0, 5.6, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(0.8)

    def fill_in(self, label: str, space: float = 3) -> None:
        """A label with a line to write on, ``space`` mm below what comes before."""
        pdf = self.pdf
        pdf.ln(space)
        pdf.cell(45, 7, label)
        x, y = pdf.get_x(), pdf.get_y() + 6
        pdf.line(x, y, pdf.w - pdf.r_margin, y)
        pdf.ln(7)

    def key_value(self, key: str, value: str) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, "", 10)
        pdf.cell(45, 6, key)
        pdf.set_font(FAMILY, "B", 10)
        pdf.multi_cell(0, 6, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FAMILY, "", 10)


def _informing(w: _Writer, data: FormData) -> None:
    w.heading("1. Informatie over uw gegevens (art. 4 lid 1)")
    w.paragraph(
        f"Voor uw ondersteuning legt {data.partner_name} persoonsgegevens over u vast. Deze "
        "gegevens kunnen worden uitgewisseld met andere organisaties die u ondersteunen en die "
        f"zich aan het {PROTOCOL} hebben verbonden. Het gaat om deze organisaties:"
    )
    if data.organisations:
        for organisation in data.organisations:
            w.bullet(organisation)
    else:
        for _line in range(3):
            w.fill_in("Organisatie:")
    if data.informed_on is not None:
        w.pdf.ln(1)
        w.paragraph(
            f"Uw hulpverlener heeft u hierover geïnformeerd op {dutch_date(data.informed_on)}."
        )


def _consent(w: _Writer) -> None:
    w.heading("2. Vastleggen en opvragen (art. 4 lid 2)")
    w.paragraph(
        "Mogen wij uw persoonsgegevens die nodig zijn voor uw hulpvraag vastleggen en "
        "opvragen bij andere organisaties?"
    )
    w.tick_box("Ja, ik geef toestemming om mijn gegevens vast te leggen en op te vragen.")
    w.tick_box("Nee, ik geef hiervoor geen toestemming.")
    w.heading("3. Delen met anderen (art. 4 lid 3)")
    w.paragraph(
        "Mogen wij uw persoonsgegevens die nodig zijn voor uw hulpvraag delen met de "
        "organisaties hierboven?"
    )
    w.tick_box("Ja, ik geef toestemming om mijn gegevens te delen.")
    w.tick_box("Nee, ik geef hiervoor geen toestemming.")
    w.fill_in("Alleen met:")
    w.heading("4. Medische gegevens (art. 4 lid 4)")
    w.paragraph(
        "Voor medische gegevens is altijd uw schriftelijke toestemming nodig. Mogen wij "
        "uw medische gegevens die nodig zijn voor uw hulpvraag opvragen en/of delen?"
    )
    w.tick_box("Ja, ik geef toestemming om mijn medische gegevens op te vragen.")
    w.tick_box("Ja, ik geef toestemming om mijn medische gegevens te delen.")
    w.tick_box("Nee, ik geef geen toestemming voor mijn medische gegevens.")
    w.fill_in("Alleen deze gegevens:")


def _rights(w: _Writer) -> None:
    w.heading("5. Toestemming intrekken (art. 4 lid 5)")
    w.paragraph(
        "U kunt uw toestemming op elk moment intrekken, helemaal of voor een deel, "
        "mondeling of schriftelijk bij uw hulpverlener. Vanaf dat moment worden uw "
        "gegevens niet meer op grond van deze toestemming verwerkt. Wat eerder met uw "
        "toestemming is gebeurd, blijft in uw dossier staan."
    )
    w.heading("6. Zonder toestemming (art. 4 lid 6)")
    w.paragraph(
        "Ook zonder uw toestemming kunnen gegevens worden verwerkt als dat noodzakelijk "
        "en onvermijdelijk is voor uw ondersteuning, of als er een ernstig risico is "
        "voor de gezondheid of veiligheid van u, uw hulpverlener of anderen. Daarvan "
        "wordt altijd een aantekening in uw dossier gemaakt."
    )


def _signature_lines(w: _Writer, who: str) -> None:
    w.paragraph(who)
    w.fill_in("Naam:")
    w.fill_in("Plaats en datum:")
    w.fill_in("Handtekening:", space=12)
    w.pdf.ln(4)


def _signatures(w: _Writer, data: FormData) -> None:
    w.heading("7. Ondertekening")
    w.paragraph(data.signing.words)
    if data.signing.client:
        _signature_lines(w, "De cliënt:")
    if data.signing.representative:
        _signature_lines(
            w,
            "De wettelijk vertegenwoordiger of wie volgens art. 10 lid 2 voor de cliënt "
            "handelt (ouder met gezag, voogd, curator, mentor, partner of familielid):",
        )
        w.fill_in("Relatie tot de cliënt:")
        w.pdf.ln(2)
    w.paragraph("Voor de organisatie:")
    w.fill_in("Naam hulpverlener:")
    w.fill_in("Handtekening:", space=12)


def render(data: FormData) -> bytes:
    """The consent form for ``data`` as PDF bytes."""
    pdf = _Form(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=22)
    prepare(pdf, title="Toestemmingsformulier", subject=f"{PROTOCOL}, artikel 4")
    pdf.add_page()
    w = _Writer(pdf)
    pdf.set_font(FAMILY, "B", 18)
    pdf.cell(0, 10, "Toestemmingsformulier", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 10)
    w.paragraph(
        f"Vastleggen, opvragen en delen van persoonsgegevens in het sociaal domein. "
        f"{PROTOCOL}, artikel 4.",
        size=9,
    )
    pdf.ln(2)
    w.key_value("Cliënt:", data.client_name)
    w.key_value("Geboortedatum:", dutch_date(data.birth_date))
    w.key_value("Organisatie:", data.partner_name)
    w.key_value("Afgedrukt op:", dutch_date(data.printed_on))
    _informing(w, data)
    _consent(w)
    _rights(w)
    _signatures(w, data)
    return bytes(pdf.output())
