# SPDX-License-Identifier: EUPL-1.2
"""Forming a household through the API, the organisations in its plan, and the household in
the client's data (art1: one household, one plan, one director; art3.2c, art3.2d).
"""

from __future__ import annotations

import uuid

import pytest

from tests.apiclient import as_employee, counts, invalid_fields, problem
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    next_bsn,
    representative_of,
    supporting,
)
from zorgvuldig.clients.models import Client, Household
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente(db):
    return make_partner("Gemeente Utrechtse Heuvelrug")


@pytest.fixture
def director(gemeente):
    return make_employee(gemeente, "marloes")


@pytest.fixture
def wmo(db):
    return make_partner("Wmo Langbroek")


def formation(director, **extra) -> dict:
    return {
        "name": "Gezin De Vries",
        "directorId": str(director.id),
        "plan": "Ouderbegeleiding en schoolondersteuning",
        **extra,
    }


def households_url(client) -> str:
    return f"/clients/{client.id}/households"


def partner_names(body) -> list[str]:
    return [p["name"] for p in body["partners"]]


def test_art1_a_caseworker_forms_a_household_with_members_director_and_organisations(
    api, partner, client_dossier, director, gemeente, wmo
):
    mother = representative_of(client_dossier.id)
    response = api.post(
        households_url(client_dossier),
        formation(director, memberSubjectIds=[str(mother)], partnerIds=[str(wmo.id)]),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["name"], body["director"], body["directorId"]) == (
        "Gezin De Vries",
        "Marloes Test",
        str(director.id),
    )
    assert sorted(body["members"]) == ["Marieke de Vries", "Sanne de Vries"]
    assert body["partners"] == [
        {"id": str(gemeente.id), "name": "Gemeente Utrechtse Heuvelrug"},
        {"id": str(partner.id), "name": "Jeugdteam Heuvelrug"},
        {"id": str(wmo.id), "name": "Wmo Langbroek"},
    ]
    household = Household.objects.get()
    assert set(household.partners.all()) == {gemeente, partner, wmo}
    assert household.director == director
    assert LogRecord.objects.filter(name="huishouden-vastleggen", decision="allowed").exists()


def test_art1_the_plan_always_holds_the_directors_and_the_forming_organisation(
    api, partner, client_dossier, director, gemeente
):
    response = api.post(households_url(client_dossier), formation(director))
    assert response.status_code == 201, response.content
    assert partner_names(response.json()) == ["Gemeente Utrechtse Heuvelrug", "Jeugdteam Heuvelrug"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"directorId": str(uuid.uuid4())}, "directorId"),
        ({"directorId": "marloes"}, "directorId"),
        ({"partnerIds": [str(uuid.uuid4())]}, "partnerIds"),
        ({"partnerIds": ["wmo"]}, "partnerIds.0"),
        ({"memberClientIds": [str(uuid.uuid4())]}, "memberClientIds"),
        ({"memberSubjectIds": [str(uuid.uuid4())]}, "memberSubjectIds"),
        ({"purpose": "curiosity"}, "purpose"),
        ({"members": []}, "members"),
    ],
)
def test_art1_forming_a_household_with_bad_input_is_400_and_nothing_written(
    api, client_dossier, director, change, field
):
    before = counts()
    assert field in invalid_fields(
        api.post(households_url(client_dossier), formation(director, **change))
    )
    assert counts() == before


def test_art1_a_plan_with_an_organisation_that_is_no_partner_today_is_400_naming_it(
    api, client_dossier, director
):
    outside = make_partner("Buurtteam Zonder Afspraak", committed=False)
    before = counts()
    fields = invalid_fields(
        api.post(households_url(client_dossier), formation(director, partnerIds=[str(outside.id)]))
    )
    assert "Buurtteam Zonder Afspraak" in fields["partnerIds"]
    assert "gecommitteerd" in fields["partnerIds"]
    assert counts() == before


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: make_employee(p, "pieter", role=Role.PRIVACY_OFFICER), "hulpverlener"),
        (lambda p: make_employee(p, "beheer", role=Role.ADMINISTRATOR), "hulpverlener"),
    ],
)
def test_art3_2c_only_a_caseworker_directs_a_household_through_the_api(
    api, client_dossier, gemeente, make, reason
):
    before = counts()
    fields = invalid_fields(api.post(households_url(client_dossier), formation(make(gemeente))))
    assert reason in fields["directorId"] and "art. 3 lid 2 onder c" in fields["directorId"]
    assert counts() == before


