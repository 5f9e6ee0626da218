# SPDX-License-Identifier: EUPL-1.2
"""Consent registry records to the frozen values of :mod:`.views`, and the queries that read
them (inside the gate only).
"""

from __future__ import annotations

from zorgvuldig.clients.models import Client, Subject
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument, Informing
from zorgvuldig.gate.facts import names_of_recipients
from zorgvuldig.gate.services.consent.views import (
    ConsentDecisionView,
    ConsentDocumentView,
    InformingView,
)

# The content of a signed form is read only when the form itself is asked for.
WITHOUT_CONTENT = ("content",)
# who recorded a decision the data subject (or representative) made in their own view
BY_THE_RESIDENT = "de betrokkene zelf, met DigiD"


def informing_view(record: Informing) -> InformingView:
    return InformingView(
        id=record.id,
        informed_on=record.informed_on,
        organisations=tuple(record.organisations),
        how=record.how,
        note=record.note,
        recorded_by=record.recorded_by.display_name if record.recorded_by else BY_THE_RESIDENT,
        recorded_at=record.recorded_at,
    )


def document_view(record: ConsentDocument) -> ConsentDocumentView:
    return ConsentDocumentView(
        id=record.id,
        filename=record.filename,
        content_type=record.content_type,
        size=record.size,
        sha256=record.sha256,
        uploaded_by=record.uploaded_by.display_name,
        uploaded_at=record.uploaded_at,
    )


def decision_view(record: ConsentDecision, names: dict[str, str]) -> ConsentDecisionView:
    """``names``: the names of the recipients and co-signers by id (:func:`names_in`)."""
    recipients = None if record.recipients is None else tuple(record.recipients)
    return ConsentDecisionView(
        id=record.id,
        scope=record.scope,
        state=record.state,
        categories=None if record.categories is None else tuple(record.categories),
        recipients=recipients,
        recipient_names=tuple(names.get(r, r) for r in recipients or ()),
        given_by_subject_id=record.given_by_id,
        given_by=record.given_by.full_name,
        given_by_role=record.given_by_role,
        co_signed_by=tuple(names.get(s, s) for s in record.co_signed_by),
        decided_on=record.decided_on,
        written=record.form_id is not None,
        document=document_view(record.form) if record.form_id else None,
        note=record.note,
        recorded_by=record.recorded_by.display_name if record.recorded_by else BY_THE_RESIDENT,
        recorded_at=record.recorded_at,
    )


def consent_decisions(client: Client, partner_id, **filters) -> list[ConsentDecision]:
    """The client's decisions at this partner, in the order they took effect."""
    return list(
        ConsentDecision.objects.filter(client=client, partner_id=partner_id, **filters)
        .select_related("given_by", "recorded_by__user", "form__uploaded_by__user")
        .defer("form__content")
        .order_by("decided_on", "recorded_at")
    )


def names_in(records) -> dict[str, str]:
    """The names the records mention, by id: their recipients (partners and non-partners) and
    who signed with the decider (art10.1)."""
    names = names_of_recipients({r for d in records for r in d.recipients or ()})
    co_signers = {s for d in records for s in d.co_signed_by}
    if co_signers:
        names |= {str(s.id): s.full_name for s in Subject.objects.filter(id__in=co_signers)}
    return names
