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


def review_date(value, field: str = "reviewOn") -> datetime.date:
    """A hold's review date: after today, and at most five years ahead."""
    today = timezone.localdate()
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInput({field: "Geef een geldige herziendatum (JJJJ-MM-DD)."})
    if value <= today:
        raise InvalidInput({field: "De herziendatum moet na vandaag liggen."})
    if value > today.replace(year=today.year + LONGEST_HOLD_YEARS):
        raise InvalidInput(
            {
                field: f"Een bewaarbesluit wordt ten minste elke {LONGEST_HOLD_YEARS} "
                "jaar herzien; kies een eerdere herziendatum."
            }
        )
    return value


def reason_of(reason) -> str:
    reason = (reason or "").strip() if isinstance(reason, str | None) else ""
    if not reason:
        raise InvalidInput({"reason": "Geef de reden waarom zorgvuldige ondersteuning langer "
                            "bewaren nodig maakt."})  # fmt: skip
    if len(reason) > 500:
        raise InvalidInput({"reason": "De reden is te lang (ten hoogste 500 tekens)."})
    return reason


def record_hold(actor: Actor, client, reason: str, review_on: datetime.date) -> RetentionHold:
    """Write a hold and its note in the dossier (inside a logged processing)."""
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
        text=f"Langer bewaard tot ten minste de herziening op {dutch_date(review_on)}: {reason}",
        author_id=actor.employee_id,
        trace_id=current_trace_id(),
    )
    return hold


@gate_service
def place_hold(actor: Actor, client_id, *, reason: str, review_on) -> HoldView:
    """Keep the client's data at the actor's partner until ``review_on`` (art5.2)."""
    reason, review_on = reason_of(reason), review_date(review_on)
    client = retention_client(actor, client_id, NAME, Operation.RECORD)

    def perform():
        hold = record_hold(actor, client, reason, review_on)
        hold = RetentionHold.objects.select_related("decided_by__user").get(id=hold.id)
        return hold_view(hold, timezone.localdate())

    return handle(actor, client, NAME, Operation.RECORD, perform)
