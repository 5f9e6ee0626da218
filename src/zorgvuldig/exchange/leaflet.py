# SPDX-License-Identifier: EUPL-1.2
"""The leaflet for a non-partner (art7): "Hoe wij met uw gegevens omgaan", one page, in Dutch.

Before a partner shares anything with someone outside the protocol (a family member, the
social network, an organisation that is not committed), that recipient is informed of the
protocol's main lines; the caseworker prints this leaflet, hands it over and records that.
It names the partner and holds no personal data. Set in Noto Sans, as the consent form.
"""

from __future__ import annotations

import datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from zorgvuldig.core.pdf import FAMILY, PROTOCOL, dutch_date, prepare

TITLE = "Hoe wij met uw gegevens omgaan"

#: The protocol's main lines, as (heading, text); {partner} is the partner's name.
MAIN_LINES: tuple[tuple[str, str], ...] = (
    (
        "Waarom wij gegevens delen",
        "{partner} ondersteunt inwoners in het sociaal domein: jeugd, zorg, welzijn, wonen, "
        "werk en inkomen. Soms is het voor die ondersteuning nodig dat u gegevens over een "
        "cliënt van ons ontvangt. Wij delen alleen voor een doel binnen die ondersteuning en "
        "op grond van de wet (Wmo 2015, Jeugdwet of Participatiewet).",
    ),
    (
        "Toestemming",
        "Wij delen gegevens in principe alleen met toestemming van de cliënt (of van de "
        "wettelijk vertegenwoordiger). De cliënt kan die toestemming altijd intrekken. Zonder "
        "toestemming delen wij alleen als dat noodzakelijk en onvermijdelijk is voor de "
        "ondersteuning, of bij een ernstig risico voor de gezondheid of veiligheid van de "
        "cliënt of anderen; dat schrijven wij in het dossier op.",
    ),
    (
        "Medische gegevens",
        "Medische gegevens delen wij alleen met schriftelijke, ondertekende toestemming van de "
        "cliënt.",
    ),
    (
        "Beroepsgeheim",
        "Wat een hulpverlener onder zijn wettelijk beroepsgeheim weet, gaat alleen naar u als "
        "die hulpverlener het daarvoor uitdrukkelijk vrijgeeft.",
    ),
    (
        "Alleen wat nodig is",
        "U ontvangt alleen de gegevens die u nodig heeft voor uw rol in de ondersteuning, en "
        "niet meer. Wij leggen vast welke gegevens u wanneer en waarom van ons kreeg.",
    ),
    (
        "Veilig Thuis",
        "Bij signalen van huiselijk geweld of kindermishandeling volgen wij de Meldcode. Veilig "
        "Thuis kan daarbij ook zonder toestemming gegevens krijgen die het voor zijn taak "
        "nodig heeft.",
    ),
    (
        "De rechten van de cliënt",
        "De cliënt mag zijn gegevens inzien en een kopie krijgen, onjuiste gegevens laten "
        "verbeteren, gegevens laten aanvullen of verwijderen, en weten aan wie zijn gegevens "
        "zijn verstrekt. Ook kan hij bezwaar maken of een klacht indienen, bij ons of bij de "
        "Autoriteit Persoonsgegevens.",
    ),
    (
        "Wat wij van u vragen",
        "Houd de gegevens die u van ons krijgt geheim. Gebruik ze alleen voor de ondersteuning "
        "van de cliënt, geef ze niet door aan anderen en bewaar ze niet langer dan nodig. Wie "
        "zich daar niet aan houdt, wordt daarop aangesproken.",
    ),
    (
        "Vragen?",
        "Heeft u vragen over deze folder of over de gegevens die u van ons kreeg? Neem contact "
        "op met de hulpverlener van {partner} die u deze folder gaf, of met de "
        "privacyfunctionaris van {partner}.",
    ),
)


class _Leaflet(FPDF):
    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{PROTOCOL}, artikel 7", align="C")


def render(partner_name: str, *, printed_on: datetime.date | None = None) -> bytes:
    """The leaflet of ``partner_name`` as the bytes of a one-page A4 PDF."""
    pdf = _Leaflet(format="A4")
    pdf.set_margins(20, 16, 20)
    pdf.set_auto_page_break(True, margin=20)  # text that does not fit makes a 2nd page
    prepare(pdf, title=TITLE, subject=f"{PROTOCOL}, artikel 7")
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 18)
    pdf.cell(0, 10, TITLE, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 10)
    intro = (
        f"U ontvangt gegevens van {partner_name}. {partner_name} werkt volgens het {PROTOCOL}. "
        "U bent zelf geen partner van dat protocol; daarom vertellen wij u hier de hoofdlijnen "
        "ervan, voordat u iets van ons ontvangt."
    )
    if printed_on is not None:
        intro += f" Afgedrukt op {dutch_date(printed_on)}."
    pdf.multi_cell(0, 5, intro, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for heading, text in MAIN_LINES:
        pdf.ln(2.5)
        pdf.set_font(FAMILY, "B", 11)
        pdf.multi_cell(0, 6, heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FAMILY, "", 10)
        pdf.multi_cell(
            0,
            4.8,
            text.format(partner=partner_name),
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    return bytes(pdf.output())
