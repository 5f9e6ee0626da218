# SPDX-License-Identifier: EUPL-1.2
"""The letter that tells a data subject of a breach of their personal data (AVG art. 34), as
PDF, in Dutch.

In clear and plain language (art. 34(2), with art. 33(3)(b) to (d)) it says what happened,
which of their data it concerned, the likely consequences, the measures taken, what the
reader can do, and whom to ask: the organisation's privacy contact. It names the organisation,
not the employee, and ends with the right to complain to the Autoriteit Persoonsgegevens.
Pure: the gate gathers :class:`LetterData`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from fpdf import FPDF

from zorgvuldig.core.pdf import FAMILY, PROTOCOL, dutch_date, prepare
from zorgvuldig.incidents.notification_form import NATURES
from zorgvuldig.protocol import Category
from zorgvuldig.protocol.vocabulary import CATEGORY_NOUNS


@dataclass(frozen=True, slots=True)
class LetterData:
    partner_name: str
    privacy_email: str
    client_name: str
    nature: str
    summary: str
    categories: tuple[str, ...]
    discovered_at: datetime.datetime  # local time
    consequences: str
    measures: str
    made_on: datetime.date


def _data(codes) -> str:
    nouns = [CATEGORY_NOUNS[c] for c in Category if c.value in codes]
    if not nouns:
        return "persoonsgegevens"
    return nouns[0] if len(nouns) == 1 else ", ".join(nouns[:-1]) + " en " + nouns[-1]


class _Page(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.footer_text}   Pagina {self.page_no()} van {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def render(data: LetterData) -> bytes:
    """The letter as PDF bytes."""
    pdf = _Page(format="A4")
    pdf.footer_text = f"{data.partner_name}, {dutch_date(data.made_on)}"
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=22)
    prepare(pdf, title="Uw persoonsgegevens zijn betrokken bij een datalek", subject=PROTOCOL)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def text(value: str, size: float = 10, style: str = "", space: float = 2) -> None:
        pdf.set_font(FAMILY, style, size)
        pdf.multi_cell(width, size / 2, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space)

    text("Uw persoonsgegevens zijn betrokken bij een datalek", 16, "B", 4)
    text(f"Organisatie: {data.partner_name}\nDatum: {dutch_date(data.made_on)}", space=1)
    text(f"Aan: {data.client_name}", space=4)
    text(f"Geachte {data.client_name},")
    text(
        f"Op {dutch_date(data.discovered_at.date())} ontdekten wij dat er iets mis is gegaan "
        f"met persoonsgegevens die {data.partner_name} van u bewaart: "
        f"{NATURES.get(data.nature, data.nature).lower()}. Het ging om {_data(data.categories)}. "
        "De wet (artikel 34 van de Algemene verordening gegevensbescherming) vraagt ons u "
        "daarover in te lichten, omdat dit voor u nadelige gevolgen kan hebben."
    )
    text("Wat er is gebeurd", 12, "B", 1)
    text(data.summary)
    if data.consequences:
        text("Wat de gevolgen voor u kunnen zijn", 12, "B", 1)
        text(data.consequences)
    if data.measures:
        text("Wat wij hebben gedaan", 12, "B", 1)
        text(data.measures)
    text("Wat u zelf kunt doen", 12, "B", 1)
    text(
        "Wees alert op berichten, telefoontjes of e-mails die u niet verwacht en die om "
        "gegevens of geld vragen. Merkt u iets vreemds, of hebt u vragen over dit datalek, "
        "neem dan contact met ons op."
    )
    text("Vragen", 12, "B", 1)
    contact = f" via {data.privacy_email}" if data.privacy_email else ""
    text(
        f"Met vragen kunt u terecht bij de privacy officer van {data.partner_name}{contact}. "
        f"Wij houden ons aan het {PROTOCOL}."
    )
    text("Klacht bij de Autoriteit Persoonsgegevens", 12, "B", 1)
    text(
        f"Bent u het niet eens met hoe {data.partner_name} met uw persoonsgegevens omgaat, dan "
        "kunt u een klacht indienen bij de Autoriteit Persoonsgegevens "
        "(autoriteitpersoonsgegevens.nl).",
        space=6,
    )
    text("Met vriendelijke groet,", space=1)
    text(data.partner_name)
    return bytes(pdf.output())
