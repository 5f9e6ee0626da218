# SPDX-License-Identifier: EUPL-1.2
"""The Meldcode on the pages (art8.1): the part on the dossier, opening a case with the signals,
and the form for the next step only, through the assessment framework to a report.
"""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.test import Client as BrowserClient
from django.utils import translation

from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    sign_in,
)
from tests.web.test_pages import dossier_url, field_error, text_of
from zorgvuldig.exchange.models import MeldcodeStep, SafetyCase, SafetyCaseStep
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.web import labels

pytestmark = pytest.mark.django_db


TODAY = datetime.date.today()


def open_url(client_id, purpose="support-provision") -> str:
    return f"/clienten/{client_id}/meldcode/nieuw/?doel={purpose}"


def step_url(client_id, case_id, purpose="support-provision") -> str:
    return f"/clienten/{client_id}/meldcode/{case_id}/?doel={purpose}"


def step_data(step, **extra) -> dict:
    return {
        "step": step,
        "taken_on": TODAY.isoformat(),
        "conclusion": f"Conclusie {step}",
        "purpose": "safety",
        **extra,
    }


@pytest.fixture
def case(actor, client_dossier):
    return services.open_safety_case(
        actor, client_dossier.id, signals="Blauwe plekken op de armen", taken_on=TODAY
    )


def take(actor, case, *steps, **answers):
    for step in steps:
        services.record_meldcode_step(
            actor,
            case.id,
            step=step,
            taken_on=TODAY,
            conclusion=f"Conclusie {step}",
            **answers.get(step, {}),
        )


def weighed(actor, case, *, unsafe: bool, help_possible: bool):
    take(
        actor,
        case,
        "consult",
        "conversation",
        "weigh",
        weigh={"acute_or_structural_unsafety": unsafe, "adequate_help_possible": help_possible},
    )


def steps_of(case) -> list[str]:
    return list(SafetyCaseStep.objects.filter(case_id=case.id).values_list("step", flat=True))


def test_art8_1_the_dossier_shows_the_cases_with_who_when_and_what_was_concluded(
    web, client_dossier, case
):
    response = web.get(dossier_url(client_dossier.id))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="meldcode"' in html and f'data-safety-case="{case.id}"' in html
    page = text_of(response)
    assert "1. Signalen in kaart brengen" in page
    assert "Blauwe plekken op de armen" in page and "Anna Test" in page
    assert f"/clienten/{client_dossier.id}/meldcode/{case.id}/?doel=support-provision" in html
    assert "2. Collegiale consultatie en zo nodig Veilig Thuis raadplegen" in page
    consult = LogRecord.objects.get(name="meldcode-raadplegen")
    assert consult.purpose == "support-provision"


def test_art8_1_the_dossier_says_why_no_cases_are_shown_for_a_purpose_that_needs_none(
    web, client_dossier, case
):
    response = web.get(dossier_url(client_dossier.id, purpose="intake"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-meldcode-refusal" in html and "art. 5 lid 1" in text_of(response)
    assert f'data-safety-case="{case.id}"' not in html


def test_art8_1_without_cases_the_part_says_so_and_offers_to_start(web, client_dossier):
    page = web.get(dossier_url(client_dossier.id)).content.decode()
    assert "Geen meldcodezaken bij uw organisatie." in page
    assert open_url(client_dossier.id) in page


def test_art8_1_a_caseworker_opens_a_case_with_the_signals(web, client_dossier):
    form = web.get(open_url(client_dossier.id))
    assert form.status_code == 200 and "Meldcode starten" in text_of(form)
    assert 'name="csrfmiddlewaretoken"' in form.content.decode()
    response = web.post(
        open_url(client_dossier.id),
        {
            "signals": "Kind vertelt over ruzie thuis",
            "taken_on": TODAY.isoformat(),
            "purpose": "safety",
        },
    )
    assert response.status_code == 302, text_of(response)
    assert response["Location"].endswith("?doel=support-provision#meldcode")
    (opened,) = SafetyCase.objects.all()
    assert steps_of(opened) == ["signals"]
    assert LogRecord.objects.get(name="meldcode-signalen").purpose == "safety"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"signals": ""}, "signals", "verplicht"),
        ({"taken_on": "2025-02-30"}, "taken_on", "geldige datum"),
        (
            {"taken_on": (TODAY + datetime.timedelta(days=1)).isoformat()},
            "taken_on",
            "niet in de toekomst",
        ),
        ({"purpose": ""}, "purpose", "verplicht"),
    ],
)
def test_art8_1_opening_with_bad_input_is_400_and_records_nothing(
    web, client_dossier, data, field, message
):
    sent = {"signals": "Signalen", "taken_on": TODAY.isoformat(), "purpose": "safety", **data}
    response = web.post(open_url(client_dossier.id), sent)
    assert response.status_code == 400
    assert message in field_error(response, field).lower()
    assert "Er is niets vastgelegd" in text_of(response)
    assert not SafetyCase.objects.exists()
    assert not LogRecord.objects.filter(name="meldcode-signalen").exists()


