# SPDX-License-Identifier: EUPL-1.2
"""Carrying out an approved destruction list whose cooling-off has passed (art5.2).

On the approver's authority, in batches: each batch one transaction, each dossier in it
checked again and destroyed (:mod:`.destruction`) or kept with its reason, each logged. A run
that is killed loses at most its open batch, which the database rolls back whole; started
again, it goes on with what is still pending, so nothing is destroyed twice and no client is
left half-destroyed. At the end the processing log is anchored and the anchor's hash kept for
the record of destruction, which holds counts, codes and the employees who acted, no client.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zorgvuldig.clients.models import Client
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate.processing import Performed, log_refused_attempt, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.convert import list_view
from zorgvuldig.gate.services.retention.destruction import Kept, check, destroy_dossier
from zorgvuldig.gate.services.retention.views import DestructionListView
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log import chain
from zorgvuldig.protocol import Category, Operation
from zorgvuldig.protocol.decision import Refusal
from zorgvuldig.retention.models import DestructionList, EntryOutcome, ListEntry, ListState, Review

KEPT_ON_REVIEW = "kept-on-review"
_AGAIN = "Het dossier blijft bewaard en komt op een volgende lijst zodra het weg mag."
NAME = "dossier-vernietigen"
_WHY = {
    Kept.SUPPORTED: "de cliënt wordt weer ondersteund",
    Kept.HOLD: "een bewaarbesluit houdt het dossier vast",
    Kept.REQUEST: "een verzoek van de betrokkene is in behandeling",
    Kept.NOT_DUE: "een bewaartermijn loopt nog",
}


def load(list_id) -> DestructionList:
    try:
        return DestructionList.objects.select_related(
            "partner", "author__user", "reviewer__user", "approver__user"
        ).get(id=list_id)
    except (DestructionList.DoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFound("destruction-list", "Deze vernietigingslijst bestaat niet.") from None


def _start(list_id, now) -> DestructionList:
    with transaction.atomic():
        found = DestructionList.objects.select_for_update().filter(id=list_id).first()
        if found is None:
            raise NotFound("destruction-list", "Deze vernietigingslijst bestaat niet.")
        if found.state == ListState.APPROVED:
            if found.cooling_off_until > now:
                raise InvalidInput(
                    {
                        "state": "De lijst is goedgekeurd maar de bedenktijd loopt nog tot "
                        f"{timezone.localtime(found.cooling_off_until):%d-%m-%Y %H:%M}."
                    }
                )
            found.state, found.run_started_at = ListState.RUNNING, now
            found.save(update_fields=["state", "run_started_at"])
        elif found.state not in (ListState.RUNNING, ListState.DONE):
            raise InvalidInput(
                {"state": "Alleen een goedgekeurde lijst wordt uitgevoerd; deze is "
                 f"{ListState(found.state).label.lower()}."}
            )  # fmt: skip
    return load(list_id)


@gate_service
def run_destruction_list(
    list_id, *, now=None, progress: Callable[[int, int], None] | None = None
) -> DestructionListView:
    """Carry out the list (or go on with it); a list already carried out is left as it is."""
    now = now or timezone.now()
    found = _start(list_id, now)
    if found.state == ListState.DONE:
        return list_view(found)
    actor = actor_for(found.approver)
    total = found.entries.count()
    while batch := list(
        found.entries.filter(outcome=EntryOutcome.PENDING)
        .order_by("id")
        .values_list("id", flat=True)[: settings.ZORGVULDIG_DESTRUCTION_BATCH]
    ):
        with transaction.atomic():
            entries = ListEntry.objects.select_for_update().filter(
                id__in=batch, outcome=EntryOutcome.PENDING
            )
            for entry in entries:
                _carry_out(actor, found, entry, now)
        if progress:
            progress(total - found.entries.filter(outcome=EntryOutcome.PENDING).count(), total)
    with transaction.atomic():
        found.state, found.run_ended_at = ListState.DONE, max(now, timezone.now())
        found.last_log_hash = chain.anchor().anchor_hash
        found.save(update_fields=["state", "run_ended_at", "last_log_hash"])
    return list_view(found)


def _carry_out(actor, found: DestructionList, entry: ListEntry, now) -> None:
    client = Client.objects.select_for_update().filter(id=entry.client_id).first()
    today = timezone.localdate(now)
    if entry.review == Review.KEEP:
        why = KEPT_ON_REVIEW
    elif client is None:
        why = Kept.GONE
    else:
        why = check(client, found.partner, today, early=False)
    processing = rights_processing(actor, client, NAME, Operation.DESTROY)
    if why:
        if client is not None and why != KEPT_ON_REVIEW:
            log_refused_attempt(
                processing,
                [Refusal("art5.2", f"Niet vernietigd: {_WHY[why]}", _AGAIN)],
            )
        entry.outcome, entry.kept_because = EntryOutcome.KEPT, why
    else:
        categories = tuple(
            dict.fromkeys(
                (Category.IDENTIFICATION, *map(Category, _categories(client, found.partner_id)))
            )
        )
        process_required(
            dataclasses.replace(processing, categories=categories),
            lambda decision: Performed(
                destroy_dossier(client, found.partner, list_id=found.id),
                subject_ids=[client.subject_id],
            ),
            "art5.2",
        )
        entry.outcome, entry.client = EntryOutcome.DESTROYED, None
    entry.carried_out_at = now
    entry.save(update_fields=["outcome", "kept_because", "client", "carried_out_at"])


def _categories(client, partner_id) -> list[str]:
    return sorted(
        set(
            DataItem.objects.filter(client=client, partner_id=partner_id).values_list(
                "category", flat=True
            )
        )
    )


@gate_service
def run_destruction_lists(*, number=None, now=None, progress=None) -> list[DestructionListView]:
    """Every approved list whose cooling-off has passed and every run that was broken off
    (or only list ``number``): what the daily scheduled task runs."""
    now = now or timezone.now()
    if number is not None:
        found = DestructionList.objects.filter(number=number).values_list("id", flat=True)
        if not found:
            raise NotFound("destruction-list", f"Er is geen vernietigingslijst {number}.")
        return [run_destruction_list(found[0], now=now, progress=progress)]
    due = DestructionList.objects.filter(state__in=(ListState.APPROVED, ListState.RUNNING)).exclude(
        state=ListState.APPROVED, cooling_off_until__gt=now
    )
    ids = list(due.order_by("number").values_list("id", flat=True))
    return [run_destruction_list(i, now=now, progress=progress) for i in ids]
