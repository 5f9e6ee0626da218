# SPDX-License-Identifier: EUPL-1.2
"""Who at a partner handles the retention of a client's dossier, and how that is logged.

The protocol asks each partner to keep data no longer than art5.2 allows; deciding that is
the work of the partner's privacy officer, or of a caseworker who supports the client there
(as for a data subject's request, :mod:`..rights.handlers`). It is not decided by
``decide()`` against the client's support, which has often ended by then: it is logged as
required by art5.2 (:func:`~zorgvuldig.gate.processing.process_required`).
"""

from __future__ import annotations

from zorgvuldig.clients.models import Client
from zorgvuldig.core.actor import Actor
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.rights.handlers import handled_client, rights_processing
from zorgvuldig.protocol import Operation
from zorgvuldig.protocol.decision import Refusal

NOT_THE_ACTORS_CLIENT = Refusal(
    "art3.2c",
    "Geweigerd: alleen de privacy officer of een hulpverlener die de cliënt ondersteunt "
    "beslist over het bewaren van dit dossier",
    "Vraag de privacy officer van uw organisatie.",
)


def retention_client(actor: Actor, client_id, name: str, operation: Operation) -> Client:
    """The client whose dossier's retention the actor may handle; else not found, logged."""
    return handled_client(actor, client_id, name, operation, NOT_THE_ACTORS_CLIENT)


def handle(actor: Actor, client: Client, name: str, operation: Operation, perform):
    """Perform ``perform()`` (giving the result) and log it as required by art5.2."""
    return process_required(
        rights_processing(actor, client, name, operation),
        lambda decision: Performed(perform(), subject_ids=[client.subject_id]),
        "art5.2",
    ).result