def test_art8_1_without_a_purpose_the_page_asks_for_it_first(web, client_dossier):
    response = web.get(f"/clienten/{client_dossier.id}/meldcode/nieuw/")
    assert response.status_code == 200
    assert 'name="doel"' in response.content.decode()
    assert not LogRecord.objects.filter(name__startswith="meldcode").exists()


def test_art4_1_opening_a_case_for_a_client_not_yet_informed_is_refused_and_logged(
    web, registered_client
):
    response = web.post(
        open_url(registered_client.id),
        {"signals": "Signalen", "taken_on": TODAY.isoformat(), "purpose": "safety"},
    )
    assert response.status_code == 403
    page = text_of(response)
    assert "Niet toegestaan volgens het privacyprotocol" in page and "art4.1" in page
    assert "#zonder-toestemming" in response.content.decode()
    assert not SafetyCase.objects.exists()
    assert LogRecord.objects.get(name="meldcode-signalen").decision == "refused"


def test_art4_6_a_serious_risk_stands_in_for_informing_when_opening_a_case(web, registered_client):
    response = web.post(
        open_url(registered_client.id),
        {
            "signals": "Signalen",
            "taken_on": TODAY.isoformat(),
            "purpose": "safety",
            "justification_ground": "serious-risk",
            "justification": "Informeren brengt het kind in gevaar.",
        },
    )
    assert response.status_code == 302, text_of(response)
    assert SafetyCase.objects.count() == 1


def test_art8_1_the_step_form_asks_only_for_the_next_step(web, client_dossier, case):
    response = web.get(step_url(client_dossier.id, case.id))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<input type="hidden" name="step" value="consult"' in html
    assert "2. Collegiale consultatie en zo nodig Veilig Thuis raadplegen" in text_of(response)
    assert 'name="acute_or_structural_unsafety"' not in html
    assert 'name="report_to_veilig_thuis"' not in html
    response = web.post(step_url(client_dossier.id, case.id), step_data("consult"))
    assert response.status_code == 302, text_of(response)
    assert steps_of(case) == ["signals", "consult"]
    assert LogRecord.objects.filter(name="meldcode-consult").exists()


def test_art8_1_a_step_out_of_order_is_shown_on_the_form_and_nothing_is_recorded(
    web, client_dossier, case
):
    response = web.post(step_url(client_dossier.id, case.id), step_data("decide"))
    assert response.status_code == 400
    page = text_of(response)
    assert "De meldcode gaat in volgorde" in page and "Er is niets vastgelegd" in page
    assert steps_of(case) == ["signals"]


def test_art8_1_a_step_with_a_malformed_date_is_400(web, client_dossier, case):
    response = web.post(
        step_url(client_dossier.id, case.id), step_data("consult", taken_on="gisteren")
    )
    assert response.status_code == 400 and field_error(response, "taken_on")
    assert steps_of(case) == ["signals"]


def test_art8_1_step_4_asks_both_questions_of_the_assessment_framework(
    web, actor, client_dossier, case
):
    take(actor, case, "consult", "conversation")
    html = web.get(step_url(client_dossier.id, case.id)).content.decode()
    assert "Is er sprake van acute of structurele onveiligheid?" in html
    assert "Kunt u passende hulp bieden of organiseren?" in html
    unanswered = web.post(step_url(client_dossier.id, case.id), step_data("weigh"))
    assert unanswered.status_code == 400
    assert field_error(unanswered, "acute_or_structural_unsafety")
    assert field_error(unanswered, "adequate_help_possible")
    assert steps_of(case) == ["signals", "consult", "conversation"]
    answered = web.post(
        step_url(client_dossier.id, case.id),
        step_data("weigh", acute_or_structural_unsafety="nee", adequate_help_possible="ja"),
    )
    assert answered.status_code == 302, text_of(answered)
    step = SafetyCaseStep.objects.get(case_id=case.id, step="weigh")
    assert step.acute_or_structural_unsafety is False and step.adequate_help_possible is True


def test_art8_1_the_framework_demands_a_report_and_the_form_says_so_in_dutch(
    web, actor, client_dossier, case
):
    weighed(actor, case, unsafe=True, help_possible=True)
    response = web.post(
        step_url(client_dossier.id, case.id), step_data("decide", organise_help="on")
    )
    assert response.status_code == 400
    assert "meldt u bij Veilig Thuis" in field_error(response, "report_to_veilig_thuis")
    assert len(steps_of(case)) == 4


def test_art8_1_deciding_nothing_is_400(web, actor, client_dossier, case):
    weighed(actor, case, unsafe=False, help_possible=True)
    response = web.post(step_url(client_dossier.id, case.id), step_data("decide"))
    assert response.status_code == 400
    assert "hulp te organiseren en/of te melden" in field_error(response, "organise_help")
    assert len(steps_of(case)) == 4


