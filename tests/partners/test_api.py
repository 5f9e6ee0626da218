# SPDX-License-Identifier: EUPL-1.2
"""Partners (not personal data, art1), their commitments to a protocol version, recorded by
the functional administrator (art1), and the employees of the caller's own organisation
(art3.2c, art3.2d) through the API."""

from __future__ import annotations

import datetime
import uuid

import pytest

from tests.apiclient import Api, as_employee, invalid_fields, problem
from tests.conftest import PROTOCOL_VERSION, make_employee, make_partner
from zorgvuldig.api import API_VERSION
from zorgvuldig.api.models import ApiToken
from zorgvuldig.partners.models import ProtocolCommitment, Role

pytestmark = pytest.mark.django_db


def test_list_partners_with_their_commitment(api, partner):
    make_partner("Buurtteam Zonder Afspraak", committed=False)
    response = api.get("/partners")
    assert response.status_code == 200 and response["API-Version"] == API_VERSION
    by_name = {p["name"]: p for p in response.json()}
    assert by_name[partner.name]["committed"] is True
    assert by_name[partner.name]["protocolVersion"] == "regio-utrecht-zuidoost-2015"
    assert by_name["Buurtteam Zonder Afspraak"] == {
        "id": by_name["Buurtteam Zonder Afspraak"]["id"],
        "name": "Buurtteam Zonder Afspraak",
        "kind": "private",
        "oin": "",
        "committed": False,
        "protocolVersion": None,
    }


def test_get_partner(api, partner):
    response = api.get(f"/partners/{partner.id}")
    assert response.status_code == 200
    assert response.json()["id"] == str(partner.id)


def test_unknown_partner_is_404_problem(api):
    body = problem(api.get(f"/partners/{uuid.uuid4()}"), 404)
    assert "partner" in body["detail"]


def test_malformed_partner_id_is_400_naming_it(api):
    assert "partnerId" in invalid_fields(api.get("/partners/42"))


AVG = "regio-utrecht-zuidoost-avg-2018"


YESTERDAY = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()


@pytest.fixture
def admin(partner) -> Api:
    return as_employee(make_employee(partner, "bram", role=Role.ADMINISTRATOR))


@pytest.fixture
def newcomer(db):
    """An organisation that is not (yet) a partner."""
    return make_partner("Buurtteam Leersum", committed=False)


def commitments_of(partner) -> list[tuple]:
    return list(
        ProtocolCommitment.objects.filter(partner=partner)
        .order_by("starts_on")
        .values_list("protocol_version", "starts_on", "ends_on")
    )


def commitment_url(partner, commitment=None) -> str:
    base = f"/partners/{partner.id}/commitments"
    return f"{base}/{commitment.id}" if commitment else base


