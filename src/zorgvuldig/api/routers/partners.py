# SPDX-License-Identifier: EUPL-1.2
"""Partners, their commitment to the protocol and their employees (art1, art3.2c). Not
personal data of clients: no gate, but for the team lead's overview of the assignments, which
counts the support trajectories in the gate and hands out numbers per employee (decision 22)."""

from __future__ import annotations

import uuid

from django.db.models import Prefetch
from django.utils import timezone
from ninja import Path, Query, Router

from zorgvuldig.api.schemas import partners as schemas
from zorgvuldig.core.errors import NotFound
from zorgvuldig.gate import services as gate
from zorgvuldig.partners import acknowledgements, services
from zorgvuldig.partners.models import Partner, ProtocolCommitment, Role

router = Router(tags=["Partners"], by_alias=True)

PARTNER_ID = Path(..., alias="partnerId", description="De identificatie van de partner")
COMMITMENT_ID = Path(
    ..., alias="commitmentId", description="De identificatie van de deelname aan het protocol"
)
ROLE_QUERY = Query(None, description="Alleen medewerkers met deze rol")


def _out(partner: Partner) -> schemas.Partner:
    """A partner as the gate counts it today (art1: one definition,
    :func:`zorgvuldig.partners.services.committed_version`)."""
    version = services.committed_version(partner, timezone.localdate())
    return schemas.Partner(
        id=partner.id,
        name=partner.name,
        kind=partner.kind,
        oin=partner.oin,
        committed=version is not None,
        protocol_version=version,
    )


def _partners():
    return Partner.objects.prefetch_related(
        Prefetch("commitments", ProtocolCommitment.objects.order_by("starts_on"))
    )


@router.get(
    "/partners",
    response=list[schemas.Partner],
    operation_id="listPartners",
    summary="List the partners",
)
def list_partners(request):
    """Every organisation known to the region, with whether it is a partner today (art1)."""
    return [_out(p) for p in _partners()]


@router.get(
    "/partners/{partnerId}",
    response=schemas.Partner,
    operation_id="getPartner",
    summary="Get a partner",
)
def get_partner(request, partner_id: uuid.UUID = PARTNER_ID):
    partner = _partners().filter(id=partner_id).first()
    if partner is None:
        raise NotFound("partner", "Deze partner bestaat niet.")
    return _out(partner)


@router.get(
    "/protocol-acknowledgements",
    response=schemas.AwarenessOverview,
    operation_id="listProtocolAcknowledgements",
    summary="Who acknowledged the protocol, and who is due (privacy officer, FG)",
)
def list_protocol_acknowledgements(request):
    """Every employee of your organisation: whether their acknowledgement of the protocol
    version in force stands, lapsed (art3.2e) or is missing (art3.2d), with each
    acknowledgement they made. For the privacy officer and the data protection officer (FG),
    who reads it and changes nothing (403 for anyone else, art3.2c)."""
    return acknowledgements.acknowledgement_overview(request.auth)


@router.get(
    "/team-overview",
    response=schemas.TeamOverview,
    operation_id="getTeamOverview",
    summary="Who supports how many at your organisation (team lead)",
)
def get_team_overview(request):
    """Every active employee of your organisation in a role with casework, with the number of
    open support trajectories they are assigned to, and the number of open trajectories nobody
    is assigned to. Numbers per employee, no client. For the team lead only (403 for anyone
    else, art3.2c; decision 22)."""
    return gate.team_overview(request.auth)


@router.post(
    "/partners/{partnerId}/commitments",
    response={201: schemas.Commitment},
    operation_id="recordCommitment",
    summary="Record a partner's commitment to a protocol version (functional administrator)",
)
def record_commitment(
    request, payload: schemas.CommitmentRecording, partner_id: uuid.UUID = PARTNER_ID
):
    """From `startsOn` the organisation is a partner bound to `protocolVersion` (art1), until
    `endsOn` when given. The period may not overlap another commitment of the partner. Only a
    functional administrator records it."""
    return services.record_commitment(
        request.auth,
        partner_id,
        protocol_version=payload.protocol_version,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
    )


@router.patch(
    "/partners/{partnerId}/commitments/{commitmentId}",
    response=schemas.Commitment,
    operation_id="endCommitment",
    summary="Record the end of a partner's commitment (functional administrator)",
)
def end_commitment(
    request,
    payload: schemas.CommitmentEnd,
    partner_id: uuid.UUID = PARTNER_ID,
    commitment_id: int = COMMITMENT_ID,
):
    """After `endsOn` the organisation is a non-partner (art1, art7) until a next commitment.
    Only a functional administrator records it."""
    return services.end_commitment(request.auth, partner_id, commitment_id, ends_on=payload.ends_on)


@router.get(
    "/employees",
    response=list[schemas.Employee],
    operation_id="listEmployees",
    summary="List the employees of your own organisation",
)
def list_employees(request, role: Role | None = ROLE_QUERY):
    """Your organisation's employees (work data; no data of clients), with their role, whether
    they are active and whether they acknowledged the protocol version your organisation is
    bound to today (art3.2d). Use an `id` as `employeeId` to assign a caseworker to a
    trajectory (art3.2c), or as `directorId` to form a household. Other organisations'
    employees are not listed."""
    return services.employees(request.auth, role=role)
