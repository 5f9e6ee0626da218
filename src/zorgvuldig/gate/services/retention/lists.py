# SPDX-License-Identifier: EUPL-1.2
"""Destruction lists (art5.2), shaped after the Dutch archives' practice: drawn up by an
author from what is due by a day, reviewed by a second person (per dossier: destroy, or keep
with a reason and a new review date), approved by the privacy officer (never the author),
then a cooling-off period in which it can still be returned to its author. Only then does a
run (:mod:`.run`) carry it out.

Who may: the partner's caseworkers and privacy officers draw up and review; only a privacy
officer approves. Every step that shows or touches the clients on a list is logged for each
of them as required by art5.2; the list's page shows a hundred at a time.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zorgvuldig.clients.models import Client
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.gate.processing import Performed, process_required, process_required_in_parts
from zorgvuldig.gate.services.common import acknowledged, gate_service
from zorgvuldig.gate.services.retention.among import among
from zorgvuldig.gate.services.retention.convert import list_view
from zorgvuldig.gate.services.retention.holds import reason_of, record_hold, review_date
from zorgvuldig.gate.services.retention.plan import due_dossiers
from zorgvuldig.gate.services.retention.views import DestructionListView
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.partners.models import Employee, Partner, Role
from zorgvuldig.partners.services import employee_in_role
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.protocol import Operation
from zorgvuldig.retention.models import (
    DestructionList,
    EntryOutcome,
    ListEntry,
    ListState,
    Review,
)

PAGE = 100
# the dossiers of a new list written and logged per part: memory stays flat however long
_PART = 1000
ACTIVE = (ListState.REVIEW, ListState.APPROVAL, ListState.APPROVED, ListState.RUNNING)
_STAFF = (Role.CASEWORKER, Role.PRIVACY_OFFICER)


def staff(actor: Actor, roles=_STAFF) -> Employee:
    """The employee the actor is, in one of ``roles`` (the role itself, not what it reaches:
    decision 17 names the caseworker and the privacy officer, not every role with casework),
    once they acknowledged (art3.2c, art3.2d, art5.2); else NotAllowed (403), before anything
    is read."""
    who = "de privacy officer" if roles == (Role.PRIVACY_OFFICER,) else "medewerkers"
    refusal = f"Alleen {who} van de organisatie doen dit (art. 5 lid 2)."
    employee = employee_in_role(actor, refusal)
    if employee.role not in roles:
        raise NotAllowed(refusal)
    return acknowledged(employee)


def _list(actor: Actor, list_id, *, lock: bool = False) -> DestructionList:
    found = DestructionList.objects.filter(partner_id=actor.partner_id).select_related(
        "partner", "author__user", "reviewer__user", "approver__user"
    )
    if lock:
        found = found.select_for_update(of=("self",))
    try:
        return found.get(id=list_id)
    except (DestructionList.DoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFound("destruction-list", "Deze vernietigingslijst bestaat niet.") from None


def _state(found: DestructionList, *allowed: ListState) -> None:
    if found.state not in allowed:
        raise InvalidInput(
            {"state": f"Dit kan niet nu de lijst {ListState(found.state).label.lower()} is."}
        )


def _logged(actor: Actor, name: str, operation: Operation, subject_ids, perform):
    """``perform()`` logged as required by art5.2 for each client it concerns."""
    return process_required(
        rights_processing(actor, None, name, operation, subject_ids=tuple(subject_ids)),
        lambda decision: Performed(perform(), subject_ids=list(subject_ids)),
        "art5.2",
    ).result


def _subjects(entries) -> list:
    return list(entries.filter(client__isnull=False).values_list("client__subject_id", flat=True))


def _page(found: DestructionList, page: int):
    entries = found.entries.select_related("client__subject").order_by("id")
    return entries[(page - 1) * PAGE : page * PAGE]


@gate_service
def draft_destruction_list(actor: Actor, *, due_by) -> DestructionListView:
    """A new list of every dossier of the actor's partner that is due by ``due_by`` and on no
    other list that is still under way; the author is the actor."""
    author = staff(actor)
    if not isinstance(due_by, datetime.date) or isinstance(due_by, datetime.datetime):
        raise InvalidInput({"dueBy": "Geef een geldige datum (JJJJ-MM-DD)."})
    if due_by > timezone.localdate() + datetime.timedelta(days=366):
        raise InvalidInput({"dueBy": "Een lijst kijkt ten hoogste een jaar vooruit."})
    partner = Partner.objects.get(id=actor.partner_id)
    listed = set(
        ListEntry.objects.filter(
            list__partner=partner, list__state__in=ACTIVE, outcome=EntryOutcome.PENDING
        ).values_list("client_id", flat=True)
    )
    parts = _parts(d for d in due_dossiers(partner, due_by) if d.client_id not in listed)
    first = next(parts, None)
    if first is None:
        raise InvalidInput({"dueBy": "Op die dag is niets van uw organisatie te vernietigen."})

    def perform(log):
        # a part at a time: its entries written and its clients logged (a list may be long)
        number = (DestructionList.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        found = DestructionList.objects.create(
            number=number, partner=partner, due_by=due_by, author=author
        )
        for part in itertools.chain((first,), parts):
            subjects = dict(
                among(Client.objects.all(), "id", [d.client_id for d in part]).values_list(
                    "id", "subject_id"
                )
            )
            ListEntry.objects.bulk_create(
                ListEntry(
                    list=found,
                    client_id=d.client_id,
                    pseudonym=subject_pseudonym(str(subjects[d.client_id])),
                    domain=d.domain,
                    rule=d.rule,
                    period=d.period,
                    kept_through=d.kept_through,
                )
                for d in part
            )
            log(subjects[d.client_id] for d in part)
        return list_view(_list(actor, found.id))

    return process_required_in_parts(
        rights_processing(actor, None, "vernietigingslijst-opstellen", Operation.CONSULT),
        perform,
        "art5.2",
    ).result


def _parts(due: Iterator) -> Iterator[list]:
    """``due`` a thousand at a time."""
    while part := list(itertools.islice(due, _PART)):
        yield part


@gate_service
def destruction_lists(actor: Actor) -> list[DestructionListView]:
    """The partner's lists, newest first: numbers and people, no client (nothing logged)."""
    staff(actor)
    found = DestructionList.objects.filter(partner_id=actor.partner_id).select_related(
        "partner", "author__user", "reviewer__user", "approver__user"
    )
    return [list_view(f) for f in found]


