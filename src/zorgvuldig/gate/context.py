# SPDX-License-Identifier: EUPL-1.2
"""Who is processing, and whether code runs inside the gate."""

from __future__ import annotations

import contextlib
import contextvars
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

_inside_gate: contextvars.ContextVar[bool] = contextvars.ContextVar("inside_gate", default=False)


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


def inside_gate() -> bool:
    return _inside_gate.get()


@contextlib.contextmanager
def gate_open() -> Iterator[None]:
    """Mark the code in this block as running inside the gate (see :mod:`.guard`)."""
    token = _inside_gate.set(True)
    try:
        yield
    finally:
        _inside_gate.reset(token)
