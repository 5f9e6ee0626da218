# SPDX-License-Identifier: EUPL-1.2
"""The picture of where the data went (art9.1), as SVG: the data subject in the middle, every
organisation or person the partner disclosed the subject's data to around it.

Each recipient is a node with its name, its kind (partner, non-partner, Veilig Thuis, in words
and by colour), the categories that went there, the first and last date and the number of
disclosures; a line joins it to the subject. The picture is dated (the day of the overview) and
accessible: ``role="img"`` with a ``<title>`` and a ``<desc>`` that says in sentences what the
picture shows. Every text is XML-escaped, so the SVG can be embedded in a web page as it is.

Layout: the nodes stand on rings around the subject, at most six on the first ring, twelve on
the second, and so on; each ring is as close as it can be without a node touching another or the
subject (checked box against box), and turned so that as few lines as can be pass behind the
nodes of the rings inside it. A long name or list of categories is wrapped onto two lines and
shortened with "…" beyond; the ``<desc>`` and the letter keep it in full. The PDF embeds the
same SVG (fpdf2); its text is set in the family the PDFs register (:data:`FAMILY`).

Pure: it reads the overview's values by their attribute names (:class:`Overview`), imports no
Django and nothing of the gate.
"""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from xml.sax.saxutils import escape  # writes SVG, parses none  # nosec B406

from fontTools.ttLib import TTFont

from zorgvuldig.core.pdf import FONTS
from zorgvuldig.rights import wording

# the PDFs register Noto Sans as "NotoSans" (zorgvuldig.core.pdf); a browser falls back
FAMILY = "NotoSans, Noto Sans, sans-serif"
NODE_WIDTH = 210.0
PAD = 8.0
LINE = 14.0
NAME_SIZE = 12.0
TEXT_SIZE = 11.0
NODE_LINES = 6  # name (2), kind and count, categories (2), dates
NODE_HEIGHT = 2 * PAD + NODE_LINES * LINE
GAP_X, GAP_Y = 18.0, 14.0
MARGIN = 16.0
HEADER = 64.0
MIN_WIDTH = 560.0
COLOURS = {  # stroke, fill
    "partner": ("#1f5f99", "#e8f1fa"),
    "non-partner": ("#9a5300", "#fbefe0"),
    "veilig-thuis": ("#8e1b3e", "#f9e6ec"),
}
SUBJECT_COLOURS = ("#333333", "#f2f2f2")
SPOKE = "#9a9a9a"
ELLIPSIS = "…"
TURNS = 8  # how many turns of a ring are tried
SPARE = 1.04

TEXTS = {
    "nl": {
        "title": "Waar de gegevens van {name} naartoe gingen",
        "made": "Stand op {date}; gegevens bij {partner}",
        "at": "gegevens bij {partner}",
        "none": "Er zijn geen gegevens aan anderen verstrekt.",
        "one": "1 verstrekking",
        "many": "{n} verstrekkingen",
        "desc_none": "Overzicht van {date}. {partner} heeft geen gegevens over {name} aan "
        "anderen verstrekt.",
        "desc_some": "Overzicht van {date}. {partner} heeft gegevens over {name} verstrekt "
        "aan {n} ontvangers.",
        "desc_one": "Overzicht van {date}. {partner} heeft gegevens over {name} verstrekt "
        "aan 1 ontvanger.",
        "desc_line": "{recipient} ({kind}): {categories}; {count}, {period}.",
    },
    "en": {
        "title": "Where the data of {name} went",
        "made": "As of {date}; data held by {partner}",
        "at": "data held by {partner}",
        "none": "No data was disclosed to others.",
        "one": "1 disclosure",
        "many": "{n} disclosures",
        "desc_none": "Overview of {date}. {partner} disclosed no data about {name} to others.",
        "desc_some": "Overview of {date}. {partner} disclosed data about {name} to {n} recipients.",
        "desc_one": "Overview of {date}. {partner} disclosed data about {name} to 1 recipient.",
        "desc_line": "{recipient} ({kind}): {categories}; {count}, {period}.",
    },
}


