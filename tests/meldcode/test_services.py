# SPDX-License-Identifier: EUPL-1.2
"""art8.1: signals of domestic violence or child abuse follow the Meldcode's five steps."""

from __future__ import annotations

import datetime

import pytest

from zorgvuldig.core.errors import InvalidInput, ProcessingRefused
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.exchange.models import SafetyCaseStep
from zorgvuldig.gate import services, validation
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


DAY = datetime.date(2026, 11, 2)


def step(actor, case, name, **answers):
    return services.record_meldcode_step(
        actor, case.id, step=name, taken_on=DAY, conclusion=f"Conclusie {name}", **answers
    )


def test_art8_1_the_five_steps_in_order_with_who_when_and_what(actor, client_dossier):
    case = services.open_safety_case(
        actor, client_dossier.id, signals="Blauwe plekken op armen", taken_on=DAY
    )
    assert case.next_step == "consult"
    step(actor, case, "consult")
    step(actor, case, "conversation")
    step(actor, case, "weigh", acute_or_structural_unsafety=True, adequate_help_possible=True)
    done = step(
        actor,
        case,
        "decide",
        organise_help=True,
        report_to_veilig_thuis=True,
        report_reference="VT-2026-0107",
    )
    assert [s.step for s in done.steps] == ["signals", "consult", "conversation", "weigh", "decide"]
    assert done.steps[0].taken_by == "Anna Test" and done.steps[0].conclusion.startswith("Blauwe")
    assert done.next_step is None
    names = set(LogRecord.objects.values_list("name", flat=True))
    assert {"meldcode-signalen", "meldcode-consult", "meldcode-decide"} <= names
    assert set(
        LogRecord.objects.filter(name__startswith="meldcode").values_list("categories", flat=True)
    ) == {"safety-signals"}


def test_art8_1_steps_cannot_be_skipped_or_repeated(actor, client_dossier):
    case = services.open_safety_case(actor, client_dossier.id, signals="Signaal", taken_on=DAY)
    with pytest.raises(InvalidInput) as error:
        step(actor, case, "weigh", acute_or_structural_unsafety=False, adequate_help_possible=True)
    assert "volgende stap" in error.value.errors["step"]
    step(actor, case, "consult")
    with pytest.raises(InvalidInput):
        step(actor, case, "consult")
    assert SafetyCaseStep.objects.count() == 2


def test_art8_1_the_assessment_framework_requires_a_report_when_unsafe(actor, client_dossier):
    case = services.open_safety_case(actor, client_dossier.id, signals="Signaal", taken_on=DAY)
    step(actor, case, "consult")
    step(actor, case, "conversation")
    with pytest.raises(InvalidInput) as error:
        step(actor, case, "weigh", acute_or_structural_unsafety=True)
    assert "adequateHelpPossible" in error.value.errors
    step(actor, case, "weigh", acute_or_structural_unsafety=True, adequate_help_possible=True)
    with pytest.raises(InvalidInput) as error:
        step(actor, case, "decide", organise_help=True, report_to_veilig_thuis=False)
    assert "afwegingskader" in error.value.errors["reportToVeiligThuis"]
    with pytest.raises(InvalidInput) as error:
        step(actor, case, "decide", report_to_veilig_thuis=True)
    assert "reportReference" in error.value.errors
    assert SafetyCaseStep.objects.count() == 4


def test_art8_1_signals_before_informing_need_a_serious_risk_justification(
    actor, registered_client
):
    with pytest.raises(ProcessingRefused) as refused:
        services.open_safety_case(actor, registered_client.id, signals="Signaal", taken_on=DAY)
    assert refused.value.decision.articles[0] == "art4.1"
    risk = validation.justification("serious-risk", "Ouders informeren brengt het kind in gevaar.")
    case = services.open_safety_case(
        actor, registered_client.id, signals="Signaal", taken_on=DAY, justification=risk
    )
    assert case.steps[0].step == "signals"
    assert Annotation.objects.filter(article="art4.6", client_id=registered_client.id).exists()


def test_a_report_to_veilig_thuis_is_an_exchange_like_the_others(actor, client_dossier):
    # the signals are recorded for safety under the Meldcode case they belong to (art5.1)
    services.open_safety_case(actor, client_dossier.id, signals="Blauwe plekken", taken_on=DAY)
    item = services.record_item(
        actor,
        client_dossier.id,
        category="safety-signals",
        label="Signaal",
        value="Blauwe plekken",
        source="Leerkracht",
        method="partner",
        obtained_on=DAY,
        purpose="safety",
    )
    result = services.share_items(
        actor,
        client_dossier.id,
        item_ids=[item.id],
        report_reference="VT-2026-0107",
        purpose="safety",
    )
    assert result.sent == (item.id,)