def test_art1_the_administrator_records_a_commitment_and_the_organisation_is_a_partner(
    admin, newcomer
):
    response = admin.post(
        commitment_url(newcomer), {"protocolVersion": AVG, "startsOn": "2018-05-25"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body == {
        "id": body["id"],
        "partnerId": str(newcomer.id),
        "protocolVersion": AVG,
        "startsOn": "2018-05-25",
        "endsOn": None,
    }
    assert commitments_of(newcomer) == [(AVG, datetime.date(2018, 5, 25), None)]
    partner = admin.get(f"/partners/{newcomer.id}").json()
    assert (partner["committed"], partner["protocolVersion"]) == (True, AVG)


def test_art1_a_commitment_with_its_end(admin, newcomer):
    response = admin.post(
        commitment_url(newcomer),
        {
            "protocolVersion": PROTOCOL_VERSION,
            "startsOn": "2015-01-01",
            "endsOn": "2017-12-31",
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["endsOn"] == "2017-12-31"
    assert admin.get(f"/partners/{newcomer.id}").json()["committed"] is False


def test_art1_the_administrator_ends_a_commitment_and_the_organisation_is_no_partner(
    admin, newcomer
):
    ProtocolCommitment.objects.create(
        partner=newcomer, protocol_version=PROTOCOL_VERSION, starts_on=datetime.date(2015, 1, 1)
    )
    commitment = ProtocolCommitment.objects.get(partner=newcomer)
    response = admin.patch(commitment_url(newcomer, commitment), {"endsOn": YESTERDAY})
    assert response.status_code == 200, response.content
    assert response.json()["endsOn"] == YESTERDAY
    commitment.refresh_from_db()
    assert commitment.ends_on.isoformat() == YESTERDAY
    assert admin.get(f"/partners/{newcomer.id}").json()["committed"] is False


def test_art1_a_next_commitment_may_start_the_day_after_the_last_one_ended(admin, partner):
    (current,) = ProtocolCommitment.objects.filter(partner=partner)
    ended = admin.patch(commitment_url(partner, current), {"endsOn": "2018-05-24"})
    assert ended.status_code == 200, ended.content
    started = admin.post(
        commitment_url(partner), {"protocolVersion": AVG, "startsOn": "2018-05-25"}
    )
    assert started.status_code == 201, started.content
    assert commitments_of(partner) == [
        (PROTOCOL_VERSION, datetime.date(2015, 1, 1), datetime.date(2018, 5, 24)),
        (AVG, datetime.date(2018, 5, 25), None),
    ]


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.PRIVACY_OFFICER])
def test_art1_only_the_functional_administrator_records_commitments(partner, newcomer, role):
    other = as_employee(make_employee(partner, f"x-{role}", role=role))
    body = {"protocolVersion": PROTOCOL_VERSION, "startsOn": "2015-01-01"}
    refused = problem(other.post(commitment_url(newcomer), body), 403)
    assert "functioneel beheerder" in refused["detail"]
    (current,) = ProtocolCommitment.objects.filter(partner=partner)
    refused = problem(other.patch(commitment_url(partner, current), {"endsOn": YESTERDAY}), 403)
    assert "functioneel beheerder" in refused["detail"]
    assert commitments_of(newcomer) == []
    assert commitments_of(partner) == [(PROTOCOL_VERSION, datetime.date(2015, 1, 1), None)]


def test_art1_a_partner_system_does_not_record_commitments(partner, newcomer):
    _, token = ApiToken.issue(name="koppeling", partner=partner, service="sync", scopes=["all"])
    body = {"protocolVersion": PROTOCOL_VERSION, "startsOn": "2015-01-01"}
    assert (
        "functioneel beheerder"
        in problem(Api(token).post(commitment_url(newcomer), body), 403)["detail"]
    )
    assert commitments_of(newcomer) == []


def test_art1_an_administrator_who_left_records_nothing(partner, newcomer):
    gone = make_employee(partner, "bram", role=Role.ADMINISTRATOR)
    api = as_employee(gone)
    gone.is_active = False
    gone.save()
    body = {"protocolVersion": PROTOCOL_VERSION, "startsOn": "2015-01-01"}
    problem(api.post(commitment_url(newcomer), body), 401)
    assert commitments_of(newcomer) == []


def test_art1_an_unknown_protocol_version_is_400_naming_the_known_ones(admin, newcomer):
    fields = invalid_fields(
        admin.post(
            commitment_url(newcomer), {"protocolVersion": "regio-2030", "startsOn": "2015-01-01"}
        )
    )
    assert "Onbekende protocolversie" in fields["protocolVersion"]
    assert PROTOCOL_VERSION in fields["protocolVersion"] and AVG in fields["protocolVersion"]
    assert commitments_of(newcomer) == []


def test_art1_a_commitment_that_ends_before_it_starts_is_400(admin, newcomer):
    fields = invalid_fields(
        admin.post(
            commitment_url(newcomer),
            {
                "protocolVersion": PROTOCOL_VERSION,
                "startsOn": "2016-01-01",
                "endsOn": "2015-12-31",
            },
        )
    )
    assert "eindigen voordat ze begint" in fields["endsOn"]
    assert commitments_of(newcomer) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"startsOn": "2015-13-01"}, "startsOn"),
        ({"startsOn": "01-01-2015"}, "startsOn"),
        ({"startsOn": "2015-01-01T00:00:00"}, "startsOn"),
        ({"startsOn": ""}, "startsOn"),
        ({"endsOn": "2016-02-30"}, "endsOn"),
        ({"endsOn": "morgen"}, "endsOn"),
        ({"protocolVersion": ""}, "protocolVersion"),
    ],
)
def test_art1_a_malformed_commitment_is_400_naming_the_field(admin, newcomer, change, field):
    body = {"protocolVersion": PROTOCOL_VERSION, "startsOn": "2015-01-01", **change}
    assert field in invalid_fields(admin.post(commitment_url(newcomer), body))
    assert commitments_of(newcomer) == []


