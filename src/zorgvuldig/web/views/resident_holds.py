# SPDX-License-Identifier: EUPL-1.2
"""The partner's side of the client's own view (art9.3, decision 25): which processings of the
client's data the view shows, which it holds back and why, and holding one back or releasing
it. For the privacy officer and the caseworkers who support the client, as a request of the
client is handled (no purpose to name: the gate logs it under art9.3). Each row is one
processing (a trace of the processing log), named in the form by its trace id, never by
anything personal."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zorgvuldig.gate import services
from zorgvuldig.gate.services.resident.views import HELD_BACK, RELEASED, SHOWN
from zorgvuldig.web.rights_forms import HoldBackForm, ReleaseForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.flow import consult, form_page, submit

HOLD, RELEASE = "achterhouden", "vrijgeven"
#: What a processing in each state can get: held back (visible now) or released (held back).
FORM_OF_STATE = {SHOWN: HOLD, RELEASED: HOLD, HELD_BACK: RELEASE}


def anchor(trace_id: str) -> str:
    """The id of a processing's row on the page."""
    return f"v-{trace_id}"


def _form(step: str, trace_id: str, data=None, kinds=()):
    if step == HOLD:
        return HoldBackForm(data, prefix=anchor(trace_id))
    return ReleaseForm(data, prefix=anchor(trace_id), initial={"kind": next(iter(kinds), "harm")})


def _take(request, client_id, here: str):
    """The step the page's form names, through the gate: done, a message and the page again
    (a redirect); else ``(trace_id, form)`` to show again with what is wrong."""
    step = request.POST.get("stap", "")
    trace_id = request.POST.get("verwerking", "")[:32]
    if step not in (HOLD, RELEASE) or not trace_id.isalnum():
        return None, None
    form = _form(step, trace_id, request.POST)
    if form.is_valid():
        if step == HOLD:
            call, done = (
                lambda data: services.hold_from_resident_view(
                    request.actor, client_id, trace_id=trace_id, reason=data["reason"]
                ),
                _("The processing is held back from the client's own view."),
            )
        else:
            call, done = (
                lambda data: services.release_to_resident_view(
                    request.actor, client_id, trace_id=trace_id, kind=data["kind"]
                ),
                _("The processing is shown in the client's own view from now on."),
            )
        answered = submit(
            request,
            form,
            call,
            done=done,
            next_url=f"{here}#{anchor(trace_id)}",
            back_url=reverse("web:dossier", args=[client_id]),
        )
        if answered is not None:
            return answered, None
    return None, (trace_id, form)


@employee_required
@require_http_methods(["GET", "POST"])
def resident_view_holds(request, client_id):
    """The client's processings at the organisation, newest first, each with whether the
    client's own view shows it, and the form that holds it back (with the reason) or
    releases it."""
    here = reverse("web:resident_view_holds", args=[client_id])
    dossier_url = reverse("web:dossier", args=[client_id])
    bound = None
    if request.method == "POST":
        answered, bound = _take(request, client_id, here)
        if answered is not None:
            return answered
    found, response = consult(
        request,
        lambda: services.resident_view_holds(request.actor, client_id),
        back_url=dossier_url,
    )
    if response is not None:
        return response
    rows = []
    for processing in found.processings:
        step = FORM_OF_STATE.get(processing.state)
        if bound and bound[0] == processing.trace_id:
            form = bound[1]
        elif step:
            form = _form(step, processing.trace_id, kinds=processing.held_back)
        else:
            form = None
        rows.append((processing, step, form))
    # a form sent for a processing that is not on the page (not this client's): its errors
    stray = bound[1] if bound and all(p.trace_id != bound[0] for p in found.processings) else None
    return form_page(
        request,
        "web/resident_view_holds.html",
        bound[1] if bound else HoldBackForm(),
        {
            "found": found,
            "rows": rows,
            "stray": stray,
            "visible": sum(p.state in (SHOWN, RELEASED) for p in found.processings),
            "held": sum(p.state == HELD_BACK for p in found.processings),
            "dossier_url": dossier_url,
            "hold": HOLD,
            "release": RELEASE,
        },
    )
