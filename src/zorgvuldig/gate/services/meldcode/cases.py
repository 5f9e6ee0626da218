# SPDX-License-Identifier: EUPL-1.2
"""Signals of domestic violence or child abuse, followed through the Meldcode (art8.1).

The Meldcode huiselijk geweld en kindermishandeling has five steps: (1) map the signals;
(2) consult a colleague and, if needed, Veilig Thuis; (3) talk with the client; (4) weigh the
violence or abuse with the assessment framework (since 2019: is there acute or structural
unsafety; can I offer or organise adequate help); (5) decide to organise help and/or report
to Veilig Thuis. Each step records who, when and what was concluded, in order. The signals
are data of the special category ``safety-signals``; a report to Veilig Thuis is an exchange
like the others (:func:`zorgvuldig.gate.services.exchange.share_items`).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.exchange.models import MeldcodeStep, SafetyCase, SafetyCaseStep
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, process
from zorgvuldig.gate.services.common import client_or_404, client_processing, gate_service
from zorgvuldig.gate.services.meldcode.convert import safety_case_view
from zorgvuldig.gate.services.meldcode.views import ORDER, SafetyCaseView
from zorgvuldig.protocol import Category, Justification, Operation, PurposeGround


def _day(value, field: str = "takenOn") -> datetime.date:
    if not isinstance(value, datetime.date) or value > timezone.localdate():
        raise InvalidInput({field: "Geef een geldige datum (JJJJ-MM-DD), niet in de toekomst."})
    return value


def _record(actor, client_id, name, purpose, legal_basis, justification, perform, opening=False):
    """``opening``: the processing opens the Meldcode case, which is its own ground for the
    purpose safety (art8.1, art5.1)."""
    return process(
        client_processing(
            actor,
            client_id,
            name,
            Operation.RECORD,
            (Category.SAFETY_SIGNALS,),
            purpose,
            legal_basis,
            justification=justification,
            establishes_ground=PurposeGround.MELDCODE_CASE if opening else None,
        ),
        perform,
    ).result


@gate_service
def open_safety_case(
    actor: Actor,
    client_id,
    *,
    signals: str,
    taken_on: datetime.date,
    purpose: str = "safety",
    legal_basis: str | None = None,
    justification: Justification | None = None,
) -> SafetyCaseView:
    """Step 1: map the signals. Telling the client first may endanger someone: then a
    serious-risk justification (art4.6) stands in for informing first (art4.1)."""
    client = client_or_404(client_id)
    conclusion = validation.text(signals, "signals", 5000)
    day = _day(taken_on)

    def perform(decision):
        case = SafetyCase.objects.create(
            client=client, partner_id=actor.partner_id, opened_by_id=actor.employee_id
        )
        SafetyCaseStep.objects.create(
            case=case,
            step=MeldcodeStep.SIGNALS,
            taken_by_id=actor.employee_id,
            taken_on=day,
            conclusion=conclusion,
        )
        return Performed(safety_case_view(case), subject_ids=[client.subject_id])

    return _record(
        actor,
        client.id,
        "meldcode-signalen",
        purpose,
        legal_basis,
        justification,
        perform,
        opening=True,
    )


def _check_step(case: SafetyCase, step: MeldcodeStep, answers: dict) -> None:
    done = list(case.steps.values_list("step", flat=True))
    expected = ORDER[len(done)] if len(done) < len(ORDER) else None
    if expected is None:
        raise InvalidInput({"step": "Alle stappen van de meldcode zijn al gezet."})
    if step is not expected:
        raise InvalidInput(
            {"step": f"De meldcode gaat in volgorde; de volgende stap is '{expected.label}'."}
        )
    if step is MeldcodeStep.WEIGH:
        for field in ("acute_or_structural_unsafety", "adequate_help_possible"):
            if answers[field] is None:
                raise InvalidInput(
                    {_camel(field): "Beantwoord beide vragen van het afwegingskader."}
                )
    if step is MeldcodeStep.DECIDE:
        weighed = case.steps.get(step=MeldcodeStep.WEIGH)
        must_report = weighed.acute_or_structural_unsafety or not weighed.adequate_help_possible
        if not (answers["organise_help"] or answers["report_to_veilig_thuis"]):
            raise InvalidInput({"organiseHelp": "Besluit hulp te organiseren en/of te melden."})
        if must_report and not answers["report_to_veilig_thuis"]:
            raise InvalidInput(
                {
                    "reportToVeiligThuis": "Bij acute of structurele onveiligheid, of "
                    "als u geen passende hulp kunt bieden, meldt u bij Veilig Thuis "
                    "(afwegingskader)."
                }
            )
        if answers["report_to_veilig_thuis"] and not answers["report_reference"]:
            raise InvalidInput(
                {"reportReference": "Noem het kenmerk van de melding bij Veilig Thuis."}
            )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


@gate_service
def record_meldcode_step(
    actor: Actor,
    case_id,
    *,
    step: str,
    taken_on: datetime.date,
    conclusion: str,
    acute_or_structural_unsafety: bool | None = None,
    adequate_help_possible: bool | None = None,
    organise_help: bool | None = None,
    report_to_veilig_thuis: bool | None = None,
    report_reference: str = "",
    purpose: str = "safety",
    legal_basis: str | None = None,
    justification: Justification | None = None,
) -> SafetyCaseView:
    """Steps 2 to 5, in the Meldcode's order, each with who, when and what was concluded."""
    case = SafetyCase.objects.filter(id=case_id, partner_id=actor.partner_id).first()
    if case is None:
        raise NotFound("safety-case", "Deze meldcodezaak bestaat niet bij uw organisatie.")
    try:
        the_step = MeldcodeStep(step)
    except ValueError:
        raise InvalidInput(
            {"step": f"Onbekende stap; kies uit: {', '.join(MeldcodeStep.values)}"}
        ) from None
    answers = {
        "acute_or_structural_unsafety": acute_or_structural_unsafety,
        "adequate_help_possible": adequate_help_possible,
        "organise_help": organise_help,
        "report_to_veilig_thuis": report_to_veilig_thuis,
        "report_reference": (report_reference or "").strip()[:100],
    }
    _check_step(case, the_step, answers)
    text = validation.text(conclusion, "conclusion", 5000)
    day = _day(taken_on)

    def perform(decision):
        SafetyCaseStep.objects.create(
            case=case,
            step=the_step,
            taken_by_id=actor.employee_id,
            taken_on=day,
            conclusion=text,
            **answers,
        )
        return Performed(safety_case_view(case), subject_ids=[case.client.subject_id])

    return _record(
        actor,
        case.client_id,
        f"meldcode-{the_step.value}",
        purpose,
        legal_basis,
        justification,
        perform,
    )


