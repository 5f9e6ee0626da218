# SPDX-License-Identifier: EUPL-1.2
"""The rights of data subjects through the API: /clients/{clientId}/subject-requests, the steps
of /subject-requests/{requestId}, the overview (art9.1, GDPR art. 20), the inspection (art9.2,
art9.3), the notices of art9.6 and who may act (art10)."""

from __future__ import annotations

import datetime
import io

import pypdf
import pytest
from django.utils import timezone

from tests import factories
from tests.apiclient import as_employee, invalid_fields, problem
from tests.conftest import make_employee, make_partner, representative_of
from zorgvuldig.partners.models import Role
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import RecipientNotice, SubjectRequest

pytestmark = pytest.mark.django_db


def days_ago(n: int) -> str:
    return (timezone.localdate() - datetime.timedelta(days=n)).isoformat()


def body(client, **overrides) -> dict:
    """An overview asked by Sanne (14) and her mother together (art10.1), 10 days ago."""
    return {
        "kind": "overview",
        "requestedBySubjectId": str(representative_of(client.id)),
        "signedBySubjectIds": [str(client.subject.id)],
        "identityMethod": "in-person",
        "identityNote": "Paspoort getoond.",
        "receivedOn": days_ago(10),
    } | overrides


def register(api, client, **overrides) -> dict:
    response = api.post(f"/clients/{client.id}/subject-requests", body(client, **overrides))
    assert response.status_code == 201, response.content
    return response.json()


def test_art9_1_a_request_is_registered_with_its_authority_and_due_date(api, client_dossier):
    made = register(api, client_dossier)
    assert made["kind"] == "overview" and made["state"] == "received"
    assert made["authority"] == ["art10.1"]
    assert {s["role"] for s in made["signedBy"]} == {"client", "legal-representative"}
    received = datetime.date.fromisoformat(made["receivedOn"])
    assert made["dueOn"] == (received + datetime.timedelta(weeks=4)).isoformat()  # 2015 text
    assert made["identityMethod"] == "in-person" and made["pauses"] == []
    # one record for each subject: Sanne and her mother (art3.2c)
    logged = LogRecord.objects.filter(name="verzoek-betrokkene-vastleggen")
    assert logged.count() == 2 and {r.articles for r in logged} == {"art9.1"}


