# SPDX-License-Identifier: EUPL-1.2
"""Consulting a client's dossier, whole or in part, decided per category (art3.2c, art5.1)."""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Prefetch

from zorgvuldig.clients.models import (
    Client,
    Household,
    Relation,
    SupportTrajectory,
)
from zorgvuldig.core.actor import Actor
from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.gate.processing import Performed, process
from zorgvuldig.gate.services.clients.access import who_has_access
from zorgvuldig.gate.services.clients.convert import relation_view, subject_view, trajectory_view
from zorgvuldig.gate.services.clients.views import ClientDossier
from zorgvuldig.gate.services.common import (
    client_or_404,
    client_processing,
    gate_service,
)
from zorgvuldig.gate.services.dossier.convert import annotation_view, item_view
from zorgvuldig.gate.services.households.convert import household_view
from zorgvuldig.partners.models import Employee
from zorgvuldig.protocol import Access, Category, Justification, Operation


def build_dossier(actor: Actor, client_id, categories=None, access: str = "") -> ClientDossier:
    """Read a dossier as the actor's partner holds it (call only inside a processing).

    ``access``: what the gate's decision rests on (art3.2c). For oversight alone (a privacy
    officer or the FG, accountability) the dossier shows who the client is and their support,
    not its notes or the people related to the client: its content is for those who support
    the client, and for the privacy officer while handling a request of the data subject."""
    oversight = access == Access.OVERSIGHT
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
    if oversight:
        relations = relations.none()
    versions: dict = {}
    for version in DataItemVersion.objects.filter(item__in=items).select_related(
        "recorded_by__user"
    ):
        versions.setdefault(version.item_id, []).append(version)
    annotations = Annotation.objects.filter(
        client=client, partner_id=actor.partner_id
    ).select_related("author__user")
    if oversight:
        annotations = annotations.none()
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
    return ClientDossier(
        id=client.id,
        subject=subject_view(client.subject),
        trajectories=tuple(trajectory_view(t) for t in trajectories),
        relations=tuple(relation_view(r) for r in relations),
        items=tuple(item_view(i, versions[i.id]) for i in items if i.id in versions),
        annotations=tuple(annotation_view(a) for a in annotations),
        households=tuple(household_view(h, with_plan=_directs(actor, h)) for h in households),
        access=who_has_access(client, actor.partner_id),
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
) -> ClientDossier:
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
        dossier = build_dossier(actor, client.id, decision.allowed_categories, decision.access)
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


def consult_part(actor: Actor, client_id, purpose, legal_basis, name, categories, read):
    """Consult one part of a dossier: only the categories that part holds (art5.1)."""
    client = client_or_404(client_id)
    return process(
        client_processing(
            actor, client.id, name, Operation.CONSULT, categories, purpose, legal_basis
        ),
        lambda decision: read(client),
    ).result
