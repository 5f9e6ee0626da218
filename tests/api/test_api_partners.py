# SPDX-License-Identifier: EUPL-1.2
"""Partners: not personal data, read directly (art1)."""

from __future__ import annotations

import uuid

import pytest

from tests.api.conftest import invalid_fields, problem
from tests.conftest import make_partner
from zorgvuldig.api import API_VERSION

pytestmark = pytest.mark.django_db


def test_list_partners_with_their_commitment(api, partner):
    make_partner("Buurtteam Zonder Afspraak", committed=False)
    response = api.get("/partners")
    assert response.status_code == 200 and response["API-Version"] == API_VERSION
    by_name = {p["name"]: p for p in response.json()}
    assert by_name[partner.name]["committed"] is True
    assert by_name[partner.name]["protocolVersion"] == "regio-utrecht-zuidoost-2015"
    assert by_name["Buurtteam Zonder Afspraak"] == {
        "id": by_name["Buurtteam Zonder Afspraak"]["id"],
        "name": "Buurtteam Zonder Afspraak",
        "kind": "private",
        "oin": "",
        "committed": False,
        "protocolVersion": None,
    }


def test_get_partner(api, partner):
    response = api.get(f"/partners/{partner.id}")
    assert response.status_code == 200
    assert response.json()["id"] == str(partner.id)


def test_unknown_partner_is_404_problem(api):
    body = problem(api.get(f"/partners/{uuid.uuid4()}"), 404)
    assert "partner" in body["detail"]


def test_malformed_partner_id_is_400_naming_it(api):
    assert "partnerId" in invalid_fields(api.get("/partners/42"))
