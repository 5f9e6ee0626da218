# SPDX-License-Identifier: EUPL-1.2
"""Consulting informing and consent through the gate: the dossier's overview, the printable
consent form and a signed form (art4.1-art4.5).
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.utils import timezone

from zorgvuldig.clients.models import Client, Relation
from zorgvuldig.consent import printable
from zorgvuldig.consent.models import ConsentDocument, Informing
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotFound
from zorgvuldig.gate.processing import Performed, process
from zorgvuldig.gate.services.common import client_or_404, gate_service
from zorgvuldig.gate.services.consent import checks
from zorgvuldig.gate.services.consent.convert import (
    WITHOUT_CONTENT,
    consent_decisions,
    decision_view,
    document_view,
    informing_view,
    names_in,
)
from zorgvuldig.gate.services.consent.recording import registry_processing
from zorgvuldig.gate.services.consent.views import (
    ConsentOverview,
    RepresentativeView,
    StoredDocument,
)
from zorgvuldig.gate.services.rights.representation import authority_on, committed_version
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import Operation, in_force
from zorgvuldig.protocol.authority import Authority


def _representatives(client: Client) -> list[RepresentativeView]:
    relations = Relation.objects.filter(
        subject=client.subject, kind__in=checks.REPRESENTATIVE_ORDER
    ).select_related("related")
    order = {kind: i for i, kind in enumerate(checks.REPRESENTATIVE_ORDER)}
    found: dict[uuid.UUID, RepresentativeView] = {}
    for r in sorted(relations, key=lambda r: order[r.kind]):
        found.setdefault(
            r.related_id, RepresentativeView(r.related_id, r.related.full_name, r.kind)
        )
    return list(found.values())


def _signing(actor: Actor, client: Client, day) -> Authority:
    """art10 on ``day``: who answers a request for consent for the client, and who signs."""
    return authority_on(actor, client, day, committed_version(actor, day))[0]


@gate_service
def consent_overview(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> ConsentOverview:
    """What the dossier shows of informing and consent at the actor's partner: whether and how
    the client was informed, the consents in force now, every decision, the signed forms, and
    the persons recorded as related who may decide for the client (art10).

    A consult of identification data only: who the client is and who may answer for the
    client is what informing and asking consent need, before any consent exists.
    """
    client = client_or_404(client_id)
    today = timezone.localdate()

    def perform(decision):
        informings = Informing.objects.filter(
            client=client, partner_id=actor.partner_id
        ).select_related("recorded_by__user")
        decisions = consent_decisions(client, actor.partner_id)
        names = names_in(decisions)
        views = {d.id: decision_view(d, names) for d in decisions}
        current = in_force.latest(d for d in decisions if d.decided_on <= today)
        forms = (
            ConsentDocument.objects.filter(client=client, partner_id=actor.partner_id)
            .select_related("uploaded_by__user")
            .defer(*WITHOUT_CONTENT)
        )
        people = _representatives(client)
        signing = _signing(actor, client, today)
        overview = ConsentOverview(
            client_id=client.id,
            client_subject_id=client.subject_id,
            client_name=client.subject.full_name,
            birth_date=client.subject.birth_date,
            age=signing.age,
            representative_required=not signing.allows({str(client.subject_id)}),
            who_signs=signing.explanation,
            informed=any(i.informed_on <= today for i in informings),
            informings=tuple(informing_view(i) for i in informings),
            in_force=tuple(views[d.id] for d in current),
            history=tuple(views[d.id] for d in reversed(decisions)),
            documents=tuple(document_view(f) for f in forms),
            representatives=tuple(people),
        )
        subjects = {
            client.subject_id,
            *(d.given_by_id for d in decisions),
            *(p.subject_id for p in people),
        }
        return Performed(overview, subject_ids=sorted(subjects, key=str))

    step = registry_processing(
        actor, client, "toestemming-raadplegen", Operation.CONSULT, purpose, legal_basis
    )
    return process(step, perform).result


@gate_service
def consent_form_pdf(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> bytes:
    """The printable consent form for this client (art4.1-art4.5), as PDF: the client's name
    and birth date, the partner, and the organisations named at the latest informing."""
    client = client_or_404(client_id)
    today = timezone.localdate()

    def perform(decision):
        latest = (
            Informing.objects.filter(client=client, partner_id=actor.partner_id)
            .order_by("-informed_on", "-recorded_at")
            .first()
        )
        version = committed_version(actor, today)
        signing = authority_on(actor, client, today, version)[0]
        data = printable.FormData(
            client_name=client.subject.full_name,
            birth_date=client.subject.birth_date,
            partner_name=Partner.objects.get(id=actor.partner_id).name,
            organisations=tuple(latest.organisations) if latest else (),
            informed_on=latest.informed_on if latest else None,
            signing=printable.Signing.of(signing, version.representation),
            printed_on=today,
        )
        return Performed(printable.render(data), subject_ids=[client.subject_id])

    step = registry_processing(
        actor, client, "toestemmingsformulier-afdrukken", Operation.CONSULT, purpose, legal_basis
    )
    return process(step, perform).result


@gate_service
def consent_document(
    actor: Actor, document_id, *, purpose: str, legal_basis: str | None = None
) -> StoredDocument:
    """A signed consent form kept in the dossier at the actor's partner (art4.4)."""
    try:
        found = (
            ConsentDocument.objects.defer(*WITHOUT_CONTENT)
            .select_related("client__subject")
            .get(id=document_id, partner_id=actor.partner_id)
        )
    except (ConsentDocument.DoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFound(
            "consent-document", "Dit toestemmingsformulier bestaat niet bij uw organisatie."
        ) from None
    client = found.client

    def perform(decision):
        stored = ConsentDocument.objects.only("content").get(id=found.id)
        return Performed(
            StoredDocument(stored.content, found.content_type, found.filename),
            subject_ids=[client.subject_id],
        )

    step = registry_processing(
        actor, client, "toestemmingsformulier-raadplegen", Operation.CONSULT, purpose, legal_basis
    )
    return process(step, perform).result
