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
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zorgvuldig.clients.models import Client
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate.processing import log_refused_attempt, process_required_together
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.among import among
from zorgvuldig.gate.services.retention.convert import list_view
from zorgvuldig.gate.services.retention.destruction import (
    Kept,
    check_many,
    destroy_dossiers,
    held_categories,
)
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
    pending = found.entries.filter(outcome=EntryOutcome.PENDING).order_by("id")
    done = total - pending.count()
    after = 0  # the batches go by id: a batch never asks again for what went before it
    while batch := list(
        pending.filter(id__gt=after).values_list("id", flat=True)[
            : settings.ZORGVULDIG_DESTRUCTION_BATCH
        ]
    ):
        with transaction.atomic():
            entries = list(
                among(
                    ListEntry.objects.select_for_update().filter(outcome=EntryOutcome.PENDING),
                    "id",
                    batch,
                )
            )
            _carry_out(actor, found, entries, now)
        after, done = batch[-1], done + len(entries)
        if progress:
            progress(done, total)
    with transaction.atomic():
        found.state, found.run_ended_at = ListState.DONE, max(now, timezone.now())
        found.last_log_hash = chain.anchor().anchor_hash
        found.save(update_fields=["state", "run_ended_at", "last_log_hash"])
    return list_view(found)


def _carry_out(actor, found: DestructionList, entries: list[ListEntry], now) -> None:
    """One batch: every dossier checked again, those that may go destroyed together, each
    client's destruction (or why not) logged for them."""
    partner, today = found.partner, timezone.localdate(now)
    clients = {
        c.id: c
        for c in among(
            # of the person only what the statistics count (not their encrypted data)
            Client.objects.select_for_update(of=("self",))
            .select_related("subject")
            .only("id", "subject_id", "subject__birth_date"),
            "id",
            [e.client_id for e in entries if e.client_id],
        ).order_by("id")
    }
    reasons = check_many(list(clients), partner, today, early=False)
    why = {
        entry: KEPT_ON_REVIEW
        if entry.review == Review.KEEP
        else reasons.get(entry.client_id, Kept.GONE)
        for entry in entries
    }
    refused: dict[str, list] = defaultdict(list)
    for entry, reason in why.items():
        if reason in _WHY:
            refused[reason].append(clients[entry.client_id].subject_id)
    for reason, subjects in refused.items():
        log_refused_attempt(
            rights_processing(actor, None, NAME, Operation.DESTROY, subject_ids=tuple(subjects)),
            [Refusal("art5.2", f"Niet vernietigd: {_WHY[reason]}", _AGAIN)],
        )
    # the entries first, one statement per outcome and reason: then the clients that go
    # take no entry with them (the batch's one transaction keeps both or neither)
    outcomes: dict[str, list] = defaultdict(list)
    for entry, reason in why.items():
        outcomes[reason].append(entry.id)
    for reason, ids in outcomes.items():
        among(ListEntry.objects.all(), "id", ids).update(
            outcome=EntryOutcome.KEPT if reason else EntryOutcome.DESTROYED,
            kept_because=reason,
            carried_out_at=now,
            **({} if reason else {"client": None}),
        )
    going = [clients[e.client_id] for e, reason in why.items() if not reason]
    if going:
        _destroy(actor, found, going)


def _destroy(actor, found: DestructionList, clients: list) -> None:
    """Destroy ``clients``' dossiers at the list's partner, logged as required by art5.2: one
    record for each, naming the categories of their own data.

    The clients are grouped by those categories, a processing each, carried out together:
    the batch is destroyed at once (the statements do not grow with the groups), and the
    records of all groups are appended with it, in the batch's one transaction."""
    held = held_categories([c.id for c in clients], found.partner)
    groups: dict[tuple, list] = defaultdict(list)
    for client in clients:
        groups[_categories(held[client.id])].append(client)
    processings = [
        dataclasses.replace(
            rights_processing(
                actor, None, NAME, Operation.DESTROY, subject_ids=tuple(c.subject_id for c in group)
            ),
            categories=categories,
        )
        for categories, group in groups.items()
    ]
    process_required_together(
        processings,
        lambda: destroy_dossiers(clients, found.partner, list_id=found.id, categories=held),
        "art5.2",
    )


def _categories(held) -> tuple[Category, ...]:
    """Identification (the dossier itself) and the categories of the items held."""
    return (
        Category.IDENTIFICATION,
        *sorted({Category(c) for c in held} - {Category.IDENTIFICATION}),
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
