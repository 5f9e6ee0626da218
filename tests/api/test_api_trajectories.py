# SPDX-License-Identifier: EUPL-1.2
"""Support trajectories: list, close, assign a caseworker (art2, art3.2c, art5.2)."""

from __future__ import annotations

import pytest

from tests.api.conftest import counts, invalid_fields, problem
from tests.conftest import make_employee, make_partner
from zorgvuldig.clients.models import SupportTrajectory

pytestmark = pytest.mark.django_db


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
    response = api.post(
        f"/support-trajectories/{trajectory['id']}/closure",
        {"closedOn": "2099-12-31", "purpose": "support-provision"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["closedOn"] == "2099-12-31"


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
            {"closedOn": "2099-12-31", "purpose": "support-provision"},
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
