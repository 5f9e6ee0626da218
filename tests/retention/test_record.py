# SPDX-License-Identifier: EUPL-1.2
"""The record of destruction of a run of a destruction list (art5.2): a real PDF, read back with
pypdf, names the list, the people and their times, the counts destroyed and kept, the hash of
the processing log and the statement, in Dutch and in English; its input can hold no client
data; large tables run over pages."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from zorgvuldig.retention.record import Act, Destroyed, DestructionRecord, Kept, record_pdf

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PARTNER = "Jeugdteam Heuvelrug"
HASH = "3f" * 8 + "a0" * 8 + "9c" * 8 + "e1" * 8
PROTOCOL = "Privacy protocol Sociaal Domein Regio Utrecht Zuidoost"


def at(day: int, hour: int, minute: int) -> datetime.datetime:
    return datetime.datetime(2031, 4, day, hour, minute, tzinfo=AMSTERDAM)


def record(**changes) -> DestructionRecord:
    values = {
        "list_number": "VL-2031-004",
        "due_by": datetime.date(2031, 3, 31),
        "partner": PARTNER,
        "author": Act("Anna de Boer", at(1, 9, 5)),
        "reviewer": Act("Bram Visser", at(2, 10, 0)),
        "approver": Act("Carla Jansen", at(3, 11, 30)),
        "started_at": at(4, 2, 0),
        "ended_at": at(4, 2, 7),
        "destroyed": (
            Destroyed(PARTNER, "jeugd", "jeugdwet-7.3.8", 2010, 12),
            Destroyed(PARTNER, "zorg", "wmo-selectielijst-8.1.1", 2015, 3),
            Destroyed("Gemeente Zeist", "werk-en-inkomen", "participatiewet-10j", 2020, 41),
        ),
        "kept": (Kept(PARTNER, "jeugd", "jeugdwet-7.3.8", 2010, "hold", 2),),
        "log_hash": HASH,
    }
    return DestructionRecord(**(values | changes))


def text_of(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_record_in_dutch_names_the_list_the_people_the_counts_and_the_hash():
    pdf = record_pdf(record())
    text = text_of(pdf)
    for expected in (
        "Verklaring van vernietiging",
        "Vernietigingslijst: VL-2031-004",
        "Bewaartermijn verstreken uiterlijk op: 31 maart 2031",
        f"Organisatie: {PARTNER}",
        "Uitvoering gestart: 4 april 2031 02:00",
        "Uitvoering beëindigd: 4 april 2031 02:07",
        "Opgesteld door Anna de Boer 1 april 2031 09:05",
        "Gecontroleerd door Bram Visser 2 april 2031 10:00",
        "Goedgekeurd door Carla Jansen 3 april 2031 11:30",
        "Vernietigd (56)",
        "Gemeente Zeist Werk en inkomen participatiewet-10j 2020 41",
        f"{PARTNER} Jeugd jeugdwet-7.3.8 2010 12",
        f"{PARTNER} Zorg wmo-selectielijst-8.1.1 2015 3",
        "Totaal 56",
        "Niet vernietigd (2)",
        f"{PARTNER} Jeugd jeugdwet-7.3.8 2010 hold 2",
        "Totaal 2",
        HASH,
        f"zijn vernietigd op grond van art. 5 lid 2 van het {PROTOCOL}",
        "geen persoonsgegevens van cliënten",
        "Pagina 1 van 1",  # the record of a run of a few rows fits on one page
    ):
        assert expected in text, expected
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == "Verklaring van vernietiging"
    assert meta.subject == f"{PROTOCOL}, art. 5 lid 2"


def test_record_in_english():
    pdf = record_pdf(record(), language="en")
    text = text_of(pdf)
    for expected in (
        "Record of destruction",
        "Destruction list: VL-2031-004",
        "Retention period ended by: 2031-03-31",
        "Run started: 2031-04-04 02:00",
        "Run ended: 2031-04-04 02:07",
        "Drawn up by Anna de Boer 2031-04-01 09:05",
        "Reviewed by Bram Visser 2031-04-02 10:00",
        "Approved by Carla Jansen 2031-04-03 11:30",
        "Destroyed (56)",
        "Gemeente Zeist Work and income participatiewet-10j 2020 41",
        f"{PARTNER} Youth jeugdwet-7.3.8 2010 12",
        "Total 56",
        "Not destroyed (2)",
        f"{PARTNER} Youth jeugdwet-7.3.8 2010 hold 2",
        HASH,
        f"was destroyed under art. 5(2) of the {PROTOCOL}",
        "holds no personal data of clients",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    assert "Vernietigd" not in text
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Record of destruction"


def test_record_shows_times_in_dutch_time():
    utc = datetime.UTC
    text = text_of(
        record_pdf(
            record(
                started_at=datetime.datetime(2031, 4, 4, 0, 0, tzinfo=utc),
                ended_at=datetime.datetime(2031, 4, 4, 0, 7, tzinfo=utc),
            )
        )
    )
    assert "Uitvoering gestart: 4 april 2031 02:00" in text  # summer time, UTC+2


def test_record_of_a_run_that_destroyed_nothing_says_so():
    text = text_of(record_pdf(record(destroyed=())))
    assert "Vernietigd (0)" in text
    assert "Bij deze uitvoering zijn geen gegevens vernietigd." in text
    text = text_of(record_pdf(record(kept=[]), language="en"))
    assert "Not destroyed (0)" in text and "This run destroyed all data on the list." in text


def test_record_large_tables_run_over_pages_with_their_headings():
    rows = tuple(
        Destroyed(PARTNER, "jeugd", f"regel-{i:03}", 2000 + i % 20, i + 1) for i in range(300)
    )
    kept = tuple(Kept(PARTNER, "zorg", f"regel-{i:03}", 2015, "hold", 1) for i in range(80))
    pdf = record_pdf(record(destroyed=rows, kept=kept))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 6
    text = re.sub(r"\s+", " ", " ".join(pages))
    for i, row in enumerate(rows):
        assert f"Jeugd regel-{i:03} {row.period} {row.count} " in text, i
    assert f"Totaal {sum(range(1, 301))}" in text
    assert "Niet vernietigd (80)" in text and "Totaal 80" in text
    # every page that shows rows of a table starts them with the table's headings
    for n, page in enumerate(pages, start=1):
        if "regel-" in page:
            assert "Bewaarregel" in page, n
        assert f"Pagina {n} van {len(pages)}" in page
    assert HASH in pages[-1]


def test_record_a_bad_language_is_a_clear_error():
    with pytest.raises(ValueError, match="language must be one of nl, en, not 'de'"):
        record_pdf(record(), language="de")


def test_record_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        record().partner = "Iemand anders"  # type: ignore[misc]


def test_record_list_number_may_be_a_uuid():
    number = "12345678-1234-4234-8234-123456789012"
    assert number in text_of(record_pdf(record(list_number=number.upper())))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # what could hold a client's BSN, name or id
        ({"list_number": "VL-123456782"}, "list_number may not hold a run of 8 or more digits"),
        ({"list_number": "Jan Jansen"}, "list_number must be a short code"),
        ({"log_hash": "Jan Jansen"}, "log_hash must be 64 lower-case hexadecimal digits"),
        # the rest of the record
        ({"log_hash": HASH.upper()}, "log_hash must be 64 lower-case"),
        ({"due_by": at(1, 0, 0)}, "due_by must be a date"),
        ({"partner": "  "}, "partner must be a name"),
        ({"partner": "Twee\nregels"}, "partner must be a name on one line"),
        ({"author": "Anna de Boer"}, "author must be an Act"),
        ({"started_at": datetime.datetime(2031, 4, 4, 2, 0)}, "started_at must be a date and"),
        (
            {"ended_at": at(4, 1, 0)},
            r"ended_at \(2031-04-04T01:00:00\+02:00\) is before started_at",
        ),
        ({"started_at": at(3, 11, 0)}, "started_at .* is before approver"),
        ({"reviewer": Act("Bram Visser", at(1, 9, 0))}, "reviewer .* is before author"),
        (
            {"destroyed": (Destroyed(PARTNER, "jeugd", "r", 2010, 1),) * 2},
            r"destroyed counts \('Jeugdteam Heuvelrug', 'jeugd', 'r', 2010\) twice",
        ),
        ({"destroyed": (Kept(PARTNER, "jeugd", "r", 2010, "hold", 1),)}, "only Destroyed rows"),
        ({"kept": "hold"}, "kept must be a sequence of Kept"),
    ],
)
def test_record_bad_input_is_a_clear_error(changes, message):
    with pytest.raises(ValueError, match=message):
        record(**changes)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        # what could hold a client's BSN, name or id
        (lambda: Destroyed(PARTNER, "jeugd", "bsn-123456782", 2010, 1), "rule may not hold a run"),
        (lambda: Kept(PARTNER, "jeugd", "r", 2010, "Jan Jansen", 1), "kept.reason must be a"),
        (lambda: Kept(PARTNER, "jeugd", "r", 2010, "c-12345678", 1), "reason may not hold a run"),
        (lambda: Destroyed(PARTNER, "jeugd", "Regel 1", 2010, 1), "destroyed.rule must be a"),
        # the rest of a row
        (lambda: Destroyed(PARTNER, "jeugdzorg", "r", 2010, 1), "destroyed.domain must be one"),
        (lambda: Destroyed(PARTNER, "jeugd", "r", 2010, -1), "destroyed.count must be a whole"),
        (lambda: Destroyed(PARTNER, "jeugd", "r", 2010, True), "destroyed.count must be a whole"),
        (lambda: Destroyed(PARTNER, "jeugd", "r", 1850, 1), "from 1900 to 2999, not 1850"),
        (lambda: Destroyed(PARTNER, "jeugd", "r", "2010", 1), "destroyed.period must be a year"),
        (lambda: Kept("", "jeugd", "r", 2010, "hold", 1), "kept.partner must be a name"),
        (lambda: Act("Anna de Boer", datetime.datetime(2031, 4, 1)), "at must be a date and"),
        (lambda: Act(None, at(1, 9, 0)), "employee must be a name"),
        (lambda: record_pdf("VL-2031-004"), "record must be a DestructionRecord"),
    ],
)
def test_record_bad_rows_are_a_clear_error(make, message):
    with pytest.raises(ValueError, match=message):
        make()
