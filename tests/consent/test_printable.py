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
from zorgvuldig.protocol import authority, loader

V2015 = loader.load_all()["regio-utrecht-zuidoost-2015"]
RELATIVE = datetime.date(1970, 1, 1)


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
    assert "De cliënt ondertekent zelf (art. 10 lid 1)" in text  # Fatma is an adult
    assert "ondertekenen beiden" not in text and "De wettelijk vertegenwoordiger" not in text
    assert LogRecord.objects.filter(
        name="toestemmingsformulier-afdrukken", decision="allowed"
    ).exists()


@pytest.mark.django_db
def test_art10_1_the_form_of_a_client_under_16_is_signed_by_the_representative(actor, minor):
    text = text_of(services.consent_form_pdf(actor, minor.id, purpose="support-provision"))
    assert "Sanne de Vries" in text
    # Sanne is 14: she and her representative both sign
    assert "ondertekenen beiden (art. 10 lid 1)" in text
    assert "De cliënt:" in text and "De wettelijk vertegenwoordiger" in text
    # Not informed yet: lines to write the organisations on.
    assert "Organisatie:" in text


def test_the_form_prints_every_latin_name_as_written():
    data = printable.FormData(
        client_name="Łukasz Nguyễn-Çelik Ștefănescu",
        birth_date=datetime.date(2001, 1, 9),
        partner_name="Stichting Welzijn Zeist",
        organisations=("Cliëntondersteuning Zeist",),
        informed_on=None,
        signing=printable.Signing("De cliënt ondertekent zelf (art. 10 lid 1).", True, False),
        printed_on=datetime.date(2025, 3, 4),
    )
    text = text_of(printable.render(data))
    assert "Łukasz Nguyễn-Çelik Ștefănescu" in text
    assert "9 januari 2001" in text and "4 maart 2025" in text
    assert "Cliëntondersteuning Zeist" in text


# art10: the rule of zorgvuldig.protocol.authority, as the consent flow asks it ----------------


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
    assert authority.age_on(birth, day) == age


DAY = datetime.date(2026, 6, 1)
JUDGED = authority.Incapacity(datetime.date(2026, 1, 5), "Anna Test", "Onder mentorschap.")


@pytest.mark.parametrize(
    ("age", "kind", "signers", "judged", "allowed"),
    [
        (11, None, {"client"}, False, False),
        (11, "parent", {"rep"}, False, True),
        (15, None, {"client"}, False, False),
        (15, "sibling", {"rep", "client"}, False, False),
        (15, "parent", {"rep"}, False, False),
        (15, "parent", {"rep", "client"}, False, True),
        (15, "guardian", {"rep", "client"}, False, True),
        (16, None, {"client"}, False, True),
        (16, "parent", {"rep"}, False, False),
        (40, "mentor", {"rep"}, False, False),
        (40, "mentor", {"rep"}, True, True),
        (40, "mentor", {"client"}, True, False),
    ],
)
def test_art10_who_may_decide(age, kind, signers, judged, allowed):
    client = authority.Person("client", datetime.date(DAY.year - age - 1, 12, 31))
    relatives = (
        [] if kind is None else [authority.Relative(authority.Person("rep", RELATIVE), kind)]
    )
    found = authority.authority(
        client, relatives, V2015.representation, DAY, JUDGED if judged else None
    )
    assert found.allows(signers) is allowed
    assert bool(found.missing(signers)) is not allowed
