# SPDX-License-Identifier: EUPL-1.2
"""Making and ending a partner's webhook subscriptions (configuration, no personal data)."""

from __future__ import annotations

import secrets
import urllib.parse
import uuid

from django.conf import settings

from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.webhooks.models import Subscription


def check_url(url: str) -> str:
    """A webhook URL: https, no user or password in it; plain http only for the hosts named
    in ``ZORGVULDIG_WEBHOOK_HTTP_HOSTS`` (a receiver on the same machine or network)."""
    url = (url or "").strip()
    parts = urllib.parse.urlsplit(url)
    if len(url) > 500 or not parts.hostname:
        raise InvalidInput({"url": "Geef een volledige URL van hoogstens 500 tekens."})
    if parts.username or parts.password:
        raise InvalidInput({"url": "Een webhook-URL bevat geen gebruikersnaam of wachtwoord."})
    if parts.scheme == "https":
        return url
    if parts.scheme == "http" and parts.hostname in settings.ZORGVULDIG_WEBHOOK_HTTP_HOSTS:
        return url
    raise InvalidInput({"url": "Een webhook-URL gebruikt https."})


def subscribe(partner_id, url: str) -> tuple[Subscription, str]:
    """A new subscription; returns it with its signing secret, which is shown only now."""
    secret = secrets.token_urlsafe(32)
    subscription = Subscription.objects.create(
        partner_id=partner_id, url=check_url(url), secret=secret
    )
    return subscription, secret


def subscriptions_of(partner_id) -> list[Subscription]:
    return list(Subscription.objects.filter(partner_id=partner_id).order_by("created_at"))


def unsubscribe(partner_id, subscription_id) -> None:
    """End a subscription; its notifications not yet delivered are not tried again."""
    try:
        key = uuid.UUID(str(subscription_id))
    except ValueError:
        key = None
    ended = Subscription.objects.filter(id=key, partner_id=partner_id, is_active=True).update(
        is_active=False
    )
    if not ended:
        raise NotFound("webhook-subscription", "Dit webhook-abonnement bestaat niet.")
