# SPDX-License-Identifier: EUPL-1.2
"""Bad input: a 400/403/404 problem+json that says which field and why, and nothing written."""

from __future__ import annotations

import pytest

from tests.apiclient import counts, invalid_fields, problem
from tests.clients.test_api import intake
from zorgvuldig.api import API_VERSION

pytestmark = pytest.mark.django_db

MIDDLEWARE = "zorgvuldig.api.middleware.ApiResponseMiddleware"


@pytest.mark.parametrize(
    ("overrides", "field", "says"),
    [
        ({"bsn": "123456789"}, "bsn", "Geen geldig BSN"),
        ({"bsn": "12345"}, "bsn", "Geen geldig BSN"),
        ({"bsn": 111222333}, "bsn", "tekst"),
        ({"legalBasis": None}, "legalBasis", "grondslag is verplicht"),
        ({"legalBasis": "wet-op-de-kansspelen"}, "legalBasis", "kies uit"),
        ({"domain": "zorg"}, "legalBasis", "valt niet onder"),
        ({"purpose": None}, "purpose", "doel is verplicht"),
        ({"purpose": "marketing"}, "purpose", "kies uit"),
        ({"birthDate": "17-05-2012"}, "birthDate", "JJJJ-MM-DD"),
        ({"birthDate": "2012-02-30"}, "birthDate", "JJJJ-MM-DD"),
        ({"birthDate": "2999-01-01"}, "birthDate", "toekomst"),
        ({"openedOn": "gisteren"}, "openedOn", "JJJJ-MM-DD"),
        ({"surname": ""}, "surname", "verplicht"),
        ({"birth_date": "2012-05-17"}, "birth_date", "camelCase"),
    ],
)
def test_bad_intake_is_400_naming_the_field_and_nothing_written(api, overrides, field, says):
    body = {k: v for k, v in intake(**overrides).items() if v is not None}
    before = counts()
    response = api.post("/clients", body)
    fields = invalid_fields(response)
    assert says in fields[field], fields
    assert response["API-Version"] == API_VERSION
    assert counts() == before


def test_intake_without_purpose_lists_every_invalid_field_at_once(api):
    body = intake(birthDate="gisteren")
    del body["purpose"], body["legalBasis"]
    fields = invalid_fields(api.post("/clients", body))
    assert set(fields) == {"purpose", "legalBasis", "birthDate"}


def test_a_bad_bsn_is_listed_with_the_other_invalid_fields(api):
    fields = invalid_fields(api.post("/clients", intake(bsn="123456789", birthDate="x")))
    assert set(fields) == {"bsn", "birthDate"}
    assert "Geen geldig BSN" in fields["bsn"]


def test_consult_without_purpose_is_400_naming_purpose_and_nothing_written(api, client_dossier):
    before = counts()
    fields = invalid_fields(api.get(f"/clients/{client_dossier.id}"))
    assert "doel is verplicht" in fields["purpose"]
    assert counts() == before


def test_body_that_is_not_json_is_400(api):
    before = counts()
    response = api.http.post(
        "/api/v1/clients",
        "{bsn:",
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert "body" in invalid_fields(response)
    assert counts() == before


def test_empty_body_names_the_missing_fields(api):
    fields = invalid_fields(api.post("/clients", {}))
    assert {"bsn", "surname", "birthDate", "legalBasis", "purpose"} <= set(fields)


def test_unknown_client_is_404_and_nothing_written(api):
    import uuid

    before = counts()
    problem(
        api.post(
            f"/clients/{uuid.uuid4()}/data-items",
            {
                "category": "youth",
                "label": "x",
                "value": "y",
                "source": "z",
                "method": "document",
                "obtainedOn": "2025-01-01",
                "purpose": "assessment",
            },
        ),
        404,
    )
    assert counts() == before


@pytest.fixture
def with_middleware(settings):
    if MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]


def test_trailing_slash_is_a_404_problem(with_middleware, api):
    response = api.get("/partners/")
    problem(response, 404)
    assert response["API-Version"] == API_VERSION


def test_method_not_allowed_is_a_405_problem(with_middleware, api, client_dossier):
    response = api.delete(f"/clients/{client_dossier.id}")
    problem(response, 405)
    assert "GET" in response["Allow"] and response["API-Version"] == API_VERSION


def test_middleware_leaves_other_paths_alone(with_middleware, anonymous):
    response = anonymous.http.get("/does-not-exist")
    assert "API-Version" not in response
    assert not response["Content-Type"].startswith("application/problem+json")
