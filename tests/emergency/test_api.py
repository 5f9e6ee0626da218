# SPDX-License-Identifier: EUPL-1.2
"""Breaking the glass through the API (art3.2c; decision 23): POST
/clients/{clientId}/emergency-accesses, GET /emergency-accesses and /emergency-accesses/{id},
POST /emergency-accesses/{id}/reviews."""

from __future__ import annotations

import pytest

from tests.apiclient import as_employee, invalid_fields, problem
from tests.conftest import app_code, make_employee, make_partner
from tests.emergency.conftest import written
from zorgvuldig.partners.models import Employee

pytestmark = pytest.mark.django_db


def api_of(username: str):
    return as_employee(Employee.objects.get(user__username=username))


def test_art3_2c_break_the_glass_over_the_api(colleague, client_dossier, officer):
    bram = api_of("bram")
    path = f"/clients/{client_dossier.id}/emergency-accesses"
    before = written()
    no_reason = bram.post(path, {"explanation": "Nood.", "code": app_code("bram")})
    assert "reason" in invalid_fields(no_reason)
    unknown = bram.post(path, {"reason": "nosy", "explanation": "Nood.", "code": "123456"})
    assert "reason" in invalid_fields(unknown)
    assert written() == before
    made = bram.post(
        path, {"reason": "crisis", "explanation": "Crisisdienst.", "code": app_code("bram")}
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["current"] and body["reason"] == "crisis" and body["reviewedAt"] is None
    dossier = bram.get(f"/clients/{client_dossier.id}", {"purpose": "support-provision"})
    assert dossier.status_code == 200
    assert "emergency" in {a["why"] for a in dossier.json()["access"]}
    pim = api_of("pim")
    (listed,) = pim.get("/emergency-accesses", {"toReview": "true"}).json()
    assert listed["id"] == body["id"]
    problem(bram.get("/emergency-accesses"), 403)
    review = pim.post(
        f"/emergency-accesses/{body['id']}/reviews", {"justified": True, "note": "Terecht."}
    )
    assert review.status_code == 201 and review.json()["justified"] is True
    again = pim.post(
        f"/emergency-accesses/{body['id']}/reviews", {"justified": True, "note": "Terecht."}
    )
    assert "state" in invalid_fields(again)
    assert pim.get(f"/emergency-accesses/{body['id']}").json()["reviewedBy"] == "Pim Test"


def test_art3_2c_break_the_glass_for_another_partners_client_over_the_api(client_dossier):
    wim = as_employee(make_employee(make_partner("Wmo-loket"), "wim"))
    before = written()
    problem(
        wim.post(
            f"/clients/{client_dossier.id}/emergency-accesses",
            {"reason": "danger", "explanation": "Nood.", "code": app_code("wim")},
        ),
        404,
    )
    assert written() == before
