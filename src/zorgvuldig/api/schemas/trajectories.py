# SPDX-License-Identifier: EUPL-1.2
"""Bodies of support trajectories (art1, art2)."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import Date, In, Out, PurposeField
from zorgvuldig.protocol import Domain, LegalBasis, Purpose


class SupportTrajectory(Out):
    id: uuid.UUID
    client_id: uuid.UUID
    partner_id: uuid.UUID
    partner_name: str
    domain: Domain
    legal_basis: LegalBasis
    opened_on: datetime.date
    closed_on: datetime.date | None
    caseworkers: list[str] = Field(description="Namen van de toegewezen hulpverleners")


class TrajectoryClosure(In):
    closed_on: Date
    purpose: Purpose = PurposeField


class CaseworkerAssignment(In):
    employee_id: uuid.UUID = Field(
        description="Een actieve medewerker van uw eigen organisatie (art. 3 lid 2 onder c)"
    )
    purpose: Purpose = PurposeField
