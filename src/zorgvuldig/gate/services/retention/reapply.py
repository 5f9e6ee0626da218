# SPDX-License-Identifier: EUPL-1.2
"""Destroying again what a restore from backup brought back (art5.2).

The ledger names every destroyed dossier by the processing log's pseudonym of its client and
the partner that held it. After a restore, every data subject in the database is hashed to
that pseudonym; a client whose pseudonym is in the ledger came back from the backup, and their
dossier at that partner is destroyed again through the one destruction path, logged as the
service ``retention-reapply``. Run it right after a restore, before anyone works with the data.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from zorgvuldig.clients.models import Client
from zorgvuldig.core.actor import Actor
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.destruction import destroy_dossier
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.partners.models import Partner
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.protocol import Operation
from zorgvuldig.retention.models import DestroyedDossier

SERVICE = "retention-reapply"


@gate_service
def reapply_destruction() -> int:
    """Destroy again every dossier the ledger lists that is back; returns how many."""
    ledger = defaultdict(set)
    for pseudonym, partner_id in DestroyedDossier.objects.values_list("pseudonym", "partner_id"):
        ledger[pseudonym].add(partner_id)
    again = 0
    clients = Client.objects.select_related("subject").order_by("id").iterator(chunk_size=2000)
    for client in clients:
        for partner_id in sorted(ledger.get(subject_pseudonym(str(client.subject_id)), ())):
            if client.trajectories.filter(partner_id=partner_id).exists():
                _destroy_again(client, Partner.objects.get(id=partner_id))
                again += 1
    return again


def _destroy_again(client: Client, partner: Partner) -> None:
    actor = Actor(partner_id=partner.id, service=SERVICE)
    with transaction.atomic():
        process_required(
            rights_processing(actor, client, "dossier-opnieuw-vernietigen", Operation.DESTROY),
            lambda decision: Performed(
                destroy_dossier(client, partner), subject_ids=[client.subject_id]
            ),
            "art5.2",
        )
