# SPDX-License-Identifier: EUPL-1.2
"""Retention outcomes and holds to their views."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from zorgvuldig.gate.services.retention.views import (
    DestructionListView,
    HoldView,
    ListEntryView,
    RetentionView,
)
from zorgvuldig.protocol.retention import Outcome
from zorgvuldig.retention.models import DestructionList, EntryOutcome, ListEntry, RetentionHold


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


def _name(employee) -> str:
    return employee.display_name if employee is not None else ""


def entry_view(entry: ListEntry) -> ListEntryView:
    client = entry.client
    return ListEntryView(
        id=entry.id,
        client_id=client.id if client else None,
        client_name=client.subject.full_name if client else "",
        domain=entry.domain,
        rule=entry.rule,
        period=entry.period,
        kept_through=entry.kept_through,
        review=entry.review,
        keep_reason=entry.keep_reason,
        keep_until=entry.keep_until,
        outcome=entry.outcome,
        kept_because=entry.kept_because,
    )


def list_view(found: DestructionList, page=()) -> DestructionListView:
    counts = found.entries.aggregate(
        entries=Count("id"),
        destroyed=Count("id", filter=Q(outcome=EntryOutcome.DESTROYED)),
        kept=Count("id", filter=Q(outcome=EntryOutcome.KEPT)),
        pending=Count("id", filter=Q(outcome=EntryOutcome.PENDING)),
    )
    return DestructionListView(
        id=found.id,
        number=found.number,
        partner=found.partner.name,
        due_by=found.due_by,
        state=found.state,
        author=_name(found.author),
        created_at=found.created_at,
        reviewer=_name(found.reviewer),
        reviewed_at=found.reviewed_at,
        approver=_name(found.approver),
        approved_at=found.approved_at,
        cooling_off_until=found.cooling_off_until,
        returned_reason=found.returned_reason,
        run_started_at=found.run_started_at,
        run_ended_at=found.run_ended_at,
        page=tuple(entry_view(e) for e in page),
        **counts,
    )
