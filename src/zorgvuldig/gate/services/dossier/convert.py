# SPDX-License-Identifier: EUPL-1.2
"""Items, versions and annotations to the frozen values of :mod:`.views` (inside the gate only)."""

from __future__ import annotations

from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.gate.services.dossier.views import AnnotationView, ItemVersionView, ItemView


def version_view(v: DataItemVersion) -> ItemVersionView:
    return ItemVersionView(
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


def item_view(i: DataItem, versions: list[DataItemVersion], with_history: bool = False) -> ItemView:
    ordered = sorted(versions, key=lambda v: v.number, reverse=True)
    return ItemView(
        id=i.id,
        client_id=i.client_id,
        subject_id=i.subject_id,
        category=i.category,
        partner_id=i.partner_id,
        current=version_view(ordered[0]),
        history=tuple(version_view(v) for v in ordered) if with_history else (),
        under_professional_secrecy=i.secrecy_holder_id is not None,
    )


def annotation_view(a: Annotation) -> AnnotationView:
    return AnnotationView(a.id, a.article, a.text, a.author.display_name, a.created_at, a.trace_id)
