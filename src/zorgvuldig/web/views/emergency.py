# SPDX-License-Identifier: EUPL-1.2
"""Breaking the glass (art3.2c; decision 23): the caseworker's page for emergency access to a
client they are not assigned to (offered where the gate refused the dossier under art3.2c),
and the privacy officer's list of uses with the review of each. The data protection officer
(FG) sees the list and the uses, and changes nothing."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.core.lockout import LockedOut, code_given_again
from zorgvuldig.gate import services
from zorgvuldig.partners.models import access_of
from zorgvuldig.web.emergency_forms import BreakGlassForm, ReviewForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.auth import locked_out
from zorgvuldig.web.views.errors import not_allowed, not_found
from zorgvuldig.web.views.flow import form_page
from zorgvuldig.web.views.oversight import handles_registers, reads_registers
from zorgvuldig.web.views.purpose import url


def glass_url(employee, client_id, query: dict) -> str:
    """Where a refused dossier offers to break the glass: only to a role that may."""
    if not access_of(getattr(employee, "role", None)).breaks_glass:
        return ""
    return url("web:break_glass", client_id, query)


def _query(request) -> dict[str, str]:
    return {k: request.GET[k] for k in ("doel", "grondslag") if request.GET.get(k)} or {
        "doel": "support-provision"
    }


@employee_required
@require_http_methods(["GET", "POST"])
def break_glass(request, client_id):
    query = _query(request)
    dossier_url = url("web:dossier", client_id, query)
    back = reverse("web:home")
    if not access_of(request.employee.role).breaks_glass:
        return not_allowed(
            request,
            NotAllowed(
                _(
                    "Only a caseworker of your organisation can take emergency access to a "
                    "client (art. 3(2)(c))."
                )
            ),
            back_url=back,
        )
    form = BreakGlassForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # art3.2b: a wrong code counts towards the sign-in lockout, as on the code page
            opened = code_given_again(
                request,
                request.user.get_username(),
                lambda: services.break_glass(
                    request.actor,
                    client_id,
                    reason=data["reason"],
                    explanation=data["explanation"],
                    code=data["code"],
                ),
            )
        except LockedOut:
            # as a wrong code that locks out at sign-in: the session is logged out
            logout(request)
            return locked_out(request, emergency_refused=True)
        except InvalidInput as error:
            form.add_gate_errors(error)
        except NotAllowed as error:
            return not_allowed(request, error, back_url=back)
        except NotFound as error:
            return not_found(request, error)
        else:
            messages.success(
                request,
                _(
                    "You have emergency access to this client until %(until)s. Your privacy "
                    "officer has been told and will review it."
                )
                % {"until": timezone.localtime(opened.expires_at).strftime("%H:%M")},
            )
            return redirect(dossier_url)
    return form_page(
        request,
        "web/break_glass.html",
        form,
        {"back_url": back, "hours": settings.ZORGVULDIG_EMERGENCY_ACCESS_HOURS},
    )


@employee_required
@require_GET
def emergency_accesses(request):
    if not reads_registers(request.employee):
        return render(request, "web/emergency_officer_only.html", status=403)
    uses = services.emergency_accesses(request.actor)
    return render(request, "web/emergency_accesses.html", {"uses": uses})


@employee_required
@require_http_methods(["GET", "POST"])
def emergency_access(request, access_id):
    if not reads_registers(request.employee):
        return render(request, "web/emergency_officer_only.html", status=403)
    reviews = handles_registers(request.employee)
    try:
        use = services.emergency_access(request.actor, access_id)
    except NotFound as error:
        return not_found(request, error)
    form = None
    if reviews and use.reviewed_at is None:
        form = ReviewForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.review_emergency_access(
                    request.actor,
                    access_id,
                    justified=form.judgement(),
                    note=form.cleaned_data["note"],
                )
            except InvalidInput as error:
                form.add_gate_errors(error)
            else:
                messages.success(request, _("The emergency access has been reviewed."))
                return redirect(reverse("web:emergency_accesses"))
    elif request.method == "POST":
        return not_allowed(
            request,
            NotAllowed(
                _("Only the privacy officer of your organisation reviews emergency access.")
            ),
            back_url=reverse("web:emergency_accesses"),
        )
    context = {"use": use, "back_url": reverse("web:emergency_accesses")}
    if form is None:
        return render(request, "web/emergency_access.html", context)
    return form_page(request, "web/emergency_access.html", form, context)
