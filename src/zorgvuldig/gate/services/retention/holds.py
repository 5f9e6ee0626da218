# SPDX-License-Identifier: EUPL-1.2
"""Holds: a client's data kept longer where careful support needs it (art5.2), with a reason,
who decided and a review date, annotated in the dossier."""

from __future__ import annotations

import datetime

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.core.pdf import dutch_date
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.gate.processing import current_trace_id
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.convert import hold_view
from zorgvuldig.gate.services.retention.handlers import handle, retention_client
from zorgvuldig.gate.services.retention.views import HoldView
from zorgvuldig.protocol import Operation
from zorgvuldig.retention.models import RetentionHold

# a hold is reviewed at least this often: a longer need is a new hold after review
LONGEST_HOLD_YEARS = 5
NAME = "bewaartermijn-verlengen"


def _review_on(value) -> datetime.date:
    today = timezone.localdate()
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInput({"reviewOn": "Geef een geldige herziendatum (JJJJ-MM-DD)."})
    if value <= today:
        raise InvalidInput({"reviewOn": "De herziendatum moet na vandaag liggen."})
    if value > today.replace(year=today.year + LONGEST_HOLD_YEARS):
        raise InvalidInput(
            {
                "reviewOn": f"Een bewaarbesluit wordt ten minste elke {LONGEST_HOLD_YEARS} "
                "jaar herzien; kies een eerdere herziendatum."
            }
        )
    return value


@gate_service
def place_hold(actor: Actor, client_id, *, reason: str, review_on) -> HoldView:
    """Keep the client's data at the actor's partner until ``review_on`` (art5.2)."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": "Geef de reden waarom zorgvuldige ondersteuning langer "
                            "bewaren nodig maakt."})  # fmt: skip
    if len(reason) > 500:
        raise InvalidInput({"reason": "De reden is te lang (ten hoogste 500 tekens)."})
    review_on = _review_on(review_on)
    client = retention_client(actor, client_id, NAME, Operation.RECORD)

    def perform():
        hold = RetentionHold.objects.create(
            client=client,
            partner_id=actor.partner_id,
            reason=reason,
            decided_by_id=actor.employee_id,
            review_on=review_on,
        )
        Annotation.objects.create(
            client=client,
            partner_id=actor.partner_id,
            article="art5.2",
            text=f"Langer bewaard tot ten minste de herziening op {dutch_date(review_on)}: "
            f"{reason}",
            author_id=actor.employee_id,
            trace_id=current_trace_id(),
        )
        hold = RetentionHold.objects.select_related("decided_by__user").get(id=hold.id)
        return hold_view(hold, timezone.localdate())

    return handle(actor, client, NAME, Operation.RECORD, perform)