@gate_service
def destruction_list(actor: Actor, list_id, *, page: int = 1) -> DestructionListView:
    """A list with one page of its entries (who, while not yet destroyed)."""
    staff(actor)
    found = _list(actor, list_id)
    if not isinstance(page, int) or page < 1:
        raise InvalidInput({"page": "Geef een paginanummer vanaf 1."})
    entries = _page(found, page)
    return _logged(
        actor,
        "vernietigingslijst-raadplegen",
        Operation.CONSULT,
        _subjects(found.entries.filter(id__in=[e.id for e in entries])),
        lambda: list_view(found, entries),
    )


@gate_service
def review_entry(
    actor: Actor, list_id, entry_id, *, review: str, reason: str = "", keep_until=None
) -> DestructionListView:
    """The reviewer's decision on one dossier: destroy, or keep with a reason and the date
    by which it is looked at again (the keep is a hold, art5.2, annotated in the dossier)."""
    reviewer = staff(actor)
    found = _list(actor, list_id)
    _state(found, ListState.REVIEW)
    if found.author_id == reviewer.id:
        raise InvalidInput({"employee": "De opsteller van de lijst beoordeelt haar niet zelf."})
    if review not in Review.values:
        raise InvalidInput({"review": "Kies destroy (vernietigen) of keep (bewaren)."})
    entry = found.entries.filter(id=entry_id, client__isnull=False).first()
    if entry is None:
        raise NotFound("list-entry", "Dit dossier staat niet op deze lijst.")
    if review == Review.KEEP:
        reason, keep_until = reason_of(reason), review_date(keep_until, "keepUntil")

    def perform():
        with transaction.atomic():
            entry.review, entry.keep_reason, entry.keep_until = review, reason, keep_until
            entry.save(update_fields=["review", "keep_reason", "keep_until"])
            if review == Review.KEEP:
                record_hold(actor, entry.client, reason, keep_until)
        return list_view(found, [entry])

    return _logged(
        actor,
        "vernietigingslijst-beoordelen",
        Operation.CHANGE,
        [entry.client.subject_id],
        perform,
    )


