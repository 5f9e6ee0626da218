# SPDX-License-Identifier: EUPL-1.2
"""The API at /api/v1/: mounted by ``zorgvuldig.conf.urls`` as ``path("api/v1/", api.urls)``."""

from __future__ import annotations

from zorgvuldig.api import problems
from zorgvuldig.api.auth import ApiTokenAuth, TokenRateThrottle
from zorgvuldig.api.base import make_api
from zorgvuldig.api.routers import (
    clients,
    consent,
    emergency,
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

# Each router with the area of the API its operations belong to: a token needs the area's
# scope to read (GET) or to write (the rest), see zorgvuldig.api.scopes.
ROUTERS = (
    ("partners", partners.router),
    ("clients", clients.router),
    ("clients", trajectories.router),
    ("dossier", items.router),
    ("consent", consent.router),
    ("exchange", exchange.router),
    ("received", received_shares.router),
    ("exchange", pull.router),
    ("meldcode", meldcode.router),
    ("households", households.router),
    ("exchange", non_partner_addresses.router),
    ("rights", rights.router),
    ("retention", retention.router),
    ("incidents", incidents.router),
    ("oversight", oversight.router),
    ("emergency", emergency.router),
    ("log", log.router),
    ("webhooks", webhooks.router),
)

# an operation mounted without its area is refused to every token (fail closed)
api = make_api(auth=ApiTokenAuth(None), throttle=[TokenRateThrottle()], urls_namespace="api")
problems.install(api)
for area, router in ROUTERS:
    api.add_router("", router, auth=ApiTokenAuth(area))
    api.operation_areas.update(
        (operation.operation_id, area)
        for path_view in router.path_operations.values()
        for operation in path_view.operations
    )
