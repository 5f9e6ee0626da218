# SPDX-License-Identifier: EUPL-1.2
"""The error bodies (problem+json) as documented; :mod:`zorgvuldig.api.problems` writes them."""

from __future__ import annotations

from pydantic import Field

from zorgvuldig.api.schemas.base import Out
from zorgvuldig.protocol import Category


class Problem(Out):
    """An error (RFC 9457)."""

    type: str = Field(description="URI die het soort probleem aanduidt")
    title: str
    status: int
    detail: str
    instance: str | None = None


class InvalidParam(Out):
    name: str = Field(description="Het veld (camelCase) dat ongeldig is")
    reason: str
    code: str


class InvalidInputProblem(Problem):
    invalid_params: list[InvalidParam]


class Refusal(Out):
    article: str
    reason: str
    remedy: str = Field(description="Wat de verwerking wel toegestaan zou maken")


class CategoryOutcome(Out):
    category: Category
    allowed: bool
    articles: list[str]
    refusals: list[Refusal]


class RefusalProblem(Problem):
    articles: list[str] = Field(description="De artikelen van het protocol die de weigering dragen")
    trace_id: str = Field(
        description="Het trace-id waaronder de weigering in het verwerkingenlog staat"
    )
    outcomes: list[CategoryOutcome]
