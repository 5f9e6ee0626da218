# SPDX-License-Identifier: EUPL-1.2
"""art9 in the resident's own view (decision 25): their requests at each organisation with
state and due date, making one (overview, inspection, correction, addition, deletion,
blocking, and the AVG's rights under the AVG variant), and the overview to download once the
organisation sent it. Through the rights services a caseworker uses
(:mod:`zorgvuldig.gate.services.rights`), with the resident's actor: who may act is the rule
of art10 (:func:`~zorgvuldig.gate.services.rights.handlers.resident_acts_for`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.utils import timezone

from zorgvuldig.clients.models import Client
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import validation
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.resident.signin import resident_pseudonym
from zorgvuldig.gate.services.resident.whom import viewable
from zorgvuldig.gate.services.rights.choices import request_choices
from zorgvuldig.gate.services.rights.letters import overview_pdf
from zorgvuldig.gate.services.rights.overview import subject_overview
from zorgvuldig.gate.services.rights.register import client_requests, register_request
from zorgvuldig.gate.services.rights.views import (
    RequestChoices,
    SubjectOverview,
    SubjectRequestView,
)
from zorgvuldig.partners.models import Partner
from zorgvuldig.rights.codes import OVERVIEW_KINDS, IdentityMethod, Outcome
from zorgvuldig.rights.models import SubjectRequest

NO_SUCH_ORGANISATION = "Kies een organisatie die u of wie u vertegenwoordigt ondersteunt."
NOT_SENT = "Dit overzicht is (nog) niet aan u verzonden."


@dataclass(frozen=True, slots=True)
class PartnerRequests:
    partner_id: uuid.UUID
    partner: str
    requests: tuple[SubjectRequestView, ...]


def _client_and_partners(resident_id, subject_id):
    whose = viewable(resident_id, subject_id or resident_id)
    client = Client.objects.filter(subject_id=whose.subject_id).first()
    if client is None:
        return whose, None, []
    ids = set(client.trajectories.order_by().values_list("partner_id", flat=True).distinct())
    if whose.partner_ids is not None:
        ids &= set(whose.partner_ids)
    return whose, client, list(Partner.objects.filter(id__in=ids).order_by("name"))


def _actor(resident_id, partner_id) -> Actor:
    return Actor(partner_id=partner_id, resident=resident_pseudonym(resident_id))


@gate_service
def resident_requests(resident_id, subject_id=None) -> tuple[PartnerRequests, ...]:
    """The person's requests at every organisation whose view the resident may open, newest
    first; each organisation's list a consult logged under its article."""
    _, client, partners = _client_and_partners(resident_id, subject_id)
    return tuple(
        PartnerRequests(p.id, p.name, tuple(client_requests(_actor(resident_id, p.id), client.id)))
        for p in partners
    )


def _partner(resident_id, subject_id, partner_id):
    _, client, partners = _client_and_partners(resident_id, subject_id)
    wanted = str(validation.reference(partner_id, "partnerId")) if partner_id else ""
    for p in partners:
        if str(p.id) == wanted:
            return client, p
    raise InvalidInput({"partnerId": NO_SUCH_ORGANISATION})


@gate_service
def resident_request_choices(resident_id, partner_id, subject_id=None) -> RequestChoices:
    """What the form offers at one organisation: the kinds its protocol version knows and
    the person's own items there (for a correction, addition, deletion or blocking)."""
    client, partner = _partner(resident_id, subject_id, partner_id)
    return request_choices(_actor(resident_id, partner.id), client.id)


@gate_service
def resident_make_request(
    resident_id, partner_id, *, kind: str, details: str = "", item_ids=(), subject_id=None
) -> SubjectRequestView:
    """Make a request at one organisation, received today, the resident's identity
    established by DigiD; the resident is the requester (art10: for a represented person
    only where the resident may act alone). Every error of the caseworker's form is the same
    here (an unknown kind, no items named for a correction, one such request still open),
    and nothing is written."""
    client, partner = _partner(resident_id, subject_id, partner_id)
    return register_request(
        _actor(resident_id, partner.id),
        client.id,
        kind=kind,
        requested_by_subject_id=resident_id,
        identity_method=IdentityMethod.DIGITAL,
        identity_note="DigiD",
        received_on=timezone.localdate(),
        details=details,
        item_ids=item_ids,
    )


def _sent_overview(resident_id, request_id, subject_id):
    whose = viewable(resident_id, subject_id or resident_id)
    key = validation.reference(request_id, "requestId")
    request = SubjectRequest.objects.filter(id=key, client__subject_id=whose.subject_id).first()
    if request is None or (
        whose.partner_ids is not None and request.partner_id not in whose.partner_ids
    ):
        raise NotFound("subject-request", NOT_SENT)
    if request.kind not in OVERVIEW_KINDS or not (
        request.outcome == Outcome.GRANTED and request.carried_out_on
    ):
        raise NotFound("subject-request", NOT_SENT)
    return _actor(resident_id, request.partner_id), request.id


@gate_service
def resident_overview(resident_id, request_id, subject_id=None) -> SubjectOverview:
    """art9.1: the overview the organisation sent, for its JSON copy (AVG art. 20)."""
    actor, key = _sent_overview(resident_id, request_id, subject_id)
    return subject_overview(actor, key)


@gate_service
def resident_overview_pdf(
    resident_id, request_id, subject_id=None, *, language: str = "nl"
) -> bytes:
    """art9.1: the overview the organisation sent, as its letter (PDF)."""
    actor, key = _sent_overview(resident_id, request_id, subject_id)
    return overview_pdf(actor, key, language=language)
