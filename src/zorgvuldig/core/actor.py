# SPDX-License-Identifier: EUPL-1.2
"""Who is processing: the actor every service of the gate is called for."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """The person (employee) or system (service identity) on whose behalf a processing runs."""

    partner_id: uuid.UUID
    employee_id: uuid.UUID | None = None
    service: str = ""

    @property
    def log_id(self) -> str:
        """How the processing log names the actor."""
        return str(self.employee_id) if self.employee_id else f"service:{self.service}"
