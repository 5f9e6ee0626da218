# SPDX-License-Identifier: EUPL-1.2
"""Clients, subjects, relations and support trajectories, through the gate (art1, art2)."""

from __future__ import annotations

import datetime
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.utils import timezone

from zorgvuldig.clients.models import (
    Client,
    Household,
    Relation,
    RelationKind,
    Subject,
    SupportTrajectory,
)
from zorgvuldig.core import crypto
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.gate import convert, dto, validation
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.common import (
    client_or_404,
    client_processing,
    gate_service,
)
from zorgvuldig.partners.models import Employee
from zorgvuldig.protocol import Category, Justification, Operation

MAX_SEARCH_RESULTS = 25


def bsn_index(bsn: str) -> str:
    return crypto.blind_index(bsn, "bsn-index")


def _subject_for(
    bsn: str, given_names: str, surname_prefix: str, surname: str, birth_date: datetime.date
) -> Subject:
    """The subject with this BSN, created when new (call :func:`_check_known` first)."""
    existing = Subject.objects.filter(bsn_index=bsn_index(bsn)).first()
    if existing is not None:
        return existing
    return Subject.objects.create(
        bsn=bsn,
        bsn_index=bsn_index(bsn),
        given_names=given_names,
        surname_prefix=surname_prefix,
        surname=surname,
        birth_date=birth_date,
    )


def _check_known(bsn: str, birth_date: datetime.date) -> None:
    """A known BSN must come with its birth date: a typo must not merge two people.

    Checked before anything is decided, so that a mismatch writes nothing; the message does
    not say which of the two is off.
    """
    known = (
        Subject.objects.filter(bsn_index=bsn_index(bsn))
        .values_list("birth_date", flat=True)
        .first()
    )
    if known is not None and known != birth_date:
        message = "BSN en geboortedatum horen niet bij elkaar; controleer beide."
        raise InvalidInput({"bsn": message, "birthDate": message})


def _person(bsn, given_names, surname_prefix, surname, birth_date) -> tuple:
    if not isinstance(birth_date, datetime.date):
        raise InvalidInput({"birthDate": "Geef een geldige datum (JJJJ-MM-DD)."})
    if birth_date > timezone.localdate():
        raise InvalidInput({"birthDate": "De geboortedatum ligt in de toekomst."})
    person = (
        validation.bsn(bsn),
        validation.text(given_names, "givenNames", 200),
        validation.text(surname_prefix, "surnamePrefix", 20, required=False),
        validation.text(surname, "surname", 200),
        birth_date,
    )
    _check_known(person[0], birth_date)
    return person


@gate_service
def register_client(
    actor: Actor,
    *,
    bsn: str,
    given_names: str,
    surname: str,
    birth_date: datetime.date,
    domain: str,
    legal_basis: str,
    opened_on: datetime.date | None = None,
    purpose: str = "intake",
    surname_prefix: str = "",
) -> dto.ClientDossier:
    """Intake: record a client (new, or known by BSN) and open a support trajectory at the
    actor's partner, with the actor as caseworker."""
    person = _person(bsn, given_names, surname_prefix, surname, birth_date)
    basis = validation.legal_basis(legal_basis)
    dom = validation.domain(domain)
    validation.domain_fits_basis(dom, basis)
    opened_on = opened_on or timezone.localdate()
    known = (
        Client.objects.filter(subject__bsn_index=bsn_index(person[0]))
        .values_list("id", flat=True)
        .first()
    )

    def perform(decision):
        subject = _subject_for(*person)
        client, _ = Client.objects.get_or_create(subject=subject)
        trajectory = SupportTrajectory.objects.create(
            client=client,
            partner_id=actor.partner_id,
            domain=dom,
            legal_basis=basis,
            opened_on=opened_on,
        )
        trajectory.caseworkers.add(actor.employee_id)
        return Performed(client.id, subject_ids=[subject.id], client_id=client.id)

    outcome = process(
        Processing(
            name="client-aanmelden",
            actor=actor,
            operation=Operation.RECORD,
            categories=(Category.IDENTIFICATION,),
            purpose=validation.purpose(purpose),
            legal_basis=basis,
            client_id=known,
            opening_trajectory=basis,
        ),
        perform,
    )
    return _dossier(actor, outcome.result)


