# SPDX-License-Identifier: EUPL-1.2
"""What every PDF that zorgvuldig prints shares: the font, the metadata and Dutch dates.

The text is set in Noto Sans (SIL OFL 1.1, bundled in ``fonts/``) so that every Latin name
prints as it is written. The consent form (art4) and the non-partner leaflet (art7) both start
from :func:`prepare`.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "NotoSans"
PROTOCOL = "Privacy protocol Sociaal Domein Regio Utrecht Zuidoost"
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: datetime.date) -> str:
    """``day`` as a Dutch reader writes it: "2 december 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def prepare(pdf: FPDF, *, title: str, subject: str) -> None:
    """Give ``pdf`` the bundled fonts and the document metadata (Dutch, made by zorgvuldig)."""
    pdf.add_font(FAMILY, "", FONTS / "NotoSans-Regular.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "NotoSans-Bold.ttf")
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_creator("zorgvuldig")
    pdf.set_lang("nl")
