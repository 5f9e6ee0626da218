# SPDX-License-Identifier: EUPL-1.2
"""Integrated support: one household, one plan, one director (art1)."""

from zorgvuldig.gate.services.households.plans import (
    create_household,
    directed_households,
    household_overview,
    update_household_plan,
)

__all__ = ["create_household", "directed_households", "household_overview", "update_household_plan"]
