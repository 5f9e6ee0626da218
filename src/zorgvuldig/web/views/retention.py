# SPDX-License-Identifier: EUPL-1.2
"""The retention of a client's dossier at the employee's organisation (art5.2): the dossier,
each support trajectory and each item with its date and the explanation of the rules that
applied, the holds, and the form to place a hold.

Like a data subject's request, the retention of a dossier is handled by the partner's privacy
officer or a caseworker who supports the client (decision 17): the page asks no purpose, and
the gate logs it for accountability. A hold is placed only from the page the gate showed: who
does not find the dossier's retention places none. The only reference in its URL is the
client's random id.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zorgvuldig.core.errors import InvalidInput, NotAllowed
from zorgvuldig.gate import services
from zorgvuldig.web.retention_forms import HoldForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import not_allowed
from zorgvuldig.web.views.flow import consult, form_page, submit

HOLDS = "bewaarbesluiten"


@employee_required
@require_http_methods(["GET", "POST"])
def retention(request, client_id):
    here = reverse("web:retention", args=[client_id])
    dossier_url = reverse("web:dossier", args=[client_id])
    try:
        found, response = consult(
            request,
            lambda: services.retention_overview(request.actor, client_id),
            back_url=dossier_url,
        )
    except InvalidInput as error:  # an organisation never bound to the protocol
        return not_allowed(request, NotAllowed(" ".join(error.errors.values())))
    if response is not None:
        return response
    form = HoldForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            lambda data: services.place_hold(
                request.actor, client_id, reason=data["reason"], review_on=data["review_on"]
            ),
            done=_("The hold has been placed and annotated in the dossier."),
            next_url=f"{here}#{HOLDS}",
            back_url=dossier_url,
        )
        if done is not None:
            return done
    return form_page(
        request,
        "web/retention.html",
        form,
        {"found": found, "client_id": client_id, "dossier_url": dossier_url},
    )
