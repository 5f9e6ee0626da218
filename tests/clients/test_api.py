# SPDX-License-Identifier: EUPL-1.2
"""Clients, subjects, relations and support trajectories through the API (art1, art2,
art3.2c, art5.2)."""

from __future__ import annotations

import datetime
import uuid

import pytest

from tests.apiclient import as_employee, counts, invalid_fields, problem
from tests.conftest import make_employee, make_partner, next_bsn
from zorgvuldig.api import API_VERSION
from zorgvuldig.clients.models import Client, SupportTrajectory
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def intake(**overrides):
    body = {
        "bsn": next_bsn(),
        "givenNames": "Daan",
        "surnamePrefix": "van",
        "surname": "Dijk",
        "birthDate": "2011-03-04",
        "domain": "jeugd",
        "legalBasis": "jeugdwet",
        "openedOn": "2025-01-06",
        "purpose": "intake",
    }
    body.update(overrides)
    return body


def relation(**overrides):
    body = {
        "kind": "parent",
        "bsn": next_bsn(),
        "givenNames": "Els",
        "surname": "Dijk",
        "birthDate": "1980-02-01",
        "purpose": "support-provision",
    }
    body.update(overrides)
    return body


def test_register_client_returns_201_dossier_in_camel_case(api, caseworker):
    body = intake()
    response = api.post("/clients", body)
    assert response.status_code == 201, response.content
    assert response["API-Version"] == API_VERSION
    dossier = response.json()
    assert dossier["subject"]["bsn"] == body["bsn"]
    assert dossier["subject"]["givenNames"] == "Daan"
    assert dossier["subject"]["birthDate"] == "2011-03-04"
    assert dossier["subject"]["fullName"] == "Daan van Dijk"
    (trajectory,) = dossier["trajectories"]
    assert trajectory["legalBasis"] == "jeugdwet" and trajectory["openedOn"] == "2025-01-06"
    assert trajectory["closedOn"] is None and trajectory["caseworkers"] == ["Anna Test"]
    assert Client.objects.filter(id=dossier["id"]).exists()


def test_search_by_bsn_is_a_post_and_finds_only_own_clients(api, caseworker):
    body = intake()
    created = api.post("/clients", body).json()
    response = api.post("/clients/search", {"purpose": "support-provision", "bsn": body["bsn"]})
    assert response.status_code == 200
    assert response.json() == [
        {"id": created["id"], "fullName": "Daan van Dijk", "birthDate": "2011-03-04"}
    ]
    outsider = as_employee(make_employee(caseworker.partner, "piet"))
    assert (
        outsider.post(
            "/clients/search", {"purpose": "support-provision", "bsn": body["bsn"]}
        ).json()
        == []
    )


def test_search_by_name(api, client_dossier):
    response = api.post("/clients/search", {"purpose": "support-provision", "name": "vries"})
    assert [c["id"] for c in response.json()] == [str(client_dossier.id)]


def test_search_needs_bsn_or_name(api):
    assert set(invalid_fields(api.post("/clients/search", {"purpose": "support-provision"}))) == {
        "bsn",
        "name",
    }


def test_consult_dossier(api, client_dossier):
    response = api.get(f"/clients/{client_dossier.id}", {"purpose": "support-provision"})
    assert response.status_code == 200
    assert response.json()["subject"]["surname"] == "de Vries"


def test_consult_unknown_client_is_404(api):
    problem(api.get(f"/clients/{uuid.uuid4()}", {"purpose": "support-provision"}), 404)


def test_consult_with_malformed_client_id_is_400(api):
    assert "clientId" in invalid_fields(api.get("/clients/abc", {"purpose": "support-provision"}))


