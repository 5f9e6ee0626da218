# SPDX-License-Identifier: EUPL-1.2
"""The lockout after repeated failed sign-ins (art3.2b), kept by django-axes: a wrong password
and a wrong second-factor code both count, per username and address.

Axes counts a wrong password itself (Django's ``user_login_failed``); a wrong code is sent the
same signal here. The failures are forgotten only when the second factor succeeds. A lockout is
logged with the username only: no address, no browser.
"""

from __future__ import annotations

import logging

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed

log = logging.getLogger("zorgvuldig.signin")


def _credentials(username: str) -> dict[str, str]:
    return {settings.AXES_USERNAME_FORM_FIELD: username}


def is_locked(request, username: str) -> bool:
    """Whether this username is locked out from the request's address."""
    return AxesProxyHandler.is_locked(request, _credentials(username))


def record_failure(request, username: str) -> bool:
    """Count a wrong second-factor code as a failed sign-in; True when that locks it out."""
    user_login_failed.send(sender=__name__, credentials=_credentials(username), request=request)
    return bool(getattr(request, "axes_locked_out", False))


def forget_failures(request, username: str) -> None:
    """After a complete sign-in (password and second factor): the failures of this username
    from this address are forgotten (those from elsewhere are kept)."""
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.reset_attempts(ip_address=request.axes_ip_address, username=username)


def log_lockout(sender, request, username, ip_address, **kwargs) -> None:
    """Receiver of axes' ``user_locked_out``: sent when the limit is reached and for every
    attempt refused while locked out."""
    log.warning(
        "Sign-in of %s locked out after %d failed attempts, for %d minutes",
        username,
        settings.AXES_FAILURE_LIMIT,
        cooloff_minutes(),
    )


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def client_str(username, ip_address, user_agent, path_info, request) -> str:
    """How axes names a client in its own log lines: by the username alone."""
    return f'{{username: "{username}"}}'


def client_ip(request) -> str | None:
    """The client's address: behind ``ZORGVULDIG_TRUSTED_PROXIES`` reverse proxies, the one
    the outermost proxy saw (each proxy appends to X-Forwarded-For what connected to it, so
    that anything a client puts before it is ignored); else the connection's own."""
    proxies = settings.ZORGVULDIG_TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
