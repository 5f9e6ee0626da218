# SPDX-License-Identifier: EUPL-1.2
"""Incidents through the API (art3.2f; GDPR art. 33 and 34): POST /incidents by any employee,
GET /incidents (the register), GET and PATCH /incidents/{incidentId}, and its actions as
sub-resources that are created: awareness, notifications, notification-exemption,
affected-client-searches, affected-clients, subject-decisions, letters/{letterId}/delivery and
closure; GET /incidents/{incidentId}/notification-answers for the AP's form."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.apiclient import as_employee, invalid_fields, problem
from tests.incidents.conftest import ago
from tests.incidents.test_services import written
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee

pytestmark = pytest.mark.django_db


def iso(moment) -> str:
    return timezone.localtime(moment).isoformat()


def api_of(username: str):
    return as_employee(Employee.objects.get(user__username=username))


REPORT = {
    "nature": "addresses-visible",
    "summary": "Nieuwsbrief verstuurd met alle adressen in het aan-veld.",
    "categories": ["contact"],
    "peopleAffected": 120,
}


def test_art3_2f_an_employee_reports_over_the_api_and_the_officers_handle_it(
    api, officer, municipality, client_dossier
):
    made = api.post("/incidents", {**REPORT, "discoveredAt": iso(ago(1))})
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["number"], body["state"], body["clock"]["state"]) == (1, "reported", "not-started")
    assert body["discoveredAt"].endswith("Z") or "+" in body["discoveredAt"]
    incident = body["id"]
    pim = api_of("pim")
    assert [line["id"] for line in pim.get("/incidents").json()] == [incident]
    aware = pim.post(
        f"/incidents/{incident}/awareness", {"awareAt": iso(ago(0.5)), "reason": "Bevestigd"}
    )
    assert aware.status_code == 201, aware.content
    assert aware.json()["clock"]["state"] == "running" and aware.json()["clock"]["hours"] == 72
    changed = pim.patch(f"/incidents/{incident}", {"encrypted": "no", "severity": "low"})
    assert changed.status_code == 200, changed.content
    assert (changed.json()["encrypted"], changed.json()["severity"]) == ("no", "low")
    assert changed.json()["summary"] == REPORT["summary"]  # what was not given stays
    added = pim.post(
        f"/incidents/{incident}/affected-clients", {"clientId": str(client_dossier.id)}
    )
    assert added.status_code == 201, added.content
    assert added.json()["affected"][0]["clientName"] == "Sanne de Vries"
    search = pim.post(
        f"/incidents/{incident}/affected-client-searches",
        {
            "windowFrom": iso(ago(1)),
            "windowTo": iso(timezone.now()),
            "categories": ["identification"],
        },
    )
    assert search.status_code == 201, search.content
    assert search.json()["search"]["found"] == 1 and search.json()["search"]["added"] == 0
    answers = pim.get(f"/incidents/{incident}/notification-answers")
    assert answers.status_code == 200
    pairs = answers.json()
    assert pairs[0] == {
        "key": "organisation",
        "question": "Naam van de organisatie",
        "answer": "Jeugdteam Heuvelrug",
    }
    assert [p["key"] for p in pairs].index("summary") < [p["key"] for p in pairs].index("people")
    notified = pim.post(
        f"/incidents/{incident}/notifications",
        {"kind": "final", "reportedAt": iso(ago(0.2)), "apReference": "AP-1"},
    )
    assert notified.status_code == 201, notified.content
    assert notified.json()["clock"]["state"] == "in-time"
    decided = pim.post(
        f"/incidents/{incident}/subject-decisions", {"outcome": "tell", "reason": "Hoog risico"}
    )
    letter = decided.json()["affected"][0]["letter"]
    assert letter["status"] == "pending"
    pdf = pim.get(f"/incidents/{incident}/letters/{letter['id']}")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "no-store"
    sent = pim.post(f"/incidents/{incident}/letters/{letter['id']}/delivery", {"status": "sent"})
    assert sent.json()["affected"][0]["letter"]["status"] == "sent"
    closed = pim.post(f"/incidents/{incident}/closure", {"measures": "Voortaan bcc."})
    assert closed.status_code == 201 and closed.json()["state"] == "closed"
    # the municipality sees it with its count, never the client
    seen = api_of("gerda").get(f"/incidents/{incident}").json()
    assert seen["handled"] is False and seen["affected"] == [] and seen["clientsAffected"] == 1


def test_art3_2g_a_breach_that_needs_no_notification_over_the_api(officer, breach):
    pim = api_of("pim")
    exempt = pim.post(
        f"/incidents/{breach.id}/notification-exemption", {"reason": "Versleuteld, sleutel veilig"}
    )
    assert exempt.status_code == 201, exempt.content
    assert exempt.json()["clock"]["state"] == "not-required"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"discoveredAt": None}, "discoveredAt"),
        ({"discoveredAt": "2026-13-45T10:00:00+01:00"}, "discoveredAt"),
        ({"discoveredAt": "2026-01-05T10:00:00"}, "discoveredAt"),
        ({"nature": "datalek"}, "nature"),
        ({"categories": ["helth"]}, "categories"),
        ({"peopleAfected": 3}, "peopleAfected"),
    ],
)
def test_art3_2f_a_report_with_bad_input_is_a_400_naming_the_field(
    api, officer, municipality, overrides, field
):
    payload = {**REPORT, "discoveredAt": iso(ago(1)), **overrides}
    payload = {k: v for k, v in payload.items() if v is not None}
    before = written()
    response = api.post("/incidents", payload)
    fields = invalid_fields(response)
    assert field in fields, fields
    assert written() == before


def test_art3_2g_bad_input_on_the_actions_is_a_400_and_writes_nothing(officer, reported):
    pim = api_of("pim")
    before = written()
    early = pim.post(
        f"/incidents/{reported.id}/awareness", {"awareAt": iso(ago(5)), "reason": "Zeker"}
    )
    assert "vóór het incident werd ontdekt" in invalid_fields(early)["awareAt"]
    future = pim.post(
        f"/incidents/{reported.id}/awareness", {"awareAt": iso(ago(-1)), "reason": "Zeker"}
    )
    assert "toekomst" in invalid_fields(future)["awareAt"]
    closing = pim.post(f"/incidents/{reported.id}/closure", {})
    assert "maatregelen" in invalid_fields(closing)["measures"]
    assert written() == before


def test_art3_2g_a_late_notification_without_reasons_over_the_api(officer, reported):
    services.update_incident(officer, reported.id, discovered_at=ago(90), started_at=ago(95))
    services.record_awareness(officer, reported.id, aware_at=ago(80), reason="Bevestigd")
    pim = api_of("pim")
    before = written()
    late = pim.post(
        f"/incidents/{reported.id}/notifications",
        {"kind": "provisional", "reportedAt": iso(ago(1))},
    )
    assert "redenen van de vertraging" in invalid_fields(late)["delayReasons"]
    assert written() == before
    with_reasons = pim.post(
        f"/incidents/{reported.id}/notifications",
        {"kind": "provisional", "reportedAt": iso(ago(1)), "delayReasons": "Weekend, geen FG"},
    )
    assert with_reasons.status_code == 201
    assert with_reasons.json()["phases"][0]["late"] is True
    assert with_reasons.json()["clock"]["state"] == "late"


def test_art3_2f_who_may_not_is_answered_403_or_404(api, officer, reported):
    problem(api.get("/incidents"), 403)  # a caseworker reports, does not handle
    problem(api.get(f"/incidents/{reported.id}"), 403)
    problem(api_of("gerda").patch(f"/incidents/{reported.id}", {"severity": "low"}), 403)
    from tests.conftest import make_employee, make_partner
    from zorgvuldig.partners.models import Role

    olga = as_employee(
        make_employee(make_partner("Wmo Leersum"), "olga", role=Role.PRIVACY_OFFICER)
    )
    problem(olga.get(f"/incidents/{reported.id}"), 404)
    problem(api_of("pim").get("/incidents/5e1a9c1e-0000-4000-8000-000000000000"), 404)
