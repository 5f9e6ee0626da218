# SPDX-License-Identifier: EUPL-1.2
"""Logging in and out, and acknowledging the protocol (art3.2d).

Logging in is the password first, then the second factor (art3.2b,
:mod:`zorgvuldig.web.views.second_factor`); a username locked out after repeated failures gets
the login page saying so (django-axes calls :func:`locked_out`). When configured, the login
page also offers signing in through the municipality's identity provider
(:mod:`zorgvuldig.web.views.oidc`, decision 24).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zorgvuldig.core.lockout import cooloff_minutes
from zorgvuldig.partners.services import (
    acknowledge,
    employee_of,
    standing,
    version_to_acknowledge,
)
from zorgvuldig.web.forms import LoginForm
from zorgvuldig.web.signin import oidc
from zorgvuldig.web.signin.session import is_verified, to_second_factor


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_success_url(self):
        """The password is the first step; the second factor comes next (art3.2b)."""
        target = super().get_success_url()
        if is_verified(self.request.user):
            return target
        return f"{reverse('web:second_factor')}?{urlencode({'next': target})}"

    def get_context_data(self, **kwargs):
        """With the button to sign in through the identity provider, when configured."""
        return {**super().get_context_data(**kwargs), "oidc_button": oidc.button_label()}


def locked_out(request, original_response=None, credentials=None, *, emergency_refused=False):
    """The login page for a username locked out after repeated failures (art3.2b): django-axes'
    ``AXES_LOCKOUT_CALLABLE``, and the second step's answer when a wrong code locks it out; with
    ``emergency_refused``, the answer to breaking the glass while locked out (decision 23),
    saying that no emergency access was given."""
    context = {
        "emergency_refused": emergency_refused,
        "form": LoginForm(request),
        "next": request.POST.get("next") or request.GET.get("next") or "",
        "locked_out_minutes": cooloff_minutes(),
        "oidc_button": oidc.button_label(),
    }
    response = render(request, "registration/login.html", context, status=429)
    add_never_cache_headers(response)
    return response


class LogoutView(auth_views.LogoutView):
    """Logging out is a POST (a form button), never a link."""

    http_method_names = ["post", "options"]


def safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("web:home")


@login_required
@require_http_methods(["GET", "POST"])
def acknowledgement(request):
    """Show the protocol's main lines and let the employee acknowledge the version in force."""
    if not is_verified(request.user):
        return to_second_factor(request)
    employee = employee_of(request.user)
    if employee is None:
        return render(request, "web/no_employee.html", status=403)
    request.employee = employee
    version = version_to_acknowledge(employee)
    if request.method == "POST" and version is not None:
        acknowledge(employee)
        messages.success(request, _("Thank you. You have acknowledged the privacy protocol."))
        return redirect(safe_next(request))
    current = standing(employee, version)
    return render(
        request,
        "web/acknowledge.html",
        {
            "version": version,
            "acknowledged": current.stands,
            "lapsed": current.lapsed,
            "due_on": current.due_on,
            "next": safe_next(request),
        },
    )
