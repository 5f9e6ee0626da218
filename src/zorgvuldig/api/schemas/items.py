# SPDX-License-Identifier: EUPL-1.2
"""Bodies of data items, their versions and annotations (art3.2a)."""

from __future__ import annotations

import datetime
import uuid

from pydantic import Field

from zorgvuldig.api.schemas.base import (
    Date,
    Justified,
    Out,
    PurposeField,
)
from zorgvuldig.protocol import Category, Purpose


class DataItemVersion(Out):
    number: int
    label: str
    value: str
    source: str = Field(description="Wie het gegeven leverde (art. 3 lid 2 onder a)")
    method: str = Field(description="Hoe het werd verkregen")
    obtained_on: datetime.date
    recorded_by: str
    recorded_at: datetime.datetime
    reason: str


class DataItem(Out):
    id: uuid.UUID
    client_id: uuid.UUID
    subject_id: uuid.UUID
    category: Category
    partner_id: uuid.UUID
    current: DataItemVersion
    history: list[DataItemVersion] = Field(
        description="Alle versies, nieuwste eerst (alleen bij één gegeven)"
    )
    under_professional_secrecy: bool = Field(
        description="Vastgelegd onder het wettelijk beroepsgeheim van een hulpverlener; gaat "
        "alleen naar een ontvanger waarvoor die het vrijgaf (art. 6 lid 2)"
    )
    blocked_on: datetime.date | None = Field(
        description="Afgeschermd op verzoek van de betrokkene (art. 9 lid 4): bewaard, maar de "
        "inhoud wordt niet meer getoond, gewijzigd of verstrekt"
    )


class Annotation(Out):
    id: uuid.UUID
    article: str
    text: str
    author: str
    created_at: datetime.datetime
    trace_id: str


_METHODS = "conversation, document, register, partner of observation"


class DataItemRecording(Justified):
    category: Category
    label: str = Field(max_length=200)
    value: str = Field(max_length=10_000)
    source: str = Field(
        max_length=200, description="Wie het gegeven leverde (art. 3 lid 2 onder a)"
    )
    method: str = Field(description=f"Hoe het werd verkregen: {_METHODS}")
    obtained_on: Date
    purpose: Purpose = PurposeField
    subject_id: uuid.UUID | None = Field(
        None, description="De betrokkene over wie het gegeven gaat; standaard de cliënt zelf"
    )
    professional_secrecy: bool = Field(
        False,
        description="Vastgelegd onder uw wettelijk beroepsgeheim (art. 6 lid 2): het gegeven "
        "verlaat uw organisatie dan alleen naar een ontvanger waarvoor u het vrijgeeft, ook met "
        "toestemming van de cliënt.",
    )


class DataItemChange(Justified):
    label: str = Field(max_length=200)
    value: str = Field(max_length=10_000)
    source: str = Field(max_length=200)
    method: str = Field(description=f"Hoe het werd verkregen: {_METHODS}")
    obtained_on: Date
    reason: str = Field(max_length=500, description="Waarom het gegeven verandert")
    purpose: Purpose = PurposeField
