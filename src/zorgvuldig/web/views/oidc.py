# SPDX-License-Identifier: EUPL-1.2
"""Signing in through the municipality's identity provider (art3.2b, decision 24): the start,
which sends the browser to the provider, and the callback, to which it comes back with a code.
mozilla-django-oidc does the protocol (the state, nonce and PKCE verifier in the session, each
good once); the backend is :class:`zorgvuldig.web.signin.oidc.EmployeeBackend`. Both answer
404 when signing in through a provider is not configured.
"""

from __future__ import annotations

from urllib.parse import urlencode

import django_otp
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from zorgvuldig.core import lockout
from zorgvuldig.web.signin import devices, oidc
from zorgvuldig.web.views.auth import locked_out


class _OnlyWhenEnabled:
    def dispatch(self, request, *args, **kwargs):
        if not oidc.enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


@method_decorator(never_cache, name="dispatch")
class Start(_OnlyWhenEnabled, OIDCAuthenticationRequestView):
    """The login page's button: to the provider, with a new state, nonce and PKCE challenge;
    ``next`` (a page of this host) is where the sign-in ends."""


@method_decorator(never_cache, name="dispatch")
class Callback(_OnlyWhenEnabled, OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back. A state that this session did not start is
    refused (400, by mozilla-django-oidc); the code is exchanged for the tokens with the PKCE
    verifier; the employee is signed in and goes on to the code page, unless the provider's
    own second factor is trusted."""

    trusted = False

    def login_success(self):
        """A username locked out from this address (decision 19) is refused here too."""
        username = self.user.get_username()
        if lockout.is_locked(self.request, username):
            return locked_out(self.request)
        self.trusted = oidc.trusted_second_factor(getattr(self.request, oidc.AMR, None))
        response = super().login_success()
        if self.trusted:
            django_otp.login(self.request, devices.identity_provider(self.user))
            lockout.forget_failures(self.request, username)
        return response

    @property
    def success_url(self):
        target = super().success_url
        if self.trusted:
            return target
        return f"{reverse('web:second_factor')}?{urlencode({'next': target})}"

    def login_failure(self):
        if getattr(self.request, oidc.REFUSED, False):
            messages.error(self.request, oidc.refused_message())
        else:
            messages.error(self.request, oidc.failed_message())
        return HttpResponseRedirect(reverse("web:login"))