def test_add_and_list_relations(api, registered_client):
    client_dossier = registered_client
    body = relation()
    response = api.post(f"/clients/{client_dossier.id}/relations", body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["kind"] == "parent" and created["related"]["bsn"] == body["bsn"]
    listed = api.get(f"/clients/{client_dossier.id}/relations", {"purpose": "support-provision"})
    assert [r["id"] for r in listed.json()] == [created["id"]]


def test_relation_of_unknown_kind_is_400(api, client_dossier):
    before = counts()
    fields = invalid_fields(
        api.post(f"/clients/{client_dossier.id}/relations", relation(kind="neighbour"))
    )
    assert "kind" in fields
    assert counts() == before


def test_art3_2c_employee_of_another_partner_is_refused_403_and_it_is_logged(client_dossier):
    from tests.conftest import make_partner

    other = as_employee(make_employee(make_partner("Thuiszorg Elders"), "bram"))
    before = counts()
    response = other.get(
        f"/clients/{client_dossier.id}", {"purpose": "support-provision", "legalBasis": "jeugdwet"}
    )
    body = problem(response, 403)
    assert response["API-Version"] == API_VERSION
    assert body["articles"] == ["art3.2c"]
    assert "niet betrokken" in body["detail"]
    assert body["outcomes"] and all(not o["allowed"] for o in body["outcomes"])
    assert body["outcomes"][0]["refusals"][0]["remedy"]
    # Nothing was read or written but the log record of the refusal (art3.2c, logged by design).
    after = counts()
    assert after.pop("log") == before.pop("log") + 1 and after == before
    record = LogRecord.objects.get(trace_id=body["traceId"])
    subject_id = Client.objects.get(id=client_dossier.id).subject_id
    assert (record.decision, record.articles) == ("refused", "art3.2c")
    assert record.subject_pseudonym == subject_pseudonym(subject_id)


def trajectory_of(api, client_dossier) -> dict:
    response = api.get(
        f"/clients/{client_dossier.id}/support-trajectories", {"purpose": "support-provision"}
    )
    assert response.status_code == 200, response.content
    (trajectory,) = response.json()
    return trajectory


def test_list_support_trajectories(api, client_dossier):
    trajectory = trajectory_of(api, client_dossier)
    assert trajectory["clientId"] == str(client_dossier.id)
    assert (trajectory["domain"], trajectory["legalBasis"]) == ("jeugd", "jeugdwet")


def test_close_trajectory(api, client_dossier):
    trajectory = trajectory_of(api, client_dossier)
    assert trajectory["municipality"] == "1581" and trajectory["ending"] == ""
    today = datetime.date.today().isoformat()
    response = api.post(
        f"/support-trajectories/{trajectory['id']}/closure",
        {"closedOn": today, "ending": "goals-reached", "purpose": "support-provision"},
    )
    assert response.status_code == 200, response.content
    closed = response.json()
    assert (closed["closedOn"], closed["ending"]) == (today, "goals-reached")


def test_art5_2_closing_needs_how_the_support_ended_and_no_future_date(api, client_dossier):
    trajectory = trajectory_of(api, client_dossier)
    url = f"/support-trajectories/{trajectory['id']}/closure"
    today = datetime.date.today()
    for body, field in (
        ({"closedOn": today.isoformat()}, "ending"),
        ({"closedOn": today.isoformat(), "ending": "vanished"}, "ending"),
        ({"closedOn": (today + datetime.timedelta(days=1)).isoformat(), "ending": "moved"}, None),
    ):
        response = api.post(url, {**body, "purpose": "support-provision"})
        assert response.status_code == 400, response.content
        if field:
            assert field in invalid_fields(response)
        else:
            assert "toekomst" in response.content.decode()
    assert SupportTrajectory.objects.get(id=trajectory["id"]).closed_on is None


def test_art5_2_a_client_is_registered_on_behalf_of_a_municipality_of_the_region(api, settings):
    settings.ZORGVULDIG_MUNICIPALITIES = {
        "1581": "Utrechtse Heuvelrug",
        "0352": "Wijk bij Duurstede",
    }
    before = counts()
    unknown = api.post("/clients", intake(municipality="0344"))
    assert unknown.status_code == 400
    assert "0352 (Wijk bij Duurstede)" in invalid_fields(unknown)["municipality"]
    assert counts() == before
    registered = api.post("/clients", intake(municipality="0352"))
    assert registered.status_code == 201, registered.content
    (trajectory,) = SupportTrajectory.objects.filter(client_id=registered.json()["id"])
    assert trajectory.municipality == "0352"


def test_close_trajectory_with_malformed_date_is_400_and_nothing_changes(api, client_dossier):
    trajectory = trajectory_of(api, client_dossier)
    before = counts()
    for bad in ("2024-13-01", "31-12-2024", "2024-12-31T10:00:00", 20241231, ""):
        fields = invalid_fields(
            api.post(
                f"/support-trajectories/{trajectory['id']}/closure",
                {"closedOn": bad, "purpose": "support-provision"},
            )
        )
        assert "JJJJ-MM-DD" in fields["closedOn"]
    assert counts() == before
    assert SupportTrajectory.objects.get(id=trajectory["id"]).closed_on is None


def test_close_unknown_trajectory_is_404(api, client_dossier):
    import uuid

    problem(
        api.post(
            f"/support-trajectories/{uuid.uuid4()}/closure",
            {"closedOn": "2025-12-31", "ending": "moved", "purpose": "support-provision"},
        ),
        404,
    )


def test_assign_caseworker(api, caseworker, client_dossier):
    colleague = make_employee(caseworker.partner, "carla")
    trajectory = trajectory_of(api, client_dossier)
    response = api.post(
        f"/support-trajectories/{trajectory['id']}/caseworkers",
        {"employeeId": str(colleague.id), "purpose": "support-provision"},
    )
    assert response.status_code == 200, response.content
    assert sorted(response.json()["caseworkers"]) == ["Anna Test", "Carla Test"]


def test_assigning_an_employee_of_another_partner_is_400_and_nothing_written(api, client_dossier):
    stranger = make_employee(make_partner("Thuiszorg Elders"), "bram")
    trajectory = trajectory_of(api, client_dossier)
    before = counts()
    body = {"employeeId": str(stranger.id), "purpose": "support-provision"}
    fields = invalid_fields(api.post(f"/support-trajectories/{trajectory['id']}/caseworkers", body))
    assert "andere organisatie" in fields["employeeId"]
    assert counts() == before
