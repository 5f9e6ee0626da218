# SPDX-License-Identifier: EUPL-1.2
"""How django-axes, which keeps the lockout after repeated failed sign-ins (art3.2b), logs
and names a client: a lockout is logged with the username only (no address, no browser), and
the address is the one the outermost trusted proxy saw. Counting and forgetting the failures
(a wrong password, a wrong second-factor code, at sign-in and when breaking the glass) is
:mod:`zorgvuldig.core.lockout`.
"""

from __future__ import annotations

import logging

from django.conf import settings

from zorgvuldig.core.lockout import cooloff_minutes

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
