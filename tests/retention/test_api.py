# SPDX-License-Identifier: EUPL-1.2
"""Retention through the API: GET /clients/{clientId}/retention and POST
/clients/{clientId}/retention-holds (art5.2)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.apiclient import as_employee, invalid_fields, problem
from tests.conftest import make_employee, make_partner
from tests.retention.conftest import end_support
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee
from zorgvuldig.retention.models import RetentionHold

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_api(officer):
    return as_employee(Employee.objects.get(id=officer.employee_id))


def test_art5_2_the_retention_of_a_dossier_names_the_rule_that_won(
    officer_api, client_dossier, youth_item
):
    end_support(client_dossier)
    response = officer_api.get(f"/clients/{client_dossier.id}/retention")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["dossier"]["state"] == "due" and body["dossier"]["keptThrough"] == "2024-03-01"
    (item,) = body["items"]
    assert item["itemId"] == str(youth_item.id) and item["retention"]["rule"] == "jeugdwet-7.3.8"
    assert item["retention"]["ruleSource"] == "Jeugdwet art. 7.3.8"
    assert "Bewaren tot en met 1-3-2024." in item["retention"]["explanation"]


def test_art5_2_a_hold_is_placed_and_keeps_the_dossier(officer_api, client_dossier, youth_item):
    end_support(client_dossier)
    review = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    response = officer_api.post(
        f"/clients/{client_dossier.id}/retention-holds",
        {"reason": "Zus nog in zorg", "reviewOn": review},
    )
    assert response.status_code == 201, response.content
    assert response.json()["reviewOn"] == review and response.json()["lapsed"] is False
    body = officer_api.get(f"/clients/{client_dossier.id}/retention").json()
    assert body["dossier"]["state"] == "held" and body["holds"][0]["reason"] == "Zus nog in zorg"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"reason": "", "reviewOn": "2099-01-01"}, "reason"),
        ({"reason": "Nazorg", "reviewOn": "1-1-2030"}, "reviewOn"),
        ({"reason": "Nazorg", "reviewOn": "2020-01-01"}, "reviewOn"),
        ({"reason": "Nazorg"}, "reviewOn"),
    ],
)
def test_art5_2_a_hold_without_reason_or_with_a_bad_review_date_is_refused(
    officer_api, client_dossier, payload, field
):
    response = officer_api.post(f"/clients/{client_dossier.id}/retention-holds", payload)
    assert field in invalid_fields(response)
    assert not RetentionHold.objects.exists()


def test_art3_2c_another_partner_gets_not_found(client_dossier, youth_item):
    stranger = as_employee(make_employee(make_partner("Buurtteam"), "bram"))
    problem(stranger.get(f"/clients/{client_dossier.id}/retention"), 404)


def test_art5_2_a_destruction_list_through_the_api(
    api, officer_api, partner, client_dossier, youth_item
):
    end_support(client_dossier)
    reviewer = as_employee(
        make_employee(Employee.objects.get(user__username="anna").partner, "rob")
    )
    today = timezone.localdate().isoformat()
    made = api.post("/destruction-lists", {"dueBy": today})
    assert made.status_code == 201, made.content
    found = made.json()
    assert (found["state"], found["entries"], found["author"]) == ("review", 1, "Anna Test")
    list_id = found["id"]
    (entry,) = reviewer.get(f"/destruction-lists/{list_id}").json()["page"]
    assert entry["clientName"] == "Sanne de Vries" and entry["rule"] == "jeugdwet-7.3.8"
    keep = reviewer.post(
        f"/destruction-lists/{list_id}/entries/{entry['id']}/review", {"review": "keep"}
    )
    assert "reason" in invalid_fields(keep)
    reviewed = reviewer.post(
        f"/destruction-lists/{list_id}/entries/{entry['id']}/review", {"review": "destroy"}
    )
    assert reviewed.json()["page"][0]["review"] == "destroy"
    assert reviewer.post(f"/destruction-lists/{list_id}/review-completion", {}).status_code == 200
    refused = problem(api.post(f"/destruction-lists/{list_id}/approval", {}), 403)
    assert "Alleen de privacy officer" in refused["detail"]
    approved = officer_api.post(f"/destruction-lists/{list_id}/approval", {}).json()
    assert approved["state"] == "approved" and approved["coolingOffUntil"]
    assert "state" in invalid_fields(officer_api.get(f"/destruction-lists/{list_id}/record"))
    services.run_destruction_list(list_id, now=timezone.now() + datetime.timedelta(days=8))
    record = officer_api.get(f"/destruction-lists/{list_id}/record?language=en")
    assert record.status_code == 200 and record["Content-Type"] == "application/pdf"
    assert record["Cache-Control"] == "no-store"
    assert "language" in invalid_fields(
        officer_api.get(f"/destruction-lists/{list_id}/record?language=fr")
    )
    (summary,) = api.get("/destruction-lists").json()
    assert (summary["state"], summary["destroyed"], summary["page"]) == ("done", 1, [])


def test_a_destruction_list_of_another_partner_is_not_found(api, client_dossier, youth_item):
    end_support(client_dossier)
    list_id = api.post("/destruction-lists", {"dueBy": timezone.localdate().isoformat()}).json()[
        "id"
    ]
    stranger = as_employee(make_employee(make_partner("Buurtteam"), "bram"))
    problem(stranger.get(f"/destruction-lists/{list_id}"), 404)
    assert "dueBy" in invalid_fields(api.post("/destruction-lists", {"dueBy": "morgen"}))


def test_art5_2_after_destruction_no_path_reads_the_dossier(
    api, officer_api, partner, client_dossier, youth_item
):
    end_support(client_dossier)
    reviewer = as_employee(make_employee(partner, "rob"))
    list_id = api.post("/destruction-lists", {"dueBy": timezone.localdate().isoformat()}).json()[
        "id"
    ]
    reviewer.post(f"/destruction-lists/{list_id}/review-completion", {"destroyRest": True})
    officer_api.post(f"/destruction-lists/{list_id}/approval", {})
    services.run_destruction_list(list_id, now=timezone.now() + datetime.timedelta(days=8))
    for path in (
        f"/clients/{client_dossier.id}?purpose=support-provision",
        f"/clients/{client_dossier.id}/retention",
        f"/clients/{client_dossier.id}/subject-requests",
        f"/clients/{client_dossier.id}/consents?purpose=support-provision",
        f"/clients/{client_dossier.id}/data-items?purpose=support-provision&categories=youth",
        f"/data-items/{youth_item.id}?purpose=support-provision",
    ):
        for caller in (api, officer_api):
            assert caller.get(path).status_code == 404, path
    (entry,) = officer_api.get(f"/destruction-lists/{list_id}").json()["page"]
    assert entry["clientId"] is None and entry["clientName"] == ""
