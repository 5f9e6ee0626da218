# SPDX-License-Identifier: EUPL-1.2
"""Breaking the glass (art3.2c; decision 23): emergency access to one client outside one's
assignment, for a limited time, told to the privacy officer at once and reviewed by them."""

from zorgvuldig.gate.services.emergency.glass import break_glass
from zorgvuldig.gate.services.emergency.remind import plan_emergency_reminders
from zorgvuldig.gate.services.emergency.review import (
    emergency_access,
    emergency_accesses,
    review_emergency_access,
)

__all__ = [
    "break_glass",
    "emergency_access",
    "emergency_accesses",
    "plan_emergency_reminders",
    "review_emergency_access",
]
