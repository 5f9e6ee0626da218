# SPDX-License-Identifier: EUPL-1.2
"""A client's processing log over the API (Logboek Dataverwerkingen, art9.1)."""

from __future__ import annotations

import pytest

from tests.apiclient import invalid_fields

pytestmark = pytest.mark.django_db


def test_processing_log_lists_the_processings_newest_first(api, registered_client):
    client_dossier = registered_client
    api.get(f"/clients/{client_dossier.id}", {"purpose": "support-provision"})
    response = api.get(
        f"/clients/{client_dossier.id}/processing-log", {"purpose": "accountability"}
    )
    assert response.status_code == 200, response.content
    records = response.json()
    assert [r["name"] for r in records] == [
        "verwerkingenlog-raadplegen",
        "dossier-raadplegen",
        "client-aanmelden",
    ]
    first = records[-1]
    assert first["decision"] == "allowed" and first["legalBasis"] == "jeugdwet"
    assert first["actor"] == "Anna Test" and first["purpose"] == "intake"
    assert first["categories"] == ["identification"] and "art2" in first["articles"]
    assert len(first["traceId"]) == 32 and "startTime" in first


def test_processing_log_needs_a_purpose(api, client_dossier):
    fields = invalid_fields(api.get(f"/clients/{client_dossier.id}/processing-log"))
    assert "art. 2" in fields["purpose"]
