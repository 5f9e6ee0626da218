# SPDX-License-Identifier: EUPL-1.2
"""art3.2b: a session that has passed the password but not yet the second factor reaches only
the pages of the second step, logging out and the language switch; every other page sends it
to the second step. The API is left to its tokens (it reads no session)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from zorgvuldig.web.signin.session import is_verified, to_second_factor

# besides these pages: paths under these prefixes
OPEN_PREFIXES = ("/api/", "/i18n/")


def _open_to_unverified(path: str) -> bool:
    pages = {reverse(name) for name in ("web:second_factor", "web:enrol", "web:logout")}
    static = "/" + settings.STATIC_URL.lstrip("/")
    return path in pages or path.startswith((*OPEN_PREFIXES, static))


class VerifiedSessionMiddleware:
    """After django-otp's ``OTPMiddleware``, which tells whether the session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not is_verified(user)
            and not _open_to_unverified(request.path_info)
        ):
            return to_second_factor(request)
        return self.get_response(request)
