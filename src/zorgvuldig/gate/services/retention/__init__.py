# SPDX-License-Identifier: EUPL-1.2
"""Retention (art5.2): how long a dossier is kept and why, and holds."""

from zorgvuldig.gate.services.retention.dossier import retention_of_dossier
from zorgvuldig.gate.services.retention.holds import place_hold

__all__ = ["place_hold", "retention_of_dossier"]
