# SPDX-License-Identifier: EUPL-1.2
"""GET /clients/{clientId}/safety-cases: the Meldcode cases of your organisation (art8.1)."""

from __future__ import annotations

import datetime
import uuid

import pytest

from tests.apiclient import as_employee, invalid_fields, problem
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
)
from zorgvuldig.exchange.models import SafetyCaseStep
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


TODAY = datetime.date.today()


@pytest.fixture
def case(actor, client_dossier):
    opened = services.open_safety_case(
        actor, client_dossier.id, signals="Blauwe plekken", taken_on=TODAY
    )
    services.record_meldcode_step(
        actor, opened.id, step="consult", taken_on=TODAY, conclusion="Collega gesproken"
    )
    return opened


def test_art8_1_the_cases_are_listed_with_their_steps_and_next_step(api, client_dossier, case):
    response = api.get(f"/clients/{client_dossier.id}/safety-cases", {"purpose": "safety"})
    assert response.status_code == 200, response.content
    (listed,) = response.json()
    assert listed["id"] == str(case.id) and listed["clientId"] == str(client_dossier.id)
    assert [s["step"] for s in listed["steps"]] == ["signals", "consult"]
    assert listed["steps"][0]["conclusion"] == "Blauwe plekken"
    assert listed["steps"][0]["takenBy"] == "Anna Test"
    assert listed["nextStep"] == "conversation"
    record = LogRecord.objects.get(name="meldcode-raadplegen")
    assert record.purpose == "safety" and record.decision == "allowed"


def test_art8_1_another_organisation_does_not_see_the_case(client_dossier, case):
    other = make_employee(make_partner("Wijkteam Doorn"), "bram")
    services.register_client(
        actor_for(other),
        bsn=client_dossier.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client_dossier.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    inform_and_consent(
        actor_for(other), client_dossier.id, representative_id=representative_of(client_dossier.id)
    )
    # without a Meldcode case of its own it has no ground for the purpose safety (art5.1)
    problem(
        as_employee(other).get(f"/clients/{client_dossier.id}/safety-cases", {"purpose": "safety"}),
        403,
    )
    # with one, it sees its own case and not the other organisation's
    own = services.open_safety_case(
        actor_for(other), client_dossier.id, signals="Eigen signaal", taken_on=TODAY
    )
    response = as_employee(other).get(
        f"/clients/{client_dossier.id}/safety-cases", {"purpose": "safety"}
    )
    assert response.status_code == 200, response.content
    assert [c["id"] for c in response.json()] == [str(own.id)]
    assert str(case.id) not in response.content.decode()


def test_art2_the_purpose_is_required(api, client_dossier, case):
    assert "purpose" in invalid_fields(api.get(f"/clients/{client_dossier.id}/safety-cases"))
    assert not LogRecord.objects.filter(name="meldcode-raadplegen").exists()


def test_art5_1_a_purpose_that_needs_no_signals_is_refused_and_logged(api, client_dossier, case):
    body = problem(
        api.get(f"/clients/{client_dossier.id}/safety-cases", {"purpose": "intake"}), 403
    )
    assert "art. 5 lid 1" in body["detail"]
    assert LogRecord.objects.get(name="meldcode-raadplegen").decision == "refused"


def test_an_unknown_client_is_404(api, case):
    problem(api.get(f"/clients/{uuid.uuid4()}/safety-cases", {"purpose": "safety"}), 404)


def test_art5_1_a_case_is_closed_after_its_decision_and_then_grounds_no_safety(
    api, client_dossier, case
):
    path = f"/safety-cases/{case.id}/closure"
    body = {"closedOn": str(TODAY), "note": "Hulp loopt, geen zorgen meer."}
    assert "safetyCaseId" in invalid_fields(api.post(path, body))  # step 5 not taken yet
    for step in ("conversation", "weigh", "decide"):
        answers = {
            "weigh": {"acuteOrStructuralUnsafety": False, "adequateHelpPossible": True},
            "decide": {"organiseHelp": True, "reportToVeiligThuis": False},
        }.get(step, {})
        taken = api.post(
            f"/safety-cases/{case.id}/steps",
            {"step": step, "takenOn": str(TODAY), "conclusion": step, **answers},
        )
        assert taken.status_code == 201, taken.content
    assert "closedOn" in invalid_fields(api.post(path, {**body, "closedOn": "2999-01-01"}))
    assert "note" in invalid_fields(api.post(path, {**body, "note": ""}))
    closed = api.post(path, body)
    assert closed.status_code == 201, closed.content
    assert closed.json()["closedOn"] == str(TODAY)
    refused = problem(
        api.get(f"/clients/{client_dossier.id}/safety-cases", {"purpose": "safety"}), 403
    )
    assert "art5.1" in refused["articles"]


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
