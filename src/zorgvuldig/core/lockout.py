# SPDX-License-Identifier: EUPL-1.2
"""The lockout after repeated failures (art3.2b; decisions 19 and 23), kept by django-axes per
username and address, for every way in that asks for the second factor.

Signing in counts a wrong password (axes itself) and a wrong code of the second step
(:func:`record_failure`). Breaking the glass asks for the code of the authenticator app again,
on the page and over the API: :func:`code_given_again` counts a wrong code there exactly the
same, refuses while the username is locked out from that address, and forgets the failures
after a right code, as a complete sign-in does. The failures are Django's
``user_login_failed`` signal, which axes records; a lockout sends axes' ``user_locked_out``,
which the sign-in logs with the username only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed

from zorgvuldig.core.errors import WrongSecondFactor

T = TypeVar("T")


class LockedOut(Exception):
    """The username is locked out from this address after repeated failures (art3.2b):
    nothing that asks for the second factor is done for it until the cool-off has passed."""

    def __init__(self):
        self.minutes = cooloff_minutes()
        super().__init__(
            f"Te vaak een verkeerde code of een verkeerd wachtwoord: deze gebruikersnaam is "
            f"vanaf dit adres {self.minutes} minuten geblokkeerd."
        )


def _credentials(username: str) -> dict[str, str]:
    return {settings.AXES_USERNAME_FORM_FIELD: username}


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def is_locked(request, username: str) -> bool:
    """Whether this username is locked out from the request's address."""
    return AxesProxyHandler.is_locked(request, _credentials(username))


def record_failure(request, username: str) -> bool:
    """Count a wrong second-factor code as a failed sign-in; True when that locks it out."""
    user_login_failed.send(sender=__name__, credentials=_credentials(username), request=request)
    return bool(getattr(request, "axes_locked_out", False))


def forget_failures(request, username: str) -> None:
    """After a complete sign-in (password and second factor), or a right code given again: the
    failures of this username from this address are forgotten (those from elsewhere are
    kept)."""
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.reset_attempts(ip_address=request.axes_ip_address, username=username)


def code_given_again(request, username: str, call: Callable[[], T]) -> T:
    """``call()``, a service that checks the second factor given again by a signed-in user
    (breaking the glass), under the sign-in's lockout (art3.2b): :class:`LockedOut` before
    anything while the username is locked out from the request's address; a wrong code (the
    service's :class:`~zorgvuldig.core.errors.WrongSecondFactor`) counts as a failed sign-in,
    and :class:`LockedOut` when it locks; a right code forgets the failures.

    The counting is done here, after the service's transaction, so that nothing it rolls back
    takes the failure with it. The caller answers a lockout itself (a page, a problem): axes'
    middleware, which would put the login page in place of any answer, is left out of it."""
    if is_locked(request, username):
        raise LockedOut
    try:
        result = call()
    except WrongSecondFactor as wrong:
        if record_failure(request, username):
            request.axes_locked_out = False
            raise LockedOut from wrong
        raise
    forget_failures(request, username)
    return result
