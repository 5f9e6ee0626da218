# SPDX-License-Identifier: EUPL-1.2
"""The one model of the web pages: the identity provider as a second factor (art3.2b,
decision 24)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_otp.models import Device


class IdentityProviderDevice(Device):
    """The municipality's identity provider, as the second factor of a sign-in through it
    whose ``amr`` names a method that ``ZORGVULDIG_OIDC_TRUSTED_AMR`` trusts: django-otp marks
    such a session verified by this device. It checks no code of its own, so that it never
    stands in for the app or the recovery codes on the code page."""

    class Meta:
        verbose_name = _("identity provider as second factor")
        verbose_name_plural = _("identity provider as second factor")

    def verify_token(self, token) -> bool:
        return False
