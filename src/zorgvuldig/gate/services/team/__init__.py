# SPDX-License-Identifier: EUPL-1.2
"""The team lead's overview of the assignments at their organisation (art3.2c; decision 22)."""

from zorgvuldig.gate.services.team.overview import team_overview

__all__ = ["team_overview"]
