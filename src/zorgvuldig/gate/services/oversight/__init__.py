# SPDX-License-Identifier: EUPL-1.2
"""What the privacy officer and the caseworker see of the protocol's decisions (art4.6)."""

from zorgvuldig.gate.services.oversight.allowed import allowed_now
from zorgvuldig.gate.services.oversight.exceptions import exceptions_register

__all__ = ["allowed_now", "exceptions_register"]
