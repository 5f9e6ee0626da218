# SPDX-License-Identifier: EUPL-1.2
"""Who is processing: the actor every service of the gate is called for."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """The person (employee) or system (service identity) on whose behalf a processing runs;
    or a resident signed in with DigiD who acts on their own data or for someone they may
    represent (art4.5, art9, art10; decision 25): ``resident`` is then the signed-in data
    subject's pseudonym (a keyed hash, never the BSN or the subject's id) and ``partner_id``
    the partner whose data the resident acts on (its dossier, its log records)."""

    partner_id: uuid.UUID
    employee_id: uuid.UUID | None = None
    service: str = ""
    resident: str = ""

    @property
    def log_id(self) -> str:
        """How the processing log names the actor (at most 64 characters)."""
        if self.employee_id:
            return str(self.employee_id)
        if self.resident:
            return f"resident:{self.resident}"[:64]
        return f"service:{self.service}"
