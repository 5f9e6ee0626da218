# SPDX-License-Identifier: EUPL-1.2
"""Retention (art5.2): how long a dossier is kept and why, holds, and what becomes due."""

from zorgvuldig.gate.services.retention.dossier import retention_of_dossier
from zorgvuldig.gate.services.retention.holds import place_hold
from zorgvuldig.gate.services.retention.plan import retention_plan

__all__ = ["place_hold", "retention_of_dossier", "retention_plan"]
