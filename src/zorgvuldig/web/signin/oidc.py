# SPDX-License-Identifier: EUPL-1.2
"""Signing in through the municipality's identity provider with OpenID Connect (art3.2b,
decision 24), by mozilla-django-oidc: the authorization-code flow with PKCE, a state and a
nonce (kept in the session, each good once).

Only an existing, active employee gets in: the provider's e-mail claim is matched with the
e-mail address of the user of an active employee, exactly one; anyone else is refused and
nothing is created. The ID token's signature is checked against the provider's keys (JWKS),
and its issuer and audience against the configuration. The second factor comes after it as
after the password, unless the token's ``amr`` says the provider asked one of the methods
the configuration trusts (:func:`trusted_second_factor`).

Off when ``ZORGVULDIG_OIDC_CLIENT_ID`` is not set: the login page has no button, its views
(:mod:`zorgvuldig.web.views.oidc`) answer 404 and the backend is not in
``AUTHENTICATION_BACKENDS``.
"""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

log = logging.getLogger("zorgvuldig.signin")

# what the backend found, on the request for the callback view (which calls the backend
# through django.contrib.auth.authenticate())
REFUSED = "zorgvuldig_oidc_refused"
AMR = "zorgvuldig_oidc_amr"


def enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def provider_name() -> str:
    return settings.ZORGVULDIG_OIDC_PROVIDER_NAME or _("your municipality")


def button_label() -> str | None:
    """The login page's button, when signing in through the provider is on."""
    if not enabled():
        return None
    if settings.ZORGVULDIG_OIDC_PROVIDER_NAME:
        return _("Log in with %(provider)s") % {"provider": settings.ZORGVULDIG_OIDC_PROVIDER_NAME}
    return _("Log in through your municipality")


def is_provider_sign_in(request, credentials) -> bool:
    """axes' ``AXES_WHITELIST_CALLABLE``: an authentication of the callback (a nonce, no
    username) guesses no password of ours, so axes neither counts nor refuses it."""
    credentials = credentials or {}
    return "nonce" in credentials and settings.AXES_USERNAME_FORM_FIELD not in credentials


def trusted_second_factor(amr) -> bool:
    """Whether the provider's ``amr`` (the methods it authenticated with) holds one that the
    configuration trusts as the second factor; by default none is."""
    if not isinstance(amr, list):
        return False
    return bool(set(settings.ZORGVULDIG_OIDC_TRUSTED_AMR) & {str(method) for method in amr})


class EmployeeBackend(OIDCAuthenticationBackend):
    """The provider's account as the user of an active employee; never creates one."""

    def authenticate(self, request, *, nonce, code_verifier=None):
        """Only the callback's credentials (a nonce, the PKCE verifier) fit this signature, so
        that Django never hands it a username and password."""
        if request is None or not enabled() or not nonce:
            return None
        try:
            return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        except requests.RequestException as error:
            log.warning("Sign-in through the identity provider failed: %s", type(error).__name__)
            return None

    def verify_token(self, token, **kwargs):
        """The signature and the nonce (mozilla-django-oidc), then the issuer, the audience and
        that the token expires (which PyJWT checks when it is there)."""
        payload = super().verify_token(token, **kwargs)
        if "nonce" not in kwargs:
            return payload  # a signed userinfo answer, not the ID token
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != settings.ZORGVULDIG_OIDC_ISSUER:
            raise SuspiciousOperation("The ID token is of another issuer")
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is not for this client")
        if len(audiences) > 1 and payload.get("azp") != settings.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("The ID token is authorised for another client")
        if "exp" not in payload or not payload.get("sub"):
            raise SuspiciousOperation("The ID token has no expiry or no subject")
        setattr(self.request, AMR, payload.get("amr"))
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The claims from the userinfo endpoint, which must be of the ID token's subject
        (OpenID Connect Core 5.3.2)."""
        claims = super().get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The userinfo is of another subject than the ID token")
        return claims

    def verify_claims(self, claims):
        return bool(claims.get(settings.ZORGVULDIG_OIDC_EMAIL_CLAIM))

    def filter_users_by_claims(self, claims):
        """The user of an active employee whose e-mail address is the claim's; none when the
        provider says the address is not verified."""
        address = claims.get(settings.ZORGVULDIG_OIDC_EMAIL_CLAIM)
        if not address or claims.get("email_verified") is False:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(
            email__iexact=address, is_active=True, employee__is_active=True
        )

    def get_or_create_user(self, access_token, id_token, payload):
        """The one matching user, never a new one: none (refused) without the claim, without
        a match or with more than one. (A userinfo answer of another subject raises, and so
        fails as any other fault of the provider's answer.)"""
        claims = self.get_userinfo(access_token, id_token, payload)
        users = list(self.filter_users_by_claims(claims)[:2]) if self.verify_claims(claims) else []
        if len(users) == 1:
            return users[0]
        setattr(self.request, REFUSED, True)
        log.warning(
            "Sign-in through the identity provider refused: subject %s is no active employee",
            payload.get("sub"),
        )
        return None

    def create_user(self, claims):
        """Never: an employee is made by the functional administrator (``OIDC_CREATE_USER``
        is off, and :meth:`get_or_create_user` does not call this)."""
        raise SuspiciousOperation("Users are not created from the identity provider")

    def get_user(self, user_id):
        """As Django's own: an inactive user's session ends."""
        return ModelBackend.get_user(self, user_id)


def refused_message() -> str:
    return _(
        "Your account at %(provider)s is not linked to an employee in zorgvuldig. Ask your "
        "functional administrator, or log in with your username and password."
    ) % {"provider": provider_name()}


def failed_message() -> str:
    return _("Logging in through %(provider)s did not succeed. Please try again.") % {
        "provider": provider_name()
    }
