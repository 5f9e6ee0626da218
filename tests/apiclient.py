# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for the API tests: tokens, an authenticated test client, row counts."""

from __future__ import annotations

import pytest
from django.test import Client as HttpClient

from zorgvuldig.api.models import ApiToken
from zorgvuldig.clients.models import Client, Household, Relation, Subject, SupportTrajectory
from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.processing_log.models import LogRecord

PROBLEM = "application/problem+json"

# Tests may count the personal-data tables: the gate guard is active only within requests.
TABLES = {
    "subjects": Subject,
    "clients": Client,
    "trajectories": SupportTrajectory,
    "relations": Relation,
    "items": DataItem,
    "versions": DataItemVersion,
    "annotations": Annotation,
    "log": LogRecord,
    "households": Household,
}


def counts() -> dict[str, int]:
    """Rows per personal-data table (and the processing log): "nothing written" is no change."""
    counted = {name: model.objects.count() for name, model in TABLES.items()}
    counted["caseworkers"] = SupportTrajectory.caseworkers.through.objects.count()
    counted["household members"] = Household.members.through.objects.count()
    counted["household partners"] = Household.partners.through.objects.count()
    return counted


def token_for(employee) -> str:
    return ApiToken.issue(
        name="test app", partner=employee.partner, employee=employee, scopes=["all"]
    )[1]


class Api:
    """A test client that speaks JSON to /api/v1 with a bearer token."""

    def __init__(self, token: str | None):
        self.http = HttpClient()
        self.token = token

    def _headers(self, headers):
        base = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**base, **(headers or {})}

    def get(self, path, params=None, headers=None):
        return self.http.get(f"/api/v1{path}", params or {}, headers=self._headers(headers))

    def post(self, path, body=None, headers=None):
        return self.http.post(
            f"/api/v1{path}",
            body if body is not None else {},
            content_type="application/json",
            headers=self._headers(headers),
        )

    def put(self, path, body=None, headers=None):
        return self.http.put(
            f"/api/v1{path}",
            body if body is not None else {},
            content_type="application/json",
            headers=self._headers(headers),
        )

    def patch(self, path, body=None, headers=None):
        return self.http.patch(
            f"/api/v1{path}",
            body if body is not None else {},
            content_type="application/json",
            headers=self._headers(headers),
        )

    def delete(self, path, headers=None):
        return self.http.delete(f"/api/v1{path}", headers=self._headers(headers))


def as_employee(employee) -> Api:
    return Api(token_for(employee))


def problem(response, status: int) -> dict:
    """The problem+json body of ``response``, after checking its status and media type."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM), response["Content-Type"]
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"].startswith("https://")
    return body


def invalid_fields(response) -> dict[str, str]:
    """The fields a 400 names, with their reasons."""
    body = problem(response, 400)
    return {p["name"]: p["reason"] for p in body["invalidParams"]}


@pytest.fixture
def api(caseworker) -> Api:
    """The API as ``caseworker`` (of ``partner``, acknowledged) through an employee token."""
    return as_employee(caseworker)


@pytest.fixture
def anonymous(db) -> Api:
    return Api(None)
