# SPDX-License-Identifier: EUPL-1.2
"""Received data: what partners shared with the employee's organisation, for the clients the
employee supports; taken into the dossier with its origin, or declined (art3.2a, art5.1,
art6.1). Seeing, taking in and declining each pass the gate, like everything else."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.web.fields import text_field
from zorgvuldig.web.forms import GateForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import not_found, refused
from zorgvuldig.web.views.flow import form_page, submit, with_purpose
from zorgvuldig.web.views.purpose import url


class DeclineForm(GateForm):
    reason = text_field(
        gettext_lazy("Why you do not need this data"),
        rows=3,
        max_length=1000,
        help_text=gettext_lazy("Only what the support needs is recorded (art. 5 paragraph 1)."),
    )


def _list_url(query: dict) -> str:
    return f"{reverse('web:received_shares')}?{urlencode(query)}"


@employee_required
@require_GET
@with_purpose(gettext_lazy("Received data"))
def received_shares(request, page):
    """The data waiting for the employee's clients, with what to do with each."""
    query = page.query
    try:
        shares = services.received_shares(request.actor, purpose=query["doel"])
    except InvalidInput as error:
        return page.ask(error)
    return render(
        request,
        "web/received_shares.html",
        {"shares": shares, "query": query, "query_string": urlencode(query)},
    )


@employee_required
@require_POST
@with_purpose(gettext_lazy("Received data"))
def accept(request, page, share_id):
    """Take the data into the client's dossier; the protocol decides by our own facts."""
    query = page.query
    try:
        item = services.accept_received_share(request.actor, share_id, purpose=query["doel"])
    except ProcessingRefused as error:
        return refused(request, error, back_url=_list_url(query))
    except NotFound as error:
        return not_found(request, error)
    except InvalidInput as error:
        messages.error(request, " ".join(error.errors.values()))
        return redirect(_list_url(query))
    messages.success(request, _("The data has been recorded in the dossier, with its origin."))
    return redirect(url("web:dossier", item.client_id, query))


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Received data"))
def decline(request, page, share_id):
    """Decline data the support does not need: nothing is recorded, the reason is kept."""
    query = page.query
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            lambda data: services.decline_received_share(
                request.actor, share_id, reason=data["reason"], purpose=query["doel"]
            ),
            done=_("The data has been declined; nothing was recorded."),
            next_url=_list_url(query),
            back_url=_list_url(query),
        )
        if done is not None:
            return done
    return form_page(
        request,
        "web/decline.html",
        form,
        {
            "back_url": _list_url(query),
            "title": _("Decline received data"),
            "back_label": _("Back to the received data"),
            "lead": _(
                "The data is not recorded in the dossier and no longer waits. Who declined "
                "it, when and why is kept."
            ),
        },
    )