@gate_service
def complete_review(actor: Actor, list_id, *, destroy_rest: bool = False) -> DestructionListView:
    """The reviewer hands the list to the privacy officer: every dossier decided (or, with
    ``destroy_rest``, the undecided ones to be destroyed)."""
    reviewer = staff(actor)
    with transaction.atomic():
        found = _list(actor, list_id, lock=True)
        _state(found, ListState.REVIEW)
        if found.author_id == reviewer.id:
            raise InvalidInput({"employee": "De opsteller van de lijst beoordeelt haar niet zelf."})
        open_entries = found.entries.filter(review="")
        if open_entries.exists() and not destroy_rest:
            raise InvalidInput(
                {"entries": f"Nog {open_entries.count()} dossier(s) zonder beoordeling."}
            )
        open_entries.update(review=Review.DESTROY)
        found.state, found.reviewer, found.reviewed_at = (
            ListState.APPROVAL,
            reviewer,
            timezone.now(),
        )
        found.save(update_fields=["state", "reviewer", "reviewed_at"])
    return list_view(found)


@gate_service
def approve_list(actor: Actor, list_id) -> DestructionListView:
    """The privacy officer approves; the cooling-off period starts (a setting, default 7
    days), after which a run may carry the list out."""
    approver = staff(actor, (Role.PRIVACY_OFFICER,))
    with transaction.atomic():
        found = _list(actor, list_id, lock=True)
        _state(found, ListState.APPROVAL)
        if found.author_id == approver.id:
            raise InvalidInput({"employee": "De opsteller van de lijst keurt haar niet zelf goed."})
        now = timezone.now()
        found.state, found.approver, found.approved_at = ListState.APPROVED, approver, now
        found.cooling_off_until = now + datetime.timedelta(
            days=settings.ZORGVULDIG_DESTRUCTION_COOLING_OFF_DAYS
        )
        found.save(update_fields=["state", "approver", "approved_at", "cooling_off_until"])
    return list_view(found)


@gate_service
def return_list(actor: Actor, list_id, *, reason: str) -> DestructionListView:
    """Abort a list awaiting approval or cooling off: back to its author, with the reason."""
    staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": "Geef de reden waarom de lijst terug moet."})
    with transaction.atomic():
        found = _list(actor, list_id, lock=True)
        _state(found, ListState.REVIEW, ListState.APPROVAL, ListState.APPROVED)
        found.state, found.returned_reason = ListState.RETURNED, reason[:500]
        found.reviewer = found.reviewed_at = found.approver = found.approved_at = None
        found.cooling_off_until = None
        found.save()
    return list_view(found)


@gate_service
def resubmit_list(actor: Actor, list_id) -> DestructionListView:
    """The author sends a returned list for review again."""
    author = staff(actor)
    with transaction.atomic():
        found = _list(actor, list_id, lock=True)
        _state(found, ListState.RETURNED)
        if found.author_id != author.id:
            raise InvalidInput({"employee": "Alleen de opsteller biedt de lijst opnieuw aan."})
        found.state = ListState.REVIEW
        found.save(update_fields=["state"])
    return list_view(found)
