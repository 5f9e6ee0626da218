# SPDX-License-Identifier: EUPL-1.2
"""What the household services hand out (art1): frozen values, never model instances."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PartnerRef:
    """An organisation named in a value: its id and name (not personal data)."""

    id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class HouseholdView:
    id: uuid.UUID
    name: str
    director: str
    director_id: uuid.UUID | None
    plan: str  # empty for anyone but the director when read in a client's dossier
    members: tuple[str, ...]
    partners: tuple[PartnerRef, ...]  # the organisations that take part in the plan


@dataclass(frozen=True, slots=True)
class DirectedHousehold:
    """A household as its director finds it: its name only; the plan and the members are read
    with :func:`household_overview`, a logged consult."""

    id: uuid.UUID
    name: str
    created_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class ExchangeLine:
    """One item that went from one partner to another about a member of the household."""

    member: str
    category: str
    sender: str
    recipient: str
    ground: str
    disclosed_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class HouseholdOverview:
    household: HouseholdView
    exchanges: tuple[ExchangeLine, ...]
