# SPDX-License-Identifier: EUPL-1.2
"""Subjects, trajectories and relations to the frozen values of :mod:`.views` (inside the
gate only)."""

from __future__ import annotations

from zorgvuldig.clients.models import Relation, Subject, SupportTrajectory
from zorgvuldig.gate.services.clients.views import RelationView, SubjectView, TrajectoryView


def subject_view(s: Subject) -> SubjectView:
    return SubjectView(s.id, s.bsn, s.given_names, s.surname_prefix, s.surname, s.birth_date)


def trajectory_view(t: SupportTrajectory) -> TrajectoryView:
    return TrajectoryView(
        id=t.id,
        client_id=t.client_id,
        partner_id=t.partner_id,
        partner_name=t.partner.name,
        domain=t.domain,
        legal_basis=t.legal_basis,
        opened_on=t.opened_on,
        closed_on=t.closed_on,
        caseworkers=tuple(e.display_name for e in t.caseworkers.all()),
        municipality=t.municipality,
        ending=t.ending,
    )


def relation_view(r: Relation) -> RelationView:
    return RelationView(r.id, subject_view(r.related), r.kind)
