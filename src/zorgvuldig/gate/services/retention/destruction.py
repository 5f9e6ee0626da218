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

from django.db import connection, transaction
from django.db.models import CharField, ProtectedError, Value
from django.utils import timezone

from zorgvuldig.clients.models import (
    Client,
    EmergencyAccess,
    Household,
    Relation,
    Subject,
    SupportTrajectory,
)
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument, Informing
from zorgvuldig.core import keys
from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.exchange.models import Disclosure, ReceivedShare, SafetyCase
from zorgvuldig.gate.services.retention.among import Ids, among
from zorgvuldig.gate.services.retention.deletion import delete_rows
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
    ids = Ids(client_ids)

    def having(model, **where) -> set:
        found = among(model.objects.filter(**where), "client_id", ids)
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


def destroy_dossier(client: Client, partner: Partner, *, list_id=None) -> Destroyed:
    """Delete the client's dossier at ``partner`` (after :func:`check`, inside the caller's
    transaction and processing); the client as a whole when nothing of them is left."""
    return destroy_dossiers([client], partner, list_id=list_id)[client.id]


def held_categories(client_ids, partner: Partner) -> dict:
    """Per client id the categories of their items at ``partner``."""
    categories: dict = {c: set() for c in client_ids}
    items = among(DataItem.objects.filter(partner=partner), "client_id", categories)
    for client_id, category in items.order_by().values_list("client_id", "category").distinct():
        categories[client_id].add(category)
    return categories


def destroy_dossiers(clients, partner: Partner, *, list_id=None, categories=None) -> dict:
    """:func:`destroy_dossier` for many clients at once, a few statements for all of them;
    per client id what was destroyed (``categories``: :func:`held_categories`, when the
    caller has them)."""
    clients = {c.id: c for c in clients}
    ids = Ids(clients)

    def mine(model, **where):
        return among(model.objects.filter(partner=partner, **where), "client_id", ids)

    categories = categories if categories is not None else held_categories(clients, partner)
    _count_anonymised(clients, partner, categories)
    requests, sent = mine(SubjectRequest), mine(Disclosure)
    received = among(ReceivedShare.objects.filter(recipient_partner=partner), "client_id", ids)
    # what most dossiers never have, asked of all of them in one statement
    rare = {
        "requests": requests,
        "judgements": mine(IncapacityJudgement),
        "stances": mine(RepresentativeStance),
        "received": received,
        "sent": sent,
        "safety": mine(SafetyCase),
        "documents": mine(ConsentDocument),
    }
    present = _present(rare)
    if "requests" in present:
        delete_rows(RecipientNotice.objects.filter(request__in=requests))
        delete_rows(requests)
    for name in ("judgements", "stances", "received"):
        if name in present:
            delete_rows(rare[name])
    if "sent" in present:
        delete_rows(ReceivedShare.objects.filter(disclosure__in=sent))
        delete_rows(sent)
    if "safety" in present:
        delete_rows(rare["safety"])
    # the consent registry is append-only against every change (art4.5), but not against the
    # end of retention (art5.2); a consent decision may name a signed form
    delete_rows(mine(ConsentDecision))
    if "documents" in present:
        delete_rows(rare["documents"])
    # an emergency access to the dossier (decision 23) goes with it: its explanation is sealed
    # with the dossier's key
    for model in (
        Informing,
        Annotation,
        DataItem,
        SupportTrajectory,
        RetentionHold,
        EmergencyAccess,
    ):
        delete_rows(mine(model))
    # the partner's incidents keep only the log's pseudonym of whom they affected
    among(AffectedClient.objects.filter(incident__partner=partner), "client_id", ids).update(
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


def _present(querysets: dict) -> set:
    """The names of the querysets that have rows, in one statement."""
    first, *rest = (
        rows.order_by().values_list(Value(name, output_field=CharField()))
        for name, rows in querysets.items()
    )
    return {name for (name,) in first.union(*rest)}


def _count_anonymised(clients: dict, partner: Partner, categories: dict) -> None:
    """What is kept of the dossiers: a count in each cell of the anonymised statistics each
    had data in (art5.2), before anything is deleted."""
    version = retention_version(partner.id, timezone.localdate())
    supports: dict = {c: [] for c in clients}
    for client_id, *support in among(
        SupportTrajectory.objects.filter(partner=partner, closed_on__isnull=False),
        "client_id",
        clients,
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
    _add_counts(sorted(counted.items(), key=lambda c: dataclasses.astuple(c[0])))


_CELL = ("category", *statistics.DIMENSIONS)
_CELLS_PER_STATEMENT = 100


def _add_counts(counted: list) -> None:
    """Add ``(cell, people)`` to the counts, a hundred cells a statement: an upsert, so that
    two runs counting into the same cell at once both count (PostgreSQL and SQLite alike)."""
    quote = connection.ops.quote_name
    table = quote(AnonymisedCount._meta.db_table)
    columns = ", ".join(quote(c) for c in (*_CELL, "people"))
    people = quote("people")
    for start in range(0, len(counted), _CELLS_PER_STATEMENT):
        chunk = counted[start : start + _CELLS_PER_STATEMENT]
        row = "(" + ", ".join(["%s"] * (len(_CELL) + 1)) + ")"
        values = ", ".join([row] * len(chunk))
        params = [v for cell, n in chunk for v in (*dataclasses.astuple(cell), n)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values} "  # noqa: S608 (names only)  # nosec B608
                f"ON CONFLICT ({', '.join(quote(c) for c in _CELL)}) "
                f"DO UPDATE SET {people} = {table}.{people} + excluded.{people}",
                params,
            )


def _anything_left(client_ids: list) -> set:
    """The clients of ``client_ids`` of whom something is still held at any partner."""
    client_ids = Ids(client_ids)
    first, *rest = (
        among(model.objects.all(), "client_id", client_ids).values_list("client_id").order_by()
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
        )
    )
    return {client_id for (client_id,) in first.union(*rest)}  # one statement


