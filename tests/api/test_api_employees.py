# SPDX-License-Identifier: EUPL-1.2
"""The employees of the caller's own organisation: work data, to assign a caseworker or name a
director (art3.2c, art3.2d); no data of clients, no other organisation's people."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api, as_employee, invalid_fields, problem
from tests.conftest import make_employee, make_partner
from zorgvuldig.api.models import ApiToken
from zorgvuldig.partners.models import Role

pytestmark = pytest.mark.django_db

FIELDS = {"id", "displayName", "role", "active", "acknowledgedCurrentVersion"}


@pytest.fixture
def colleagues(partner):
    """Anna's colleagues: one who did not acknowledge, one who left, the privacy officer."""
    new = make_employee(partner, "carla", acknowledged=False)
    left = make_employee(partner, "dirk")
    left.is_active = False
    left.save()
    officer = make_employee(partner, "fatima", role=Role.PRIVACY_OFFICER)
    return {"new": new, "left": left, "officer": officer}


def test_art3_2c_the_employees_of_ones_own_organisation_only(api, caseworker, colleagues):
    stranger = make_employee(make_partner("Wmo Leersum"), "wim")
    response = api.get("/employees")
    assert response.status_code == 200, response.content
    listed = {e["displayName"]: e for e in response.json()}
    assert set(listed) == {"Anna Test", "Carla Test", "Dirk Test", "Fatima Test"}
    assert all(set(e) == FIELDS for e in listed.values())  # nothing else, no client's data
    assert listed["Anna Test"] == {
        "id": str(caseworker.id),
        "displayName": "Anna Test",
        "role": "caseworker",
        "active": True,
        "acknowledgedCurrentVersion": True,
    }
    assert listed["Carla Test"]["acknowledgedCurrentVersion"] is False
    assert listed["Dirk Test"]["active"] is False
    assert listed["Fatima Test"]["role"] == "privacy-officer"
    assert str(stranger.id) not in {e["id"] for e in listed.values()}


def test_art3_2c_an_employee_listed_is_assigned_to_a_trajectory_by_that_id(
    api, partner, client_dossier
):
    make_employee(partner, "carla")
    (carla,) = [e for e in api.get("/employees").json() if e["displayName"] == "Carla Test"]
    (trajectory,) = api.get(
        f"/clients/{client_dossier.id}/support-trajectories", {"purpose": "support-provision"}
    ).json()
    assigned = api.post(
        f"/support-trajectories/{trajectory['id']}/caseworkers",
        {"employeeId": carla["id"], "purpose": "support-provision"},
    )
    assert assigned.status_code == 200, assigned.content
    assert "Carla Test" in assigned.json()["caseworkers"]


def test_the_employees_filtered_by_role(api, colleagues):
    officers = api.get("/employees", {"role": "privacy-officer"})
    assert officers.status_code == 200
    assert [e["id"] for e in officers.json()] == [str(colleagues["officer"].id)]
    caseworkers = {e["displayName"] for e in api.get("/employees", {"role": "caseworker"}).json()}
    assert caseworkers == {"Anna Test", "Carla Test", "Dirk Test"}
    assert api.get("/employees", {"role": "administrator"}).json() == []


def test_an_unknown_role_is_400_naming_the_role(api):
    fields = invalid_fields(api.get("/employees", {"role": "boss"}))
    assert "caseworker" in fields["role"]


def test_a_partner_system_lists_its_own_employees_with_a_service_token(partner, caseworker):
    _, token = ApiToken.issue(name="koppeling", partner=partner, service="planning")
    response = Api(token).get("/employees")
    assert response.status_code == 200
    assert [e["id"] for e in response.json()] == [str(caseworker.id)]


def test_art1_an_organisation_no_longer_committed_has_no_acknowledged_employees(db):
    outside = make_partner("Buurtteam Zonder Afspraak", committed=False)
    (listed,) = as_employee(make_employee(outside, "olga")).get("/employees").json()
    assert listed["acknowledgedCurrentVersion"] is False


def test_the_employees_need_a_token(anonymous):
    problem(anonymous.get("/employees"), 401)