def _accessible_clients(actor: Actor):
    today = timezone.localdate()
    open_here = Q(
        trajectories__partner_id=actor.partner_id,
        trajectories__caseworkers__id=actor.employee_id,
        trajectories__opened_on__lte=today,
    ) & (Q(trajectories__closed_on__isnull=True) | Q(trajectories__closed_on__gte=today))
    directed = Q(subject__households__director__id=actor.employee_id)
    return Client.objects.filter(open_here | directed).distinct()


@gate_service
def search_clients(
    actor: Actor, *, purpose: str, bsn: str | None = None, name: str | None = None
) -> list[dto.ClientSummary]:
    """Find clients the actor supports, by BSN or by (part of the) surname.

    Only clients the actor may reach are found (art3.2c); each one found is a consult of
    identification data and is logged as such.
    """
    goal = validation.purpose(purpose)
    clients = _accessible_clients(actor).select_related("subject")
    if bsn:
        clients = clients.filter(subject__bsn_index=bsn_index(validation.bsn(bsn)))
    elif name and name.strip():
        clients = clients.filter(subject__surname__icontains=validation.text(name, "name", 200))
    else:
        raise InvalidInput(
            {"bsn": "Zoek op BSN of op achternaam.", "name": "Zoek op BSN of op achternaam."}
        )
    found = []
    for client in clients[:MAX_SEARCH_RESULTS]:
        outcome = process(
            Processing(
                name="client-zoeken",
                actor=actor,
                operation=Operation.CONSULT,
                categories=(Category.IDENTIFICATION,),
                purpose=goal,
                legal_basis=None,
                client_id=client.id,
                derive_legal_basis=True,
            ),
            lambda decision, c=client: Performed(
                dto.ClientSummary(c.id, c.subject.full_name, c.subject.birth_date),
                subject_ids=[c.subject_id],
            ),
        )
        found.append(outcome.result)
    return found


def _dossier(actor: Actor, client_id, categories=None) -> dto.ClientDossier:
    """Read a dossier as the actor's partner holds it (call only inside a processing)."""
    client = Client.objects.select_related("subject").get(id=client_id)
    trajectories = (
        SupportTrajectory.objects.filter(client=client, partner_id=actor.partner_id)
        .select_related("partner")
        .prefetch_related(Prefetch("caseworkers", Employee.objects.select_related("user")))
    )
    items = DataItem.objects.filter(client=client, partner_id=actor.partner_id)
    # The households are read only in a consult the gate allowed for the category household,
    # not after an intake (which records identification data, categories None).
    household_allowed = categories is not None and Category.HOUSEHOLD in categories
    if categories is not None:
        items = items.filter(category__in=[c.value for c in categories])
    relations = Relation.objects.filter(subject=client.subject).select_related("related")
    versions: dict = {}
    for version in DataItemVersion.objects.filter(item__in=items).select_related(
        "recorded_by__user"
    ):
        versions.setdefault(version.item_id, []).append(version)
    annotations = Annotation.objects.filter(
        client=client, partner_id=actor.partner_id
    ).select_related("author__user")
    # Every household the client is a member of, for whoever may consult the client's
    # household data (art1, art3.2c): who forms the household sees it, not only its director.
    # The plan stays the director's (one household, one plan, one director).
    households = (
        Household.objects.filter(members=client.subject)
        .select_related("director__user")
        .prefetch_related("members", "partners")
        .order_by("name", "created_at")
        if household_allowed
        else Household.objects.none()
    )
    return dto.ClientDossier(
        id=client.id,
        subject=convert.subject(client.subject),
        trajectories=tuple(convert.trajectory(t) for t in trajectories),
        relations=tuple(convert.relation(r) for r in relations),
        items=tuple(convert.item(i, versions[i.id]) for i in items if i.id in versions),
        annotations=tuple(convert.annotation(a) for a in annotations),
        households=tuple(convert.household(h, with_plan=_directs(actor, h)) for h in households),
    )


