# SPDX-License-Identifier: EUPL-1.2
"""Who may act for a data subject (art10): the partner's judgement of incapacity (art10.2),
what it recorded about a representative (unwilling, art10.2; limited, art10.3), and the
answer of :func:`zorgvuldig.protocol.authority.authority` for a client on a day."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from zorgvuldig.clients.models import Client, Relation
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import validation
from zorgvuldig.gate.facts import version_of
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.handlers import handled_client, rights_processing
from zorgvuldig.gate.services.rights.views import AuthorityView, LimitedView, SignerView
from zorgvuldig.protocol import Operation
from zorgvuldig.protocol.authority import (
    REPRESENTATIVE_KINDS,
    Authority,
    Incapacity,
    Person,
    Relative,
    authority,
)
from zorgvuldig.protocol.version import ProtocolVersion
from zorgvuldig.rights.codes import StanceKind
from zorgvuldig.rights.models import IncapacityJudgement, RepresentativeStance

CLIENT = "client"


def past_day(value, field: str) -> datetime.date:
    """A date that is not in the future."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInput({field: "Geef een geldige datum (JJJJ-MM-DD)."})
    if value > timezone.localdate():
        raise InvalidInput({field: "Deze datum ligt in de toekomst."})
    return value


def committed_version(actor: Actor, day: datetime.date) -> ProtocolVersion:
    version = version_of(actor.partner_id, day)
    if version is None:
        raise InvalidInput(
            {"receivedOn": "Uw organisatie was op die dag niet aan het protocol gebonden."}
        )
    return version


def _in_force(queryset, day: datetime.date, start: str):
    return queryset.filter(**{f"{start}__lte": day}).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=day)
    )


def authority_on(
    actor: Actor, client: Client, day: datetime.date, version: ProtocolVersion
) -> tuple[Authority, dict[str, SignerView]]:
    """art10 for ``client`` on ``day`` (inside a processing), and the people it may name."""
    order = {kind: i for i, kind in enumerate(REPRESENTATIVE_KINDS)}
    relations = sorted(  # a person related twice is named by the most formal relation
        Relation.objects.filter(subject=client.subject).select_related("related"),
        key=lambda r: order[r.kind],
    )
    stances = {
        (s.representative_id, s.kind): s.reason
        for s in _in_force(
            RepresentativeStance.objects.filter(partner_id=actor.partner_id, client=client),
            day,
            "recorded_on",
        )
    }
    judgement = (
        _in_force(
            IncapacityJudgement.objects.filter(partner_id=actor.partner_id, client=client),
            day,
            "judged_on",
        )
        .select_related("judged_by__user")
        .order_by("-judged_on")
        .first()
    )
    people = {
        str(client.subject_id): SignerView(client.subject_id, client.subject.full_name, CLIENT)
    }
    relatives = []
    for r in relations:
        people.setdefault(str(r.related_id), SignerView(r.related_id, r.related.full_name, r.kind))
        relatives.append(
            Relative(
                Person(str(r.related_id), r.related.birth_date),
                r.kind,
                unwilling=(r.related_id, StanceKind.UNWILLING) in stances,
                limited=stances.get((r.related_id, StanceKind.LIMITED), ""),
            )
        )
    incapacity = (
        Incapacity(judgement.judged_on, judgement.judged_by.display_name, judgement.reason)
        if judgement
        else None
    )
    found = authority(
        Person(str(client.subject_id), client.subject.birth_date),
        relatives,
        version.representation,
        day,
        incapacity,
    )
    return found, people


def authority_view(client: Client, day, found: Authority, people, judged: bool) -> AuthorityView:
    return AuthorityView(
        client_id=client.id,
        day=day,
        age=found.age,
        options=tuple(
            tuple(sorted((people[i] for i in option), key=lambda p: p.role == CLIENT))
            for option in found.options
        ),
        articles=found.articles,
        explanation=found.explanation,
        judged_unable=judged,
        limited=tuple(LimitedView(people[i].name, reason) for i, reason in found.limited),
    )


