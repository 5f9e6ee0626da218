# SPDX-License-Identifier: EUPL-1.2
"""Bodies of retention (art5.2): how long a dossier is kept and why, and holds."""

from __future__ import annotations

import datetime
import uuid
from typing import Literal

from pydantic import Field

from zorgvuldig.api.schemas.base import Date, In, Out

RetentionState = Literal["open", "kept", "held", "due"]


class Retention(Out):
    state: RetentionState = Field(
        description="open: de ondersteuning loopt nog, er is geen datum; kept: een "
        "bewaartermijn loopt; held: langer bewaard op een bewaarbesluit; due: mag vernietigd "
        "worden"
    )
    kept_through: datetime.date | None = Field(description="De laatste dag van bewaren")
    due_on: datetime.date | None = Field(description="De eerste dag waarop vernietigd mag worden")
    rule: str = Field(description="De regel die het langst bewaart (art5.2, jeugdwet-7.3.8, ...)")
    rule_source: str = Field(description="De bron van die regel")
    explanation: str = Field(description="Welke regels golden, welke won en waarom")


class ItemRetention(Out):
    item_id: uuid.UUID
    category: str
    retention: Retention


class Hold(Out):
    id: uuid.UUID
    reason: str
    decided_by: str
    review_on: datetime.date
    created_at: datetime.datetime
    lapsed: bool = Field(description="De herziendatum is voorbij zonder nieuw besluit")


class DossierRetention(Out):
    client_id: uuid.UUID
    dossier: Retention = Field(description="Het dossier als geheel: zo lang als het langst "
                               "bewaarde gegeven")  # fmt: skip
    items: list[ItemRetention]
    holds: list[Hold]


class HoldIn(In):
    reason: str = Field(
        description="Waarom zorgvuldige ondersteuning langer bewaren nodig maakt (art. 5 lid 2)"
    )
    review_on: Date = Field(description="Uiterlijk wanneer het besluit wordt herzien")


ListState = Literal["review", "approval", "approved", "returned", "running", "done"]


class ListEntry(Out):
    id: int
    client_id: uuid.UUID | None = Field(description="Leeg zodra het dossier is vernietigd")
    client_name: str
    domain: str
    rule: str
    period: int = Field(description="Het jaar waarin de ondersteuning eindigde")
    kept_through: datetime.date
    review: Literal["", "destroy", "keep"]
    keep_reason: str
    keep_until: datetime.date | None
    outcome: Literal["pending", "destroyed", "kept"]
    kept_because: str = Field(
        description="Waarom niet vernietigd: kept-on-review, hold, open-request, open-support, "
        "not-due of gone"
    )


class DestructionList(Out):
    id: uuid.UUID
    number: int
    partner: str
    due_by: datetime.date
    state: ListState
    author: str
    created_at: datetime.datetime
    reviewer: str
    reviewed_at: datetime.datetime | None
    approver: str
    approved_at: datetime.datetime | None
    cooling_off_until: datetime.datetime | None
    returned_reason: str
    run_started_at: datetime.datetime | None
    run_ended_at: datetime.datetime | None
    entries: int
    destroyed: int
    kept: int
    pending: int
    page: list[ListEntry] = Field(description="De dossiers op de gevraagde pagina (100 per pagina)")


class ListDraft(In):
    due_by: Date = Field(description="Wat uiterlijk op deze dag vernietigd mag worden")


class EntryReview(In):
    review: Literal["destroy", "keep"]
    reason: str = Field("", description="Bij bewaren: waarom (art. 5 lid 2)")
    keep_until: Date | None = Field(None, description="Bij bewaren: de herziendatum")


class ReviewCompletion(In):
    destroy_rest: bool = Field(False, description="De nog niet beoordeelde dossiers vernietigen")


class ListReturn(In):
    reason: str = Field(description="Waarom de lijst terug gaat naar de opsteller")
