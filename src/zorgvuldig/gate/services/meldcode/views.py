# SPDX-License-Identifier: EUPL-1.2
"""What the Meldcode services hand out: a safety case with its steps (frozen values)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from zorgvuldig.exchange.models import MeldcodeStep

ORDER = list(MeldcodeStep)


@dataclass(frozen=True, slots=True)
class StepView:
    step: str
    taken_by: str
    taken_on: datetime.date
    conclusion: str
    acute_or_structural_unsafety: bool | None
    adequate_help_possible: bool | None
    organise_help: bool | None
    report_to_veilig_thuis: bool | None
    report_reference: str


@dataclass(frozen=True, slots=True)
class SafetyCaseView:
    id: uuid.UUID
    client_id: uuid.UUID
    steps: tuple[StepView, ...]
    closed_on: datetime.date | None = None

    @property
    def next_step(self) -> str | None:
        done = len(self.steps)
        return ORDER[done].value if done < len(ORDER) else None
