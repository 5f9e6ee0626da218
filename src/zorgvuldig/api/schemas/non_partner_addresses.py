# SPDX-License-Identifier: EUPL-1.2
"""Bodies of addressing a non-partner who acted against the protocol (art7)."""

from __future__ import annotations

import datetime

from pydantic import Field

from zorgvuldig.api.schemas.base import (
    In,
    Out,
)


class NonPartnerAddressing(In):
    addressed_on: datetime.date = Field(description="Wanneer de niet-partner werd aangesproken")
    what_happened: str = Field(min_length=1, max_length=2000)


class AddressingCount(Out):
    times_addressed: int


class NonPartnerAddressRecord(Out):
    addressed_on: datetime.date = Field(description="Wanneer de niet-partner werd aangesproken")
    what_happened: str
    addressed_by: str = Field(description="Wie de niet-partner aansprak")
    recorded_at: datetime.datetime
