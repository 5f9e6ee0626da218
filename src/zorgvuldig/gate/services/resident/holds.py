# SPDX-License-Identifier: EUPL-1.2
"""art9.3 for the resident's own view (decision 25): the partner holds back a processing of
the client's data whose showing would harm the client or others, and releases what was held
back (a harm hold, or a processing the version holds back by its kind: under the Meldcode,
for Veilig Thuis). Done by the privacy officer or a caseworker who supports the client, as a
request of the client is handled (:func:`~zorgvuldig.gate.services.rights.handlers.handled_client`);
each is one processing, logged under art9.3."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.handlers import handled_client, rights_processing
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Operation
from zorgvuldig.rights.models import ViewHold, ViewHoldKind

NOT_A_PROCESSING = "Deze verwerking staat niet in het verwerkingenlog van deze cliënt bij u."


def _trace(client, partner_id, trace_id) -> str:
    value = validation.text(trace_id, "traceId", 32)
    if not LogRecord.objects.filter(
        trace_id=value,
        partner_id=str(partner_id),
        subject_pseudonym=subject_pseudonym(client.subject_id),
    ).exists():
        raise InvalidInput({"traceId": NOT_A_PROCESSING})
    return value


@gate_service
def hold_from_resident_view(actor: Actor, client_id, *, trace_id: str, reason: str) -> None:
    """art9.3: hold back one processing (by its trace id) from the client's own view, with
    the reason, until it is released."""
    name = "verwerking-achterhouden"
    client = handled_client(actor, client_id, name, Operation.RECORD)
    trace = _trace(client, actor.partner_id, trace_id)
    why = validation.text(reason, "reason", 2000)

    def perform(decision):
        with transaction.atomic():
            ViewHold.objects.update_or_create(
                partner_id=actor.partner_id,
                client=client,
                trace_id=trace,
                defaults={
                    "kind": ViewHoldKind.HARM,
                    "reason": why,
                    "held_since": timezone.now(),
                    "held_by_id": actor.employee_id,
                    "released_at": None,
                    "released_by": None,
                },
            )
        return Performed(None, subject_ids=[client.subject_id])

    processing = rights_processing(actor, client, name, Operation.RECORD)
    process_required(processing, perform, "art9.3")


@gate_service
def release_to_resident_view(actor: Actor, client_id, *, trace_id: str, kind: str) -> None:
    """art9.3: show a processing held back (``kind``: meldcode, veilig-thuis or harm) in the
    client's own view from now on; the view then says it was held back, and since when."""
    name = "verwerking-vrijgeven"
    client = handled_client(actor, client_id, name, Operation.RECORD)
    trace = _trace(client, actor.partner_id, trace_id)
    if kind not in ViewHoldKind.values:
        raise InvalidInput({"kind": f"Kies uit: {', '.join(ViewHoldKind.values)}."})

    def perform(decision):
        now = timezone.now()
        with transaction.atomic():
            hold = ViewHold.objects.filter(
                partner_id=actor.partner_id, client=client, trace_id=trace
            ).first()
            if hold is None:
                hold = ViewHold(
                    partner_id=actor.partner_id,
                    client=client,
                    trace_id=trace,
                    kind=kind,
                    held_since=now,
                    held_by_id=actor.employee_id,
                )
            hold.released_at = now
            hold.released_by_id = actor.employee_id
            hold.save()
        return Performed(None, subject_ids=[client.subject_id])

    processing = rights_processing(actor, client, name, Operation.RECORD)
    process_required(processing, perform, "art9.3")
