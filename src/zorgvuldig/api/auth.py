# SPDX-License-Identifier: EUPL-1.2
"""Authentication by per-application API tokens (``Authorization: Bearer zv_…``).

A token is stored only as its SHA-256; it is bound to a partner and acts either as one of the
partner's employees or as a service identity of the partner. It yields the
:class:`~zorgvuldig.gate.context.Actor` on whose behalf the gate decides. Whether the actor may
process a client's data is not decided here but by the protocol, in the gate: a service
identity, for one, is refused every processing of personal data (art3.2c).
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from zorgvuldig.api.models import TOKEN_PREFIX, ApiToken, hash_token
from zorgvuldig.core.actor import Actor
from zorgvuldig.partners.services import actor_for

# last_used_at is written at most once per this interval per token, not on every request.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


def actor_for_token(token: str) -> tuple[ApiToken, Actor] | None:
    """The token record and the actor it stands for, or None when it gives no access."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    record = (
        ApiToken.objects.select_related("employee")
        .filter(token_hash=hash_token(token), revoked_at__isnull=True)
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
    now = timezone.now()
    if record.last_used_at is None or now - record.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record, actor


class ApiTokenAuth(HttpBearer):
    openapi_bearerFormat = "zv_…"
    openapi_description = (
        "A per-application API token, made by `zorgvuldig token create`, bound to a partner "
        "and to one of its employees or a service identity: `Authorization: Bearer zv_…`."
    )

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        found = actor_for_token(token)
        if found is None:
            return None
        request.api_token, actor = found
        return actor
