# SPDX-License-Identifier: EUPL-1.2
"""The non-partners a partner shares with (art7): registered, informed of the protocol's main
lines, addressed when they act against it.

Their names are personal data (a family member, a neighbour), so keeping them is a processing
logged for each non-partner.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.exchange.models import (
    NonPartner,
    NonPartnerAddress,
    NonPartnerKind,
)
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import (
    Performed,
    Processing,
    process_required,
)
from zorgvuldig.gate.services.common import acknowledged, gate_service
from zorgvuldig.gate.services.exchange.convert import non_partner_view
from zorgvuldig.gate.services.exchange.views import AddressView, NonPartnerView
from zorgvuldig.partners.services import employee_in_role
from zorgvuldig.protocol import (
    Category,
    Operation,
)


def non_partner_keeper(actor: Actor) -> None:
    """art7 with art3.2c, art3.2d: the names of the non-partners are personal data, kept only
    by an employee of the partner in a role that shares with them (casework: a caseworker, a
    director, a team lead, the Veilig Thuis liaison) or that answers for the partner's
    registers (the privacy officer, who addresses a non-partner acting against the protocol),
    once they acknowledged the protocol in force. A partner system's service token, the
    functional administrator, the incident reporter and the FG are refused before anything is
    read (decision 28)."""
    acknowledged(
        employee_in_role(
            actor,
            "Alleen hulpverleners en de privacy officer van uw organisatie houden de "
            "niet-partners bij (art. 3 lid 2 onder c, art. 7).",
            lambda access: access.casework or access.handles_registers,
        )
    )


def non_partner_or_404(actor: Actor, non_partner_id) -> NonPartner:
    non_partner_keeper(actor)
    non_partner = NonPartner.objects.filter(
        id=validation.reference(non_partner_id, "nonPartnerId"), partner_id=actor.partner_id
    ).first()
    if non_partner is None:
        raise NotFound("non-partner", "Deze niet-partner is bij uw organisatie niet bekend.")
    return non_partner


# art7: keeping the non-partners a partner shares with (whose names are personal data: a family
# member, a neighbour) is asked of the partner by the protocol, about no client; it is logged,
# one record per non-partner, as allowed by art7
# (:func:`~zorgvuldig.gate.processing.process_required`).
ART7 = "art7"


def _non_partner_processing(
    actor: Actor, name: str, operation: Operation, purpose, subject_ids=()
) -> Processing:
    return Processing(
        name=name,
        actor=actor,
        operation=operation,
        categories=(Category.IDENTIFICATION,),
        purpose=validation.purpose(purpose),
        legal_basis=None,
        client_id=None,
        subject_ids=tuple(subject_ids),
    )


@gate_service
def register_non_partner(
    actor: Actor,
    *,
    name: str,
    kind: str,
    informed: bool = False,
    purpose: str = "support-provision",
) -> NonPartnerView:
    """A non-partner the partner may share with (art7); ``informed``: the leaflet with the
    protocol's main lines was handed over now. Logged for the non-partner (art7)."""
    non_partner_keeper(actor)
    if kind not in NonPartnerKind.values:
        raise InvalidInput(
            {"kind": f"Onbekende soort; kies uit: {', '.join(NonPartnerKind.values)}"}
        )
    the_name = validation.text(name, "name", 200)
    processing = _non_partner_processing(
        actor, "niet-partner-vastleggen", Operation.RECORD, purpose
    )

    def perform(decision):
        non_partner = NonPartner.objects.create(
            partner_id=actor.partner_id,
            name=the_name,
            kind=kind,
            informed_at=timezone.now() if informed else None,
            informed_by_id=actor.employee_id if informed else None,
        )
        return Performed(non_partner_view(non_partner), subject_ids=[non_partner.id])

    return process_required(processing, perform, ART7).result


@gate_service
def inform_non_partner(
    actor: Actor, non_partner_id, *, purpose: str = "support-provision"
) -> NonPartnerView:
    """art7: record that the non-partner was informed of the protocol's main lines; logged
    for the non-partner."""
    non_partner = non_partner_or_404(actor, non_partner_id)
    processing = _non_partner_processing(
        actor, "niet-partner-informeren", Operation.CHANGE, purpose, [non_partner.id]
    )

    def perform(decision):
        if non_partner.informed_at is None:
            non_partner.informed_at = timezone.now()
            non_partner.informed_by_id = actor.employee_id
            non_partner.save(update_fields=["informed_at", "informed_by"])
        return Performed(non_partner_view(non_partner), subject_ids=[non_partner.id])

    return process_required(processing, perform, ART7).result


@gate_service
def address_non_partner(
    actor: Actor,
    non_partner_id,
    *,
    addressed_on: datetime.date,
    what_happened: str,
    purpose: str = "support-provision",
) -> int:
    """art7: record that the partner addressed a non-partner who acted against the protocol.
    Returns how often this non-partner has been addressed. Logged for the non-partner."""
    non_partner = non_partner_or_404(actor, non_partner_id)
    if not isinstance(addressed_on, datetime.date) or addressed_on > timezone.localdate():
        raise InvalidInput(
            {"addressedOn": "Geef een geldige datum (JJJJ-MM-DD), niet in de toekomst."}
        )
    what = validation.text(what_happened, "whatHappened", 2000)
    processing = _non_partner_processing(
        actor, "niet-partner-aanspreken", Operation.RECORD, purpose, [non_partner.id]
    )

    def perform(decision):
        NonPartnerAddress.objects.create(
            non_partner=non_partner,
            addressed_by_id=actor.employee_id,
            addressed_on=addressed_on,
            what_happened=what,
        )
        return Performed(non_partner.addresses.count(), subject_ids=[non_partner.id])

    return process_required(processing, perform, ART7).result


@gate_service
def non_partner_addresses(
    actor: Actor, non_partner_id, *, purpose: str = "support-provision"
) -> list[AddressView]:
    """art7: when and why the actor's partner addressed this non-partner, oldest first; a
    consult logged for the non-partner."""
    non_partner = non_partner_or_404(actor, non_partner_id)
    processing = _non_partner_processing(
        actor, "niet-partner-aanspreken-raadplegen", Operation.CONSULT, purpose, [non_partner.id]
    )

    def perform(decision):
        return Performed(
            [
                AddressView(
                    a.addressed_on, a.what_happened, a.addressed_by.display_name, a.recorded_at
                )
                for a in non_partner.addresses.select_related("addressed_by__user").order_by(
                    "addressed_on", "recorded_at"
                )
            ],
            subject_ids=[non_partner.id],
        )

    return process_required(processing, perform, ART7).result


@gate_service
def list_non_partners(actor: Actor, *, purpose: str = "support-provision") -> list[NonPartnerView]:
    """The non-partners the actor's partner knows (art7), with whether they were informed; a
    consult logged for each non-partner listed."""
    non_partner_keeper(actor)
    processing = _non_partner_processing(
        actor, "niet-partners-raadplegen", Operation.CONSULT, purpose
    )

    def perform(decision):
        found = [
            non_partner_view(n)
            for n in NonPartner.objects.filter(partner_id=actor.partner_id).order_by("created_at")
        ]
        return Performed(found, subject_ids=[n.id for n in found])

    return process_required(processing, perform, ART7).result
