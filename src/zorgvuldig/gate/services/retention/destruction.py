# SPDX-License-Identifier: EUPL-1.2
"""The one path by which personal data is destroyed (art5.2): a run of a destruction list, an
early destruction at the data subject's request and a granted deletion (art9.4) all pass here.

Inside the caller's transaction, with the client's row locked, it checks again what may have
changed since the list was drawn: support that opened again, a hold, an open request of the
data subject, a decision to keep. It then deletes every row of the dossier at that partner:
items with their versions, notes, the consent registry, the partner's shares and what waits
of them at recipients, Meldcode cases, requests, trajectories and holds. When nothing of the
client is left at any partner, the client goes too: their relations, their place in
households, and their data subject unless another dossier still names that person. The
ledger keeps, by pseudonym only, what was destroyed, so a restore can be destroyed again.
The keys of the dossier, and of each data subject that goes, are deleted with the rows
(crypto-shredding, decision 0016): what a backup kept of them can no longer be read.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import F, ProtectedError
from django.utils import timezone

from zorgvuldig.clients.models import Client, Household, Relation, Subject, SupportTrajectory
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument, Informing
from zorgvuldig.core import keys
from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.exchange.models import Disclosure, ReceivedShare, SafetyCase
from zorgvuldig.gate.services.retention.facts import dossiers, retention_version
from zorgvuldig.incidents.models import AffectedClient
from zorgvuldig.partners.models import Partner
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.protocol.retention import dossier_retention
from zorgvuldig.retention import statistics
from zorgvuldig.retention.models import AnonymisedCount, DestroyedDossier, RetentionHold
from zorgvuldig.rights.codes import OPEN_STATES
from zorgvuldig.rights.models import (
    IncapacityJudgement,
    RecipientNotice,
    RepresentativeStance,
    SubjectRequest,
)

DESTROYED = "[vernietigd]"  # what a destroyed item's versions say instead (art9.4)


class Kept:
    """Why a dossier was not destroyed after all: the codes the list and its record keep."""

    GONE = "gone"  # nothing of the client is left at the partner (destroyed before)
    SUPPORTED = "open-support"  # a trajectory of the client is open (again)
    HOLD = "hold"  # a hold keeps it
    REQUEST = "open-request"  # a request of the data subject is being handled
    NOT_DUE = "not-due"  # a period still runs (e.g. data recorded since the list was drawn)


@dataclass(frozen=True, slots=True)
class Destroyed:
    pseudonym: str
    whole_client: bool
    categories: tuple[str, ...]


def check(
    client: Client, partner: Partner, today: datetime.date, *, early: bool, request_id=None
) -> str:
    """Why the dossier may not be destroyed today, or "" when it may (early: at the data
    subject's request ``request_id``, before its periods end: only holds and other open
    matters stand in the way)."""
    return check_many([client.id], partner, today, early=early, request_id=request_id)[client.id]


def check_many(
    client_ids, partner: Partner, today: datetime.date, *, early: bool, request_id=None
) -> dict:
    """:func:`check` for many clients at once: per client id its reason, or ""."""
    ids = list(client_ids)

    def having(model, **where) -> set:
        found = model.objects.filter(client_id__in=ids, **where)
        if model is SubjectRequest:
            found = found.exclude(id=request_id)
        return set(found.values_list("client_id", flat=True))

    reasons = dict.fromkeys(ids, "")
    present = having(SupportTrajectory, partner=partner)
    for found, why in (
        (having(SubjectRequest, partner=partner, state__in=OPEN_STATES), Kept.REQUEST),
        (having(RetentionHold, partner=partner, review_on__gte=today), Kept.HOLD),
        (having(SupportTrajectory, closed_on__isnull=True), Kept.SUPPORTED),
        (set(ids) - present, Kept.GONE),
    ):
        reasons.update(dict.fromkeys(found, why))
    if not early:
        version = retention_version(partner.id, today)
        pending = [i for i in ids if not reasons[i]]
        for client_id, items in dossiers(pending, partner.id, partner.kind, today).items():
            outcomes = dossier_retention(version, items, today).values()
            if any(o.kept_through is None or o.kept_through >= today for o in outcomes):
                reasons[client_id] = Kept.NOT_DUE
    return reasons


def check_deletion(client: Client, partner: Partner, today: datetime.date, request_id) -> str:
    """Why the items a deletion request ``request_id`` was granted (art9.4) may not be
    destroyed today: a hold on the dossier, or another request being handled; or ""."""
    if RetentionHold.objects.filter(client=client, partner=partner, review_on__gte=today).exists():
        return Kept.HOLD
    other = SubjectRequest.objects.filter(client=client, partner=partner, state__in=OPEN_STATES)
    return Kept.REQUEST if other.exclude(id=request_id).exists() else ""


def destroy_items(item_ids, day: datetime.date) -> int:
    """Destroy the content of the items of a granted deletion (art9.4, after
    :func:`check_deletion`): every version's value and source are overwritten; the item, its
    version numbers and its disclosure records stay, so that who received what, and that it
    was destroyed, can still be told (art9.1, art9.6). Returns how many items were destroyed
    (items destroyed before are left as they are)."""
    items = list(DataItem.objects.filter(id__in=item_ids, destroyed_on__isnull=True))
    versions = list(DataItemVersion.objects.filter(item__in=items).select_related("item"))
    for version in versions:
        version.value, version.source = DESTROYED, DESTROYED
        version.save(update_fields=["value", "source"])  # sealed with the dossier's key
    DataItem.objects.filter(id__in=[i.id for i in items]).update(destroyed_on=day)
    return len(items)


def _delete(queryset) -> None:
    """Delete through a plain queryset: the consent registry is append-only against every
    change (art4.5) but not against the end of retention (art5.2)."""
    models.QuerySet(queryset.model).filter(pk__in=queryset.values("pk")).delete()


def destroy_dossier(client: Client, partner: Partner, *, list_id=None) -> Destroyed:
    """Delete the client's dossier at ``partner`` (after :func:`check`, inside the caller's
    transaction and processing); the client as a whole when nothing of them is left."""
    return destroy_dossiers([client], partner, list_id=list_id)[client.id]


def destroy_dossiers(clients, partner: Partner, *, list_id=None) -> dict:
    """:func:`destroy_dossier` for many clients at once, a few statements for all of them;
    per client id what was destroyed."""
    clients = {c.id: c for c in clients}
    mine = {"client_id__in": list(clients), "partner": partner}
    categories: dict = {c: set() for c in clients}
    for client_id, category in DataItem.objects.filter(**mine).values_list("client_id", "category"):
        categories[client_id].add(category)
    _count_anonymised(clients, partner, categories)
    subject_requests = SubjectRequest.objects.filter(**mine)
    RecipientNotice.objects.filter(request__in=subject_requests).delete()
    subject_requests.delete()
    IncapacityJudgement.objects.filter(**mine).delete()
    RepresentativeStance.objects.filter(**mine).delete()
    ReceivedShare.objects.filter(client_id__in=list(clients), recipient_partner=partner).delete()
    sent = Disclosure.objects.filter(**mine)
    ReceivedShare.objects.filter(disclosure__in=sent).delete()
    sent.delete()
    SafetyCase.objects.filter(**mine).delete()
    _delete(ConsentDecision.objects.filter(**mine))
    _delete(ConsentDocument.objects.filter(**mine))
    _delete(Informing.objects.filter(**mine))
    Annotation.objects.filter(**mine).delete()
    DataItem.objects.filter(**mine).delete()
    SupportTrajectory.objects.filter(**mine).delete()
    RetentionHold.objects.filter(**mine).delete()
    # the partner's incidents keep only the log's pseudonym of whom they affected
    AffectedClient.objects.filter(client_id__in=list(clients), incident__partner=partner).update(
        client=None
    )
    keys.shred(keys.dossier_owner(c, partner.id) for c in clients)
    left = _anything_left(list(clients))
    whole = [c for i, c in clients.items() if i not in left]
    _destroy_clients(whole)
    now = timezone.now()
    done = {
        i: Destroyed(
            subject_pseudonym(str(c.subject_id)), i not in left, tuple(sorted(categories[i]))
        )
        for i, c in clients.items()
    }
    DestroyedDossier.objects.bulk_create(
        DestroyedDossier(
            pseudonym=d.pseudonym,
            partner=partner,
            whole_client=d.whole_client,
            destroyed_at=now,
            list_id=list_id,
        )
        for d in done.values()
    )
    return done


def _count_anonymised(clients: dict, partner: Partner, categories: dict) -> None:
    """What is kept of the dossiers: a count in each cell of the anonymised statistics each
    had data in (art5.2), before anything is deleted."""
    version = retention_version(partner.id, timezone.localdate())
    supports: dict = {c: [] for c in clients}
    for client_id, *support in SupportTrajectory.objects.filter(
        client_id__in=list(clients), partner=partner, closed_on__isnull=False
    ).values_list("client_id", "domain", "closed_on", "municipality", "ending"):
        supports[client_id].append(statistics.Support(*support))
    counted: Counter = Counter()
    for client_id, client in clients.items():
        counted.update(
            statistics.cells_of(
                client.subject.birth_date,
                supports[client_id],
                categories[client_id],
                version.retention.anonymised_categories,
            )
        )
    for cell, people in sorted(counted.items(), key=lambda c: dataclasses.astuple(c[0])):
        key = dataclasses.asdict(cell)
        if not AnonymisedCount.objects.filter(**key).update(people=F("people") + people):
            AnonymisedCount.objects.create(**key, people=people)


def _anything_left(client_ids: list) -> set:
    """The clients of ``client_ids`` of whom something is still held at any partner."""
    left: set = set()
    for model in (
        SupportTrajectory,
        DataItem,
        Annotation,
        Informing,
        ConsentDecision,
        ConsentDocument,
        Disclosure,
        ReceivedShare,
        SafetyCase,
        SubjectRequest,
        IncapacityJudgement,
        RepresentativeStance,
    ):
        left.update(
            model.objects.filter(client_id__in=client_ids).values_list("client_id", flat=True)
        )
    return left


def _destroy_clients(clients: list) -> None:
    """The clients and their relations; their data subjects and the people related to them
    unless another dossier still names that person (then that dossier keeps them)."""
    if not clients:
        return
    subjects = [c.subject_id for c in clients]
    related = list(
        Relation.objects.filter(subject_id__in=subjects).values_list("related_id", flat=True)
    )
    Household.members.through.objects.filter(subject_id__in=subjects).delete()
    Client.objects.filter(id__in=[c.id for c in clients]).delete()
    Relation.objects.filter(subject_id__in=subjects).delete()
    _forget((*subjects, *related))


def _forget(subject_ids) -> None:
    """Delete the data subjects of ``subject_ids`` that no dossier names any more: not a
    client, in no relation, no household, no item about them, no consent they gave, no
    request they made, no stance they took."""
    ids = set(subject_ids)
    for named in (
        Client.objects.filter(subject_id__in=ids).values_list("subject_id", flat=True),
        Relation.objects.filter(subject_id__in=ids).values_list("subject_id", flat=True),
        Relation.objects.filter(related_id__in=ids).values_list("related_id", flat=True),
        Household.members.through.objects.filter(subject_id__in=ids).values_list(
            "subject_id", flat=True
        ),
        DataItem.objects.filter(subject_id__in=ids).values_list("subject_id", flat=True),
        ConsentDecision.objects.filter(given_by_id__in=ids).values_list("given_by_id", flat=True),
        SubjectRequest.objects.filter(requested_by_id__in=ids).values_list(
            "requested_by_id", flat=True
        ),
        RepresentativeStance.objects.filter(representative_id__in=ids).values_list(
            "representative_id", flat=True
        ),
    ):
        ids -= set(named)
    try:
        Subject.objects.filter(id__in=ids).delete()
    except ProtectedError:  # named by a model added since: one at a time, keeping those
        for subject_id in list(ids):
            try:
                with transaction.atomic():
                    Subject.objects.filter(id=subject_id).delete()
            except ProtectedError:
                ids.discard(subject_id)
    keys.shred(ids)
