# SPDX-License-Identifier: EUPL-1.2
"""A purpose wider than the ordinary support rests on a fact the system holds (art2, art5.1):
safety on an open Meldcode case, a serious-risk justification or a Veilig Thuis request;
integrated support on a household plan that includes the actor's organisation."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import make_employee, make_partner, supporting
from zorgvuldig.core.errors import InvalidInput, ProcessingRefused
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import services, validation
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 2)


def record_health(actor, client_id, purpose="safety", **extra):
    return services.record_item(
        actor,
        client_id,
        category="health",
        label="Letsel",
        value="Blauwe plekken",
        source="Leerkracht",
        method="partner",
        obtained_on=DAY,
        purpose=purpose,
        **extra,
    )


def test_art5_1_safety_without_its_ground_is_refused_logged_and_writes_nothing(
    actor, client_dossier
):
    with pytest.raises(ProcessingRefused) as refused:
        record_health(actor, client_dossier.id)
    decision = refused.value.decision
    assert decision.articles == ("art5.1",)
    assert "meldcodezaak" in decision.explanation and "Leg dat vast" in decision.explanation
    assert not DataItem.objects.exists()
    assert LogRecord.objects.get(name="gegeven-vastleggen").decision == "refused"


def test_art5_1_an_open_meldcode_case_is_the_ground_of_safety(actor, client_dossier):
    services.open_safety_case(actor, client_dossier.id, signals="Blauwe plekken", taken_on=DAY)
    assert record_health(actor, client_dossier.id).category == "health"
    # only for the organisation whose case it is
    other = supporting(make_partner("Wijkteam Doorn"), client_dossier, "bram")
    with pytest.raises(ProcessingRefused):
        record_health(other, client_dossier.id)


def test_art5_1_a_closed_case_no_longer_grounds_safety(actor, client_dossier):
    case = services.open_safety_case(actor, client_dossier.id, signals="Signaal", taken_on=DAY)
    with pytest.raises(InvalidInput) as early:  # closed only after the decision (step 5)
        services.close_safety_case(actor, case.id, closed_on=DAY, note="Klaar")
    assert "safetyCaseId" in early.value.errors
    for name in ("consult", "conversation"):
        services.record_meldcode_step(
            actor, case.id, step=name, taken_on=DAY, conclusion=f"Conclusie {name}"
        )
    services.record_meldcode_step(
        actor,
        case.id,
        step="weigh",
        taken_on=DAY,
        conclusion="Geen acute onveiligheid; hulp mogelijk",
        acute_or_structural_unsafety=False,
        adequate_help_possible=True,
    )
    services.record_meldcode_step(
        actor,
        case.id,
        step="decide",
        taken_on=DAY,
        conclusion="Hulp via het jeugdteam",
        organise_help=True,
        report_to_veilig_thuis=False,
    )
    record_health(actor, client_dossier.id)  # the follow-up: still a ground
    with pytest.raises(InvalidInput):
        services.close_safety_case(actor, case.id, closed_on=DAY, note="  ")
    with pytest.raises(InvalidInput):
        services.close_safety_case(
            actor, case.id, closed_on=datetime.date(2999, 1, 1), note="Klaar"
        )
    closed = services.close_safety_case(
        actor, case.id, closed_on=DAY, note="De hulp loopt; geen zorgen meer over veiligheid."
    )
    assert closed.closed_on == DAY
    with pytest.raises(ProcessingRefused) as refused:
        record_health(actor, client_dossier.id)
    assert refused.value.decision.articles == ("art5.1",)
    with pytest.raises(InvalidInput):  # once
        services.close_safety_case(actor, case.id, closed_on=DAY, note="Nogmaals")
    assert LogRecord.objects.filter(name="meldcode-sluiten", decision="allowed").count() == 1


def test_art5_1_a_serious_risk_justification_is_a_ground_of_safety(actor, client_dossier):
    risk = validation.justification("serious-risk", "Acuut gevaar voor het kind.")
    assert record_health(actor, client_dossier.id, justification=risk).category == "health"


def test_art5_1_integrated_support_rests_on_a_household_plan_naming_the_organisation(
    actor, client_dossier
):
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_items(
            actor, client_dossier.id, categories=["household"], purpose="integrated-support"
        )
    assert refused.value.decision.articles == ("art5.1",)
    welfare = make_partner("Welzijn Heuvelrug")
    eva = supporting(welfare, client_dossier, "eva")
    director = actor_for(make_employee(make_partner("Gemeente"), "marloes"))
    services.create_household(
        actor,
        client_dossier.id,
        name="Gezin De Vries",
        director_id=director.employee_id,
        plan="Schoolgang herstellen.",
    )
    # the organisation that formed it takes part in the plan
    services.consult_items(
        actor, client_dossier.id, categories=["household"], purpose="integrated-support"
    )
    # an organisation that supports the client but is not in the plan does not
    with pytest.raises(ProcessingRefused):
        services.consult_items(
            eva, client_dossier.id, categories=["household"], purpose="integrated-support"
        )
    assert LogRecord.objects.filter(decision="refused", purpose="integrated-support").count() == 2


def test_art5_1_the_consent_panel_for_safety_needs_the_ground_too(actor, client_dossier):
    with pytest.raises(ProcessingRefused) as refused:  # reading it is itself for safety
        services.allowed_now(actor, client_dossier.id, purpose="safety")
    assert refused.value.decision.articles == ("art5.1",)
    services.open_safety_case(actor, client_dossier.id, signals="Signaal", taken_on=DAY)
    rows = {
        (r.operation, r.category): r
        for r in services.allowed_now(actor, client_dossier.id, purpose="safety")
    }
    assert rows[("record", "safety-signals")].allowed
