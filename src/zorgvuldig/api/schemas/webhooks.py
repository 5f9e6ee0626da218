# SPDX-License-Identifier: EUPL-1.2
"""Bodies of webhook subscriptions of partner systems."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import In, Out


class WebhookSubscriptionRequest(In):
    url: str = Field(
        max_length=500,
        description="De https-URL van uw systeem die een melding ontvangt (POST, JSON)",
    )


class WebhookSubscription(Out):
    id: uuid.UUID
    url: str
    is_active: bool
    created_at: datetime.datetime


class WebhookSubscriptionCreated(WebhookSubscription):
    secret: str = Field(
        description="De sleutel van de handtekening (HMAC-SHA256); alleen nu getoond, bewaar "
        "hem veilig"
    )
