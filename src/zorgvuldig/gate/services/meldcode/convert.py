# SPDX-License-Identifier: EUPL-1.2
"""Safety cases to the frozen values of :mod:`.views` (inside the gate only)."""

from __future__ import annotations

from zorgvuldig.exchange.models import SafetyCase
from zorgvuldig.gate.services.meldcode.views import SafetyCaseView, StepView


def safety_case_view(case: SafetyCase) -> SafetyCaseView:
    steps = case.steps.select_related("taken_by__user")
    return SafetyCaseView(
        case.id,
        case.client_id,
        tuple(
            StepView(
                s.step,
                s.taken_by.display_name,
                s.taken_on,
                s.conclusion,
                s.acute_or_structural_unsafety,
                s.adequate_help_possible,
                s.organise_help,
                s.report_to_veilig_thuis,
                s.report_reference,
            )
            for s in steps
        ),
        case.closed_on,
    )