def test_art3_2d_a_director_who_has_not_acknowledged_the_protocol_is_400(
    api, client_dossier, gemeente
):
    newcomer = make_employee(gemeente, "nina", acknowledged=False)
    before = counts()
    fields = invalid_fields(api.post(households_url(client_dossier), formation(newcomer)))
    assert "nog niet bevestigd" in fields["directorId"]
    assert "art. 3 lid 2 onder d" in fields["directorId"]
    assert counts() == before


def test_art4_1_forming_a_household_for_a_client_not_informed_is_refused(
    api, registered_client, director
):
    before_households = Household.objects.count()
    refusal = problem(api.post(households_url(registered_client), formation(director)), 403)
    assert "art4.1" in refusal["articles"]
    assert Household.objects.count() == before_households
    assert LogRecord.objects.filter(name="huishouden-vastleggen", decision="refused").exists()


def test_forming_a_household_for_an_unknown_client_is_404(api, director):
    problem(api.post(f"/clients/{uuid.uuid4()}/households", formation(director)), 404)
    assert not Household.objects.exists()


@pytest.fixture
def household(api, client_dossier, director, wmo) -> dict:
    mother = representative_of(client_dossier.id)
    formed = api.post(
        households_url(client_dossier),
        formation(director, memberSubjectIds=[str(mother)], partnerIds=[str(wmo.id)]),
    ).json()
    inform_and_consent(
        actor_for(director),
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        legal_basis="jeugdwet",
    )
    return formed


def test_art1_the_director_changes_the_organisations_in_the_plan(household, director, wmo):
    as_director = as_employee(director)
    plan_url = f"/households/{household['id']}/plan"
    kept = as_director.put(plan_url, {"plan": "Nieuw plan"})
    assert kept.status_code == 200, kept.content
    assert partner_names(kept.json()) == partner_names(household)  # not named: unchanged
    changed = as_director.put(plan_url, {"plan": "Nieuw plan", "partnerIds": [str(wmo.id)]})
    assert changed.status_code == 200, changed.content
    # the director's organisation always takes part in the plan it directs
    assert partner_names(changed.json()) == ["Gemeente Utrechtse Heuvelrug", "Wmo Langbroek"]
    overview = as_director.get(f"/households/{household['id']}").json()
    assert partner_names(overview["household"]) == partner_names(changed.json())


def test_art1_the_director_naming_an_organisation_that_is_no_partner_is_400_and_unchanged(
    household, director
):
    outside = make_partner("Buurtteam Zonder Afspraak", committed=False)
    fields = invalid_fields(
        as_employee(director).put(
            f"/households/{household['id']}/plan",
            {"plan": "Ander plan", "partnerIds": [str(outside.id)]},
        )
    )
    assert "Buurtteam Zonder Afspraak" in fields["partnerIds"]
    saved = Household.objects.get(id=household["id"])
    assert saved.plan == "Ouderbegeleiding en schoolondersteuning"
    assert sorted(p.name for p in saved.partners.all()) == sorted(partner_names(household))


def test_art1_only_the_director_changes_the_organisations(api, household):
    refused = problem(
        api.put(f"/households/{household['id']}/plan", {"plan": "Overgenomen", "partnerIds": []}),
        403,
    )
    assert "regisseur" in refused["detail"]
    assert len(Household.objects.get(id=household["id"]).partners.all()) == 3


def dossier(api, client) -> dict:
    response = api.get(f"/clients/{client.id}", {"purpose": "support-provision"})
    assert response.status_code == 200, response.content
    return response.json()


def as_employee_of(actor):
    return as_employee(Employee.objects.get(id=actor.employee_id))


