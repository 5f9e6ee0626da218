# SPDX-License-Identifier: EUPL-1.2
"""Webhook subscriptions of a partner's systems: configuration, no personal data."""

from __future__ import annotations

import uuid

from ninja import Path, Router, Status

from zorgvuldig.api.schemas.webhooks import (
    WebhookSubscription,
    WebhookSubscriptionCreated,
    WebhookSubscriptionRequest,
)
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotAllowed
from zorgvuldig.webhooks import subscriptions

router = Router(tags=["Webhooks"], by_alias=True)

SUBSCRIPTION_ID = Path(
    ..., alias="subscriptionId", description="De identificatie van het webhook-abonnement"
)


def _service(actor: Actor) -> Actor:
    """Subscriptions belong to a partner's systems: only a service identity manages them."""
    if not actor.service:
        raise NotAllowed(
            "Webhook-abonnementen beheert een koppeling van uw organisatie (een token met een "
            "service-identiteit), niet een medewerker."
        )
    return actor


@router.get(
    "/webhook-subscriptions",
    response=list[WebhookSubscription],
    operation_id="listWebhookSubscriptions",
    summary="Your organisation's webhook subscriptions",
)
def list_subscriptions(request):
    """The URLs of your organisation's systems that are notified, active or ended."""
    return subscriptions.subscriptions_of(_service(request.auth).partner_id)


@router.post(
    "/webhook-subscriptions",
    response={201: WebhookSubscriptionCreated},
    operation_id="createWebhookSubscription",
    summary="Subscribe a system to notifications",
)
def create_subscription(request, payload: WebhookSubscriptionRequest):
    """Your system at ``url`` (https) receives a POST with a JSON body when something waits for
    your organisation: event ``received-shares.created`` with ``receivedShareIds`` (fetch them
    at ``/received-shares``). A notification never holds personal data. Each is signed:
    ``Zorgvuldig-Signature: t=<unix time>,v1=<hex>``, the HMAC-SHA256 with the ``secret`` of
    ``"<t>." + body``; check it in constant time and refuse an old ``t``. A failed delivery
    (no 2xx within 5 seconds) is tried again, up to 8 times with growing pauses."""
    subscription, secret = subscriptions.subscribe(_service(request.auth).partner_id, payload.url)
    return WebhookSubscriptionCreated(
        id=subscription.id,
        url=subscription.url,
        is_active=subscription.is_active,
        created_at=subscription.created_at,
        secret=secret,
    )


@router.delete(
    "/webhook-subscriptions/{subscriptionId}",
    response={204: None},
    operation_id="deleteWebhookSubscription",
    summary="End a webhook subscription",
)
def delete_subscription(request, subscription_id: uuid.UUID = SUBSCRIPTION_ID):
    """End the subscription: nothing more is sent to it, not even retries."""
    subscriptions.unsubscribe(_service(request.auth).partner_id, subscription_id)
    return Status(204, None)
