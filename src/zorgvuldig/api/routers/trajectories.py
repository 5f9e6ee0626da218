# SPDX-License-Identifier: EUPL-1.2
"""Support trajectories: who supports a client, under which law, until when (art2, art3.2c)."""

from __future__ import annotations

import uuid

from ninja import Path, Router

from zorgvuldig.api.routers.common import CLIENT_ID, LEGAL_BASIS_QUERY, PURPOSE_QUERY
from zorgvuldig.api.schemas.trajectories import (
    CaseworkerAssignment,
    SupportTrajectory,
    TrajectoryClosure,
)
from zorgvuldig.gate import services
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Support trajectories"], by_alias=True)

TRAJECTORY_ID = Path(..., alias="trajectoryId", description="De identificatie van het traject")


@router.get(
    "/clients/{clientId}/support-trajectories",
    response=list[SupportTrajectory],
    operation_id="listSupportTrajectories",
    summary="List a client's support trajectories",
)
def list_support_trajectories(
    request,
    client_id: uuid.UUID = CLIENT_ID,
    purpose: Purpose = PURPOSE_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """The client's trajectories at your organisation (a consult of identification data)."""
    return services.list_trajectories(
        request.auth, client_id, purpose=purpose, legal_basis=legal_basis
    )


@router.post(
    "/support-trajectories/{trajectoryId}/closure",
    response=SupportTrajectory,
    operation_id="closeSupportTrajectory",
    summary="Close a support trajectory",
)
def close_support_trajectory(
    request, payload: TrajectoryClosure, trajectory_id: uuid.UUID = TRAJECTORY_ID
):
    """End the support; the retention period of art5.2 counts from the year it ended."""
    return services.close_trajectory(
        request.auth,
        trajectory_id,
        closed_on=payload.closed_on,
        ending=payload.ending,
        purpose=payload.purpose,
    )


@router.post(
    "/support-trajectories/{trajectoryId}/caseworkers",
    response=SupportTrajectory,
    operation_id="assignCaseworker",
    summary="Assign a caseworker to a trajectory",
)
def assign_caseworker(
    request, payload: CaseworkerAssignment, trajectory_id: uuid.UUID = TRAJECTORY_ID
):
    """Give a colleague of your own organisation access to this client's support (art3.2c)."""
    return services.assign_caseworker(
        request.auth, trajectory_id, employee_id=payload.employee_id, purpose=payload.purpose
    )