def test_art8_1_a_report_needs_the_reference_of_veilig_thuis(web, actor, client_dossier, case):
    weighed(actor, case, unsafe=False, help_possible=False)
    response = web.post(
        step_url(client_dossier.id, case.id), step_data("decide", report_to_veilig_thuis="on")
    )
    assert response.status_code == 400
    assert "kenmerk" in field_error(response, "report_reference")
    assert len(steps_of(case)) == 4


def test_art8_1_the_decision_to_report_completes_the_case(web, actor, client_dossier, case):
    weighed(actor, case, unsafe=True, help_possible=False)
    response = web.post(
        step_url(client_dossier.id, case.id),
        step_data(
            "decide",
            organise_help="on",
            report_to_veilig_thuis="on",
            report_reference="VT-2026-0042",
        ),
    )
    assert response.status_code == 302, text_of(response)
    decided = SafetyCaseStep.objects.get(case_id=case.id, step="decide")
    assert decided.report_to_veilig_thuis and decided.report_reference == "VT-2026-0042"
    dossier = text_of(web.get(dossier_url(client_dossier.id)))
    assert "Gemeld bij Veilig Thuis, kenmerk VT-2026-0042" in dossier
    assert "Alle vijf stappen zijn gezet" in dossier
    done = web.get(step_url(client_dossier.id, case.id))
    assert done.status_code == 200
    assert 'name="step"' not in done.content.decode()
    assert "data-report-share" in done.content.decode()
    again = web.post(step_url(client_dossier.id, case.id), step_data("decide"))
    assert again.status_code == 400 and "al gezet" in text_of(again)


def test_art8_1_another_organisations_caseworker_cannot_see_or_continue_the_case(
    client_dossier, case
):
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
    browser = BrowserClient()
    sign_in(browser, other.user)
    dossier = browser.get(dossier_url(client_dossier.id))
    assert dossier.status_code == 200
    assert "Blauwe plekken" not in dossier.content.decode()
    assert "Geen meldcodezaken bij uw organisatie." in text_of(dossier)
    page = browser.get(step_url(client_dossier.id, case.id))
    assert page.status_code == 404 and "Blauwe plekken" not in page.content.decode()
    posted = browser.post(step_url(client_dossier.id, case.id), step_data("consult"))
    assert posted.status_code == 404
    assert steps_of(case) == ["signals"]


def test_art8_1_an_unknown_client_or_case_is_not_found(web, client_dossier):
    assert web.get(step_url(uuid.uuid4(), uuid.uuid4())).status_code == 404
    assert web.get(step_url(client_dossier.id, uuid.uuid4())).status_code == 404
    response = web.post(
        open_url(uuid.uuid4()),
        {"signals": "Signalen", "taken_on": TODAY.isoformat(), "purpose": "safety"},
    )
    assert response.status_code == 404


def test_art8_1_the_steps_and_processings_of_the_meldcode_have_dutch_labels():
    with translation.override("en"):
        assert {k: str(v) for k, v in labels.MELDCODE_STEPS.items()} == dict(MeldcodeStep.choices)
    with translation.override("nl"):
        for step in MeldcodeStep.values:
            name = "meldcode-signalen" if step == "signals" else f"meldcode-{step}"
            assert labels.label("processing", name) != name
            assert labels.label("processing", name).startswith("Meldcode")
        assert labels.label("processing", "meldcode-raadplegen") == "Meldcodezaken geraadpleegd"


def test_art5_1_a_case_is_closed_from_the_dossier_after_its_decision(
    web, actor, client_dossier, case
):
    weighed(actor, case, unsafe=False, help_possible=True)
    take(actor, case, "decide", decide={"organise_help": True, "report_to_veilig_thuis": False})
    dossier = web.get(dossier_url(client_dossier.id)).content.decode()
    close = f"/clienten/{client_dossier.id}/meldcode/{case.id}/sluiten/?doel=support-provision"
    assert close.replace("&", "&amp;") in dossier or close in dossier
    page = web.get(close)
    assert page.status_code == 200 and "Meldcodezaak sluiten" in text_of(page)
    blank = web.post(close, {"closed_on": TODAY.isoformat(), "note": "", "purpose": "safety"})
    assert blank.status_code == 400 and field_error(blank, "note")
    done = web.post(
        close, {"closed_on": TODAY.isoformat(), "note": "Hulp loopt goed.", "purpose": "safety"}
    )
    assert done.status_code == 302, text_of(done)
    assert SafetyCase.objects.get(id=case.id).closed_on == TODAY
    assert "data-case-closed" in web.get(dossier_url(client_dossier.id)).content.decode()
    # a closed case is no ground for the purpose safety any more (art5.1)
    refused = web.post(
        close, {"closed_on": TODAY.isoformat(), "note": "Nogmaals", "purpose": "safety"}
    )
    assert refused.status_code in (400, 403)
