# SPDX-License-Identifier: EUPL-1.2
"""What the team overview hands out (frozen values): employees and numbers, no client."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TeamMemberLine:
    """One active employee in a role with casework, and how many open trajectories (supports)
    of the partner they are assigned to."""

    employee_id: uuid.UUID
    display_name: str
    role: str
    open_trajectories: int


@dataclass(frozen=True, slots=True)
class TeamOverview:
    """Who supports how many at the team lead's organisation today (decision 22)."""

    partner: str
    made_on: datetime.date
    members: tuple[TeamMemberLine, ...]
    open_trajectories: int  # every open trajectory of the partner
    unassigned_trajectories: int  # open, with no active employee in a role with casework