class Destination(Protocol):
    """One recipient as the overview sums it up (``RecipientSummary`` of the gate's views)."""

    @property
    def recipient(self) -> str: ...
    @property
    def recipient_kind(self) -> str: ...
    @property
    def categories(self) -> Sequence[str]: ...
    @property
    def first_on(self) -> datetime.date: ...
    @property
    def last_on(self) -> datetime.date: ...
    @property
    def disclosures(self) -> int: ...


class Overview(Protocol):
    """What the picture reads of the overview (``SubjectOverview`` of the gate's views)."""

    @property
    def subject_name(self) -> str: ...
    @property
    def partner_name(self) -> str: ...
    @property
    def made_on(self) -> datetime.date: ...
    @property
    def recipients(self) -> Sequence[Destination]: ...


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, int], int]:
    """The advance widths of the bundled Noto Sans by character, and its units per em."""
    font = TTFont(FONTS / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"), lazy=True)
    metrics = font["hmtx"].metrics
    widths = {code: metrics[name][0] for code, name in font.getBestCmap().items()}
    return widths, font["head"].unitsPerEm


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` is set at ``size`` in Noto Sans, with a little to spare for a
    browser's fallback font."""
    widths, per_em = _advances(bold)
    return sum(widths.get(ord(ch), per_em) for ch in text) * size / per_em * SPARE


def _shorten(text: str, width: float, size: float, bold: bool) -> str:
    while text and text_width(text + ELLIPSIS, size, bold) > width:
        text = text[:-1]
    return text.rstrip(" ,") + ELLIPSIS


def wrap(text: str, width: float, size: float, lines: int, bold: bool = False) -> list[str]:
    """``text`` on at most ``lines`` lines of ``width``; what does not fit ends in "…"."""
    words = text.split()
    found: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            found.append(current)
        current = word
        if len(found) == lines - 1:
            rest = " ".join(words[i:])
            if text_width(rest, size, bold) > width:
                return [*found, _shorten(rest, width, size, bold)]
            return [*found, rest]
    if current:
        if text_width(current, size, bold) > width:
            current = _shorten(current, width, size, bold)
        found.append(current)
    return found


@dataclass(frozen=True, slots=True)
class Placed:
    """A node's centre, in the picture's units, relative to the subject in the middle."""

    x: float
    y: float


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 1 and abs(a[1] - b[1]) < 1


def _crosses(end: tuple[float, float], box: tuple[float, float]) -> bool:
    """Whether the spoke from the subject (0, 0) to ``end`` passes through the node at ``box``
    (both in units of a node with its margin; the node itself is a little smaller)."""
    half = 0.45
    low, high = 0.0, 1.0  # the part of the spoke, t * end, inside the box (Liang-Barsky)
    for d, centre in ((end[0], box[0]), (end[1], box[1])):
        if abs(d) < 1e-9:
            if abs(centre) > half:
                return False
            continue
        t1, t2 = sorted(((centre - half) / d, (centre + half) / d))
        low, high = max(low, t1), min(high, t2)
    return low < high


def _ring(angles: list[float], radius: float, placed) -> tuple[float, list]:
    """The smallest radius from ``radius`` up at which nodes at ``angles`` touch no other."""
    while True:
        points = [(radius * math.cos(a), radius * math.sin(a)) for a in angles]
        clear = all(not _overlaps(p, q) for p in points for q in placed) and all(
            not _overlaps(p, q) for i, p in enumerate(points) for q in points[i + 1 :]
        )
        if clear:
            return radius, points
        radius += 0.04


def layout(count: int) -> list[Placed]:
    """Where ``count`` nodes stand around the subject: rings of at most 6, 12, 18, ...; each
    as close as it can be without a node (with its margin) touching another, and turned so
    that as few lines to it as can be pass behind a node of the rings inside it."""
    unit_x, unit_y = NODE_WIDTH + GAP_X, NODE_HEIGHT + GAP_Y
    placed: list[tuple[float, float]] = [(0.0, 0.0)]  # the subject, in units of a node
    radius, ring, left = 0.5, 0, count
    while left:
        ring += 1
        on_ring = min(left, 6 * ring)
        step = 2 * math.pi / on_ring
        tried = []
        for turn in (step * k / TURNS for k in range(TURNS if ring > 1 else 1)):
            angles = [-math.pi / 2 + turn + step * k for k in range(on_ring)]
            found, points = _ring(angles, radius + 0.5, placed)
            crossed = sum(_crosses(p, q) for p in points for q in placed[1:])
            tried.append((found, crossed, points))
        # the fewest lines behind nodes, of the turns that make the ring hardly any wider
        closest = min(found for found, _, _ in tried)
        _, radius, points = min(
            (crossed, found, points) for found, crossed, points in tried if found <= closest + 0.3
        )
        placed.extend(points)
        left -= on_ring
    return [Placed(x * unit_x, y * unit_y) for x, y in placed[1:]]


def _kind(code: str, language: str) -> str:
    return wording.label("recipient_kind", code, language)


def _short_category(code: str, language: str) -> str:
    return wording.category(code, language).split(" (")[0]


def _count(n: int, language: str) -> str:
    texts = TEXTS[language]
    return texts["one"] if n == 1 else texts["many"].format(n=n)


def _period(d: Destination, language: str) -> str:
    first = wording.short_date(d.first_on, language)
    if d.first_on == d.last_on:
        return first
    return f"{first} – {wording.short_date(d.last_on, language)}"


def _node_lines(d: Destination, language: str) -> list[tuple[str, float, bool]]:
    """(text, size, bold) per line of a recipient's node."""
    inner = NODE_WIDTH - 2 * PAD
    name = wrap(d.recipient, inner, NAME_SIZE, 2, bold=True)
    categories = ", ".join(_short_category(c, language) for c in d.categories)
    lines = [(t, NAME_SIZE, True) for t in name]
    lines.append(
        (
            f"{_kind(d.recipient_kind, language)} · {_count(d.disclosures, language)}",
            TEXT_SIZE,
            False,
        )
    )
    lines.extend((t, TEXT_SIZE, False) for t in wrap(categories, inner, TEXT_SIZE, 2))
    lines.append((_period(d, language), TEXT_SIZE, False))
    return lines


def _attribute(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _text(
    x: float, y: float, text: str, size: float, bold: bool = False, anchor: str = "middle"
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}"{weight} '
        f'text-anchor="{anchor}">{escape(text)}</text>'
    )


def _box(cx: float, cy: float, lines, colours) -> list[str]:
    stroke, fill = colours
    left, top = cx - NODE_WIDTH / 2, cy - NODE_HEIGHT / 2
    parts = [
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{NODE_WIDTH:g}" height="{NODE_HEIGHT:g}" '
        f'rx="6" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
    ]
    first = cy - len(lines) * LINE / 2 + LINE * 0.75
    for i, (text, size, bold) in enumerate(lines):
        parts.append(_text(cx, first + i * LINE, text, size, bold))
    return parts


def description(overview: Overview, language: str = "nl") -> str:
    """What the picture shows, in sentences (its ``<desc>``, and the PDF's alternative text)."""
    texts = TEXTS[wording.check(language)]
    facts = {
        "date": wording.date(overview.made_on, language),
        "partner": overview.partner_name,
        "name": overview.subject_name,
        "n": len(overview.recipients),
    }
    if not overview.recipients:
        return texts["desc_none"].format(**facts)
    sentences = [texts["desc_one" if facts["n"] == 1 else "desc_some"].format(**facts)]
    sentences.extend(sentence(d, language) for d in overview.recipients)
    return " ".join(sentences)


def sentence(d: Destination, language: str = "nl") -> str:
    """One recipient in a sentence: its name and kind, the categories that went there, how
    often and when (in the ``<desc>``, and under the picture in the overview letter)."""
    return TEXTS[wording.check(language)]["desc_line"].format(
        recipient=d.recipient,
        kind=_kind(d.recipient_kind, language),
        categories=", ".join(wording.category(c, language) for c in d.categories),
        count=_count(d.disclosures, language),
        period=wording.period(d.first_on, d.last_on, language),
    )


def title(overview: Overview, language: str = "nl") -> str:
    return TEXTS[wording.check(language)]["title"].format(name=overview.subject_name)


@dataclass(frozen=True, slots=True)
class Drawing:
    """The SVG document and its size in its own units (CSS pixels)."""

    svg: str
    width: float
    height: float


def where_it_went(
    overview: Overview, *, language: str = "nl", element_id: str = "where-it-went"
) -> str:
    """The picture of where ``overview``'s data went, as an SVG document (a string) safe to
    embed in a page, in Dutch (``"nl"``) or English (``"en"``). ``element_id`` prefixes the
    ids of its title and description (to keep them unique within a page)."""
    return drawing(overview, language=language, element_id=element_id).svg


def drawing(
    overview: Overview,
    *,
    language: str = "nl",
    element_id: str = "where-it-went",
    described: bool = True,
) -> Drawing:
    """:func:`where_it_went` with the picture's size. ``described=False`` leaves out the
    ``<title>`` and ``<desc>``, for a PDF that gives the image its alternative text itself
    (fpdf2 does not read them, and warns of each)."""
    language = wording.check(language)
    texts = TEXTS[language]
    spots = layout(len(overview.recipients))
    half_h = NODE_HEIGHT / 2
    xs = [0.0, *(p.x for p in spots)]
    ys = [0.0, *(p.y for p in spots)]
    inner_w = max(xs) - min(xs) + NODE_WIDTH
    width = max(inner_w + 2 * MARGIN, MIN_WIDTH)
    made = texts["made"].format(
        date=wording.date(overview.made_on, language), partner=overview.partner_name
    )
    heading = wrap(title(overview, language), width - 2 * MARGIN, 16, 1, bold=True)[0]
    made = wrap(made, width - 2 * MARGIN, 12, 1)[0]
    footer = 0.0 if overview.recipients else 2 * LINE
    height = HEADER + max(ys) - min(ys) + NODE_HEIGHT + footer + 2 * MARGIN
    # the subject's centre in the picture
    cx = width / 2 + (-(max(xs) + min(xs)) / 2)
    cy = HEADER + MARGIN + half_h - min(ys)
    key = _attribute(element_id)
    labelled = f' aria-labelledby="{key}-title {key}-desc"' if described else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img"{labelled} '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'font-family="{FAMILY}">',
    ]
    if described:
        parts.append(f'<title id="{key}-title">{escape(title(overview, language))}</title>')
        parts.append(f'<desc id="{key}-desc">{escape(description(overview, language))}</desc>')
    parts += [
        f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        _text(MARGIN, MARGIN + 16, heading, 16, bold=True, anchor="start"),
        _text(MARGIN, MARGIN + 38, made, 12, anchor="start"),
        '<g stroke-width="1.5">',
    ]
    for p in spots:
        parts.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{cx + p.x:.1f}" y2="{cy + p.y:.1f}" '
            f'stroke="{SPOKE}"/>'
        )
    parts.append("</g>")
    inner = NODE_WIDTH - 2 * PAD
    subject = [(t, NAME_SIZE, True) for t in wrap(overview.subject_name, inner, NAME_SIZE, 2, True)]
    at = texts["at"].format(partner=overview.partner_name)
    subject.extend((t, TEXT_SIZE, False) for t in wrap(at, inner, TEXT_SIZE, 2))
    parts.append('<g class="subject">')
    parts.extend(_box(cx, cy, subject, SUBJECT_COLOURS))
    parts.append("</g>")
    for p, d in zip(spots, overview.recipients, strict=True):
        colours = COLOURS.get(d.recipient_kind, SUBJECT_COLOURS)
        parts.append(f'<g class="recipient" data-kind="{_attribute(d.recipient_kind)}">')
        parts.extend(_box(cx + p.x, cy + p.y, _node_lines(d, language), colours))
        parts.append("</g>")
    if not overview.recipients:
        parts.append(_text(cx, cy + half_h + LINE * 1.5, texts["none"], TEXT_SIZE))
    parts.append("</svg>")
    return Drawing("\n".join(parts), width, height)
