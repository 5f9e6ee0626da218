# SPDX-License-Identifier: EUPL-1.2
"""The consent panel of the dossier page and its forms (art4.1-art4.5, art10)."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from tests.conftest import make_partner, sign_in
from tests.consent.conftest import ORGANISATIONS, image_bytes, pdf_bytes, relate
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument, Informing
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db

Q = "?doel=support-provision"


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def field_error(response, field: str) -> str:
    match = re.search(rf'id="id_{field}_error">(.*?)</div>', response.content.decode(), re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def panel_row(response, scope: str) -> str:
    html = response.content.decode()
    rows = re.findall(rf'<tr [^>]*data-consent-scope="{scope}"[^>]*>(.*?)</tr>', html, re.S)
    return " | ".join(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r)) for r in rows)


def rows() -> tuple[int, int, int]:
    return (
        Informing.objects.count(),
        ConsentDecision.objects.count(),
        ConsentDocument.objects.count(),
    )


@pytest.fixture
def web(client, caseworker):
    sign_in(client, caseworker.user)
    return client


def test_art4_1_the_dossier_shows_a_client_not_yet_informed_and_nothing_asked(web, adult):
    response = web.get(f"/clienten/{adult.id}/{Q}")
    assert response.status_code == 200
    text = text_of(response)
    assert "Informeren en toestemming" in text
    assert "nog niet geïnformeerd" in text
    assert "nog niet gevraagd" in panel_row(response, "record-request")
    assert "nog niet gevraagd" in panel_row(response, "share")
    assert LogRecord.objects.filter(name="toestemming-raadplegen", decision="allowed").exists()


def test_art4_1_recording_informing_on_the_page(web, adult):
    url = f"/clienten/{adult.id}/informeren/{Q}"
    assert web.get(url).status_code == 200
    response = web.post(
        url,
        {
            "organisations": "\n".join(ORGANISATIONS) + "\n\n",
            "how": "conversation",
            "informed_on": "2024-02-01",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#toestemming")
    (informing,) = Informing.objects.all()
    assert informing.organisations == ORGANISATIONS
    page = text_of(web.get(response["Location"]))
    assert "Huisartsenpraktijk De Brink" in page
    assert "nog niet geïnformeerd" not in page


def test_art4_1_vague_organisations_are_an_error_on_the_field_and_nothing_recorded(web, adult):
    response = web.post(
        f"/clienten/{adult.id}/informeren/{Q}",
        {"organisations": "alle partners", "how": "letter", "informed_on": "2024-02-01"},
    )
    assert response.status_code == 400
    assert "niet concreet" in field_error(response, "organisations")
    assert "Er is niets vastgelegd" in text_of(response)
    assert rows() == (0, 0, 0)


def test_art4_4_recording_consent_with_a_signed_form_shows_it_as_allowed(web, informed):
    url = f"/clienten/{informed.id}/toestemming/nieuw/{Q}"
    page = web.get(url + "&reikwijdte=share")
    assert page.status_code == 200
    assert '<option value="share" selected>' in page.content.decode()
    assert 'enctype="multipart/form-data"' in page.content.decode()
    housing = make_partner("Heuvelrug Wonen")
    response = web.post(
        url,
        {
            "scope": "share",
            "state": "given",
            "given_by": "",
            "decided_on": "2024-02-01",
            "categories": ["health", "contact"],
            "recipients": [str(housing.id)],
            "signed_form": SimpleUploadedFile("getekend.pdf", pdf_bytes(), "application/pdf"),
        },
    )
    assert response.status_code == 302, text_of(response)
    dossier = web.get(response["Location"])
    row = panel_row(dossier, "share")
    assert "gegeven" in row and "ondertekend formulier" in row
    assert "Gezondheid (medische gegevens)" in row and "Heuvelrug Wonen" in row
    document = ConsentDocument.objects.get()
    link = f"/toestemmingsformulieren/{document.id}/"
    assert link in dossier.content.decode()
    download = web.get(link + Q)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_art4_4_medical_consent_without_the_form_is_flagged(web, informed):
    web.post(
        f"/clienten/{informed.id}/toestemming/nieuw/{Q}",
        {"scope": "record-request", "state": "given", "decided_on": "2024-02-01"},
    )
    row = panel_row(web.get(f"/clienten/{informed.id}/{Q}"), "record-request")
    assert "ondertekende formulier" in row and "art. 4 lid 4" in row


@pytest.mark.parametrize(
    ("file", "says"),
    [
        (SimpleUploadedFile("leeg.pdf", b"", "application/pdf"), "leeg"),
        (
            SimpleUploadedFile("scan.pdf", image_bytes("PNG"), "application/pdf"),
            "niet wat het zegt te zijn",
        ),
        (SimpleUploadedFile("brief.docx", b"PK\x03\x04", "application/msword"), "geen PDF"),
    ],
)
def test_art4_4_a_bad_upload_is_an_error_on_the_file_field_and_nothing_recorded(
    web, informed, file, says
):
    response = web.post(
        f"/clienten/{informed.id}/toestemming/nieuw/{Q}",
        {"scope": "share", "state": "refused", "decided_on": "2024-02-01", "signed_form": file},
    )
    assert response.status_code == 400
    assert says in field_error(response, "signed_form")
    assert rows()[1:] == (0, 0)


def test_art10_1_for_a_minor_the_form_offers_the_parent_and_refuses_the_child_alone(web, minor):
    parent = relate(minor.id, "parent")
    url = f"/clienten/{minor.id}/toestemming/nieuw/{Q}"
    page = web.get(url)
    assert "Marieke de Vries (Ouder)" in text_of(page)
    response = web.post(
        url,
        {"scope": "record-request", "state": "given", "decided_on": "2024-02-01", "given_by": ""},
    )
    assert response.status_code == 400
    assert "Onder de 12 jaar" in field_error(response, "given_by")  # Sanne was 11
    today = str(datetime.date.today())  # and is 14 now: she signs with her parent
    answer = {"scope": "record-request", "state": "given", "decided_on": today}
    response = web.post(url, {**answer, "given_by": str(parent.id)})
    assert response.status_code == 400
    assert "beiden tekenen" in field_error(response, "client_signs")
    response = web.post(url, {**answer, "given_by": str(parent.id), "client_signs": "on"})
    assert response.status_code == 302
    dossier = web.get(f"/clienten/{minor.id}/{Q}")
    assert "beiden tekenen" in text_of(dossier)
    assert "Marieke de Vries" in panel_row(dossier, "record-request")


def test_art4_5_withdrawing_on_the_page_keeps_the_earlier_decision(web, actor, informed):
    given = services.record_consent(
        actor,
        informed.id,
        scope="share",
        state="given",
        decided_on=datetime.date(2024, 2, 1),
        purpose="intake",
    )
    url = f"/clienten/{informed.id}/toestemming/intrekken/{Q}&besluit={given.id}"
    page = web.get(url)
    assert f'<option value="{given.id}" selected>' in page.content.decode()
    response = web.post(
        url, {"consent": str(given.id), "decided_on": "2024-03-01", "note": "Belde op."}
    )
    assert response.status_code == 302
    dossier = web.get(response["Location"])
    assert "ingetrokken" in panel_row(dossier, "share")
    history = re.findall(r'data-consent-decision="([^"]+)"', dossier.content.decode())
    assert len(history) == 2 and history[1] == str(given.id)
    assert ConsentDecision.objects.get(id=given.id).state == "given"


def test_art4_5_nothing_to_withdraw_says_so(web, informed):
    response = web.get(f"/clienten/{informed.id}/toestemming/intrekken/{Q}")
    assert response.status_code == 200
    assert "geen toestemming die u kunt intrekken" in text_of(response)


def test_the_printable_form_opens_as_a_pdf_with_the_client_s_name(web, informed):
    response = web.get(f"/clienten/{informed.id}/toestemmingsformulier/{Q}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Fatma Yılmaz" in text
    assert "Gemeente Utrechtse Heuvelrug" in text


def test_consent_pages_ask_for_the_purpose_first_and_write_nothing(web, informed):
    records = LogRecord.objects.count()
    for path in (
        "informeren/",
        "toestemming/nieuw/",
        "toestemming/intrekken/",
        "toestemmingsformulier/",
    ):
        response = web.get(f"/clienten/{informed.id}/{path}")
        assert response.status_code == 200
        assert 'name="doel"' in response.content.decode()
    assert LogRecord.objects.count() == records


def test_a_consent_page_of_a_client_you_do_not_support_is_refused(client, informed):
    from tests.conftest import make_employee

    other = make_employee(make_partner("Wijkteam Zeist"), "dirk")
    sign_in(client, other.user)
    response = client.get(f"/clienten/{informed.id}/toestemming/nieuw/{Q}")
    assert response.status_code == 403
    assert "Fatma" not in text_of(response)
    response = client.get(f"/clienten/{informed.id}/toestemmingsformulier/{Q}")
    assert response.status_code == 403