@gate_service
def who_may_act(actor: Actor, client_id, *, day: datetime.date | None = None) -> AuthorityView:
    """art10: who may exercise the client's rights (and consent) on ``day`` (today), and
    whose signatures that needs. A consult of identification data, logged under art10.1."""
    day = past_day(day or timezone.localdate(), "day")
    client = handled_client(actor, client_id, "vertegenwoordiging-raadplegen", Operation.CONSULT)
    version = committed_version(actor, day)

    def perform(decision):
        found, people = authority_on(actor, client, day, version)
        judged = "art10.2" in found.articles
        view = authority_view(client, day, found, people, judged)
        return Performed(view, subject_ids=[client.subject_id])

    processing = rights_processing(
        actor, client, "vertegenwoordiging-raadplegen", Operation.CONSULT
    )
    return process_required(processing, perform, "art10.1").result


@gate_service
def judge_incapacity(
    actor: Actor, client_id, *, judged_on: datetime.date, reason: str
) -> AuthorityView:
    """art10.2: record the partner's judgement that the client (16 or older) cannot exercise
    the rights or oversee their consequences; returns who may act from then on."""
    client = handled_client(actor, client_id, "onbekwaamheid-vastleggen", Operation.RECORD)
    day = past_day(judged_on, "judgedOn")
    why = validation.text(reason, "reason", 2000)
    version = committed_version(actor, day)

    def perform(decision):
        IncapacityJudgement.objects.filter(
            partner_id=actor.partner_id, client=client, ended_on__isnull=True
        ).update(ended_on=day)
        IncapacityJudgement.objects.create(
            partner_id=actor.partner_id,
            client=client,
            judged_on=day,
            judged_by_id=actor.employee_id,
            reason=why,
        )
        found, people = authority_on(actor, client, day, version)
        view = authority_view(client, day, found, people, True)
        return Performed(view, subject_ids=[client.subject_id])

    processing = rights_processing(actor, client, "onbekwaamheid-vastleggen", Operation.RECORD)
    return process_required(processing, perform, "art10.2").result


@gate_service
def record_representative_stance(
    actor: Actor, client_id, representative_subject_id, *, kind: str, reason: str
) -> AuthorityView:
    """art10.2 (``unwilling``: does not wish to act) or art10.3 (``limited``: the partner limits
    or refuses what this representative does, for weighty interests of the client)."""
    if kind not in StanceKind.values:
        raise InvalidInput({"kind": f"Kies uit: {', '.join(StanceKind.values)}."})
    client = handled_client(actor, client_id, "vertegenwoordiger-beperken", Operation.RECORD)
    why = validation.text(reason, "reason", 2000)
    representative = validation.reference(representative_subject_id, "representativeSubjectId")
    if not Relation.objects.filter(subject=client.subject, related_id=representative).exists():
        raise NotFound(
            "relation", "Deze persoon is niet als betrokkene bij deze cliënt vastgelegd."
        )
    day = timezone.localdate()
    version = committed_version(actor, day)
    article = "art10.3" if kind == StanceKind.LIMITED else "art10.2"

    def perform(decision):
        RepresentativeStance.objects.create(
            partner_id=actor.partner_id,
            client=client,
            representative_id=representative,
            kind=kind,
            reason=why,
            recorded_on=day,
            recorded_by_id=actor.employee_id,
        )
        found, people = authority_on(actor, client, day, version)
        view = authority_view(client, day, found, people, "art10.2" in found.articles)
        return Performed(view, subject_ids=[client.subject_id, representative])

    processing = rights_processing(
        actor,
        client,
        "vertegenwoordiger-beperken",
        Operation.RECORD,
        subject_ids=(client.subject_id, representative),
    )
    return process_required(processing, perform, article).result
