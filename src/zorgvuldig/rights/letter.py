# SPDX-License-Identifier: EUPL-1.2
"""What the letters answering a data subject's request share (art9): the page, its footer,
headings, paragraphs, lists, and the sentence on every answer that a complaint can be filed
with the Autoriteit Persoonsgegevens.

Set as every PDF of zorgvuldig is (:mod:`zorgvuldig.core.pdf`), in Dutch or English.
"""

from __future__ import annotations

import datetime
import io

from fpdf import FPDF

from zorgvuldig.core.pdf import FAMILY, prepare
from zorgvuldig.rights import wording

TEXTS = {
    "nl": {
        "page": "Pagina {n} van {{nb}}",
        "complaint_heading": "Klacht bij de Autoriteit Persoonsgegevens",
        "complaint": "Bent u het niet eens met hoe {partner} met uw persoonsgegevens omgaat, "
        "dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens "
        "(autoriteitpersoonsgegevens.nl).",
    },
    "en": {
        "page": "Page {n} of {{nb}}",
        "complaint_heading": "Complaint to the Dutch Data Protection Authority",
        "complaint": "If you do not agree with how {partner} handles your personal data, you "
        "can file a complaint with the Autoriteit Persoonsgegevens, the Dutch Data Protection "
        "Authority (autoriteitpersoonsgegevens.nl).",
    },
}


PIXEL = 25.4 / 96  # mm
READABLE = 6 * 25.4 / 72 / 11  # mm per unit at which the picture's 11-unit text is 6 pt


class _Page(FPDF):
    """A4 with a footer naming the organisation, the day and the page."""

    footer_text = ""
    language = "nl"

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        page = TEXTS[self.language]["page"].format(n=self.page_no())
        self.cell(0, 5, f"{self.footer_text}   {page}", align="C")
        self.set_text_color(0, 0, 0)


