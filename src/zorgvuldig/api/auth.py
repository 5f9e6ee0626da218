# SPDX-License-Identifier: EUPL-1.2
"""Authentication by per-application API tokens (``Authorization: Bearer zv_…``).

A token is stored only as its SHA-256; it is bound to a partner and acts either as one of the
partner's employees or as a service identity of the partner. It yields the
:class:`~zorgvuldig.gate.context.Actor` on whose behalf the gate decides. Whether the actor may
process a client's data is not decided here but by the protocol, in the gate: a service
identity, for one, is refused every processing of personal data (art3.2c).

A token gives access only until it expires or is revoked, only to the operations its scopes
name (:mod:`.scopes`; 403 otherwise), and to at most ``ZORGVULDIG_API_RATE_PER_MINUTE``
requests a minute (:class:`TokenRateThrottle`: 429 with ``Retry-After`` beyond that).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from zorgvuldig.api import scopes
from zorgvuldig.api.models import TOKEN_PREFIX, ApiToken, hash_token
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotAllowed
from zorgvuldig.partners.services import actor_for

# last_used_at is written at most once per this interval per token, not on every request.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


def actor_for_token(token: str) -> tuple[ApiToken, Actor] | None:
    """The token record and the actor it stands for, or None when it gives no access."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    now = timezone.now()
    record = (
        ApiToken.objects.select_related("employee")
        .filter(token_hash=hash_token(token), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if record is None:
        return None
    if record.employee_id is not None:
        employee = record.employee
        # A token acts for an employee of its own partner only, and only while they work there.
        if not employee.is_active or employee.partner_id != record.partner_id:
            return None
        actor = actor_for(employee)
    else:
        actor = Actor(partner_id=record.partner_id, service=record.service)
    if record.last_used_at is None or now - record.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record, actor


class TokenRateThrottle(AuthRateThrottle):
    """At most ``ZORGVULDIG_API_RATE_PER_MINUTE`` requests a minute per token (ninja's
    throttling, counted in the shared cache); beyond it 429 with ``Retry-After``."""

    scope = "api-token"

    def __init__(self):
        super().__init__(f"{settings.ZORGVULDIG_API_RATE_PER_MINUTE}/m")

    def get_cache_key(self, request: HttpRequest) -> str:
        token = getattr(request, "api_token", None)
        ident = token.pk if token is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class ApiTokenAuth(HttpBearer):
    """The token authentication of one area of the API (``area`` of :data:`.scopes.AREAS`):
    each router has its own, so that it knows the scope its operations need."""

    openapi_bearerFormat = "zv_…"
    openapi_description = (
        "A per-application API token, made by `zorgvuldig token create`, bound to a partner "
        "and to one of its employees or a service identity: `Authorization: Bearer zv_…`. "
        "It expires (a year by default), can be revoked, holds scopes (`<area>:read` for GET, "
        "`<area>:write` for the rest; each operation names its own in its security "
        "requirement) and makes at most a set number of requests a minute (429). Areas: "
        + "; ".join(f"`{area}`: {what}" for area, what in scopes.AREAS.items())
        + "."
    )

    def __init__(self, area: str | None):
        if area is not None and area not in scopes.AREAS:
            raise ValueError(f"unknown API area {area!r}")
        self.area = area  # None: an operation mounted without its area, which no scope opens
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        found = actor_for_token(token)
        if found is None:
            return None
        record, actor = found
        needed = scopes.required(self.area, request.method) if self.area else "?"
        if needed not in record.scopes:
            raise NotAllowed(
                f"Dit token heeft niet de scope '{needed}' die deze bewerking vraagt; het "
                f"heeft: {', '.join(record.scopes) or 'geen'}. Maak een token met die scope."
            )
        request.api_token = record
        return actor
