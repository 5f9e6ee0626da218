# SPDX-License-Identifier: EUPL-1.2
"""The second step of signing in (art3.2b): after the password, a code from the employee's
authenticator app or one of their recovery codes; an employee without either first sets up
the app (a QR code and the key as text, confirmed with a first code) and then gets ten
recovery codes, shown once.

A wrong code counts towards the lockout like a wrong password (django-axes); a locked-out
session is logged out and gets the login page saying so. A complete sign-in gets a new session
key and forgets the failures.
"""

from __future__ import annotations

from urllib.parse import urlencode

import django_otp
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from zorgvuldig.core import lockout
from zorgvuldig.web.signin import devices
from zorgvuldig.web.signin.forms import CodeForm
from zorgvuldig.web.signin.session import is_verified
from zorgvuldig.web.views.auth import locked_out, safe_next


def _with_next(name: str, request) -> str:
    query = urlencode({"next": safe_next(request)})
    return f"{reverse(name)}?{query}"


def _signed_in(request, device) -> None:
    django_otp.login(request, device)
    request.session.cycle_key()
    lockout.forget_failures(request, request.user.get_username())


def _lock_out(request):
    logout(request)
    return locked_out(request)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def second_factor(request):
    user = request.user
    if is_verified(user):
        return redirect(safe_next(request))
    if not devices.has_second_factor(user):
        return redirect(_with_next("web:enrol", request))
    username = user.get_username()
    if lockout.is_locked(request, username):
        return _lock_out(request)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        outcome = devices.verify(user, form.cleaned_data["code"])
        if outcome.device is not None:
            _signed_in(request, outcome.device)
            return redirect(safe_next(request))
        if lockout.record_failure(request, username):
            return _lock_out(request)
        form.add_error("code", _too_soon() if outcome.throttled else _wrong())
    return render(request, "registration/second_factor.html", {"form": form})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def enrol(request):
    user = request.user
    if is_verified(user) or devices.has_second_factor(user):
        return redirect(_with_next("web:second_factor", request))
    device = devices.pending_app(user)
    form = CodeForm(request.POST if request.method == "POST" else None, app_only=True)
    if form.is_valid():
        codes = devices.confirm(device, form.cleaned_data["code"])
        if codes is not None:
            _signed_in(request, device)
            return render(
                request,
                "registration/recovery_codes.html",
                {"codes": codes, "next": safe_next(request)},
            )
        form.add_error("code", _wrong())
    return render(
        request,
        "registration/enrol.html",
        {"form": form, "qr_svg": devices.qr_svg(device), "secret": devices.secret_text(device)},
    )


def _wrong() -> str:
    return _("This code is not correct. Check the code in the app and try again.")


def _too_soon() -> str:
    return _("Too many attempts in a short time. Wait a few seconds and try again.")