class Letter:
    """One letter being written: ``render()`` gives its bytes."""

    def __init__(self, *, title: str, subject: str, language: str, footer: str):
        self.language = wording.check(language)
        pdf = _Page(format="A4")
        pdf.footer_text, pdf.language = footer, language
        pdf.set_margins(20, 18, 20)
        pdf.set_auto_page_break(True, margin=22)
        prepare(pdf, title=title, subject=subject)
        pdf.set_lang(language)
        pdf.add_page()
        self.pdf = pdf
        self._widths: dict[tuple, dict[str, float]] = {}
        pdf.set_font(FAMILY, "B", 18)
        self._write(title, 9)

    def date(self, day: datetime.date | None) -> str:
        return wording.date(day, self.language)

    def _font(self, style: str, size: float) -> None:
        """Set in ``style`` at ``size`` pt; nothing when that is the font already. Each way of
        writing sets the font it needs: fpdf2's ``set_font`` costs more than this check, and
        every change of font is written into the page again."""
        pdf = self.pdf
        if pdf.font_style != style or pdf.font_size_pt != size:
            pdf.set_font(FAMILY, style, size)

    def _lines(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines of at most ``width`` mm in the current font.

        fpdf2's ``multi_cell`` measures a line again for every character it adds, which is
        quadratic in a paragraph's length; this measures each word once (art9.1: the
        overview of a long dossier must stay quick)."""
        pdf = self.pdf
        key = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        cache = self._widths.setdefault(key, {})
        known = cache.get

        def measure(word: str) -> float:
            found = known(word)
            if found is None:
                found = cache[word] = pdf.get_string_width(word)
            return found

        space = measure(" ")
        lines: list[str] = []
        for paragraph in text.splitlines() or [""]:
            current: list[str] = []
            used = 0.0
            for word in paragraph.split():
                size = known(word)
                if size is None:
                    size = measure(word)
                while size > width:  # a word longer than the line: cut it
                    if current:
                        lines.append(" ".join(current))
                        current, used = [], 0.0
                    cut = len(word)
                    while cut > 1 and pdf.get_string_width(word[:cut]) > width:
                        cut = max(1, cut * 3 // 4)
                    lines.append(word[:cut])
                    word = word[cut:]
                    size = measure(word)
                if current and used + space + size > width:
                    lines.append(" ".join(current))
                    current, used = [], 0.0
                used += (space if current else 0.0) + size
                current.append(word)
            lines.append(" ".join(current))
        return lines

    def _write(self, text: str, height: float, indent: float = 0.0) -> None:
        """``text`` in the current font, wrapped, from ``indent`` mm in; the next line below.

        Each line is set with ``text()`` (a quarter of the time of a ``cell``); a line that
        would pass the bottom margin starts a new page."""
        pdf = self.pdf
        left = pdf.l_margin + indent
        top = pdf.get_y()
        for line in self._lines(text, pdf.w - pdf.r_margin - left):
            if top + height > pdf.page_break_trigger:
                pdf.add_page()
                top = pdf.get_y()
            if line:
                pdf.text(left, top + height * 0.72, line)
            top += height
        pdf.set_xy(pdf.l_margin, top)

    def _title(self, text: str, *, room: float, space: float, size: float, height: float) -> None:
        """``text`` in bold at ``size`` pt, ``space`` mm below what stands above it; on a new
        page when less than ``room`` mm is left, so that it stays with what follows."""
        pdf = self.pdf
        if pdf.get_y() > pdf.h - room:
            pdf.add_page()
        pdf.ln(space)
        self._font("B", size)
        self._write(text, height)

    def heading(self, text: str) -> None:
        self._title(text, room=50, space=3, size=12, height=7)

    def subheading(self, text: str) -> None:
        self._title(text, room=40, space=1.5, size=10, height=5)

    def paragraph(self, text: str, size: float = 10) -> None:
        self._font("", size)
        self._write(text, size / 2)
        self.pdf.ln(1)

    def line(self, text: str, size: float = 9, indent: float = 0) -> None:
        """A line (wrapped when long) in the running text, ``indent`` mm in."""
        self._font("", size)
        self._write(text, size / 2, indent)

    def bullet(self, text: str, size: float = 10, indent: float = 4) -> None:
        pdf = self.pdf
        self._font("", size)
        if pdf.get_y() + size / 2 > pdf.page_break_trigger:
            pdf.add_page()
        pdf.text(pdf.l_margin + indent, pdf.get_y() + size / 2 * 0.72, "•")
        self._write(text, size / 2, indent + 4)

    def key_value(self, key: str, value: str) -> None:
        pdf = self.pdf
        self._font("", 10)
        pdf.text(pdf.l_margin, pdf.get_y() + 6 * 0.72, key)
        self._font("B", 10)
        self._write(value, 6, 45)

    def picture(
        self, heading: str, svg: str, alt_text: str, *, width: float, height: float
    ) -> None:
        """A section of its ``heading`` and an SVG picture ``width`` by ``height`` of its own units:
        at the page's width where its text stays readable, else on a landscape page of its
        own; its ``alt_text`` is what a screen reader says of it."""
        pdf = self.pdf
        room = pdf.w - pdf.l_margin - pdf.r_margin
        image = io.BytesIO(svg.encode())
        if width * READABLE <= room:
            # one unit of the SVG is a CSS pixel, smaller where the page is narrower
            scale = min(room / width, PIXEL)
            if pdf.get_y() + 12 + height * scale > pdf.page_break_trigger:
                pdf.add_page()  # the heading stays with its picture
            self.heading(heading)
            pdf.image(image, x=pdf.l_margin, w=width * scale, alt_text=alt_text)
            pdf.ln(2)
            return
        # its 11-unit text would be under 6 pt across the page: a page across
        pdf.add_page(orientation="L")
        self.heading(heading)
        pdf.image(
            image,
            x=pdf.l_margin,
            w=pdf.w - pdf.l_margin - pdf.r_margin,
            h=pdf.page_break_trigger - pdf.get_y(),
            keep_aspect_ratio=True,
            alt_text=alt_text,
        )
        pdf.add_page(orientation="P")

    def complaint(self, partner: str) -> None:
        """On every answer: a complaint can be filed with the Autoriteit Persoonsgegevens."""
        texts = TEXTS[self.language]
        self.heading(texts["complaint_heading"])
        self.paragraph(texts["complaint"].format(partner=partner))

    def render(self) -> bytes:
        return bytes(self.pdf.output())
