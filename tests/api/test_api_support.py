# SPDX-License-Identifier: EUPL-1.2
"""The API for requests (pull), the Meldcode, households and non-partners (art1, art7, art8.1)."""

from __future__ import annotations

import datetime

import pytest

from tests.api.conftest import as_employee, invalid_fields, problem
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    supporting,
)
from zorgvuldig.exchange.models import SafetyCaseStep
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee
from zorgvuldig.partners.services import actor_for

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today().isoformat()


def test_art8_1_the_meldcode_through_the_api(api, client_dossier):
    opened = api.post(
        f"/clients/{client_dossier.id}/safety-cases",
        {"signals": "Blauwe plekken", "takenOn": TODAY},
    )
    assert opened.status_code == 201, opened.content
    case = opened.json()
    assert case["nextStep"] == "consult" and case["steps"][0]["step"] == "signals"
    skipped = invalid_fields(
        api.post(
            f"/safety-cases/{case['id']}/steps",
            {"step": "decide", "takenOn": TODAY, "conclusion": "x"},
        )
    )
    assert "volgende stap" in skipped["step"]
    step = api.post(
        f"/safety-cases/{case['id']}/steps",
        {"step": "consult", "takenOn": TODAY, "conclusion": "Collega gesproken"},
    )
    assert step.status_code == 201 and step.json()["nextStep"] == "conversation"
    assert SafetyCaseStep.objects.count() == 2


def test_a_data_request_through_the_api(actor, partner, client_dossier):
    from zorgvuldig.clients.models import Relation

    mother = Relation.objects.get(
        subject__client__id=client_dossier.id, kind="legal-representative"
    )
    services.record_item(
        actor,
        client_dossier.id,
        category="youth",
        label="School",
        value="De Linde",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    inform_and_consent(
        actor, client_dossier.id, representative_id=mother.related_id, scopes=("share",)
    )
    other = make_employee(make_partner("Jeugdhulp Elders"), "bram")
    services.register_client(
        actor_for(other),
        bsn=client_dossier.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client_dossier.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
    )
    inform_and_consent(actor_for(other), client_dossier.id, representative_id=mother.related_id)
    response = as_employee(other).post(
        f"/clients/{client_dossier.id}/data-requests",
        {
            "holderPartnerId": str(partner.id),
            "categories": ["youth"],
            "purpose": "support-provision",
        },
    )
    assert response.status_code == 200, response.content
    (received,) = response.json()["received"]
    assert received["current"]["value"] == "De Linde"
    assert received["current"]["source"] == "Jeugdteam Heuvelrug"
    empty = invalid_fields(
        as_employee(other).post(
            f"/clients/{client_dossier.id}/data-requests",
            {"holderPartnerId": str(partner.id), "categories": [], "purpose": "support-provision"},
        )
    )
    assert "categories" in empty


def test_art5_1_the_answer_to_a_data_request_lists_each_category_with_its_reason(
    actor, partner, client_dossier
):
    for category, value in (("youth", "De Linde"), ("health", "ADHD")):
        services.record_item(
            actor,
            client_dossier.id,
            category=category,
            label=category,
            value=value,
            source="Moeder",
            method="conversation",
            obtained_on=datetime.date(2026, 1, 5),
            purpose="assessment",
        )
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    other = supporting(make_partner("Jeugdhulp Elders"), client_dossier, "bram")
    response = as_employee(Employee.objects.get(id=other.employee_id)).post(
        f"/clients/{client_dossier.id}/data-requests",
        {
            "holderPartnerId": str(partner.id),
            "categories": ["youth", "health", "welfare", "work-income"],
            "purpose": "support-provision",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "partly-sent"
    answers = {answer["category"]: answer for answer in body["categories"]}
    assert list(answers) == ["youth", "health", "welfare", "work-income"]
    assert answers["youth"] == {
        "category": "youth",
        "status": "sent",
        "refusedBy": "",
        "itemsReceived": 1,
        "itemsWithheld": 0,
        "articles": [],
        "reason": "",
    }
    health, welfare, work = answers["health"], answers["welfare"], answers["work-income"]
    assert (health["status"], health["refusedBy"], health["articles"]) == (
        "refused",
        "requester",
        ["art4.4"],
    )
    assert "schriftelijke toestemming" in health["reason"]
    assert (welfare["status"], welfare["refusedBy"], welfare["itemsReceived"]) == (
        "not-held",
        "",
        0,
    )
    assert "geen gegevens" in welfare["reason"]
    assert (work["status"], work["refusedBy"], work["articles"]) == (
        "refused",
        "requester",
        ["art5.1"],
    )
    assert "niet nodig" in work["reason"] and "(art. 5 lid 1)" in work["reason"]
    (received,) = body["received"]
    assert received["current"]["value"] == "De Linde"


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


def test_art7_non_partners_listed_and_addressed(api):
    created = api.post("/non-partners", {"name": "Buurman", "kind": "network", "informed": True})
    assert created.status_code == 201
    (listed,) = api.get("/non-partners").json()
    assert listed["name"] == "Buurman" and listed["informedAt"]
    addressed = api.post(
        f"/non-partners/{listed['id']}/addresses",
        {"addressedOn": TODAY, "whatHappened": "Vertelde het door."},
    )
    assert addressed.status_code == 201 and addressed.json()["timesAddressed"] == 1
    blank = invalid_fields(
        api.post(
            f"/non-partners/{listed['id']}/addresses", {"addressedOn": TODAY, "whatHappened": ""}
        )
    )
    assert "whatHappened" in blank
    (record,) = api.get(f"/non-partners/{listed['id']}/addresses").json()
    assert record["addressedOn"] == TODAY and record["whatHappened"] == "Vertelde het door."
    assert record["addressedBy"]


def test_art7_another_partners_non_partner_is_not_found(api, db):
    from tests.api.conftest import as_employee, problem
    from tests.conftest import make_employee, make_partner

    created = api.post("/non-partners", {"name": "Buurvrouw", "kind": "network"}).json()
    other = as_employee(make_employee(make_partner("Wmo Leersum"), "wim"))
    problem(other.get(f"/non-partners/{created['id']}/addresses"), 404)
