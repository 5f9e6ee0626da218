# SPDX-License-Identifier: EUPL-1.2
"""The record of destruction ("verklaring van vernietiging", art5.2) of one run of an approved
destruction list, as PDF: kept permanently, it holds no personal data of clients.

It names the list (its number and the day it covers: retention ended by then), the partner,
the employees who drew it up, reviewed and approved it, with when each did so (employees are
not data subjects here), when the run started and ended, how many clients' data it destroyed
per partner, domain, retention rule and period (the year in which support ended), how many it
kept because they were refused at run time (with the reason code), the hash of the last record
of the processing log at the end of the run, and the statement that the data was destroyed
under art5.2 of the protocol.

:class:`DestructionRecord` can hold no client data: counts are whole numbers, the domain is one
of the protocol's domains, rules and reasons are short codes, the list's number a short code or
a UUID, and no code may hold a run of eight or more digits (a BSN has nine, eight without its
leading zero). The only names are the organisations' and the three employees'.

Set as every PDF of zorgvuldig (:mod:`zorgvuldig.core.pdf`), its tables with fpdf2's tables,
which run over as many pages as they need, their headings repeated. Dutch, or English on
request; like the rights letters, the words are in a text table here, not in gettext. In English,
dates and times are written as ISO 8601 (2031-04-03 14:05): the English month names are
in :mod:`zorgvuldig.rights.wording`, which this package may not import.
"""

from __future__ import annotations

import datetime
import itertools
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, XPos, YPos
from fpdf.fonts import FontFace

from zorgvuldig.core.pdf import FAMILY, PROTOCOL, dutch_date, prepare
from zorgvuldig.protocol.vocabulary import DOMAINS, Domain

LANGUAGES = ("nl", "en")
#: The times in the record are Dutch time, as the organisations keep them.
ZONE = ZoneInfo("Europe/Amsterdam")

_CODE = re.compile(r"[a-z0-9][a-z0-9._-]{0,59}")
_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9./-]{0,39}")
_DIGITS = re.compile(r"[0-9]{8,}")
_HASH = re.compile(r"[0-9a-f]{64}")

_EN_DOMAINS = {
    Domain.YOUTH: "Youth",
    Domain.CARE: "Care",
    Domain.WELFARE: "Welfare",
    Domain.HOUSING: "Housing",
    Domain.WORK_INCOME: "Work and income",
}

TEXTS = {
    "nl": {
        "title": "Verklaring van vernietiging",
        "article": "art. 5 lid 2",
        "page": "Pagina {n} van {{nb}}",
        "list": "Vernietigingslijst:",
        "due": "Bewaartermijn verstreken uiterlijk op:",
        "partner": "Organisatie:",
        "started": "Uitvoering gestart:",
        "ended": "Uitvoering beëindigd:",
        "zone": "Tijden in Nederlandse tijd.",
        "people": "Opgesteld, gecontroleerd en goedgekeurd",
        "role": "Rol",
        "name": "Medewerker",
        "when": "Moment",
        "author": "Opgesteld door",
        "reviewer": "Gecontroleerd door",
        "approver": "Goedgekeurd door",
        "destroyed": "Vernietigd ({n})",
        "destroyed_about": "Het aantal cliënten van wie de gegevens zijn vernietigd, per "
        "organisatie, domein, bewaarregel en het jaar waarin de ondersteuning eindigde.",
        "none_destroyed": "Bij deze uitvoering zijn geen gegevens vernietigd.",
        "kept": "Niet vernietigd ({n})",
        "kept_about": "Het aantal cliënten op de lijst van wie de gegevens bij de uitvoering "
        "niet zijn vernietigd, met de code van de reden.",
        "none_kept": "Bij deze uitvoering zijn alle gegevens op de lijst vernietigd.",
        "organisation": "Organisatie",
        "domain": "Domein",
        "rule": "Bewaarregel",
        "period": "Einde ondersteuning",
        "reason": "Reden",
        "count": "Aantal",
        "total": "Totaal",
        "log": "Verwerkingslogboek",
        "log_about": "Hash van het laatste record in het verwerkingslogboek bij het einde van "
        "de uitvoering:",
        "statement_heading": "Verklaring",
        "statement": "De gegevens van de cliënten die hierboven als vernietigd zijn geteld, "
        "zijn vernietigd op grond van art. 5 lid 2 van het {protocol}: gegevens worden niet "
        "langer bewaard dan vijf jaar na het jaar waarin de ondersteuning eindigde, tenzij de "
        "wet een langere termijn voorschrijft.",
        "no_personal_data": "Deze verklaring bevat geen persoonsgegevens van cliënten en wordt "
        "blijvend bewaard.",
    },
    "en": {
        "title": "Record of destruction",
        "article": "art. 5(2)",
        "page": "Page {n} of {{nb}}",
        "list": "Destruction list:",
        "due": "Retention period ended by:",
        "partner": "Organisation:",
        "started": "Run started:",
        "ended": "Run ended:",
        "zone": "Times are Dutch time (Europe/Amsterdam).",
        "people": "Drawn up, reviewed and approved",
        "role": "Role",
        "name": "Employee",
        "when": "When",
        "author": "Drawn up by",
        "reviewer": "Reviewed by",
        "approver": "Approved by",
        "destroyed": "Destroyed ({n})",
        "destroyed_about": "The number of clients whose data was destroyed, per organisation, "
        "domain, retention rule and the year in which support ended.",
        "none_destroyed": "This run destroyed no data.",
        "kept": "Not destroyed ({n})",
        "kept_about": "The number of clients on the list whose data was not destroyed in the "
        "run, with the code of the reason.",
        "none_kept": "This run destroyed all data on the list.",
        "organisation": "Organisation",
        "domain": "Domain",
        "rule": "Retention rule",
        "period": "Support ended",
        "reason": "Reason",
        "count": "Number",
        "total": "Total",
        "log": "Processing log",
        "log_about": "Hash of the last record in the processing log at the end of the run:",
        "statement_heading": "Statement",
        "statement": "The data of the clients counted above as destroyed was destroyed under "
        "art. 5(2) of the {protocol}: data is kept no longer than five years after the year in "
        "which support ended, unless the law prescribes a longer period.",
        "no_personal_data": "This record holds no personal data of clients and is kept "
        "permanently.",
    },
}


