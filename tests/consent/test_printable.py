# SPDX-License-Identifier: EUPL-1.2
"""The printable consent form (art4.1-art4.5) is a real PDF that says what it must, and who
may sign it (art10)."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from tests.consent.conftest import ORGANISATIONS
from zorgvuldig.consent import printable
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import representation


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.mark.django_db
def test_art4_4_the_printable_form_is_a_pdf_naming_client_partner_and_organisations(
    actor, informed
):
    pdf = services.consent_form_pdf(actor, informed.id, purpose="support-provision")
    assert pdf.startswith(b"%PDF-")
    text = text_of(pdf)
    for expected in (
        "Toestemmingsformulier",
        "Fatma Yılmaz",
        "3 november 1979",
        "Jeugdteam Heuvelrug",
        *ORGANISATIONS,
        "1 februari 2024",
        "Vastleggen en opvragen (art. 4 lid 2)",
        "Delen met anderen (art. 4 lid 3)",
        "Medische gegevens (art. 4 lid 4)",
        "schriftelijke toestemming",
        "op elk moment intrekken",
        "art. 4 lid 5",
        "Handtekening",
        "ook als u geen toestemming geeft",
    ):
        assert expected in text, expected
    assert "jonger dan 16" not in text
    assert LogRecord.objects.filter(
        name="toestemmingsformulier-afdrukken", decision="allowed"
    ).exists()


@pytest.mark.django_db
def test_art10_1_the_form_of_a_client_under_16_is_signed_by_the_representative(actor, minor):
    text = text_of(services.consent_form_pdf(actor, minor.id, purpose="support-provision"))
    assert "Sanne de Vries" in text
    assert "jonger dan 16 jaar: de wettelijk vertegenwoordiger" in text
    # Not informed yet: lines to write the organisations on.
    assert "Organisatie:" in text


def test_the_form_prints_every_latin_name_as_written():
    data = printable.FormData(
        client_name="Łukasz Nguyễn-Çelik Ștefănescu",
        birth_date=datetime.date(2001, 1, 9),
        partner_name="Stichting Welzijn Zeist",
        organisations=("Cliëntondersteuning Zeist",),
        informed_on=None,
        representative_required=False,
        alone_from_age=16,
        printed_on=datetime.date(2025, 3, 4),
    )
    text = text_of(printable.render(data))
    assert "Łukasz Nguyễn-Çelik Ștefănescu" in text
    assert "9 januari 2001" in text and "4 maart 2025" in text
    assert "Cliëntondersteuning Zeist" in text


# art10, as kept until the rights issue -------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (datetime.date(2010, 5, 17), datetime.date(2026, 5, 16), 15),
        (datetime.date(2010, 5, 17), datetime.date(2026, 5, 17), 16),
        (datetime.date(2008, 2, 29), datetime.date(2024, 2, 28), 15),
        (datetime.date(2008, 2, 29), datetime.date(2024, 3, 1), 16),
    ],
)
def test_art10_1_age_counts_on_the_day(birth, day, age):
    assert representation.age_on(birth, day) == age


@pytest.mark.parametrize(
    ("age", "role", "note", "field"),
    [
        (11, "client", "", "givenBySubjectId"),
        (15, "client", "", "givenBySubjectId"),
        (15, "sibling", "", "givenBySubjectId"),
        (15, "parent", "", None),
        (15, "guardian", "", None),
        (16, "client", "", None),
        (16, "parent", "kan niet", "givenBySubjectId"),
        (40, "mentor", "", "note"),
        (40, "mentor", "Onder mentorschap.", None),
    ],
)
def test_art10_who_may_decide(age, role, note, field):
    errors = representation.check(age, role, note)
    assert (next(iter(errors)) if errors else None) == field
