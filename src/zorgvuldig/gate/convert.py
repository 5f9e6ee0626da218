# SPDX-License-Identifier: EUPL-1.2
"""Model instances to the frozen values of :mod:`zorgvuldig.gate.dto` (inside the gate only)."""

from __future__ import annotations

from zorgvuldig.clients.models import Household, Relation, Subject, SupportTrajectory
from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.gate import dto


def subject(s: Subject) -> dto.SubjectView:
    return dto.SubjectView(s.id, s.bsn, s.given_names, s.surname_prefix, s.surname, s.birth_date)


def trajectory(t: SupportTrajectory) -> dto.TrajectoryView:
    return dto.TrajectoryView(
        id=t.id,
        client_id=t.client_id,
        partner_id=t.partner_id,
        partner_name=t.partner.name,
        domain=t.domain,
        legal_basis=t.legal_basis,
        opened_on=t.opened_on,
        closed_on=t.closed_on,
        caseworkers=tuple(e.display_name for e in t.caseworkers.all()),
    )


def relation(r: Relation) -> dto.RelationView:
    return dto.RelationView(r.id, subject(r.related), r.kind)


def version(v: DataItemVersion) -> dto.ItemVersionView:
    return dto.ItemVersionView(
        number=v.number,
        label=v.label,
        value=v.value,
        source=v.source,
        method=v.method,
        obtained_on=v.obtained_on,
        recorded_by=v.recorded_by.display_name,
        recorded_at=v.recorded_at,
        reason=v.reason,
    )


def item(i: DataItem, versions: list[DataItemVersion], with_history: bool = False) -> dto.ItemView:
    ordered = sorted(versions, key=lambda v: v.number, reverse=True)
    return dto.ItemView(
        id=i.id,
        client_id=i.client_id,
        subject_id=i.subject_id,
        category=i.category,
        partner_id=i.partner_id,
        current=version(ordered[0]),
        history=tuple(version(v) for v in ordered) if with_history else (),
        under_professional_secrecy=i.secrecy_holder_id is not None,
    )


def annotation(a: Annotation) -> dto.AnnotationView:
    return dto.AnnotationView(
        a.id, a.article, a.text, a.author.display_name, a.created_at, a.trace_id
    )


def household(h: Household, *, with_plan: bool = True) -> dto.HouseholdView:
    """``with_plan``: the plan is the director's to read (one household, one plan, one
    director: art1); others see who takes part, not what is planned."""
    return dto.HouseholdView(
        id=h.id,
        name=h.name,
        director=h.director.display_name if h.director else "",
        director_id=h.director_id,
        plan=h.plan if with_plan else "",
        members=tuple(m.full_name for m in h.members.all()),
        partners=tuple(
            dto.PartnerRef(p.id, p.name) for p in sorted(h.partners.all(), key=lambda p: p.name)
        ),
    )