def check_language(language: str) -> str:
    """``language`` if the record is written in it; else :class:`ValueError`."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def _name(field: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{field} must be a name, not {value!r}")
    if len(value) > 200 or any(ord(c) < 32 for c in value):
        raise ValueError(f"{field} must be a name on one line of at most 200 characters")
    return value.strip()


def _code(field: str, value: object, pattern: re.Pattern = _CODE) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError(f"{field} must be a short code ({pattern.pattern}), not {value!r}")
    if _DIGITS.search(value):
        raise ValueError(f"{field} may not hold a run of 8 or more digits (it could be a BSN)")
    return value


def _list_number(value: object) -> str:
    """A short code, or a UUID (whose hexadecimal groups may be all digits)."""
    if isinstance(value, str) and len(value) == 36:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    return _code("list_number", value, _NUMBER)


def _moment(field: str, value: object) -> datetime.datetime:
    if not isinstance(value, datetime.datetime) or value.utcoffset() is None:
        raise ValueError(f"{field} must be a date and time with its time zone, not {value!r}")
    return value


def _count(field: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{field} must be a whole number ≥ 0, not {value!r}")
    return value


def _row_fields(row, kind: str) -> None:
    _name(f"{kind}.partner", row.partner)
    if row.domain not in {d.value for d in Domain}:
        known = ", ".join(d.value for d in Domain)
        raise ValueError(f"{kind}.domain must be one of {known}, not {row.domain!r}")
    _code(f"{kind}.rule", row.rule)
    if not isinstance(row.period, int) or isinstance(row.period, bool):
        raise ValueError(f"{kind}.period must be a year, not {row.period!r}")
    if not 1900 <= row.period <= 2999:
        raise ValueError(f"{kind}.period must be a year from 1900 to 2999, not {row.period}")
    _count(f"{kind}.count", row.count)


@dataclass(frozen=True, slots=True)
class Act:
    """An employee's step on the list (drawing it up, reviewing, approving) and when."""

    employee: str
    at: datetime.datetime

    def __post_init__(self) -> None:
        _name("employee", self.employee)
        _moment("at", self.at)


@dataclass(frozen=True, slots=True)
class Destroyed:
    """How many clients' data the run destroyed, of one partner, domain, rule and period."""

    partner: str
    domain: str  # a Domain of the protocol's vocabulary
    rule: str  # the code of the retention rule that set the date
    period: int  # the year in which support ended
    count: int

    def __post_init__(self) -> None:
        _row_fields(self, "destroyed")

    @property
    def group(self) -> tuple[str, str, str, int]:
        return (self.partner, self.domain, self.rule, self.period)


