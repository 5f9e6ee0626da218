# SPDX-License-Identifier: EUPL-1.2
"""A household's plan and exchanges: one household, one plan, one director (art1), through
the gate."""

from __future__ import annotations

import uuid

from ninja import Path, Query, Router

from zorgvuldig.api.routers.common import CLIENT_ID, LEGAL_BASIS_QUERY
from zorgvuldig.api.schemas.households import (
    Household,
    HouseholdFormation,
    HouseholdOverview,
    PlanUpdate,
)
from zorgvuldig.gate import services
from zorgvuldig.protocol import LegalBasis, Purpose

router = Router(tags=["Integrated support and safety"], by_alias=True)


HOUSEHOLD_ID = Path(..., alias="householdId", description="De identificatie van het huishouden")


INTEGRATED_SUPPORT_QUERY = Query(
    Purpose.INTEGRATED_SUPPORT, description="Het doel (art. 2); standaard integrale ondersteuning."
)


@router.post(
    "/clients/{clientId}/households",
    response={201: Household},
    operation_id="createHousehold",
    summary="Form a household around a client and name its director",
)
def create_household(request, payload: HouseholdFormation, client_id: uuid.UUID = CLIENT_ID):
    """Integrated support: one household, one plan, one director (art1). The members are the
    client, other clients and the client's relations; the director is an active caseworker of
    a partner committed to the protocol today who acknowledged it (art3.2c, art3.2d). The
    organisations in the plan are the director's, yours and the partners you name. Before the
    director opens the household, the director's organisation informs the client and records
    consent (art4.1 to art4.3)."""
    return services.create_household(
        request.auth,
        client_id,
        name=payload.name,
        director_id=payload.director_id,
        plan=payload.plan,
        member_client_ids=payload.member_client_ids,
        member_subject_ids=payload.member_subject_ids,
        partner_ids=payload.partner_ids,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )


@router.get(
    "/households/{householdId}",
    response=HouseholdOverview,
    operation_id="getHouseholdOverview",
    summary="The household's plan and the exchanges among its partners (director only)",
)
def household_overview(
    request,
    household_id: uuid.UUID = HOUSEHOLD_ID,
    purpose: Purpose = INTEGRATED_SUPPORT_QUERY,
    legal_basis: LegalBasis | None = LEGAL_BASIS_QUERY,
):
    """One household, one plan, one director: only the director sees this (403 otherwise)."""
    return services.household_overview(
        request.auth, household_id, purpose=purpose, legal_basis=legal_basis
    )


@router.put(
    "/households/{householdId}/plan",
    response=Household,
    operation_id="updateHouseholdPlan",
    summary="Keep the household's plan (director only)",
)
def update_plan(request, payload: PlanUpdate, household_id: uuid.UUID = HOUSEHOLD_ID):
    """The plan: the activities, who does them, the goals; each member's own problems stay in
    the member's own dossier. `partnerIds`, when given, sets the organisations that take part
    in the plan (the director's own always does)."""
    return services.update_household_plan(
        request.auth,
        household_id,
        plan=payload.plan,
        partner_ids=payload.partner_ids,
        purpose=payload.purpose,
        legal_basis=payload.legal_basis,
    )
