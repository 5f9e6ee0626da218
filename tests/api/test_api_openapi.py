# SPDX-License-Identifier: EUPL-1.2
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


def lint(*documents: Path, **env: str) -> subprocess.CompletedProcess:
    """bin/lint-openapi as `make test` runs it: the API's document, or ``documents`` as they are."""
    return subprocess.run(
        [str(ROOT / "bin/lint-openapi"), *map(str, documents)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **env},
    )


def test_document_passes_the_api_design_rules_linter(tmp_path):
    """`make test` installs the linter (npm ci) before the tests; the rules are the project's
    own, api-design-rules/ruleset.yaml."""
    result = lint(ZORGVULDIG_OPENAPI_FILE=str(tmp_path / "openapi.json"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_takes_another_ruleset_from_the_environment(tmp_path):
    ruleset = tmp_path / "elsewhere.yaml"
    result = lint(ZORGVULDIG_ADR_LINTER=str(ruleset))
    assert result.returncode == 2
    assert f"ruleset not found at {ruleset}" in result.stderr

    ruleset.write_text(
        "rules:\n  no-openapi-at-all:\n    severity: error\n    given: $\n"
        "    then:\n      field: openapi\n      function: falsy\n"
    )
    document = tmp_path / "openapi.json"
    result = lint(ZORGVULDIG_ADR_LINTER=str(ruleset), ZORGVULDIG_OPENAPI_FILE=str(document))
    assert result.returncode == 1
    assert "no-openapi-at-all" in result.stdout


# Documents broken in one way each, and the rule of the API Design Rules that must reject them.


def _responses(document):
    for _path, _method, operation in operations(document):
        yield from operation["responses"].items()


def _first_ok(document):
    return next(response for status, response in _responses(document) if status == "200")


def _first_error(document):
    return next(response for status, response in _responses(document) if status[0] == "4")


def _query_parameters(document):
    for _path, _method, operation in operations(document):
        yield from (p for p in operation.get("parameters", []) if p["in"] == "query")


def _first_query_key(document):
    """The first query parameter whose name has a capital, in every operation that has it."""
    name = next(p["name"] for p in _query_parameters(document) if p["name"] != p["name"].lower())
    return name, [p for p in _query_parameters(document) if p["name"] == name]


def _date_field(document):
    return next(
        spec
        for schema in document["components"]["schemas"].values()
        for field, spec in schema.get("properties", {}).items()
        if field.endswith("Date") and spec.get("format") == "date"
    )


def _rename_path(document, old, new):
    paths = document["paths"]
    document["paths"] = {new if path == old else path: item for path, item in paths.items()}


def trailing_slash(document):
    path = next(iter(document["paths"]))
    _rename_path(document, path, path + "/")


def no_version_header(document):
    del _first_ok(document)["headers"]["API-Version"]


def no_headers(document):
    del _first_ok(document)["headers"]


def snake_case_query_key(document):
    name, parameters = _first_query_key(document)
    for parameter in parameters:
        parameter["name"] = re.sub(r"[A-Z]", lambda m: "_" + m[0].lower(), name)


def camel_case_path_segment(document):
    path = next(p for p in document["paths"] if "-" in p)
    _rename_path(document, path, re.sub(r"-([a-z])", lambda m: m[1].upper(), path))


def trace_operation(document):
    methods = next(iter(document["paths"].values()))
    operation = next(iter(methods.values()))
    methods["trace"] = {**operation, "operationId": "trace" + operation["operationId"]}


def swagger_2(document):
    document["openapi"] = "2.0"


def no_openapi_version(document):
    del document["openapi"]


def contact_without_url(document):
    del document["info"]["contact"]["url"]


def server_without_major_version(document):
    document["servers"][0]["url"] = "/api"


def version_not_semver(document):
    document["info"]["version"] = "1.0"


def plain_http_server(document):
    document["servers"][0]["url"] = "http://zorgvuldig.example/api/v1"


def error_as_plain_json(document):
    content = _first_error(document)["content"]
    content["application/json"] = content.pop("application/problem+json")


def problem_without_detail(document):
    del document["components"]["schemas"]["Problem"]["properties"]["detail"]


def post_without_400(document):
    operation = next(o for _, method, o in operations(document) if method == "post")
    del operation["responses"]["400"]


def local_date_time(document):
    properties = document["components"]["schemas"]["Problem"]["properties"]
    properties["occurredAt"] = {"type": "string", "format": "date-time-local"}


def date_with_a_time(document):
    _date_field(document)["format"] = "date-time"


def date_without_format(document):
    del _date_field(document)["format"]


def snake_case_schema_name(document):
    reference = '"#/components/schemas/'
    text = json.dumps(document).replace(reference + 'Problem"', reference + 'problem_details"')
    document.clear()
    document.update(json.loads(text))
    schemas = document["components"]["schemas"]
    schemas["problem_details"] = schemas.pop("Problem")


def snake_case_property(document):
    document["components"]["schemas"]["Problem"]["properties"]["invalid_params"] = {"type": "array"}


BROKEN = [
    ("/core/no-trailing-slash", trailing_slash),
    ("/core/version-header", no_version_header),
    ("/core/version-header", no_headers),
    ("/core/query-keys-camel-case", snake_case_query_key),
    ("/core/path-segments-kebab-case", camel_case_path_segment),
    ("/core/http-methods", trace_operation),
    ("/core/doc-openapi", swagger_2),
    ("/core/doc-openapi", no_openapi_version),
    ("/core/doc-openapi-contact", contact_without_url),
    ("/core/uri-version", server_without_major_version),
    ("/core/semver", version_not_semver),
    ("/core/transport/tls", plain_http_server),
    ("/core/error-handling/problem-details", error_as_plain_json),
    ("/core/error-handling/problem-details", problem_without_detail),
    ("/core/error-handling/invalid-input", post_without_400),
    ("/core/date-time/timezone", local_date_time),
    ("/core/date-time/date-omit-time-portion", date_with_a_time),
    ("/core/date-time/date-omit-time-portion", date_without_format),
    ("zorgvuldig:schema-names-upper-camel-case", snake_case_schema_name),
    ("zorgvuldig:property-names-lower-camel-case", snake_case_property),
]
FINDING = re.compile(r"^\s*\d+:\d+\s+error\s+(\S+)\s")


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    """Every broken document linted in one run of bin/lint-openapi: the rules with an error,
    by the name of the breakage."""
    directory = tmp_path_factory.mktemp("broken").resolve()
    served = directory / "openapi.json"
    call_command("openapi", output=str(served))
    files = {}
    for _rule, breakage in BROKEN:
        document = json.loads(served.read_text())
        breakage(document)
        files[str(directory / f"{breakage.__name__}.json")] = breakage.__name__
        (directory / f"{breakage.__name__}.json").write_text(json.dumps(document))
    result = lint(*map(Path, files))
    assert result.returncode == 1, result.stdout + result.stderr
    found: dict[str, set[str]] = {name: set() for name in files.values()}
    current = None
    for line in result.stdout.splitlines():
        if line.strip() in files:
            current = files[line.strip()]
        elif (match := FINDING.match(line)) and current is not None:
            found[current].add(match[1])
    return found, result.stdout


@pytest.mark.parametrize(
    ("rule", "breakage"), [pytest.param(r, b, id=b.__name__) for r, b in BROKEN]
)
def test_a_document_that_breaks_a_design_rule_fails_the_linter_on_that_rule(
    findings, rule, breakage
):
    found, output = findings
    assert rule in found[breakage.__name__], output
