# SPDX-License-Identifier: EUPL-1.2
"""Processing without consent (art4.6), partial dossiers, what is allowed now, and the privacy
officer's register, through the API.
"""

from __future__ import annotations

import pytest

from tests.apiclient import as_employee, counts, invalid_fields, problem
from tests.conftest import make_employee
from tests.factories import item_body
from zorgvuldig.partners.models import Role

pytestmark = pytest.mark.django_db


JUSTIFIED = {
    "justificationGround": "serious-risk",
    "justification": "Kind komt ondervoed op school; zorg kan niet wachten.",
}


def test_art4_6_recording_without_consent_is_403_with_articles(api, registered_client):
    before = counts()
    refusal = problem(api.post(f"/clients/{registered_client.id}/data-items", item_body()), 403)
    assert set(refusal["articles"]) & {"art4.1", "art4.2"}
    after = counts()
    assert after["items"] == before["items"] and after["annotations"] == before["annotations"]


def test_art4_6_recording_with_a_justification_is_annotated(api, registered_client):
    response = api.post(f"/clients/{registered_client.id}/data-items", item_body(**JUSTIFIED))
    assert response.status_code == 201, response.content
    dossier = api.get(f"/clients/{registered_client.id}", {"purpose": "assessment"}).json()
    notes = [a for a in dossier["annotations"] if a["article"] == "art4.6"]
    assert len(notes) == 1 and "ondervoed" in notes[0]["text"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"justificationGround": "serious-risk", "justification": "  "}, "justification"),
        ({"justificationGround": "serious-risk"}, "justification"),
        ({"justification": "Nodig."}, "justificationGround"),
        ({"justificationGround": "because", "justification": "Nodig."}, "justificationGround"),
    ],
)
def test_art4_6_a_justification_that_is_not_one_is_400_naming_the_field(
    api, registered_client, body, field
):
    before = counts()
    fields = invalid_fields(
        api.post(f"/clients/{registered_client.id}/data-items", item_body(**body))
    )
    assert field in fields, fields
    assert counts() == before


def test_art4_6_changing_an_item_without_consent_takes_a_justification(api, registered_client):
    item = api.post(f"/clients/{registered_client.id}/data-items", item_body(**JUSTIFIED)).json()
    change = {
        "label": "School",
        "value": "Groep 8",
        "source": "moeder",
        "method": "conversation",
        "obtainedOn": "2025-09-01",
        "reason": "Nieuw schooljaar",
        "purpose": "assessment",
    }
    problem(api.put(f"/data-items/{item['id']}", change), 403)
    fields = invalid_fields(
        api.put(
            f"/data-items/{item['id']}",
            {**change, "justificationGround": "necessary-unavoidable", "justification": ""},
        )
    )
    assert "justification" in fields
    response = api.put(
        f"/data-items/{item['id']}",
        {
            **change,
            "justificationGround": "necessary-unavoidable",
            "justification": "Schoolgegevens nodig voor het plan.",
        },
    )
    assert response.status_code == 200, response.content
    assert response.json()["current"]["value"] == "Groep 8"


def test_the_dossier_has_a_refusal_field(api, client_dossier, registered_client):
    dossier = api.get(f"/clients/{client_dossier.id}", {"purpose": "support-provision"}).json()
    assert dossier["refusal"] == ""


def test_allowed_processings_per_operation_and_category(api, client_dossier):
    response = api.get(
        f"/clients/{client_dossier.id}/allowed-processings", {"purpose": "support-provision"}
    )
    assert response.status_code == 200, response.content
    rows = {(r["operation"], r["category"]): r for r in response.json()}
    assert {op for op, _ in rows} == {"record", "request", "share"}
    youth = rows[("record", "youth")]
    assert youth["allowed"] is True and youth["label"] == "Jeugd" and youth["articles"]
    share = rows[("share", "youth")]
    assert share["allowed"] is False and share["explanation"]


def test_allowed_processings_needs_a_purpose(api, client_dossier):
    fields = invalid_fields(api.get(f"/clients/{client_dossier.id}/allowed-processings"))
    assert "purpose" in fields


def test_art4_6_the_privacy_officer_lists_processings_without_consent(
    api, partner, registered_client
):
    api.post(f"/clients/{registered_client.id}/data-items", item_body(**JUSTIFIED))
    officer = as_employee(make_employee(partner, "pieter", role=Role.PRIVACY_OFFICER))
    response = officer.get("/processing-exceptions")
    assert response.status_code == 200, response.content
    (entry,) = response.json()
    assert entry["clientId"] == str(registered_client.id) and entry["article"] == "art4.6"
    assert entry["clientName"] == "Sanne de Vries" and entry["author"] == "Anna Test"
    assert "ondervoed" in entry["text"] and entry["traceId"] and entry["legalBasis"] == "jeugdwet"


def test_art3_2c_a_caseworker_gets_403_for_the_register(partner, registered_client, api):
    api.post(f"/clients/{registered_client.id}/data-items", item_body(**JUSTIFIED))
    colleague = as_employee(make_employee(partner, "kim"))
    refusal = problem(colleague.get("/processing-exceptions"), 403)
    assert "privacy officer" in refusal["detail"]
    own = problem(api.get("/processing-exceptions"), 403)  # the caseworker who recorded it
    assert "art. 3 lid 2 onder c" in own["detail"]