def _directs(actor: Actor, household: Household) -> bool:
    return actor.employee_id is not None and household.director_id == actor.employee_id


def _household_members(households) -> set:
    """The subjects whose names the dossier shows as members of the client's households."""
    return set(
        Household.members.through.objects.filter(
            household_id__in=[h.id for h in households]
        ).values_list("subject_id", flat=True)
    )


@gate_service
def consult_dossier(
    actor: Actor,
    client_id,
    *,
    purpose: str,
    legal_basis: str | None = None,
    justification: Justification | None = None,
) -> dto.ClientDossier:
    """Open a client's dossier: a consult of every category it holds at the actor's partner.

    Categories the protocol refuses (no consent, not necessary for the purpose) stay out of
    it; ``dossier.refusal`` then explains why and what would allow them.
    """
    client = client_or_404(client_id)
    held = set(
        DataItem.objects.filter(client=client, partner_id=actor.partner_id).values_list(
            "category", flat=True
        )
    )
    categories = (
        Category.IDENTIFICATION,
        Category.HOUSEHOLD,
        *sorted(Category(c) for c in held - {Category.IDENTIFICATION, Category.HOUSEHOLD}),
    )

    def perform(decision):
        dossier = _dossier(actor, client.id, decision.allowed_categories)
        if not decision.allowed:
            dossier = replace(dossier, refusal=decision.explanation)
        subjects = {
            client.subject_id,
            *(i.subject_id for i in dossier.items),
            *(r.related.id for r in dossier.relations),
            *_household_members(dossier.households),
        }
        return Performed(dossier, subject_ids=sorted(subjects, key=str))

    return process(
        client_processing(
            actor,
            client.id,
            "dossier-raadplegen",
            Operation.CONSULT,
            categories,
            purpose,
            legal_basis,
            justification=justification,
        ),
        perform,
    ).result


def _consult_part(actor: Actor, client_id, purpose, legal_basis, name, categories, read):
    """Consult one part of a dossier: only the categories that part holds (art5.1)."""
    client = client_or_404(client_id)
    return process(
        client_processing(
            actor, client.id, name, Operation.CONSULT, categories, purpose, legal_basis
        ),
        lambda decision: read(client),
    ).result


