# SPDX-License-Identifier: EUPL-1.2
"""Data the tests record through the real gate, the way a caseworker does."""

from __future__ import annotations

import datetime

from zorgvuldig.gate import services

OBTAINED_ON = datetime.date(2026, 1, 5)


def record(
    actor,
    client_id,
    category: str = "youth",
    value: str = "x",
    *,
    label: str | None = None,
    source: str = "Moeder",
    **extra,
):
    """A data item of ``category`` in the client's dossier at the actor's partner, heard in a
    conversation on 5 January 2026 and recorded for assessment; ``label`` defaults to the
    category. ``extra`` goes to the service as it is (``subject_id``, ``professional_secrecy``,
    ``legal_basis``, ``justification``)."""
    return services.record_item(
        actor,
        client_id,
        category=category,
        label=category if label is None else label,
        value=value,
        source=source,
        method="conversation",
        obtained_on=OBTAINED_ON,
        purpose="assessment",
        **extra,
    )


def item_body(**overrides) -> dict:
    """The body of ``POST /clients/{id}/data-items``, with ``overrides`` (camelCase)."""
    body = {
        "category": "youth",
        "label": "School",
        "value": "Groep 7, De Regenboog",
        "source": "moeder",
        "method": "conversation",
        "obtainedOn": "2025-02-03",
        "purpose": "assessment",
    }
    body.update(overrides)
    return body


def record_over_api(api, client_id, **overrides) -> dict:
    """A data item recorded through the API (201 asserted); its JSON."""
    response = api.post(f"/clients/{client_id}/data-items", item_body(**overrides))
    assert response.status_code == 201, response.content
    return response.json()
