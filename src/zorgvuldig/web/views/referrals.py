# SPDX-License-Identifier: EUPL-1.2
"""The intake queue: clients other partners referred to the employee's organisation (art3.2c,
art5.1). Seeing who was referred, taking the client in and declining each pass the gate."""

from __future__ import annotations

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
from zorgvuldig.web.views.flow import form_page, submit
from zorgvuldig.web.views.purpose import url

INTAKE = {"doel": "intake"}


class ReferralDeclineForm(GateForm):
    reason = text_field(
        gettext_lazy("Why your organisation does not take the client in"),
        rows=3,
        max_length=1000,
        help_text=gettext_lazy(
            "What the referral carried is not recorded; who declined it, when and why is kept."
        ),
    )


@employee_required
@require_GET
def intake_queue(request):
    """The referred clients waiting for intake, with what came along (never the content)."""
    return render(
        request, "web/intake_queue.html", {"referrals": services.intake_queue(request.actor)}
    )


@employee_required
@require_POST
def take_in(request, client_id, domain):
    """Open a support trajectory in the domain of the referral, with the employee as
    caseworker; what came along then waits among the received data."""
    try:
        dossier = services.take_in_referral(request.actor, client_id, domain=domain)
    except ProcessingRefused as error:
        return refused(request, error, back_url=reverse("web:intake_queue"))
    except NotFound as error:
        return not_found(request, error)
    except InvalidInput as error:
        messages.error(request, " ".join(error.errors.values()))
        return redirect("web:intake_queue")
    messages.success(
        request,
        _("%(client)s has been taken in; what the referral carried waits among the received data.")
        % {"client": dossier.subject.full_name},
    )
    return redirect(url("web:dossier", dossier.id, INTAKE))


@employee_required
@require_http_methods(["GET", "POST"])
def decline(request, client_id, domain):
    """Decline a referral: the organisation does not give this support."""
    back_url = reverse("web:intake_queue")
    form = ReferralDeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            lambda data: services.decline_referral(
                request.actor, client_id, domain=domain, reason=data["reason"]
            ),
            done=_("The referral has been declined; nothing was recorded."),
            next_url=back_url,
            back_url=back_url,
        )
        if done is not None:
            return done
    return form_page(
        request,
        "web/decline.html",
        form,
        {
            "back_url": back_url,
            "title": _("Decline a referral"),
            "back_label": _("Back to the referrals"),
            "lead": _(
                "Your organisation does not take the client in. What the referral carried "
                "is not recorded and no longer waits."
            ),
        },
    )
