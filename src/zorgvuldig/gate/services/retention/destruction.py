# SPDX-License-Identifier: EUPL-1.2
"""The one path by which a client's dossier at a partner is destroyed (art5.2): a run of a
destruction list and an early destruction at the data subject's request both pass here.

Inside the caller's transaction, with the client's row locked, it checks again what may have
changed since the list was drawn: support that opened again, a hold, an open request of the
data subject, a decision to keep. It then deletes every row of the dossier at that partner:
items with their versions, notes, the consent registry, the partner's shares and what waits
of them at recipients, Meldcode cases, requests, trajectories and holds. When nothing of the
client is left at any partner, the client goes too: their relations, their place in
households, and their data subject unless another dossier still names that person. The
ledger keeps, by pseudonym only, what was destroyed, so a restore can be destroyed again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import F, ProtectedError, Q
from django.utils import timezone

from zorgvuldig.clients.models import Client, Household, Relation, Subject, SupportTrajectory
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument, Informing
from zorgvuldig.dossier.models import Annotation, DataItem
from zorgvuldig.exchange.models import Disclosure, ReceivedShare, SafetyCase
from zorgvuldig.gate.services.retention.facts import dossiers, retention_version
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
    items: int
    whole_client: bool
    categories: tuple[str, ...]


def check(client: Client, partner: Partner, today: datetime.date, *, early: bool) -> str:
    """Why the dossier may not be destroyed today, or "" when it may (early: at the data
    subject's request, before its periods end: only holds and open matters stand in the way)."""
    if not SupportTrajectory.objects.filter(client=client, partner=partner).exists():
        return Kept.GONE
    if SupportTrajectory.objects.filter(client=client, closed_on__isnull=True).exists():
        return Kept.SUPPORTED
    if RetentionHold.objects.filter(client=client, partner=partner, review_on__gte=today):
        return Kept.HOLD
    if SubjectRequest.objects.filter(
        client=client, partner=partner, state__in=OPEN_STATES
    ).exists():
        return Kept.REQUEST
    if not early:
        version = retention_version(partner.id, today)
        items = dossiers([client.id], partner.id, partner.kind, today)[client.id]
        outcomes = dossier_retention(version, items, today)
        if any(o.kept_through is None or o.kept_through >= today for o in outcomes.values()):
            return Kept.NOT_DUE
    return ""


def _delete(queryset) -> None:
    """Delete through a plain queryset: the consent registry is append-only against every
    change (art4.5) but not against the end of retention (art5.2)."""
    models.QuerySet(queryset.model).filter(pk__in=queryset.values("pk")).delete()


def destroy_dossier(client: Client, partner: Partner, *, list_id=None) -> Destroyed:
    """Delete the client's dossier at ``partner`` (after :func:`check`, inside the caller's
    transaction and processing); the client as a whole when nothing of them is left."""
    mine = {"client": client, "partner": partner}
    categories = tuple(
        sorted(set(DataItem.objects.filter(**mine).values_list("category", flat=True)))
    )
    _count_anonymised(client, partner, categories)
    requests = SubjectRequest.objects.filter(**mine)
    RecipientNotice.objects.filter(request__in=requests).delete()
    requests.delete()
    IncapacityJudgement.objects.filter(**mine).delete()
    RepresentativeStance.objects.filter(**mine).delete()
    ReceivedShare.objects.filter(client=client, recipient_partner=partner).delete()
    sent = Disclosure.objects.filter(**mine)
    ReceivedShare.objects.filter(disclosure__in=sent).delete()
    sent.delete()
    SafetyCase.objects.filter(**mine).delete()
    _delete(ConsentDecision.objects.filter(**mine))
    _delete(ConsentDocument.objects.filter(**mine))
    _delete(Informing.objects.filter(**mine))
    Annotation.objects.filter(**mine).delete()
    items, _ = DataItem.objects.filter(**mine).delete()
    SupportTrajectory.objects.filter(**mine).delete()
    RetentionHold.objects.filter(**mine).delete()
    pseudonym = subject_pseudonym(str(client.subject_id))
    whole = not _anything_left(client)
    if whole:
        _destroy_client(client)
    DestroyedDossier.objects.create(
        pseudonym=pseudonym,
        partner=partner,
        whole_client=whole,
        destroyed_at=timezone.now(),
        list_id=list_id,
    )
    return Destroyed(pseudonym, items, whole, categories)


def _count_anonymised(client: Client, partner: Partner, categories) -> None:
    """What is kept of the dossier: a count in each cell of the anonymised statistics it had
    data in (art5.2), before anything is deleted."""
    version = retention_version(partner.id, timezone.localdate())
    supports = SupportTrajectory.objects.filter(
        client=client, partner=partner, closed_on__isnull=False
    ).values_list("domain", "closed_on")
    for cell in statistics.cells_of(
        client.subject.birth_date, supports, categories, version.retention.anonymised_categories
    ):
        key = dataclasses.asdict(cell)
        if not AnonymisedCount.objects.filter(**key).update(people=F("people") + 1):
            AnonymisedCount.objects.create(**key, people=1)


def _anything_left(client: Client) -> bool:
    return any(
        model.objects.filter(client=client).exists()
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


def _destroy_client(client: Client) -> None:
    """The client and their relations; their data subject and the people related to them
    unless another dossier still names that person (then that dossier keeps them)."""
    subject = client.subject
    related = list(subject.relations.values_list("related_id", flat=True))
    for household in Household.objects.filter(members=subject):
        household.members.remove(subject)
    client.delete()
    subject.relations.all().delete()
    for person in (subject.id, *related):
        _forget(person)


def _forget(subject_id) -> None:
    if Client.objects.filter(subject_id=subject_id).exists():
        return
    if Relation.objects.filter(Q(subject_id=subject_id) | Q(related_id=subject_id)).exists():
        return
    if Household.objects.filter(members=subject_id).exists():
        return
    # named in another dossier (an item about them, a consent they gave, ...): it keeps them
    with contextlib.suppress(ProtectedError):
        Subject.objects.filter(id=subject_id).delete()
