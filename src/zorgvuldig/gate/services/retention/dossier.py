# SPDX-License-Identifier: EUPL-1.2
"""The retention of a client's dossier, shown with its explanation (art5.2): consulted as
identification data, since it names only categories, trajectories and dates."""

from __future__ import annotations

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.convert import hold_view, retention_view
from zorgvuldig.gate.services.retention.facts import DOSSIER, dossiers, retention_version
from zorgvuldig.gate.services.retention.handlers import handle, retention_client
from zorgvuldig.gate.services.retention.views import DossierRetentionView, ItemRetentionView
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import Operation
from zorgvuldig.protocol.retention import dossier_retention
from zorgvuldig.retention.models import RetentionHold

NAME = "bewaartermijn-raadplegen"


def outcomes_of(client_id, partner: Partner, today):
    """The retention outcome of each item of the client at ``partner`` and of the dossier."""
    version = retention_version(partner.id, today)
    if version is None:
        raise InvalidInput({"partner": "Deze organisatie was nooit aan het protocol gebonden."})
    items = dossiers([client_id], partner.id, partner.kind, today).get(client_id, {})
    return dossier_retention(version, items, today), items


@gate_service
def retention_of_dossier(actor: Actor, client_id) -> DossierRetentionView:
    """How long the actor's partner keeps the client's dossier and each item in it, and why."""
    today = timezone.localdate()
    client = retention_client(actor, client_id, NAME, Operation.CONSULT)

    def read():
        partner = Partner.objects.get(id=actor.partner_id)
        outcomes, items = outcomes_of(client.id, partner, today)
        holds = RetentionHold.objects.filter(client=client, partner=partner).select_related(
            "decided_by__user"
        )
        return DossierRetentionView(
            client_id=client.id,
            dossier=retention_view(outcomes[DOSSIER]),
            items=tuple(
                ItemRetentionView(key, items[key].category.value, retention_view(outcome))
                for key, outcome in outcomes.items()
                if key != DOSSIER
            ),
            holds=tuple(hold_view(h, today) for h in holds),
        )

    return handle(actor, client, NAME, Operation.CONSULT, read)