def test_art10_1_a_request_without_the_youth_s_signature_is_refused_and_nothing_written(
    api, client_dossier
):
    response = api.post(
        f"/clients/{client_dossier.id}/subject-requests",
        body(client_dossier, signedBySubjectIds=[]),
    )
    assert response.status_code == 400
    assert "beiden tekenen" in invalid_fields(response)["signedBySubjectIds"]
    assert not SubjectRequest.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"receivedOn": "2999-01-01"}, "receivedOn"),
        ({"receivedOn": "1-2-2026"}, "receivedOn"),
        ({"kind": "gossip"}, "kind"),
        ({"identityMethod": "telepathy"}, "identityMethod"),
        ({"itemIds": ["00000000-0000-4000-8000-000000000000"]}, "itemIds"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(api, client_dossier, overrides, field):
    response = api.post(
        f"/clients/{client_dossier.id}/subject-requests", body(client_dossier, **overrides)
    )
    assert response.status_code == 400, response.content
    assert field in invalid_fields(response)
    assert not SubjectRequest.objects.exists()


def test_a_second_identical_open_request_is_refused(api, client_dossier):
    register(api, client_dossier)
    response = api.post(f"/clients/{client_dossier.id}/subject-requests", body(client_dossier))
    assert response.status_code == 400 and "kind" in invalid_fields(response)
    assert SubjectRequest.objects.count() == 1


@pytest.fixture
def officer(partner):
    return as_employee(make_employee(partner, "pim", role=Role.PRIVACY_OFFICER))


def test_art9_5_the_queue_lists_open_requests_and_the_steps_move_the_deadline(
    api, officer, client_dossier
):
    made = register(api, client_dossier)
    (line,) = officer.get("/subject-requests").json()
    assert line["request"]["id"] == made["id"] and line["urgency"] == "on-time"
    assert line["daysLeft"] == 18
    url = f"/subject-requests/{made['id']}"
    paused = api.post(f"{url}/pauses", {"reason": "Wacht op een kopie van het paspoort"})
    assert paused.status_code == 201 and paused.json()["state"] == "waiting"
    assert officer.get("/subject-requests").json()[0]["urgency"] == "paused"
    resumed = api.post(f"{url}/resumption")
    assert resumed.status_code == 201 and resumed.json()["state"] == "in-progress"
    assert resumed.json()["pauses"][0]["reason"] == "Wacht op een kopie van het paspoort"
    # the 2015 text has no extension (that is the AVG's art. 12(3))
    extended = api.post(f"{url}/extension", {"reason": "Veel gegevens"})
    assert extended.status_code == 400
    withdrawn = api.post(f"{url}/withdrawal")
    assert withdrawn.status_code == 201 and withdrawn.json()["state"] == "withdrawn"
    assert officer.get("/subject-requests").json() == []
    assert api.get(url).json()["withdrawnOn"] == timezone.localdate().isoformat()


def test_art9_1_the_overview_is_json_naming_organisations_not_employees(api, actor, client_dossier):
    item = factories.record(actor, client_dossier.id, category="contact", value="06-12345678")
    made = register(api, client_dossier)
    response = api.get(f"/subject-requests/{made['id']}/overview")
    assert response.status_code == 200, response.content
    overview = response.json()
    assert overview["subjectName"] == "Sanne de Vries"
    assert overview["partnerName"] == "Jeugdteam Heuvelrug"
    (listed,) = overview["items"]
    assert listed["itemId"] == str(item.id) and listed["value"] == "06-12345678"
    assert "Anna Test" not in response.content.decode()  # no employee is named
    assert LogRecord.objects.filter(name="overzicht-betrokkene-opstellen").exists()


def test_art9_4_a_correction_is_decided_carried_out_and_its_recipients_told(api, actor, spread):
    client, phone, _school = spread
    made = register(
        api, client, kind="correction", itemIds=[str(phone.id)], details="Nummer is 06-1111"
    )
    url = f"/subject-requests/{made['id']}"
    refused = api.post(f"{url}/decision", {"outcome": "refused", "protectionNeeded": False})
    assert refused.status_code == 400 and "refusalGround" in invalid_fields(refused)
    decided = api.post(f"{url}/decision", {"outcome": "granted", "protectionNeeded": False})
    assert decided.status_code == 201, decided.content
    assert decided.json()["outcome"] == "granted"
    done = api.post(f"{url}/execution", {"newValues": {str(phone.id): "06-11111111"}})
    assert done.status_code == 201 and done.json()["state"] == "carried-out"
    notices = api.get(f"{url}/notices").json()
    assert {n["recipient"] for n in notices} == {
        "Jeugdhulp Webhook",
        "Jeugdhulp Mail",
        "Oma de Vries",
    }
    closing = api.post(f"{url}/closure")
    assert closing.status_code == 400 and "Oma de Vries" in invalid_fields(closing)["notices"]
    for notice in notices:
        answer = api.post(
            f"/recipient-notices/{notice['id']}/resolution",
            {"delivered": False, "impossibleReason": "Adres onbekend"},
        )
        assert answer.status_code == 201 and answer.json()["status"] == "impossible"
    assert set(RecipientNotice.objects.values_list("status", flat=True)) == {"impossible"}
    closed = api.post(f"{url}/closure")
    assert closed.status_code == 201 and closed.json()["state"] == "closed"


def test_art9_3_the_inspection_is_reviewed_withheld_and_released(api, actor, client_dossier):
    report = factories.record(actor, client_dossier.id, category="youth", value="Rapport")
    made = register(api, client_dossier, kind="inspection")
    url = f"/subject-requests/{made['id']}/inspection"
    assert [i["itemId"] for i in api.get(url).json()["shown"]] == [str(report.id)]
    withheld = api.post(
        f"{url}/withholdings",
        {"itemId": str(report.id), "ground": "protect-subject", "reason": "Schadelijk nu"},
    )
    assert withheld.status_code == 201, withheld.content
    package = withheld.json()
    assert package["shown"] == [] and package["told"] == [{"ground": "protect-subject", "count": 1}]
    shown = api.delete(f"{url}/withholdings/{report.id}")
    assert shown.status_code == 200 and len(shown.json()["shown"]) == 1
    released = api.post(f"{url}/release")
    assert released.status_code == 201 and released.json()["state"] == "closed"
    assert released.json()["outcome"] == "granted"


def test_art10_2_the_authority_follows_a_judgement_of_incapacity(api, actor, client_dossier):
    found = api.get(f"/clients/{client_dossier.id}/authority").json()
    assert found["age"] == 14 and found["articles"] == ["art10.1"]
    assert [[s["role"] for s in option] for option in found["options"]] == [
        ["legal-representative", "client"]
    ]
    # a judgement counts from 16 (art10.2); for Sanne (14) art10.1 still decides
    judged = api.post(
        f"/clients/{client_dossier.id}/incapacity-judgements",
        {"judgedOn": days_ago(1), "reason": "Kan de gevolgen niet overzien"},
    )
    assert judged.status_code == 201, judged.content
    assert judged.json()["articles"] == ["art10.1"]
    assert LogRecord.objects.filter(name="onbekwaamheid-vastleggen").count() == 1
    future = api.get(f"/clients/{client_dossier.id}/authority", {"day": "2999-01-01"})
    assert future.status_code == 400


def test_art10_3_a_limited_representative_is_left_out_with_the_reason(api, client_dossier):
    mother = representative_of(client_dossier.id)
    response = api.post(
        f"/clients/{client_dossier.id}/representative-stances",
        {"representativeSubjectId": str(mother), "kind": "limited", "reason": "Belangen botsen"},
    )
    assert response.status_code == 201, response.content
    found = response.json()
    assert found["limited"] == [{"name": "Marieke de Vries", "reason": "Belangen botsen"}]
    assert found["options"] == []


def test_art3_2c_another_organisation_does_not_find_the_request(api, client_dossier):
    made = register(api, client_dossier)
    stranger = as_employee(make_employee(make_partner("Wijkteam Doorn"), "bram"))
    response = stranger.get(f"/subject-requests/{made['id']}")
    assert response.status_code == 404 and problem(response, 404)


def test_art3_2c_only_the_privacy_officer_sees_the_queue(api, officer, client_dossier):
    register(api, client_dossier)
    (line,) = officer.get("/subject-requests").json()
    assert line["request"]["clientName"] == "Sanne de Vries"
    assert "privacy officer" in problem(api.get("/subject-requests"), 403)["detail"]


def test_art9_5_the_privacy_officer_counts_requests_by_month_and_outcome(
    api, officer, client_dossier
):
    made = register(api, client_dossier)
    api.post(f"/subject-requests/{made['id']}/withdrawal")
    year = datetime.date.fromisoformat(made["receivedOn"]).year
    counts = officer.get("/subject-request-counts", {"year": year})
    assert counts.status_code == 200, counts.content
    (month,) = counts.json()["months"]
    assert (month["kind"], month["received"], month["withdrawn"], month["open"]) == (
        "",
        1,
        1,
        0,
    )
    assert problem(api.get("/subject-request-counts"), 403)
    assert "year" in invalid_fields(officer.get("/subject-request-counts", {"year": "twenty"}))


def test_art9_1_the_overview_letter_is_a_pdf_in_dutch_or_english(api, actor, client_dossier):
    factories.record(actor, client_dossier.id, category="contact", value="06-12345678")
    made = register(api, client_dossier)
    url = f"/subject-requests/{made['id']}/overview-letter"
    dutch, english = api.get(url), api.get(url, {"language": "en"})
    assert dutch.status_code == 200 and dutch["Content-Type"] == "application/pdf"
    assert dutch["Cache-Control"] == "no-store"
    in_dutch, in_english = pdf_text(dutch), pdf_text(english)
    assert "Sanne de Vries" in in_dutch and "06-12345678" in in_dutch
    assert "Overzicht" in in_dutch and "Overview" in in_english
    assert "language" in invalid_fields(api.get(url, {"language": "fr"}))


def test_art9_5_the_refusal_letter_is_a_pdf_only_for_a_refusal(api, actor, client_dossier):
    phone = factories.record(actor, client_dossier.id, category="contact", value="06-12345678")
    made = register(api, client_dossier, kind="deletion", itemIds=[str(phone.id)])
    url = f"/subject-requests/{made['id']}"
    assert "outcome" in invalid_fields(api.get(f"{url}/refusal-letter"))
    api.post(
        f"{url}/decision",
        {
            "outcome": "refused",
            "protectionNeeded": False,
            "refusalGround": "legal-duty",
            "refusalReason": "De bewaartermijn van de Jeugdwet loopt nog.",
        },
    )
    letter = api.get(f"{url}/refusal-letter")
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    text = pdf_text(letter)
    assert "De bewaartermijn van de Jeugdwet loopt nog." in text
    assert "Autoriteit Persoonsgegevens" in text


def pdf_text(response) -> str:
    reader = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_art3_2c_a_handler_who_has_not_acknowledged_the_protocol_gets_no_request(
    caseworker, actor, client_dossier
):
    """Found by the authorisation matrix: the pages sent such a caseworker to acknowledge the
    protocol first, the API gave the request, its overview and the letter (art3.2d)."""
    from tests.rights.test_requests import register
    from zorgvuldig.partners.models import ProtocolAcknowledgement

    request = register(actor, client_dossier)
    officer = make_employee(caseworker.partner, "petra", role=Role.PRIVACY_OFFICER)
    ProtocolAcknowledgement.objects.filter(employee__in=[caseworker, officer]).delete()
    before = LogRecord.objects.filter(decision="refused").count()
    for employee in (caseworker, officer):
        api = as_employee(employee)
        for path in (f"/subject-requests/{request.id}", f"/subject-requests/{request.id}/overview"):
            body = problem(api.get(path), 403)
            assert "bevestigd" in body["detail"]
        assert problem(api.get(f"/clients/{client_dossier.id}/subject-requests"), 403)
    refused = LogRecord.objects.filter(decision="refused").order_by("-id")
    logged = refused.count() - before
    assert logged >= 2  # the attempts are logged, as refused under art3.2d
    assert {r.articles for r in refused[:logged]} == {"art3.2d"}