@dataclass(frozen=True, slots=True)
class Kept:
    """How many clients on the list the run did not destroy, for one reason (a code: the run
    refused them, e.g. because of a hold placed after approval)."""

    partner: str
    domain: str
    rule: str
    period: int
    reason: str
    count: int

    def __post_init__(self) -> None:
        _row_fields(self, "kept")
        _code("kept.reason", self.reason)

    @property
    def group(self) -> tuple[str, str, str, int, str]:
        return (self.partner, self.domain, self.rule, self.period, self.reason)


@dataclass(frozen=True, slots=True)
class DestructionRecord:
    """What the record of one run of an approved destruction list says."""

    list_number: str
    due_by: datetime.date  # the list holds data whose retention ended by this day
    partner: str
    author: Act
    reviewer: Act
    approver: Act
    started_at: datetime.datetime
    ended_at: datetime.datetime
    destroyed: tuple[Destroyed, ...]
    kept: tuple[Kept, ...]
    log_hash: str  # of the last processing-log record at the end of the run

    def __post_init__(self) -> None:
        object.__setattr__(self, "list_number", _list_number(self.list_number))
        if not isinstance(self.due_by, datetime.date) or isinstance(self.due_by, datetime.datetime):
            raise ValueError(f"due_by must be a date, not {self.due_by!r}")
        _name("partner", self.partner)
        for role in ("author", "reviewer", "approver"):
            if not isinstance(getattr(self, role), Act):
                raise ValueError(f"{role} must be an Act (employee and time)")
        _moment("started_at", self.started_at)
        _moment("ended_at", self.ended_at)
        order = (
            ("author", self.author.at),
            ("reviewer", self.reviewer.at),
            ("approver", self.approver.at),
            ("started_at", self.started_at),
            ("ended_at", self.ended_at),
        )
        for (before, earlier), (after, later) in itertools.pairwise(order):
            if later < earlier:
                raise ValueError(f"{after} ({later.isoformat()}) is before {before}")
        for name, kind in (("destroyed", Destroyed), ("kept", Kept)):
            rows = getattr(self, name)
            if isinstance(rows, str | bytes) or not isinstance(rows, Sequence):
                raise ValueError(f"{name} must be a sequence of {kind.__name__}")
            rows = tuple(rows)
            if not all(isinstance(row, kind) for row in rows):
                raise ValueError(f"{name} must hold only {kind.__name__} rows")
            groups = [row.group for row in rows]
            if len(set(groups)) != len(groups):
                twice = next(g for g in groups if groups.count(g) > 1)
                raise ValueError(f"{name} counts {twice!r} twice")
            object.__setattr__(self, name, rows)
        if not isinstance(self.log_hash, str) or not _HASH.fullmatch(self.log_hash):
            raise ValueError(
                f"log_hash must be 64 lower-case hexadecimal digits, not {self.log_hash!r}"
            )

    @property
    def total_destroyed(self) -> int:
        return sum(row.count for row in self.destroyed)

    @property
    def total_kept(self) -> int:
        return sum(row.count for row in self.kept)


class _Page(FPDF):
    """A4 with a footer naming the record and the page."""

    footer_text = ""
    page_text = ""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        page = self.page_text.format(n=self.page_no())
        self.cell(0, 5, f"{self.footer_text}   {page}", align="C")
        self.set_text_color(0, 0, 0)


