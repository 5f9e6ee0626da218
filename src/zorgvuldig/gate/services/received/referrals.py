# SPDX-License-Identifier: EUPL-1.2
"""Referrals: a share to a partner that does not support the client yet (art3.2c, art5.1).

A caseworker who refers a client names the domain in which the recipient is to support the
client; what leaves is what intake and assessment in that domain need (decided by
:func:`zorgvuldig.protocol.decide`). At the recipient it waits in the intake queue, where its
caseworkers see who was referred, by whom, for which domain and which categories came along
(never the content): a consult for the intake, decided and logged per client. A caseworker
takes the client in, which opens a support trajectory in that domain with them as caseworker,
after which what was sent waits among their received shares; or declines the referral with a
reason, which is kept.
"""

from __future__ import annotations

import datetime
import uuid
from itertools import groupby

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.exchange.models import ReceivedShare
from zorgvuldig.gate import validation
from zorgvuldig.gate.facts import active_trajectories
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.clients.consult import consult_dossier
from zorgvuldig.gate.services.clients.views import ClientDossier
from zorgvuldig.gate.services.common import client_id_or_404, gate_service
from zorgvuldig.gate.services.received.convert import referral_view
from zorgvuldig.gate.services.received.views import ReferralView
from zorgvuldig.protocol import Category, Domain, LegalBasis, Operation, Purpose
from zorgvuldig.protocol.vocabulary import DOMAINS_BY_LEGAL_BASIS

MAX_REFERRALS = 500


def basis_of(domain: Domain) -> LegalBasis:
    """The law that carries support in ``domain`` (art2): one for each domain."""
    return next(b for b, domains in DOMAINS_BY_LEGAL_BASIS.items() if domain in domains)


def _waiting_referrals(actor: Actor):
    """Referrals waiting at the actor's organisation for a client it does not support in the
    domain of the referral yet (once it does, they are ordinary received shares)."""
    today = timezone.localdate()
    supported = active_trajectories(
        today,
        client_id=OuterRef("client_id"),
        partner_id=actor.partner_id,
        domain=OuterRef("referral_domain"),
    )
    return (
        ReceivedShare.objects.filter(recipient_partner_id=actor.partner_id, handled_at__isnull=True)
        .exclude(referral_domain="")
        .exclude(Exists(supported))
        .select_related(
            "client__subject",
            "disclosure__partner",
            "disclosure__sent_by__user",
            "disclosure__item",
        )
    )


def _intake_consult(actor: Actor, client_id, domain: Domain, name: str) -> Processing:
    """Who the client is, for the intake of a referral (art3.2c: the referral gives access
    to this much and no more)."""
    return Processing(
        name=name,
        actor=actor,
        operation=Operation.CONSULT,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.INTAKE,
        legal_basis=basis_of(domain),
        client_id=client_id,
        domain=domain,
    )


@gate_service
def intake_queue(actor: Actor) -> list[ReferralView]:
    """The clients referred to the actor's organisation and not taken in yet, oldest first.
    Seeing each is a consult of who the client is, for the intake, decided and logged."""
    waiting = _waiting_referrals(actor).order_by("created_at")[:MAX_REFERRALS]
    key = lambda d: (str(d.client_id), d.referral_domain)  # noqa: E731
    views = []
    for (_, domain), group in groupby(sorted(waiting, key=key), key=key):
        group = list(group)
        client_id = group[0].client_id
        processing = _intake_consult(actor, client_id, Domain(domain), "verwijzing-inzien")
        try:
            views.append(
                process(
                    processing,
                    lambda decision, group=group, client_id=client_id, domain=domain: Performed(
                        referral_view(client_id, domain, group),
                        subject_ids=sorted({d.disclosure.item.subject_id for d in group}, key=str),
                    ),
                ).result
            )
        except ProcessingRefused:
            continue  # refused and logged (not employed here, no acknowledgement): not shown
    return sorted(views, key=lambda v: v.sent_at)


def _referral(actor: Actor, client_id, domain) -> tuple[uuid.UUID, Domain, list[ReceivedShare]]:
    client = client_id_or_404(client_id)
    referred = validation.domain(domain, "domain")
    shares = list(
        _waiting_referrals(actor)
        .filter(client_id=client, referral_domain=referred.value)
        .select_for_update(of=("self",))
    )
    if not shares:
        raise NotFound(
            "referral",
            "Er wacht bij uw organisatie geen verwijzing van deze cliënt voor dit domein.",
        )
    return client, referred, shares


@gate_service
def take_in_referral(
    actor: Actor, client_id, *, domain: str, opened_on: datetime.date | None = None
) -> ClientDossier:
    """Take a referred client in: open a support trajectory in the domain of the referral at
    the actor's organisation, with the actor as caseworker (art1, art2: an intake). What the
    referral carried then waits among the actor's received shares, to be taken into the
    dossier item by item (:func:`~.shares.accept_received_share`)."""
    with transaction.atomic():
        client, referred, _deliveries = _referral(actor, client_id, domain)
        basis = basis_of(referred)
        day = opened_on or timezone.localdate()
        if day > timezone.localdate():
            raise InvalidInput({"openedOn": "De datum ligt in de toekomst."})

        # on behalf of the municipality of the client's latest support elsewhere
        municipality = (
            SupportTrajectory.objects.filter(client_id=client)
            .exclude(municipality="")
            .order_by("-opened_on")
            .values_list("municipality", flat=True)
            .first()
        ) or validation.municipality(None)

        def open_trajectory(decision):
            trajectory = SupportTrajectory.objects.create(
                client_id=client,
                partner_id=actor.partner_id,
                domain=referred.value,
                legal_basis=basis.value,
                opened_on=day,
                municipality=municipality,
            )
            trajectory.caseworkers.add(actor.employee_id)
            return Performed(trajectory.id)

        process(
            Processing(
                name="verwijzing-aannemen",
                actor=actor,
                operation=Operation.RECORD,
                categories=(Category.IDENTIFICATION,),
                purpose=Purpose.INTAKE,
                legal_basis=basis,
                client_id=client,
                opening_trajectory=basis,
                domain=referred,
            ),
            open_trajectory,
        )
    return consult_dossier(actor, client, purpose=Purpose.INTAKE.value, legal_basis=basis.value)


@gate_service
def decline_referral(actor: Actor, client_id, *, domain: str, reason: str) -> None:
    """Do not take a referred client in (the organisation does not give this support): what
    the referral carried is declined, with who, when and why (art5.1); nothing enters the
    dossier."""
    why = validation.text(reason, "reason", 1000)
    with transaction.atomic():
        client, referred, shares = _referral(actor, client_id, domain)

        def decline(decision):
            now = timezone.now()
            for share in shares:
                share.handled_at = now
                share.handled_by_id = actor.employee_id
                share.decline_reason = why
            ReceivedShare.objects.bulk_update(
                shares, ["handled_at", "handled_by", "decline_reason"]
            )
            return Performed(
                None,
                subject_ids=sorted({d.disclosure.item.subject_id for d in shares}, key=str),
            )

        try:
            process(_intake_consult(actor, client, referred, "verwijzing-afwijzen"), decline)
        except ProcessingRefused as refusal:
            refused = refusal  # logged; the referral keeps waiting
        else:
            refused = None
    if refused is not None:
        raise refused
