# SPDX-License-Identifier: EUPL-1.2
"""The Meldcode huiselijk geweld en kindermishandeling on the pages (art8.1).

The dossier shows the client's safety cases at the employee's organisation with their steps
(:mod:`.meldcode_panel`, a logged consult). A case is opened with the signals (step 1); each
later step has its own page with the form for the next step only. The gate keeps the order and the
assessment framework (a report to Veilig Thuis when there is acute or structural unsafety, or
no adequate help); its errors are shown on the form and nothing is recorded.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from zorgvuldig.core.errors import NotFound
from zorgvuldig.gate import services, validation
from zorgvuldig.web.meldcode_forms import (
    CloseSafetyCaseForm,
    MeldcodeStepForm,
    OpenSafetyCaseForm,
)
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import not_found
from zorgvuldig.web.views.flow import consult, form_page, justification_url, submit, with_purpose
from zorgvuldig.web.views.meldcode_panel import PART
from zorgvuldig.web.views.purpose import processing, url


def _submitted(request, form, client_id, query, record, message):
    """Record through the gate: its errors go on the form (None: show the form again), a
    refusal or an unknown case to their pages; done, back to the dossier's Meldcode part."""
    dossier_url = url("web:dossier", client_id, query, PART)
    return submit(
        request,
        form,
        record,
        done=message,
        next_url=dossier_url,
        back_url=dossier_url,
        consent_url=url("web:dossier", client_id, query, "toestemming"),
        form_url=justification_url(request),
    )


def _step(form, query) -> dict:
    """What every step records besides its own answers: the day it was taken, the purpose
    and legal basis, and the justification where consent is missing (art4.6)."""
    return {
        "taken_on": form.cleaned_data["taken_on"],
        "purpose": form.cleaned_data["purpose"],
        "legal_basis": query.get("grondslag"),
        "justification": validation.justification(*form.justification_values()),
    }


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Start the Meldcode"))
def open_case(request, page, client_id):
    """Step 1: map the signals. Where informing the client first would endanger someone, a
    serious-risk justification stands in for it (art4.6)."""
    query = page.query
    dossier_url = url("web:dossier", client_id, query, PART)
    form = OpenSafetyCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _submitted(
            request,
            form,
            client_id,
            query,
            lambda data: services.open_safety_case(
                request.actor, client_id, signals=data["signals"], **_step(form, query)
            ),
            _("Step 1 of the Meldcode has been recorded: the signals."),
        )
        if done is not None:
            return done
    return form_page(
        request,
        "web/meldcode_open.html",
        form,
        {"back_url": dossier_url, "purpose": query["doel"]},
    )


def _case(request, client_id, case_id, query):
    """The case with its steps (a logged consult), or the page that says why not."""
    cases, response = consult(
        request,
        lambda: services.safety_cases(request.actor, client_id, **processing(query)),
        back_url=url("web:dossier", client_id, query, PART),
    )
    if response is not None:
        return None, response
    case = next((c for c in cases if c.id == case_id), None)
    if case is None:
        # The gate's own words (another organisation's case is no case of yours).
        return None, not_found(
            request, NotFound("safety-case", "Deze meldcodezaak bestaat niet bij uw organisatie.")
        )
    return case, None


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Next step of the Meldcode"))
def next_step(request, page, client_id, case_id):
    """Steps 2 to 5, one at a time: the form asks only for the next step."""
    query = page.query
    dossier_url = url("web:dossier", client_id, query, PART)
    case, response = _case(request, client_id, case_id, query)
    if response is not None:
        return response
    form = MeldcodeStepForm(request.POST or None, step=case.next_step or "decide")
    if request.method == "POST" and form.is_valid():
        done = _submitted(
            request,
            form,
            client_id,
            query,
            lambda data: services.record_meldcode_step(
                request.actor,
                case.id,
                step=data["step"],
                conclusion=data["conclusion"],
                **_step(form, query),
                **form.answers(),
            ),
            _("The step of the Meldcode has been recorded."),
        )
        if done is not None:
            return done
    return form_page(
        request,
        "web/meldcode_step.html",
        form,
        {
            "case": case,
            "back_url": dossier_url,
            "purpose": query["doel"],
            "share_url": url("web:share", client_id, query),
        },
    )


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Close the Meldcode case"))
def close_case(request, page, client_id, case_id):
    """After step 5, once the follow-up is over: close the case (art5.1, art8.1)."""
    query = page.query
    dossier_url = url("web:dossier", client_id, query, PART)
    case, response = _case(request, client_id, case_id, query)
    if response is not None:
        return response
    form = CloseSafetyCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _submitted(
            request,
            form,
            client_id,
            query,
            lambda data: services.close_safety_case(
                request.actor,
                case.id,
                closed_on=data["closed_on"],
                note=data["note"],
                purpose=data["purpose"],
                legal_basis=query.get("grondslag"),
            ),
            _("The Meldcode case has been closed."),
        )
        if done is not None:
            return done
    return form_page(
        request, "web/meldcode_close.html", form, {"case": case, "back_url": dossier_url}
    )
