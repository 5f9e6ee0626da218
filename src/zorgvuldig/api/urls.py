# SPDX-License-Identifier: EUPL-1.2
"""The API at /api/v1/: mounted by ``zorgvuldig.conf.urls`` as ``path("api/v1/", api.urls)``."""

from __future__ import annotations

from zorgvuldig.api import problems
from zorgvuldig.api.auth import ApiTokenAuth
from zorgvuldig.api.base import make_api
from zorgvuldig.api.routers import (
    clients,
    consent,
    exchange,
    households,
    incidents,
    items,
    log,
    meldcode,
    non_partner_addresses,
    oversight,
    partners,
    pull,
    received_shares,
    retention,
    rights,
    trajectories,
    webhooks,
)

api = make_api(auth=ApiTokenAuth(), urls_namespace="api")
problems.install(api)
api.add_router("", partners.router)
api.add_router("", clients.router)
api.add_router("", trajectories.router)
api.add_router("", items.router)
api.add_router("", consent.router)
api.add_router("", exchange.router)
api.add_router("", received_shares.router)
api.add_router("", pull.router)
api.add_router("", meldcode.router)
api.add_router("", households.router)
api.add_router("", non_partner_addresses.router)
api.add_router("", rights.router)
api.add_router("", retention.router)
api.add_router("", incidents.router)
api.add_router("", oversight.router)
api.add_router("", log.router)
api.add_router("", webhooks.router)
