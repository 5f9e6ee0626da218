# SPDX-License-Identifier: EUPL-1.2
"""The Meldcode part of the dossier (art8.1): the client's safety cases at the employee's
organisation, each with its steps and a link to the form of its next step."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from zorgvuldig.core.errors import ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.web.views.purpose import processing, url

#: The id of the Meldcode part of the dossier.
PART = "meldcode"


def panel(request, client_id, query: dict) -> dict:
    """The context of the dossier's Meldcode part: the cases with their steps, or why the
    protocol does not show them for this purpose."""
    try:
        cases = services.safety_cases(request.actor, client_id, **processing(query))
    except ProcessingRefused as error:
        cases, refusal = [], error.decision.explanation
    else:
        refusal = ""
    return {
        "safety_cases": [
            {
                "case": case,
                "step_url": step_url(client_id, case.id, query),
                "close_url": close_url(client_id, case.id, query),
            }
            for case in cases
        ],
        "safety_refusal": refusal,
        "open_case_url": url("web:open_safety_case", client_id, query),
    }


def close_url(client_id, case_id, query: dict) -> str:
    """The page that closes a case after its decision."""
    return f"{reverse('web:close_safety_case', args=[client_id, case_id])}?{urlencode(query)}"


def step_url(client_id, case_id, query: dict) -> str:
    """The page of a case's next step, carrying the purpose (and legal basis) on."""
    return f"{reverse('web:meldcode_step', args=[client_id, case_id])}?{urlencode(query)}"