@gate_service
def list_trajectories(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> list[dto.TrajectoryView]:
    """The client's support trajectories at the actor's partner."""

    def read(client):
        trajectories = (
            SupportTrajectory.objects.filter(client=client, partner_id=actor.partner_id)
            .select_related("partner")
            .prefetch_related(Prefetch("caseworkers", Employee.objects.select_related("user")))
        )
        return Performed(
            [convert.trajectory(t) for t in trajectories], subject_ids=[client.subject_id]
        )

    return _consult_part(
        actor,
        client_id,
        purpose,
        legal_basis,
        "trajecten-raadplegen",
        (Category.IDENTIFICATION,),
        read,
    )


@gate_service
def list_relations(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> list[dto.RelationView]:
    """The persons related to the client (parents, partner, children ...)."""

    def read(client):
        relations = [
            convert.relation(r)
            for r in Relation.objects.filter(subject=client.subject).select_related("related")
        ]
        return Performed(
            relations, subject_ids=[client.subject_id, *(r.related.id for r in relations)]
        )

    return _consult_part(
        actor,
        client_id,
        purpose,
        legal_basis,
        "relaties-raadplegen",
        (Category.IDENTIFICATION,),
        read,
    )


@gate_service
def add_relation(
    actor: Actor,
    client_id,
    *,
    kind: str,
    bsn: str,
    given_names: str,
    surname: str,
    birth_date: datetime.date,
    purpose: str,
    surname_prefix: str = "",
    legal_basis: str | None = None,
) -> dto.RelationView:
    """Record another data subject (a parent, partner, child ...) and how they relate.

    A relation identifies the persons around the client and who may act for them (art10):
    identification data, which rests on the legal basis alone, so that a legal
    representative can be recorded before the consent they give. What the household is
    like is recorded as data items of the category household.
    """
    client = client_or_404(client_id)
    if kind not in RelationKind.values:
        raise InvalidInput(
            {"kind": f"Onbekende relatie '{kind}'; kies uit: {', '.join(RelationKind.values)}"}
        )
    person = _person(bsn, given_names, surname_prefix, surname, birth_date)
    if bsn_index(person[0]) == client.subject.bsn_index:
        raise InvalidInput({"bsn": "Een cliënt kan geen relatie van zichzelf zijn."})

    def perform(decision):
        related = _subject_for(*person)
        relation, _ = Relation.objects.get_or_create(
            subject=client.subject, related=related, kind=kind
        )
        return Performed(convert.relation(relation), subject_ids=[client.subject_id, related.id])

    return process(
        client_processing(
            actor,
            client.id,
            "relatie-vastleggen",
            Operation.RECORD,
            (Category.IDENTIFICATION,),
            purpose,
            legal_basis,
        ),
        perform,
    ).result


def _trajectory_or_404(actor: Actor, trajectory_id) -> SupportTrajectory:
    try:
        return SupportTrajectory.objects.get(id=trajectory_id, partner_id=actor.partner_id)
    except (SupportTrajectory.DoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFound(
            "trajectory", "Dit ondersteuningstraject bestaat niet bij uw organisatie."
        ) from None


@gate_service
def close_trajectory(
    actor: Actor, trajectory_id, *, closed_on: datetime.date, purpose: str
) -> dto.TrajectoryView:
    """Close a support trajectory (art5.2 counts retention from the year support ended)."""
    trajectory = _trajectory_or_404(actor, trajectory_id)
    if not isinstance(closed_on, datetime.date):
        raise InvalidInput({"closedOn": "Geef een geldige datum (JJJJ-MM-DD)."})
    if closed_on < trajectory.opened_on:
        raise InvalidInput({"closedOn": "Een traject kan niet sluiten voordat het is geopend."})

    def perform(decision):
        trajectory.closed_on = closed_on
        trajectory.save(update_fields=["closed_on"])
        return Performed(convert.trajectory(trajectory))

    return process(
        Processing(
            name="traject-afsluiten",
            actor=actor,
            operation=Operation.CHANGE,
            categories=(Category.IDENTIFICATION,),
            purpose=validation.purpose(purpose),
            legal_basis=validation.legal_basis(trajectory.legal_basis),
            client_id=trajectory.client_id,
        ),
        perform,
    ).result


@gate_service
def assign_caseworker(
    actor: Actor, trajectory_id, *, employee_id, purpose: str
) -> dto.TrajectoryView:
    """Assign a colleague of the same partner to a trajectory (art3.2c)."""
    trajectory = _trajectory_or_404(actor, trajectory_id)
    colleague = Employee.objects.filter(id=employee_id, is_active=True).first()
    if colleague is None:
        raise InvalidInput({"employeeId": "Deze medewerker bestaat niet of is niet actief."})
    if colleague.partner_id != actor.partner_id:
        raise InvalidInput(
            {
                "employeeId": "Deze medewerker werkt voor een andere organisatie; "
                "alleen eigen medewerkers krijgen toegang (art. 3 lid 2 onder c)."
            }
        )

    def perform(decision):
        trajectory.caseworkers.add(colleague)
        return Performed(convert.trajectory(trajectory))

    return process(
        Processing(
            name="hulpverlener-toewijzen",
            actor=actor,
            operation=Operation.CHANGE,
            categories=(Category.IDENTIFICATION,),
            purpose=validation.purpose(purpose),
            legal_basis=validation.legal_basis(trajectory.legal_basis),
            client_id=trajectory.client_id,
        ),
        perform,
    ).result