class _Writer:
    """The record being set: its parts in the order they are read."""

    def __init__(self, record: DestructionRecord, language: str):
        self.record, self.language, self.texts = record, language, TEXTS[language]
        pdf = _Page(format="A4")
        pdf.footer_text = f"{self.texts['title']} {record.list_number}, {record.partner}"
        pdf.page_text = self.texts["page"]
        pdf.set_margins(20, 18, 20)
        pdf.set_auto_page_break(True, margin=22)
        prepare(pdf, title=self.texts["title"], subject=f"{PROTOCOL}, {self.texts['article']}")
        pdf.set_lang(language)
        pdf.add_page()
        self.pdf = pdf

    def date(self, day: datetime.date) -> str:
        return dutch_date(day) if self.language == "nl" else day.isoformat()

    def moment(self, at: datetime.datetime) -> str:
        local = at.astimezone(ZONE)
        return f"{self.date(local.date())} {local:%H:%M}"

    def domain(self, code: str) -> str:
        domain = Domain(code)
        return DOMAINS[domain] if self.language == "nl" else _EN_DOMAINS[domain]

    def heading(self, text: str, size: float = 12, room: float = 50) -> None:
        """``text`` in bold; on a new page when less than ``room`` mm is left, so that it
        stays with what follows it."""
        pdf = self.pdf
        if pdf.get_y() > pdf.h - room:
            pdf.add_page()
        pdf.ln(3)
        pdf.set_font(FAMILY, "B", size)
        pdf.multi_cell(0, size / 2 + 1, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def paragraph(self, text: str, size: float = 10) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, "", size)
        pdf.multi_cell(0, size / 2, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)

    def key_value(self, key: str, value: str) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, "", 10)
        pdf.cell(70, 6, key)
        pdf.set_font(FAMILY, "B", 10)
        pdf.multi_cell(0, 6, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        counted: bool = True,
    ) -> None:
        """A table at the page's width; when ``counted``, its last column (the count) aligned
        right. It runs over pages, its headings repeated on each."""
        pdf = self.pdf
        pdf.set_font(FAMILY, "", 9)
        align = [Align.L] * (len(headings) - 1) + [Align.R if counted else Align.L]
        with pdf.table(
            col_widths=widths,
            text_align=align,
            line_height=4.5,
            padding=(0.6, 1.5),
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            headings_style=FontFace(emphasis="BOLD"),
            repeat_headings=1,
        ) as table:
            for cells in (headings, *rows):
                row = table.row()
                for text in cells:
                    row.cell(text)
        pdf.ln(2)

    def summary(self) -> None:
        record, texts = self.record, self.texts
        self.key_value(texts["list"], record.list_number)
        self.key_value(texts["due"], self.date(record.due_by))
        self.key_value(texts["partner"], record.partner)
        self.key_value(texts["started"], self.moment(record.started_at))
        self.key_value(texts["ended"], self.moment(record.ended_at))
        self.pdf.ln(1)
        self.paragraph(texts["zone"], size=8.5)

    def people(self) -> None:
        record, texts = self.record, self.texts
        self.heading(texts["people"])
        rows = [
            (texts[role], act.employee, self.moment(act.at))
            for role, act in (
                ("author", record.author),
                ("reviewer", record.reviewer),
                ("approver", record.approver),
            )
        ]
        self.table((texts["role"], texts["name"], texts["when"]), rows, (45, 80, 45), counted=False)

    def destroyed(self) -> None:
        record, texts = self.record, self.texts
        self.heading(texts["destroyed"].format(n=record.total_destroyed))
        if not record.destroyed:
            self.paragraph(texts["none_destroyed"])
            return
        self.paragraph(texts["destroyed_about"], size=9)
        rows = [
            (r.partner, self.domain(r.domain), r.rule, str(r.period), str(r.count))
            for r in sorted(record.destroyed, key=lambda r: r.group)
        ]
        rows.append((texts["total"], "", "", "", str(record.total_destroyed)))
        headings = (
            texts["organisation"],
            texts["domain"],
            texts["rule"],
            texts["period"],
            texts["count"],
        )
        self.table(headings, rows, (46, 32, 42, 32, 18))

    def kept(self) -> None:
        record, texts = self.record, self.texts
        self.heading(texts["kept"].format(n=record.total_kept))
        if not record.kept:
            self.paragraph(texts["none_kept"])
            return
        self.paragraph(texts["kept_about"], size=9)
        rows = [
            (r.partner, self.domain(r.domain), r.rule, str(r.period), r.reason, str(r.count))
            for r in sorted(record.kept, key=lambda r: r.group)
        ]
        rows.append((texts["total"], "", "", "", "", str(record.total_kept)))
        headings = (
            texts["organisation"],
            texts["domain"],
            texts["rule"],
            texts["period"],
            texts["reason"],
            texts["count"],
        )
        self.table(headings, rows, (38, 28, 30, 28, 28, 18))

    def log(self) -> None:
        texts = self.texts
        self.heading(texts["log"])
        self.paragraph(texts["log_about"], size=9)
        self.pdf.set_font(FAMILY, "B", 9)
        self.pdf.multi_cell(0, 5, self.record.log_hash, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def statement(self) -> None:
        texts = self.texts
        self.heading(texts["statement_heading"], room=75)
        self.paragraph(texts["statement"].format(protocol=PROTOCOL))
        self.paragraph(texts["no_personal_data"])

    def render(self) -> bytes:
        self.pdf.set_font(FAMILY, "B", 18)
        self.pdf.multi_cell(0, 10, self.texts["title"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.summary()
        self.people()
        self.destroyed()
        self.kept()
        self.log()
        self.statement()
        return bytes(self.pdf.output())


def record_pdf(record: DestructionRecord, language: str = "nl") -> bytes:
    """The record of destruction of ``record`` as PDF bytes, in Dutch (``"nl"``) or English."""
    language = check_language(language)
    if not isinstance(record, DestructionRecord):
        raise ValueError(f"record must be a DestructionRecord, not {type(record).__name__}")
    return _Writer(record, language).render()
