# SPDX-License-Identifier: EUPL-1.2
"""The Meldcode: safety cases and their five steps (art8.1)."""

from zorgvuldig.gate.services.meldcode.cases import (
    close_safety_case,
    open_safety_case,
    record_meldcode_step,
    safety_cases,
)

__all__ = ["close_safety_case", "open_safety_case", "record_meldcode_step", "safety_cases"]
