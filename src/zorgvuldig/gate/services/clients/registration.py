# SPDX-License-Identifier: EUPL-1.2
"""Registering a client: the subject found or created by BSN, the client, the first
trajectory (art1, art2)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from zorgvuldig.clients.models import (
    Client,
    Subject,
    SupportTrajectory,
)
from zorgvuldig.core import crypto
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.clients.consult import build_dossier
from zorgvuldig.gate.services.clients.views import ClientDossier
from zorgvuldig.gate.services.common import (
    gate_service,
)
from zorgvuldig.protocol import Category, Operation


def bsn_index(bsn: str) -> str:
    return crypto.blind_index(bsn, "bsn-index")


def subject_for(
    bsn: str, given_names: str, surname_prefix: str, surname: str, birth_date: datetime.date
) -> Subject:
    """The subject with this BSN, created when new (call :func:`_check_known` first)."""
    existing = Subject.objects.filter(bsn_index=bsn_index(bsn)).first()
    if existing is not None:
        return existing
    return Subject.objects.create(
        bsn=bsn,
        bsn_index=bsn_index(bsn),
        given_names=given_names,
        surname_prefix=surname_prefix,
        surname=surname,
        birth_date=birth_date,
    )


def _check_known(bsn: str, birth_date: datetime.date) -> None:
    """A known BSN must come with its birth date: a typo must not merge two people.

    Checked before anything is decided, so that a mismatch writes nothing; the message does
    not say which of the two is off.
    """
    known = (
        Subject.objects.filter(bsn_index=bsn_index(bsn))
        .values_list("birth_date", flat=True)
        .first()
    )
    if known is not None and known != birth_date:
        message = "BSN en geboortedatum horen niet bij elkaar; controleer beide."
        raise InvalidInput({"bsn": message, "birthDate": message})


def checked_person(bsn, given_names, surname_prefix, surname, birth_date) -> tuple:
    if not isinstance(birth_date, datetime.date):
        raise InvalidInput({"birthDate": "Geef een geldige datum (JJJJ-MM-DD)."})
    if birth_date > timezone.localdate():
        raise InvalidInput({"birthDate": "De geboortedatum ligt in de toekomst."})
    person = (
        validation.bsn(bsn),
        validation.text(given_names, "givenNames", 200),
        validation.text(surname_prefix, "surnamePrefix", 20, required=False),
        validation.text(surname, "surname", 200),
        birth_date,
    )
    _check_known(person[0], birth_date)
    return person


@gate_service
def register_client(
    actor: Actor,
    *,
    bsn: str,
    given_names: str,
    surname: str,
    birth_date: datetime.date,
    domain: str,
    legal_basis: str,
    opened_on: datetime.date | None = None,
    purpose: str = "intake",
    surname_prefix: str = "",
    municipality: str | None = None,
) -> ClientDossier:
    """Intake: record a client (new, or known by BSN) and open a support trajectory at the
    actor's partner, with the actor as caseworker, on behalf of ``municipality`` (a CBS code
    of ``ZORGVULDIG_MUNICIPALITIES``; none: the first)."""
    person = checked_person(bsn, given_names, surname_prefix, surname, birth_date)
    basis = validation.legal_basis(legal_basis)
    dom = validation.domain(domain)
    validation.domain_fits_basis(dom, basis)
    municipality = validation.municipality(municipality)
    opened_on = opened_on or timezone.localdate()
    known = (
        Client.objects.filter(subject__bsn_index=bsn_index(person[0]))
        .values_list("id", flat=True)
        .first()
    )

    def perform(decision):
        subject = subject_for(*person)
        client, _ = Client.objects.get_or_create(subject=subject)
        trajectory = SupportTrajectory.objects.create(
            client=client,
            partner_id=actor.partner_id,
            domain=dom,
            legal_basis=basis,
            opened_on=opened_on,
            municipality=municipality,
        )
        trajectory.caseworkers.add(actor.employee_id)
        return Performed(client.id, subject_ids=[subject.id], client_id=client.id)

    outcome = process(
        Processing(
            name="client-aanmelden",
            actor=actor,
            operation=Operation.RECORD,
            categories=(Category.IDENTIFICATION,),
            purpose=validation.purpose(purpose),
            legal_basis=basis,
            client_id=known,
            opening_trajectory=basis,
        ),
        perform,
    )
    return build_dossier(actor, outcome.result)
