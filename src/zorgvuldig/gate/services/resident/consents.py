# SPDX-License-Identifier: EUPL-1.2
"""art4, in the resident's own view: the consents in force at each partner, with their
scope, and withdrawing one (art4.5) through the same service as a caseworker's withdrawal
(:func:`~zorgvuldig.gate.services.consent.recording.withdraw_consent`): the same checks,
the same decision written, the same art10 rule of who may withdraw (decision 25)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.utils import timezone

from zorgvuldig.clients.models import Client
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotFound
from zorgvuldig.gate.processing import Performed, Processing, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.consent.convert import consent_decisions, decision_view, names_in
from zorgvuldig.gate.services.consent.recording import withdraw_consent
from zorgvuldig.gate.services.consent.views import ConsentDecisionView
from zorgvuldig.gate.services.resident.signin import resident_pseudonym
from zorgvuldig.gate.services.resident.whom import viewable
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import Category, ConsentState, Operation, Purpose, in_force

CONSULT_NAME = "toestemming-raadplegen"
NOT_YOUR_CONSENT = "Deze toestemming bestaat niet, of is niet van u of van wie u vertegenwoordigt."


@dataclass(frozen=True, slots=True)
class PartnerConsents:
    partner_id: uuid.UUID
    partner: str
    in_force: tuple[ConsentDecisionView, ...]


def _partners(client: Client, partner_ids) -> list:
    ids = set(client.trajectories.order_by().values_list("partner_id", flat=True).distinct())
    if partner_ids is not None:
        ids &= set(partner_ids)
    return list(Partner.objects.filter(id__in=ids).order_by("name"))


def _in_force(client: Client, partner_id) -> list:
    today = timezone.localdate()
    decisions = consent_decisions(client, partner_id)
    return in_force.latest(d for d in decisions if d.decided_on <= today), decisions


@gate_service
def resident_consents(resident_id, subject_id=None) -> tuple[PartnerConsents, ...]:
    """The consents in force now at every partner whose view the resident may open for the
    person; a consult, logged for the person and the resident under art9.1 at each partner."""
    whose = viewable(resident_id, subject_id or resident_id)
    client = Client.objects.filter(subject_id=whose.subject_id).first()
    if client is None:
        return ()
    found = []
    for partner in _partners(client, whose.partner_ids):
        current, decisions = _in_force(client, partner.id)
        names = names_in(decisions)
        given = tuple(
            decision_view(d, names) for d in current if d.state == ConsentState.GIVEN.value
        )
        found.append(PartnerConsents(partner.id, partner.name, given))
        processing = Processing(
            name=CONSULT_NAME,
            actor=Actor(partner_id=partner.id, resident=resident_pseudonym(resident_id)),
            operation=Operation.CONSULT,
            categories=(Category.IDENTIFICATION,),
            purpose=Purpose.ACCOUNTABILITY,
            legal_basis=None,
            client_id=client.id,
        )
        process_required(
            processing,
            lambda decision: Performed(None, subject_ids=[whose.subject_id, resident_id]),
            "art9.1",
        )
    return tuple(found)


@gate_service
def resident_withdraw_consent(resident_id, decision_id, subject_id=None) -> ConsentDecisionView:
    """art4.5: withdraw a consent in force, given by or for the person, as the resident: what
    it covered (its scope, categories and recipients) is withdrawn from today. A consent that
    is not the person's, not in force, or at a partner where the resident may not act for
    them is :class:`NotFound`, and nothing is written. Who may withdraw is who may consent
    (art10): a child of 14 withdraws only with the representative, so not here alone."""
    whose = viewable(resident_id, subject_id or resident_id)
    client = Client.objects.filter(subject_id=whose.subject_id).first()
    if client is None:
        raise NotFound("consent", NOT_YOUR_CONSENT)
    for partner in _partners(client, whose.partner_ids):
        current, _ = _in_force(client, partner.id)
        for d in current:
            if str(d.id) == str(decision_id) and d.state == ConsentState.GIVEN.value:
                actor = Actor(partner_id=partner.id, resident=resident_pseudonym(resident_id))
                return withdraw_consent(
                    actor,
                    client.id,
                    scope=d.scope,
                    decided_on=timezone.localdate(),
                    purpose=Purpose.ACCOUNTABILITY.value,
                    categories=d.categories,
                    recipients=d.recipients,
                    given_by_subject_id=resident_id,
                )
    raise NotFound("consent", NOT_YOUR_CONSENT)
