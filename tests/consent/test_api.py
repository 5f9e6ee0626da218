# SPDX-License-Identifier: EUPL-1.2
"""The consent endpoints of /api/v1 (art4.1-art4.5): happy paths and bad input."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from tests.apiclient import PROBLEM, counts, invalid_fields, problem
from tests.conftest import make_partner
from tests.consent.conftest import ORGANISATIONS, image_bytes, pdf_bytes, relate
from zorgvuldig.api import API_VERSION
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument, Informing
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def consent_rows() -> tuple[int, int, int]:
    return (
        Informing.objects.count(),
        ConsentDecision.objects.count(),
        ConsentDocument.objects.count(),
    )


def multipart(api, path, data):
    return api.http.post(f"/api/v1{path}", data, headers=api._headers(None))


def consent_form(**overrides) -> dict:
    data = {
        "scope": "share",
        "state": "given",
        "decidedOn": "2024-02-01",
        "purpose": "support-provision",
    }
    return {k: v for k, v in {**data, **overrides}.items() if v is not None}


def test_art4_1_informing_is_recorded_and_shown(api, adult):
    response = api.post(
        f"/clients/{adult.id}/informing",
        {
            "organisations": ORGANISATIONS,
            "informedOn": "2024-02-01",
            "how": "conversation",
            "purpose": "intake",
        },
    )
    assert response.status_code == 201, response.content
    assert response["API-Version"] == API_VERSION
    body = response.json()
    assert body["organisations"] == ORGANISATIONS
    assert body["recordedBy"] == "Anna Test"
    overview = api.get(f"/clients/{adult.id}/consents", {"purpose": "assessment"}).json()
    assert overview["informed"] is True
    assert overview["informings"][0]["id"] == body["id"]
    assert overview["inForce"] == [] and overview["representativeRequired"] is False


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        ({"organisations": []}, "organisations", "ten minste één"),
        ({"organisations": ["iedereen"]}, "organisations", "niet concreet"),
        ({"informedOn": "01-02-2024"}, "informedOn", "JJJJ-MM-DD"),
        ({"how": "telepathy"}, "how", "kies uit"),
        ({"purpose": None}, "purpose", "doel is verplicht"),
        ({"informed_on": "2024-02-01"}, "informed_on", "camelCase"),
    ],
)
def test_art4_1_bad_informing_is_400_naming_the_field_and_nothing_written(
    api, adult, body, field, says
):
    data = {
        "organisations": ORGANISATIONS,
        "informedOn": "2024-02-01",
        "how": "letter",
        "purpose": "intake",
        **body,
    }
    data = {k: v for k, v in data.items() if v is not None}
    before, log = consent_rows(), LogRecord.objects.count()
    fields = invalid_fields(api.post(f"/clients/{adult.id}/informing", data))
    assert says in fields[field], fields
    assert consent_rows() == before and LogRecord.objects.count() == log


def test_art4_4_consent_with_a_signed_pdf_is_written_and_the_form_can_be_fetched(api, informed):
    pdf = pdf_bytes()
    housing = make_partner("Heuvelrug Wonen")
    response = multipart(
        api,
        f"/clients/{informed.id}/consents",
        consent_form(
            categories=["health", "contact"],
            recipients=[str(housing.id)],
            form=SimpleUploadedFile("getekend.pdf", pdf, content_type="application/pdf"),
        ),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["scope"], body["state"], body["written"]) == ("share", "given", True)
    assert body["categories"] == ["contact", "health"]
    assert body["recipientNames"] == ["Heuvelrug Wonen"]
    assert body["givenByRole"] == "client"
    document = body["document"]
    assert (document["filename"], document["contentType"], document["size"]) == (
        "getekend.pdf",
        "application/pdf",
        len(pdf),
    )
    fetched = api.get(f"/consent-documents/{document['id']}", {"purpose": "assessment"})
    assert fetched.status_code == 200
    assert fetched["Content-Type"] == "application/pdf"
    assert fetched["API-Version"] == API_VERSION
    assert fetched["Cache-Control"] == "no-store"
    assert "getekend.pdf" in fetched["Content-Disposition"]
    assert b"".join(fetched.streaming_content) == pdf


def test_art4_2_consent_without_a_file_is_the_same_form_with_fields_only(api, informed):
    response = multipart(
        api,
        f"/clients/{informed.id}/consents",
        consent_form(scope="record-request", state="refused", note="Liever niet."),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["state"], body["written"], body["document"], body["note"]) == (
        "refused",
        False,
        None,
        "Liever niet.",
    )


@pytest.mark.parametrize(
    ("file", "says"),
    [
        (SimpleUploadedFile("leeg.pdf", b"", content_type="application/pdf"), "leeg"),
        (SimpleUploadedFile("brief.txt", b"ja hoor", content_type="text/plain"), "geen PDF"),
        (
            SimpleUploadedFile("scan.pdf", image_bytes("PNG"), content_type="application/pdf"),
            "maar de inhoud is een PNG-afbeelding",
        ),
    ],
)
def test_art4_4_a_bad_form_is_400_on_the_field_form_and_nothing_written(api, informed, file, says):
    before, log = consent_rows(), counts()
    fields = invalid_fields(
        multipart(api, f"/clients/{informed.id}/consents", consent_form(form=file))
    )
    assert says in fields["form"], fields
    assert consent_rows() == before and counts() == log


@pytest.mark.parametrize(
    ("overrides", "field", "says"),
    [
        ({"scope": "all"}, "scope", "kies uit"),
        ({"state": "withdrawn"}, "state", "kies uit"),
        ({"decidedOn": "gisteren"}, "decidedOn", "JJJJ-MM-DD"),
        ({"decidedOn": "2999-01-01"}, "decidedOn", "toekomst"),
        ({"categories": ["gossip"]}, "categories.0", "kies uit"),
        ({"recipients": ["nope"]}, "recipients.0", "UUID"),
        (
            {"scope": "record-request", "recipients": ["7a1c0e9e-3f1b-4c55-9a5e-0d6a8f3b2c11"]},
            "recipients",
            "alleen bij",
        ),
        ({"purpose": None}, "purpose", "doel is verplicht"),
        (
            {"givenBySubjectId": "7a1c0e9e-3f1b-4c55-9a5e-0d6a8f3b2c11"},
            "givenBySubjectId",
            "geen betrokkene",
        ),
    ],
)
def test_bad_consent_is_400_naming_the_field_and_nothing_written(
    api, informed, overrides, field, says
):
    before = consent_rows()
    fields = invalid_fields(
        multipart(api, f"/clients/{informed.id}/consents", consent_form(**overrides))
    )
    assert says in fields[field], fields
    assert consent_rows() == before


def test_art10_1_a_minor_s_consent_via_the_api_needs_the_representative(api, minor):
    parent = relate(minor.id, "parent")
    fields = invalid_fields(multipart(api, f"/clients/{minor.id}/consents", consent_form()))
    assert "Onder de 12 jaar" in fields["givenBySubjectId"]  # Sanne is 11 on 1 February 2024
    response = multipart(
        api, f"/clients/{minor.id}/consents", consent_form(givenBySubjectId=str(parent.id))
    )
    assert response.status_code == 201, response.content
    overview = api.get(f"/clients/{minor.id}/consents", {"purpose": "assessment"}).json()
    assert overview["representativeRequired"] is True
    assert overview["clientSubjectId"] == str(minor.subject.id)
    assert overview["representatives"] == [
        {"subjectId": str(parent.id), "fullName": "Marieke de Vries", "kind": "parent"}
    ]


def test_art10_1_a_14_year_old_signs_her_consent_via_the_api_with_her_parent(api, minor):
    parent = relate(minor.id, "parent")
    today = str(datetime.date.today())  # Sanne is 14
    alone = multipart(
        api,
        f"/clients/{minor.id}/consents",
        consent_form(decidedOn=today, givenBySubjectId=str(parent.id)),
    )
    assert "beiden tekenen" in invalid_fields(alone)["signedBySubjectIds"]
    together = multipart(
        api,
        f"/clients/{minor.id}/consents",
        consent_form(
            decidedOn=today,
            givenBySubjectId=str(parent.id),
            signedBySubjectIds=[str(minor.subject.id)],
        ),
    )
    assert together.status_code == 201, together.content
    assert together.json()["coSignedBy"] == ["Sanne de Vries"]
    overview = api.get(f"/clients/{minor.id}/consents", {"purpose": "assessment"}).json()
    assert "beiden tekenen" in overview["whoSigns"]


def test_art4_5_withdrawal_via_the_api_keeps_the_history(api, informed):
    given = multipart(api, f"/clients/{informed.id}/consents", consent_form()).json()
    response = api.post(
        f"/clients/{informed.id}/consents/withdrawal",
        {
            "scope": "share",
            "decidedOn": "2024-03-01",
            "purpose": "support-provision",
        },
    )
    assert response.status_code == 201, response.content
    withdrawn = response.json()
    assert withdrawn["state"] == "withdrawn"
    overview = api.get(f"/clients/{informed.id}/consents", {"purpose": "assessment"}).json()
    assert [d["id"] for d in overview["inForce"]] == [withdrawn["id"]]
    assert [d["id"] for d in overview["history"]] == [withdrawn["id"], given["id"]]
    assert overview["history"][1]["state"] == "given"


def test_art4_5_withdrawing_nothing_is_400(api, informed):
    fields = invalid_fields(
        api.post(
            f"/clients/{informed.id}/consents/withdrawal",
            {
                "scope": "record-request",
                "decidedOn": "2024-03-01",
                "purpose": "support-provision",
            },
        )
    )
    assert "geen gegeven toestemming" in fields["scope"]


def test_the_printable_consent_form_is_a_pdf(api, informed):
    response = api.get(f"/clients/{informed.id}/consent-form", {"purpose": "support-provision"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["API-Version"] == API_VERSION
    assert "toestemmingsformulier.pdf" in response["Content-Disposition"]
    pdf = b"".join(response.streaming_content)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Fatma Yılmaz" in text


def test_the_consent_form_needs_a_purpose_and_an_unknown_document_is_404(api, informed):
    assert "purpose" in invalid_fields(api.get(f"/clients/{informed.id}/consent-form"))
    body = problem(
        api.get(
            "/consent-documents/7a1c0e9e-3f1b-4c55-9a5e-0d6a8f3b2c11", {"purpose": "assessment"}
        ),
        404,
    )
    assert "toestemmingsformulier" in body["detail"]


def test_consent_of_a_client_you_do_not_support_is_403_and_logged(informed, db):
    from tests.apiclient import as_employee
    from tests.conftest import make_employee

    stranger = as_employee(make_employee(make_partner("Wijkteam Zeist"), "dirk"))
    response = stranger.get(f"/clients/{informed.id}/consents", {"purpose": "assessment"})
    assert response.status_code == 403
    assert response["Content-Type"].startswith(PROBLEM)
    assert LogRecord.objects.filter(name="toestemming-raadplegen", decision="refused").exists()
