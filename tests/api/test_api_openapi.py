"""The OpenAPI document and the rules of the Dutch API Design Rules it must follow."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from zorgvuldig.api import API_VERSION

ROOT = Path(__file__).resolve().parents[2]
KEBAB_SEGMENT = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*|\{[a-z][a-zA-Z0-9]*\})$")
CAMEL = re.compile(r"^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$")


@pytest.fixture
def document(anonymous):
    response = anonymous.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_openapi_document_is_served_without_authentication(anonymous):
    response = anonymous.get("/openapi.json")
    assert response.status_code == 200
    assert response["API-Version"] == API_VERSION
    assert response.json()["openapi"].startswith("3.")


def test_docs_page_is_served_without_authentication(anonymous):
    response = anonymous.get("/docs")
    assert response.status_code == 200
    assert response["API-Version"] == API_VERSION
    assert b"openapi.json" in response.content


def test_server_url_has_the_major_version_and_paths_are_relative_to_it(document):
    assert [s["url"] for s in document["servers"]] == ["/api/v1"]
    assert not any(path.startswith("/api") for path in document["paths"])
    assert document["info"]["version"] == API_VERSION
    assert set(document["info"]["contact"]) >= {"name", "email", "url"}


def test_paths_are_kebab_case_without_trailing_slash(document):
    for path in document["paths"]:
        assert not path.endswith("/"), path
        assert all(KEBAB_SEGMENT.match(segment) for segment in path.strip("/").split("/")), path


def test_no_bsn_in_any_uri_and_query_keys_are_camel_case(document):
    for path, _method, operation in operations(document):
        assert "bsn" not in path.lower()
        for parameter in operation.get("parameters", []):
            assert "bsn" not in parameter["name"].lower(), (path, parameter)
            if parameter["in"] == "query":
                assert CAMEL.match(parameter["name"]), parameter["name"]


def test_every_operation_documents_version_header_and_problem_responses(document):
    ids = []
    for path, method, operation in operations(document):
        ids.append(operation["operationId"])
        responses = operation["responses"]
        assert "400" in responses, (path, method)
        for status, response in responses.items():
            if status[0] in "23":
                assert "API-Version" in response["headers"]
            if status[0] in "45":
                assert list(response["content"]) == ["application/problem+json"]
        if operation.get("security"):
            assert "401" in responses
        if "{" in path:
            assert "404" in responses
    assert len(ids) == len(set(ids))
    problem = document["components"]["schemas"]["Problem"]
    assert set(problem["required"]) >= {"status", "title", "detail"}


def test_date_fields_have_format_date(document):
    for name, schema in document["components"]["schemas"].items():
        for field, spec in schema.get("properties", {}).items():
            if field.endswith(("Date", "On")):
                formats = {spec.get("format")} | {s.get("format") for s in spec.get("anyOf", [])}
                assert "date" in formats, (name, field)


def test_openapi_command_writes_the_served_document(document, tmp_path):
    target = tmp_path / "openapi.json"
    call_command("openapi", output=str(target))
    assert json.loads(target.read_text()) == document


def test_document_passes_the_api_design_rules_linter(tmp_path):
    """`make test` installs the linter (npm ci) before the tests; ../shared holds its rules."""
    env = {**os.environ, "ZORGVULDIG_OPENAPI_FILE": str(tmp_path / "openapi.json")}
    result = subprocess.run(
        [str(ROOT / "bin/lint-openapi")], cwd=ROOT, capture_output=True, text=True, timeout=300,
        check=False, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
