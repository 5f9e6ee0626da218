# SPDX-License-Identifier: EUPL-1.2
"""Data items with origin and history (art3.2a, art5.1), through the gate."""

from __future__ import annotations

import pytest

from tests import factories
from tests.apiclient import counts, invalid_fields, problem

pytestmark = pytest.mark.django_db


def test_record_data_item_with_its_origin(api, client_dossier):
    item = factories.record_over_api(api, client_dossier.id)
    assert item["category"] == "youth" and item["clientId"] == str(client_dossier.id)
    current = item["current"]
    assert (current["number"], current["source"]) == (1, "moeder")
    assert current["method"] == "conversation"
    assert current["obtainedOn"] == "2025-02-03" and current["recordedBy"] == "Anna Test"


def test_consult_data_items_by_category(api, client_dossier):
    youth = factories.record_over_api(api, client_dossier.id)
    factories.record_over_api(
        api, client_dossier.id, category="welfare", label="Netwerk", value="Opa en oma helpen"
    )
    response = api.get(
        f"/clients/{client_dossier.id}/data-items",
        {"purpose": "support-provision", "categories": ["youth"]},
    )
    assert response.status_code == 200, response.content
    assert [i["id"] for i in response.json()] == [youth["id"]]
    both = api.get(
        f"/clients/{client_dossier.id}/data-items",
        {"purpose": "support-provision", "categories": ["youth", "welfare"]},
    )
    assert len(both.json()) == 2


def test_art5_1_recording_beyond_the_necessity_matrix_is_403(api, client_dossier):
    body = factories.item_body(category="housing", label="Woning", value="Huurwoning")
    refusal = problem(api.post(f"/clients/{client_dossier.id}/data-items", body), 403)
    assert refusal["articles"] == ["art5.1"]
    assert "niet nodig" in refusal["detail"]


def test_consult_data_items_needs_categories(api, client_dossier):
    fields = invalid_fields(
        api.get(f"/clients/{client_dossier.id}/data-items", {"purpose": "support-provision"})
    )
    assert "art. 5 lid 1" in fields["categories"]
    fields = invalid_fields(
        api.get(
            f"/clients/{client_dossier.id}/data-items",
            {"purpose": "support-provision", "categories": ["everything"]},
        )
    )
    assert any(name.startswith("categories") for name in fields)


def test_change_data_item_keeps_history(api, client_dossier):
    item = factories.record_over_api(api, client_dossier.id)
    response = api.put(
        f"/data-items/{item['id']}",
        {
            "label": "School",
            "value": "Groep 8, De Regenboog",
            "source": "school",
            "method": "document",
            "obtainedOn": "2025-09-01",
            "reason": "Nieuw schooljaar",
            "purpose": "support-provision",
        },
    )
    assert response.status_code == 200, response.content
    changed = response.json()
    assert changed["current"]["number"] == 2 and changed["current"]["reason"] == "Nieuw schooljaar"
    got = api.get(f"/data-items/{item['id']}", {"purpose": "support-provision"})
    assert got.status_code == 200
    assert [v["value"] for v in got.json()["history"]] == [
        "Groep 8, De Regenboog",
        "Groep 7, De Regenboog",
    ]


def test_record_for_a_related_subject(api, client_dossier):
    from tests.conftest import next_bsn

    parent = api.post(
        f"/clients/{client_dossier.id}/relations",
        {
            "kind": "parent",
            "bsn": next_bsn(),
            "givenNames": "Els",
            "surname": "de Vries",
            "birthDate": "1980-02-01",
            "purpose": "support-provision",
        },
    ).json()
    item = factories.record_over_api(
        api,
        client_dossier.id,
        category="contact",
        label="Telefoon",
        value="0612345678",
        subjectId=parent["related"]["id"],
    )
    assert item["subjectId"] == parent["related"]["id"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"purpose": None}, "purpose"),
        ({"purpose": "curiosity"}, "purpose"),
        ({"obtainedOn": "3 februari"}, "obtainedOn"),
        ({"obtainedOn": "2025-02-30"}, "obtainedOn"),
        ({"method": "hearsay"}, "method"),
        ({"category": "all"}, "category"),
        ({"label": "   "}, "label"),
        ({"legal_basis": "jeugdwet"}, "legal_basis"),
        ({"subjectId": "00000000-0000-0000-0000-000000000001"}, "subjectId"),
    ],
)
def test_bad_item_input_is_400_naming_the_field_and_nothing_written(
    api, client_dossier, overrides, field
):
    body = factories.item_body(**overrides)
    body = {k: v for k, v in body.items() if v is not None}
    before = counts()
    fields = invalid_fields(api.post(f"/clients/{client_dossier.id}/data-items", body))
    assert field in fields, fields
    assert counts() == before


def test_change_without_reason_is_400_and_nothing_written(api, client_dossier):
    item = factories.record_over_api(api, client_dossier.id)
    before = counts()
    fields = invalid_fields(
        api.put(
            f"/data-items/{item['id']}",
            {
                "label": "School",
                "value": "x",
                "source": "school",
                "method": "document",
                "obtainedOn": "2025-09-01",
                "purpose": "support-provision",
            },
        )
    )
    assert "reason" in fields
    assert counts() == before
