# SPDX-License-Identifier: EUPL-1.2
"""The leaflet for non-partners (art7): a real one-page PDF in Dutch naming the partner."""

from __future__ import annotations

import datetime
import io

from pypdf import PdfReader

from zorgvuldig.exchange import leaflet


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join((p.extract_text() or "") for p in reader.pages)


def test_art7_the_leaflet_is_a_one_page_pdf_naming_the_partner_and_the_main_lines():
    pdf = leaflet.render("Buurtteam Zeist-Oost", printed_on=datetime.date(2026, 3, 4))
    assert pdf.startswith(b"%PDF-")
    pages, text = text_of(pdf)
    assert pages == 1
    flat = " ".join(text.split())
    assert "Hoe wij met uw gegevens omgaan" in flat
    assert "Buurtteam Zeist-Oost" in flat
    for line in (
        "Toestemming",
        "schriftelijke",
        "Beroepsgeheim",
        "Alleen wat nodig is",
        "Veilig Thuis",
        "geheim",
        "Vragen?",
        "4 maart 2026",
    ):
        assert line in flat, line


def test_art7_a_long_partner_name_with_diacritics_still_fits_on_one_page():
    name = "Stichting Maatschappelijke Dienstverlening Heuvelrug – Cliëntondersteuning Één"
    pages, text = text_of(leaflet.render(name))
    assert pages == 1
    assert "Cliëntondersteuning" in " ".join(text.split())
