# SPDX-License-Identifier: EUPL-1.2
"""The lockout after repeated failed sign-ins (art3.2b), kept by django-axes: a wrong password
and a wrong second-factor code both count, per username and address.

Axes counts a wrong password itself (Django's ``user_login_failed``); a wrong code is sent the
same signal by :mod:`zorgvuldig.core.lockout`, which breaking the glass uses too (a wrong code
given again counts the same, decision 23). The failures are forgotten only when the second
factor succeeds. A lockout is
logged with the username only: no address, no browser.
"""

from __future__ import annotations

import logging

from django.conf import settings

# the lockout itself is shared with breaking the glass, on the pages and over the API
from zorgvuldig.core.lockout import cooloff_minutes, forget_failures, is_locked, record_failure

__all__ = [
    "client_ip",
    "client_str",
    "cooloff_minutes",
    "forget_failures",
    "is_locked",
    "log_lockout",
    "record_failure",
]

log = logging.getLogger("zorgvuldig.signin")


def log_lockout(sender, request, username, ip_address, **kwargs) -> None:
    """Receiver of axes' ``user_locked_out``: sent when the limit is reached and for every
    attempt refused while locked out."""
    log.warning(
        "Sign-in of %s locked out after %d failed attempts, for %d minutes",
        username,
        settings.AXES_FAILURE_LIMIT,
        cooloff_minutes(),
    )


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