@gate_service
def close_safety_case(
    actor: Actor,
    case_id,
    *,
    closed_on: datetime.date,
    note: str,
    purpose: str = "safety",
    legal_basis: str | None = None,
) -> SafetyCaseView:
    """Close a case whose decision (step 5) has been taken, once its follow-up is over: it is
    no longer a ground for the purpose safety (art5.1). Who, when and why is kept."""
    case = SafetyCase.objects.filter(id=case_id, partner_id=actor.partner_id).first()
    if case is None:
        raise NotFound("safety-case", "Deze meldcodezaak bestaat niet bij uw organisatie.")
    if case.closed_on is not None:
        raise InvalidInput({"safetyCaseId": "Deze meldcodezaak is al gesloten."})
    if not case.steps.filter(step=MeldcodeStep.DECIDE).exists():
        raise InvalidInput({"safetyCaseId": "Sluit een meldcodezaak pas na het besluit (stap 5)."})
    day = _day(closed_on, "closedOn")
    text = validation.text(note, "note", 5000)

    def perform(decision):
        case.closed_on, case.closed_by_id, case.closing_note = day, actor.employee_id, text
        case.save(update_fields=["closed_on", "closed_by", "closing_note"])
        return Performed(safety_case_view(case), subject_ids=[case.client.subject_id])

    return _record(actor, case.client_id, "meldcode-sluiten", purpose, legal_basis, None, perform)


@gate_service
def safety_cases(
    actor: Actor,
    client_id,
    *,
    purpose: str,
    legal_basis: str | None = None,
) -> list[SafetyCaseView]:
    """The client's safety cases at the actor's organisation, oldest first, each with its
    steps: who, when, what was concluded (art8.1). A consult of the client's signals about
    safety, logged like every other; another organisation's cases are not part of it."""
    client = client_or_404(client_id)

    def read(decision):
        cases = SafetyCase.objects.filter(client=client, partner_id=actor.partner_id).order_by(
            "opened_at", "id"
        )
        return Performed(
            [safety_case_view(case) for case in cases], subject_ids=[client.subject_id]
        )

    return process(
        client_processing(
            actor,
            client.id,
            "meldcode-raadplegen",
            Operation.CONSULT,
            (Category.SAFETY_SIGNALS,),
            purpose,
            legal_basis,
        ),
        read,
    ).result