def _destroy_clients(clients: list) -> None:
    """The clients and their relations; their data subjects and the people related to them
    unless another dossier still names that person (then that dossier keeps them)."""
    if not clients:
        return
    subjects = Ids(c.subject_id for c in clients)
    related = list(
        among(Relation.objects.all(), "subject_id", subjects).values_list("related_id", flat=True)
    )
    delete_rows(among(Household.members.through.objects.all(), "subject_id", subjects))
    delete_rows(among(Client.objects.all(), "id", [c.id for c in clients]))
    delete_rows(among(Relation.objects.all(), "subject_id", subjects))
    _forget((*subjects, *related))


def _forget(subject_ids) -> None:
    """Delete the data subjects of ``subject_ids`` that no dossier names any more: not a
    client, in no relation, no household, no item about them, no consent they gave, no
    request they made, no stance they took."""
    ids, asked = set(subject_ids), Ids(dict.fromkeys(subject_ids))
    first, *rest = (
        among(model.objects.all(), key, asked).values_list(key).order_by()
        for model, key in (
            (Client, "subject_id"),
            (Relation, "subject_id"),
            (Relation, "related_id"),
            (Household.members.through, "subject_id"),
            (DataItem, "subject_id"),
            (ConsentDecision, "given_by_id"),
            (SubjectRequest, "requested_by_id"),
            (RepresentativeStance, "representative_id"),
        )
    )
    ids -= {subject_id for (subject_id,) in first.union(*rest)}  # one statement
    try:
        with transaction.atomic():  # refused, nothing of it is kept (e.g. their relations)
            delete_rows(among(Subject.objects.all(), "id", ids))
    except ProtectedError:  # named by a model added since: one at a time, keeping those
        for subject_id in list(ids):
            try:
                with transaction.atomic():
                    delete_rows(Subject.objects.filter(id=subject_id))
            except ProtectedError:
                ids.discard(subject_id)
    keys.shred(ids)
