# SPDX-License-Identifier: EUPL-1.2
"""The API against its own OpenAPI document, with generated requests (schemathesis).

Every operation of ``/api/v1/openapi.json`` gets requests generated from its parameters and
bodies (valid and invalid), sent in-process to the WSGI application: once with a valid token
of a caseworker (whose client it knows), once without a token. No answer may be a server error
(500 or above), and every answer must be one the document states, with its media type, its
headers and a body that matches its schema. Schemathesis adds the cases of its coverage phase
(edges of every parameter) to the examples hypothesis generates: about 9,000 cases per run.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tests.apiclient import token_for
from zorgvuldig.api import API_VERSION

WITH_TOKEN, WITHOUT = 12, 3  # generated examples per operation, beside the coverage cases
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.response_schema_conformance,
]


# the document is read from the application itself, as a client would (no database needed)
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), headers={"Host": "127.0.0.1"}
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go straight to the WSGI handler, whose end of request would close the test's
    database connection (on PostgreSQL: the transaction the test runs in); Django's own test
    client disconnects the same signal."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _headers(token: str | None) -> dict:
    headers = {"Host": "127.0.0.1", "API-Version": API_VERSION}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


@schema.parametrize()
@settings(
    max_examples=WITH_TOKEN,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.django_db
def test_every_operation_answers_as_documented_with_a_token(case, caseworker, client_dossier):
    case.call_and_validate(headers=_headers(token_for(caseworker)), checks=CHECKS)


@schema.parametrize()
@settings(
    max_examples=WITHOUT,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.django_db
def test_every_operation_answers_as_documented_without_a_token(case):
    case.call_and_validate(headers=_headers(None), checks=CHECKS)
