# SPDX-License-Identifier: EUPL-1.2
"""Answering a request that asks for information: the overview of art9.1 and, in the AVG
variant, the machine-readable copy of AVG art. 20.

The handler makes the overview (:func:`~.overview.subject_overview`, or its letter), sends it
to the requester, and records here that and when it was sent: the request is then answered
(granted) and closed. An overview is not sent while the partner still waits for the
requester (proof of identity, a clarification), nor dated before the request came in.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.register import step
from zorgvuldig.gate.services.rights.representation import past_day
from zorgvuldig.gate.services.rights.views import SubjectRequestView
from zorgvuldig.rights.codes import OPEN_STATES, OVERVIEW_KINDS, Outcome, RequestState


@gate_service
def send_overview(
    actor: Actor, request_id, *, sent_on: datetime.date | None = None
) -> SubjectRequestView:
    """art9.1 (AVG art. 15, 20): record that the overview was sent to the requester on
    ``sent_on`` (default today); the request is granted and closed. Logged under the article
    of its kind."""
    day = past_day(sent_on or timezone.localdate(), "sentOn")

    def change(request):
        if request.kind not in OVERVIEW_KINDS:
            raise InvalidInput({"kind": "Dit verzoek vraagt geen overzicht van de gegevens."})
        if request.state not in OPEN_STATES:
            raise InvalidInput({"state": "Dit verzoek is al afgehandeld of ingetrokken."})
        if request.state == RequestState.WAITING:
            raise InvalidInput({"state": "Dit verzoek wacht op de verzoeker; hervat het eerst."})
        if day < request.received_on:
            raise InvalidInput({"sentOn": "Deze datum ligt vóór de ontvangst van het verzoek."})
        request.outcome = Outcome.GRANTED
        request.decided_by_id, request.decided_on = actor.employee_id, day
        request.carried_out_on, request.closed_at = day, timezone.now()
        request.state = RequestState.CLOSED
        request.save()

    return step(actor, request_id, "overzicht-betrokkene-verzenden", change)
