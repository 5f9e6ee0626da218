# SPDX-License-Identifier: EUPL-1.2
"""Whose view a resident may open (art10.1): their own, and that of each person they may
act for alone today by the rule of art10 (:func:`zorgvuldig.protocol.authority.authority`,
by the person's date of birth and the relations, judgements and stances recorded at each
partner), at the partners where that holds.

A parent sees a child of 11 (one parent suffices under 12), not the same child at 16 (the
child alone); a child of 12 to 15 is represented only together with the child, so not by the
parent alone either; a representative of someone of 16 or older only after a partner's
judgement of incapacity, and only at that partner.
"""

from __future__ import annotations

import uuid

from django.utils import timezone

from zorgvuldig.clients.models import Client, Relation, Subject, SupportTrajectory
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotFound
from zorgvuldig.gate.facts import version_of
from zorgvuldig.gate.processing import Performed, Processing, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.resident.signin import resident_pseudonym
from zorgvuldig.gate.services.resident.views import SELF, Viewable
from zorgvuldig.gate.services.rights.representation import authority_on
from zorgvuldig.protocol import Category, Operation, Purpose
from zorgvuldig.protocol.authority import REPRESENTATIVE_KINDS

NOT_YOURS = "U kunt alleen uw eigen gegevens zien, of die van wie u vertegenwoordigt."


def partners_acting_for(resident_id, client: Client) -> tuple[uuid.UUID, ...]:
    """The partners at which ``resident_id`` alone may act for ``client`` today (art10.1)."""
    today = timezone.localdate()
    acting = []
    partners = (
        SupportTrajectory.objects.filter(client=client)
        .order_by("partner_id")
        .values_list("partner_id", flat=True)
        .distinct()
    )
    for partner_id in partners:
        version = version_of(partner_id, today)
        if version is None:
            continue
        actor = Actor(partner_id=partner_id, resident=resident_pseudonym(resident_id))
        found, _ = authority_on(actor, client, today, version)
        if found.allows({str(resident_id)}):
            acting.append(partner_id)
    return tuple(acting)


def viewables(resident_id) -> list[Viewable]:
    """The resident's own view first, then those they may act for (inside the gate)."""
    me = Subject.objects.only("given_names", "surname_prefix", "surname", "birth_date").get(
        id=resident_id
    )
    found = [Viewable(me.id, me.full_name, me.birth_date, SELF, None)]
    relations = (
        Relation.objects.filter(related_id=resident_id, kind__in=REPRESENTATIVE_KINDS)
        .select_related("subject")
        .only(
            "kind",
            "subject__given_names",
            "subject__surname_prefix",
            "subject__surname",
            "subject__birth_date",
        )
        .order_by("subject__birth_date", "subject_id")
    )
    seen = set()
    for relation in relations:
        subject = relation.subject
        if subject.id in seen:
            continue
        seen.add(subject.id)
        client = Client.objects.filter(subject=subject).first()
        if client is None:
            continue
        partners = partners_acting_for(resident_id, client)
        if partners:
            found.append(
                Viewable(subject.id, subject.full_name, subject.birth_date, relation.kind, partners)
            )
    return found


def viewable(resident_id, subject_id) -> Viewable:
    """The one view asked for, if the resident may open it; else :class:`NotFound` (the same
    answer whether the person exists or not)."""
    for option in viewables(resident_id):
        if str(option.subject_id) == str(subject_id):
            return option
    raise NotFound("subject", NOT_YOURS)


@gate_service
def resident_viewables(resident_id) -> tuple[Viewable, ...]:
    """Whose view the resident may open now: their own first, then each person they may act
    for alone today (art10.1). Names and dates of birth the resident gave or was told when
    the relation was recorded; each person named is logged, for them and the resident, under
    art10.1 at the first partner where the resident may act for them."""
    found = tuple(viewables(resident_id))
    for option in found[1:]:  # each found with a partner at which the resident may act
        processing = Processing(
            name="vertegenwoordiging-raadplegen",
            actor=Actor(
                partner_id=(option.partner_ids or ())[0], resident=resident_pseudonym(resident_id)
            ),
            operation=Operation.CONSULT,
            categories=(Category.IDENTIFICATION,),
            purpose=Purpose.ACCOUNTABILITY,
            legal_basis=None,
            client_id=None,
            subject_ids=(option.subject_id, resident_id),
        )
        process_required(
            processing,
            lambda decision, s=option.subject_id: Performed(None, subject_ids=[s, resident_id]),
            "art10.1",
        )
    return found
