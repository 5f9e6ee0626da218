# SPDX-License-Identifier: EUPL-1.2
"""Bodies of support trajectories (art1, art2)."""

from __future__ import annotations

import datetime
import uuid
from typing import Literal

from pydantic import Field

from zorgvuldig.api.schemas.base import Date, In, Out, PurposeField
from zorgvuldig.protocol import Domain, LegalBasis, Purpose, SupportEnding


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
    municipality: str = Field(
        description="CBS-gemeentecode van de gemeente namens wie de ondersteuning loopt "
        "(leeg: vastgelegd voordat die werd bijgehouden)"
    )
    ending: SupportEnding | Literal[""] = Field(
        description="Hoe de ondersteuning eindigde; leeg zolang het traject loopt"
    )


class TrajectoryClosure(In):
    closed_on: Date
    ending: SupportEnding = Field(
        description="Hoe de ondersteuning eindigde; geteld in de geanonimiseerde statistiek "
        "van art. 5 lid 2"
    )
    purpose: Purpose = PurposeField


class CaseworkerAssignment(In):
    employee_id: uuid.UUID = Field(
        description="Een actieve medewerker van uw eigen organisatie (art. 3 lid 2 onder c)"
    )
    purpose: Purpose = PurposeField
