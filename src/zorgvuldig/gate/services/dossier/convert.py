# SPDX-License-Identifier: EUPL-1.2
"""Items, versions and annotations to the frozen values of :mod:`.views` (inside the gate only)."""

from __future__ import annotations

from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.gate.services.dossier.views import AnnotationView, ItemVersionView, ItemView

# art9.4: what stands where a blocked item's content would be
BLOCKED = "[afgeschermd]"


def version_view(v: DataItemVersion, blocked: bool = False) -> ItemVersionView:
    return ItemVersionView(
        number=v.number,
        label=v.label,
        value=BLOCKED if blocked else v.value,
        source=BLOCKED if blocked else v.source,
        method=v.method,
        obtained_on=v.obtained_on,
        recorded_by=v.recorded_by.display_name,
        recorded_at=v.recorded_at,
        reason=v.reason,
    )


def item_view(i: DataItem, versions: list[DataItemVersion], with_history: bool = False) -> ItemView:
    """A blocked item shows that it exists, not what it says (art9.4)."""
    ordered = sorted(versions, key=lambda v: v.number, reverse=True)
    blocked = i.blocked_on is not None
    return ItemView(
        id=i.id,
        client_id=i.client_id,
        subject_id=i.subject_id,
        category=i.category,
        partner_id=i.partner_id,
        current=version_view(ordered[0], blocked),
        history=tuple(version_view(v, blocked) for v in ordered) if with_history else (),
        under_professional_secrecy=i.secrecy_holder_id is not None,
        blocked_on=i.blocked_on,
    )


def annotation_view(a: Annotation) -> AnnotationView:
    return AnnotationView(a.id, a.article, a.text, a.author.display_name, a.created_at, a.trace_id)
