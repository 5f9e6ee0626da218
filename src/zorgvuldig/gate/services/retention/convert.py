# SPDX-License-Identifier: EUPL-1.2
"""Retention outcomes and holds to their views."""

from __future__ import annotations

import datetime

from zorgvuldig.gate.services.retention.views import HoldView, RetentionView
from zorgvuldig.protocol.retention import Outcome
from zorgvuldig.retention.models import RetentionHold


def retention_view(outcome: Outcome) -> RetentionView:
    winner = outcome.winner
    return RetentionView(
        state=outcome.state.value,
        kept_through=outcome.kept_through,
        due_on=outcome.due_on,
        rule=winner.rule.code if winner and outcome.kept_through else "",
        rule_source=winner.rule.source if winner and outcome.kept_through else "",
        explanation=outcome.explanation,
    )


def hold_view(hold: RetentionHold, today: datetime.date) -> HoldView:
    return HoldView(
        id=hold.id,
        reason=hold.reason,
        decided_by=hold.decided_by.display_name,
        review_on=hold.review_on,
        created_at=hold.created_at,
        lapsed=hold.review_on < today,
    )
