# SPDX-License-Identifier: EUPL-1.2
"""Requests of data subjects to the frozen values of :mod:`.views` (inside the gate only)."""

from __future__ import annotations

from django.utils import timezone

from zorgvuldig.clients.models import Relation
from zorgvuldig.gate.services.rights.views import PauseView, SignerView, SubjectRequestView
from zorgvuldig.rights.models import SubjectRequest

CLIENT = "client"


# who registered a request the data subject made in their own view (decision 25)
BY_THE_RESIDENT = "de betrokkene zelf, met DigiD"


def request_view(request: SubjectRequest) -> SubjectRequestView:
    client = request.client
    roles = dict(
        Relation.objects.filter(
            subject_id=client.subject_id, related__in=request.signed_by.all()
        ).values_list("related_id", "kind")
    )

    def signer(subject) -> SignerView:
        role = CLIENT if subject.id == client.subject_id else roles.get(subject.id, "")
        return SignerView(subject.id, subject.full_name, role)

    return SubjectRequestView(
        id=request.id,
        client_id=client.id,
        client_name=client.subject.full_name,
        kind=request.kind,
        state=request.state,
        requested_by=signer(request.requested_by),
        signed_by=tuple(sorted((signer(s) for s in request.signed_by.all()), key=lambda v: v.name)),
        authority=tuple(request.authority.split()),
        identity_method=request.identity_method,
        identity_note=request.identity_note,
        details=request.details,
        item_ids=tuple(sorted((i.id for i in request.items.all()), key=str)),
        protocol_version=request.protocol_version,
        received_on=request.received_on,
        due_on=request.due_on,
        extended_on=request.extended_on,
        extension_reason=request.extension_reason,
        pauses=tuple(
            PauseView(p.started_on, p.ended_on, p.reason)
            for p in sorted(request.pauses.all(), key=lambda p: p.started_on)
        ),
        registered_by=(
            request.registered_by.display_name if request.registered_by else BY_THE_RESIDENT
        ),
        withdrawn_on=request.withdrawn_on,
        outcome=request.outcome,
        protection_needed=request.protection_needed,
        refusal_ground=request.refusal_ground,
        refusal_reason=request.refusal_reason,
        granted_item_ids=tuple(sorted((i.id for i in request.granted_items.all()), key=str)),
        decided_by=request.decided_by.display_name if request.decided_by else "",
        decided_on=request.decided_on,
        carried_out_on=request.carried_out_on,
        closed_on=timezone.localdate(request.closed_at) if request.closed_at else None,
    )
