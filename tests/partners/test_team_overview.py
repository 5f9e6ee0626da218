# SPDX-License-Identifier: EUPL-1.2
"""art3.2c, decision 22: the team lead's overview of the assignments at their organisation,
who supports how many, and how many open trajectories nobody carries; no client."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.apiclient import Api, as_employee, problem
from tests.conftest import make_employee, make_partner, next_bsn, sign_in
from zorgvuldig.api.models import ApiToken
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.core.errors import NotAllowed
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def take_in(actor, given_names: str):
    return services.register_client(
        actor,
        bsn=next_bsn(),
        given_names=given_names,
        surname="Client",
        birth_date=datetime.date(2011, 4, 4),
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )


@pytest.fixture
def team(partner, caseworker, actor):
    """At the Jeugdteam: Anna supports three clients, one of them since closed; Kees one; Bram
    left, and the client he supported has nobody now; Tamara leads the team; the privacy
    officer is no caseworker. Another partner's caseworker supports a client there."""
    take_in(actor, "Sanne")
    take_in(actor, "Lotte")
    closed = take_in(actor, "Mila")
    trajectory = SupportTrajectory.objects.get(client_id=closed.id, partner=partner)
    services.close_trajectory(
        actor,
        trajectory.id,
        closed_on=timezone.localdate(),
        ending="goals-reached",
        purpose="support-provision",
    )
    take_in(actor_for(make_employee(partner, "kees")), "Lars")
    bram = make_employee(partner, "bram")
    take_in(actor_for(bram), "Noor")
    bram.is_active = False
    bram.save()
    make_employee(partner, "pim", role=Role.PRIVACY_OFFICER)
    take_in(actor_for(make_employee(make_partner("Wmo Leersum"), "olga")), "Olaf")
    return make_employee(partner, "tamara", role=Role.TEAM_LEAD)


def test_art3_2c_the_team_lead_sees_who_supports_how_many_and_no_client(team, partner):
    overview = services.team_overview(actor_for(team))
    assert overview.partner == partner.name
    assert [(m.display_name, m.role, m.open_trajectories) for m in overview.members] == [
        ("Anna Test", "caseworker", 2),
        ("Kees Test", "caseworker", 1),
        ("Tamara Test", "team-lead", 0),
    ]
    # Anna's two, Kees's one and Bram's, whom nobody carries since he left; not the closed one
    assert (overview.open_trajectories, overview.unassigned_trajectories) == (4, 1)
    shown = repr(overview)
    for name in ("Sanne", "Lotte", "Lars", "Noor", "Mila", "Olaf", "Client"):
        assert name not in shown
    for client_id in SupportTrajectory.objects.values_list("client_id", flat=True):
        assert str(client_id) not in shown
    # numbers per employee, no client: nothing is logged for the clients counted
    assert not LogRecord.objects.filter(actor_id=str(team.id)).exists()


def test_art3_2c_the_team_lead_sees_it_on_a_page_and_in_the_api(client, team):
    web = sign_in(client, team.user)
    assert f'href="{reverse("web:team_overview")}"' in web.get(reverse("web:home")).content.decode()
    page = web.get(reverse("web:team_overview"))
    text = page.content.decode()
    assert page.status_code == 200 and "Anna Test" in text and 'data-unassigned="1"' in text
    assert "Sanne" not in text and "Noor" not in text
    body = as_employee(team).get("/team-overview").json()
    assert body["openTrajectories"] == 4 and body["unassignedTrajectories"] == 1
    assert [(m["displayName"], m["openTrajectories"]) for m in body["members"]][:2] == [
        ("Anna Test", 2),
        ("Kees Test", 1),
    ]
    assert "Sanne" not in str(body)


@pytest.mark.parametrize(
    "role",
    [
        Role.CASEWORKER,
        Role.DIRECTOR,
        Role.PRIVACY_OFFICER,
        Role.DATA_PROTECTION_OFFICER,
        Role.ADMINISTRATOR,
        Role.VEILIG_THUIS_LIAISON,
        Role.INCIDENT_REPORTER,
    ],
)
def test_art3_2c_only_the_team_lead_sees_the_team_overview(client, partner, team, role):
    other = make_employee(partner, "ander", role=role)
    with pytest.raises(NotAllowed, match="teamleider"):
        services.team_overview(actor_for(other))
    page = sign_in(client, other.user).get(reverse("web:team_overview"))
    assert page.status_code == 403 and "Anna Test" not in page.content.decode()
    problem(as_employee(other).get("/team-overview"), 403)


def test_art3_2c_no_service_token_and_no_lead_who_has_not_acknowledged(partner, team):
    service = ApiToken.issue(
        name="systeem", partner=partner, service="registratie", scopes=["all"]
    )[1]
    problem(Api(service).get("/team-overview"), 403)
    newcomer = make_employee(partner, "tess", role=Role.TEAM_LEAD, acknowledged=False)
    with pytest.raises(NotAllowed, match="niet bevestigd"):
        services.team_overview(actor_for(newcomer))