def test_art3_2c_the_caseworker_who_formed_a_household_sees_it_in_the_clients_data(
    api, client_dossier, household
):
    (seen,) = dossier(api, client_dossier)["households"]
    assert (seen["id"], seen["name"], seen["director"]) == (
        household["id"],
        "Gezin De Vries",
        "Marloes Test",
    )
    assert sorted(seen["members"]) == ["Marieke de Vries", "Sanne de Vries"]
    assert partner_names(seen) == [
        "Gemeente Utrechtse Heuvelrug",
        "Jeugdteam Heuvelrug",
        "Wmo Langbroek",
    ]
    assert seen["plan"] == ""  # the plan is the director's (one household, one plan, one director)
    consult = LogRecord.objects.filter(name="dossier-raadplegen", decision="allowed").last()
    assert "household" in consult.categories  # read in the consult of the household data


def test_art3_2c_the_director_reads_the_plan_in_the_clients_data(
    client_dossier, household, director
):
    (seen,) = dossier(as_employee(director), client_dossier)["households"]
    assert seen["plan"] == "Ouderbegeleiding en schoolondersteuning"


def test_art3_2c_another_partners_caseworker_allowed_the_household_data_sees_it_too(
    client_dossier, household
):
    other = supporting(make_partner("Wmo Leersum"), client_dossier, "wim")
    (seen,) = dossier(as_employee_of(other), client_dossier)["households"]
    assert seen["name"] == "Gezin De Vries" and seen["plan"] == ""


def test_art4_2_a_caseworker_refused_the_household_data_does_not_see_the_household(
    client_dossier, household
):
    other = supporting(make_partner("Wmo Leersum"), client_dossier, "wim", consent=False)
    seen = dossier(as_employee_of(other), client_dossier)
    assert seen["households"] == []
    assert "Huishouden en gezinssamenstelling" in seen["refusal"]


def test_art3_2c_taking_in_a_member_of_a_household_shows_no_household(client_dossier, household):
    """The intake records identification data; it is no consult of the household."""
    other = as_employee(make_employee(make_partner("Wmo Leersum"), "wim"))
    response = other.post(
        "/clients",
        {
            "bsn": client_dossier.subject.bsn,
            "givenNames": "Sanne",
            "surname": "de Vries",
            "birthDate": client_dossier.subject.birth_date.isoformat(),
            "domain": "jeugd",
            "legalBasis": "jeugdwet",
            "purpose": "intake",
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["households"] == []


def test_art3_2c_the_consult_that_shows_a_household_logs_its_members(api, client_dossier, director):
    brother = api.post(
        "/clients",
        {
            "bsn": next_bsn(),
            "givenNames": "Tim",
            "surname": "de Vries",
            "birthDate": "2014-02-03",
            "domain": "jeugd",
            "legalBasis": "jeugdwet",
            "purpose": "intake",
        },
    ).json()
    response = api.post(
        households_url(client_dossier), formation(director, memberClientIds=[brother["id"]])
    )
    assert response.status_code == 201, response.content
    assert sorted(response.json()["members"]) == ["Sanne de Vries", "Tim de Vries"]
    (seen,) = dossier(api, client_dossier)["households"]
    assert "Tim de Vries" in seen["members"]
    consult = LogRecord.objects.filter(name="dossier-raadplegen", decision="allowed")
    tim = Client.objects.get(id=brother["id"]).subject_id
    assert consult.filter(subject_pseudonym=subject_pseudonym(tim)).exists()


def test_only_the_director_sees_and_keeps_the_household(api, actor, client_dossier):
    director = make_employee(make_partner("Gemeente"), "marloes")
    household = services.create_household(
        actor,
        client_dossier.id,
        name="Gezin",
        member_client_ids=[],
        director_id=director.id,
        plan="Plan",
    )
    refusal = problem(api.get(f"/households/{household.id}"), 403)
    assert "regisseur" in refusal["detail"]
    from zorgvuldig.clients.models import Relation

    mother = Relation.objects.get(
        subject__client__id=client_dossier.id, kind="legal-representative"
    )
    inform_and_consent(
        actor_for(director),
        client_dossier.id,
        representative_id=mother.related_id,
        legal_basis="jeugdwet",
    )
    as_director = as_employee(director)
    overview = as_director.get(f"/households/{household.id}")
    assert overview.status_code == 200, overview.content
    assert overview.json()["household"]["plan"] == "Plan"
    updated = as_director.put(
        f"/households/{household.id}/plan", {"plan": "Nieuw plan", "purpose": "integrated-support"}
    )
    assert updated.status_code == 200 and updated.json()["plan"] == "Nieuw plan"
