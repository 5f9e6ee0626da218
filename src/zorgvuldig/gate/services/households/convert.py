# SPDX-License-Identifier: EUPL-1.2
"""Households to the frozen values of :mod:`.views` (inside the gate only)."""

from __future__ import annotations

from zorgvuldig.clients.models import Household
from zorgvuldig.gate.services.households.views import HouseholdView, PartnerRef


def household_view(h: Household, *, with_plan: bool = True) -> HouseholdView:
    """``with_plan``: the plan is the director's to read (one household, one plan, one
    director: art1); others see who takes part, not what is planned."""
    return HouseholdView(
        id=h.id,
        name=h.name,
        director=h.director.display_name if h.director else "",
        director_id=h.director_id,
        plan=h.plan if with_plan else "",
        members=tuple(m.full_name for m in h.members.all()),
        partners=tuple(
            PartnerRef(p.id, p.name) for p in sorted(h.partners.all(), key=lambda p: p.name)
        ),
    )