@pytest.mark.parametrize(
    ("period", "field"),
    [
        ({"startsOn": "2020-01-01"}, "startsOn"),  # within the open-ended one
        ({"startsOn": "2015-01-01", "endsOn": "2015-01-01"}, "startsOn"),  # its first day
        ({"startsOn": "2010-01-01", "endsOn": "2015-01-01"}, "endsOn"),  # ends on its first day
        ({"startsOn": "2010-01-01"}, "endsOn"),  # before it, never ending
    ],
)
def test_art1_a_commitment_that_overlaps_another_is_400_and_nothing_written(
    admin, partner, period, field
):
    fields = invalid_fields(admin.post(commitment_url(partner), {"protocolVersion": AVG, **period}))
    assert "overlapt" in fields[field] and PROTOCOL_VERSION in fields[field]
    assert commitments_of(partner) == [(PROTOCOL_VERSION, datetime.date(2015, 1, 1), None)]


def test_art1_ending_a_commitment_into_the_next_one_is_400_and_nothing_changes(admin, newcomer):
    first = ProtocolCommitment.objects.create(
        partner=newcomer,
        protocol_version=PROTOCOL_VERSION,
        starts_on=datetime.date(2015, 1, 1),
        ends_on=datetime.date(2018, 5, 24),
    )
    ProtocolCommitment.objects.create(
        partner=newcomer, protocol_version=AVG, starts_on=datetime.date(2018, 5, 25)
    )
    before = commitments_of(newcomer)
    fields = invalid_fields(admin.patch(commitment_url(newcomer, first), {"endsOn": "2019-01-01"}))
    assert "overlapt" in fields["endsOn"] and AVG in fields["endsOn"]
    assert commitments_of(newcomer) == before


@pytest.mark.parametrize("ends_on", ["2014-12-31", "2015-02-30", "", None])
def test_art1_a_bad_end_of_a_commitment_is_400_and_nothing_changes(admin, partner, ends_on):
    (current,) = ProtocolCommitment.objects.filter(partner=partner)
    assert "endsOn" in invalid_fields(
        admin.patch(commitment_url(partner, current), {"endsOn": ends_on})
    )
    assert commitments_of(partner) == [(PROTOCOL_VERSION, datetime.date(2015, 1, 1), None)]


def test_art1_ending_a_commitment_of_another_partner_or_none_is_404(admin, partner, newcomer):
    (current,) = ProtocolCommitment.objects.filter(partner=partner)
    problem(admin.patch(commitment_url(newcomer, current), {"endsOn": YESTERDAY}), 404)
    problem(admin.patch(f"/partners/{partner.id}/commitments/999999", {"endsOn": YESTERDAY}), 404)
    problem(
        admin.post(
            f"/partners/{uuid.uuid4()}/commitments",
            {"protocolVersion": AVG, "startsOn": "2018-05-25"},
        ),
        404,
    )
    assert commitments_of(partner) == [(PROTOCOL_VERSION, datetime.date(2015, 1, 1), None)]


def test_art1_the_api_documents_the_administrators_403_as_a_problem(anonymous):
    paths = anonymous.get("/openapi.json").json()["paths"]
    for operation in (
        paths["/partners/{partnerId}/commitments"]["post"],
        paths["/partners/{partnerId}/commitments/{commitmentId}"]["patch"],
    ):
        forbidden = operation["responses"]["403"]
        assert "functioneel beheerder" in forbidden["description"]
        schema = forbidden["content"]["application/problem+json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Problem"}


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
    _, token = ApiToken.issue(name="koppeling", partner=partner, service="planning", scopes=["all"])
    response = Api(token).get("/employees")
    assert response.status_code == 200
    assert [e["id"] for e in response.json()] == [str(caseworker.id)]


def test_art1_an_organisation_no_longer_committed_has_no_acknowledged_employees(db):
    outside = make_partner("Buurtteam Zonder Afspraak", committed=False)
    (listed,) = as_employee(make_employee(outside, "olga")).get("/employees").json()
    assert listed["acknowledgedCurrentVersion"] is False


def test_the_employees_need_a_token(anonymous):
    problem(anonymous.get("/employees"), 401)
