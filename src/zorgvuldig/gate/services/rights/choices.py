# SPDX-License-Identifier: EUPL-1.2
"""What a handler chooses from to register a request (art9, art10): the kinds of request the
partner's protocol version knows, the people recorded for the client (who asks, who signs),
who may act today and whose signatures that needs, and the client's own items at the partner
(by category and label; their content is not read)."""

from __future__ import annotations

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.dossier.models import DataItem, DataItemVersion
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.handlers import handled_client, rights_processing
from zorgvuldig.gate.services.rights.register import known_kinds
from zorgvuldig.gate.services.rights.representation import (
    authority_on,
    authority_view,
    committed_version,
)
from zorgvuldig.gate.services.rights.views import ItemChoice, RequestChoices
from zorgvuldig.protocol import Operation


@gate_service
def request_choices(actor: Actor, client_id) -> RequestChoices:
    """The choices of the form that registers a request today; a consult logged under art10.1
    (who may act) for the client."""
    name = "verzoek-betrokkene-voorbereiden"
    client = handled_client(actor, client_id, name, Operation.CONSULT)
    day = timezone.localdate()
    version = committed_version(actor, day)

    def perform(decision):
        found, people = authority_on(actor, client, day, version)
        items = DataItem.objects.filter(
            client=client,
            partner_id=actor.partner_id,
            subject_id=client.subject_id,
            destroyed_on__isnull=True,
        )
        labels = dict(  # the latest version's label of each (later numbers overwrite)
            DataItemVersion.objects.filter(item__in=items)
            .order_by("item_id", "number")
            .values_list("item_id", "label")
        )
        view = RequestChoices(
            client_id=client.id,
            client_name=client.subject.full_name,
            kinds=known_kinds(version.extra_rights),
            people=tuple(people.values()),
            authority=authority_view(client, day, found, people, "art10.2" in found.articles),
            items=tuple(
                sorted(
                    (
                        ItemChoice(i.id, i.category, labels[i.id], timezone.localdate(i.created_at))
                        for i in items
                    ),
                    key=lambda c: (c.category, c.label, c.recorded_on),
                )
            ),
        )
        return Performed(view, subject_ids=[client.subject_id])

    processing = rights_processing(actor, client, name, Operation.CONSULT)
    return process_required(processing, perform, "art10.1").result
