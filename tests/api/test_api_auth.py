# SPDX-License-Identifier: EUPL-1.2
"""Authentication by per-application API tokens, stored hashed, bound to a partner and an
employee or a service identity; and the ``zorgvuldig token`` command."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.apiclient import Api, as_employee, problem
from tests.conftest import make_employee, make_partner
from zorgvuldig.api import API_VERSION
from zorgvuldig.api.models import ApiToken, hash_token
from zorgvuldig.api.scopes import SCOPES

pytestmark = pytest.mark.django_db


def unauthenticated(response):
    body = problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response["API-Version"] == API_VERSION
    return body


def test_no_token_is_401_problem(anonymous):
    unauthenticated(anonymous.get("/partners"))


def test_wrong_token_is_401_problem(api):
    unauthenticated(Api("zv_not-a-token").get("/partners"))
    unauthenticated(Api("something-else").get("/partners"))
    unauthenticated(api.get("/partners", headers={"Authorization": f"Basic {api.token}"}))


def test_revoked_token_is_401_problem(api):
    assert api.get("/partners").status_code == 200
    ApiToken.objects.update(revoked_at=timezone.now())
    unauthenticated(api.get("/partners"))


def test_token_of_an_inactive_employee_is_401(api, caseworker):
    caseworker.is_active = False
    caseworker.save()
    unauthenticated(api.get("/partners"))


def test_token_is_stored_only_as_its_hash_and_records_its_use(caseworker):
    record, token = ApiToken.issue(
        name="app", partner=caseworker.partner, employee=caseworker, scopes=["all"]
    )
    assert record.token_hash == hash_token(token) and token not in record.token_hash
    assert record.last_used_at is None
    assert Api(token).get("/partners").status_code == 200
    record.refresh_from_db()
    assert record.last_used_at is not None


def test_service_token_reads_partners_but_the_protocol_refuses_it_personal_data(
    partner, client_dossier
):
    _, token = ApiToken.issue(name="koppeling", partner=partner, service="sync", scopes=["all"])
    service = Api(token)
    assert service.get("/partners").status_code == 200
    body = problem(
        service.get(
            f"/clients/{client_dossier.id}",
            {"purpose": "support-provision", "legalBasis": "jeugdwet"},
        ),
        403,
    )
    assert "art3.2c" in body["articles"]


def test_token_command_creates_an_employee_token_and_prints_it_once(caseworker):
    out = io.StringIO()
    call_command(
        "token",
        "create",
        "--employee",
        "anna",
        "--name",
        "Regie-app",
        "--scope",
        "all",
        stdout=out,
        stderr=io.StringIO(),
    )
    token = out.getvalue().strip()
    assert token.startswith("zv_")
    record = ApiToken.objects.get(token_hash=hash_token(token))
    assert (record.name, record.employee) == ("Regie-app", caseworker)
    assert record.partner == caseworker.partner
    assert Api(token).get("/partners").status_code == 200


def test_token_command_creates_a_service_token(partner):
    out = io.StringIO()
    call_command(
        "token",
        "create",
        "--partner",
        partner.name,
        "--service",
        "sync",
        "--scope",
        "webhooks:write",
        "--scope",
        "webhooks:read",
        stdout=out,
        stderr=io.StringIO(),
    )
    record = ApiToken.objects.get(token_hash=hash_token(out.getvalue().strip()))
    assert (record.service, record.employee, record.partner) == ("sync", None, partner)
    assert record.scopes == ["webhooks:read", "webhooks:write"]


def test_token_command_refuses_an_employee_of_another_partner(caseworker):
    other = make_partner("Thuiszorg Elders")
    with pytest.raises(CommandError, match="not for Thuiszorg Elders"):
        call_command(
            "token",
            "create",
            "--employee",
            "anna",
            "--partner",
            other.name,
            "--name",
            "x",
            "--scope",
            "all",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert not ApiToken.objects.exists()


def test_token_command_refuses_an_unknown_partner_or_employee(db):
    with pytest.raises(CommandError, match="Unknown partner"):
        call_command(
            "token",
            "create",
            "--partner",
            "Nergens",
            "--service",
            "sync",
            "--scope",
            "all",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    with pytest.raises(CommandError, match="Unknown employee"):
        call_command(
            "token",
            "create",
            "--employee",
            "nobody",
            "--scope",
            "all",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert not ApiToken.objects.exists()


def test_token_command_revokes(caseworker):
    api = as_employee(caseworker)
    record = ApiToken.objects.get()
    out = io.StringIO()
    call_command("token", "list", stdout=out)
    assert str(record.id) in out.getvalue() and api.token not in out.getvalue()
    call_command("token", "revoke", str(record.id), stdout=io.StringIO())
    unauthenticated(api.get("/partners"))


def test_token_acts_only_for_an_employee_of_its_own_partner(caseworker):
    other = make_partner("Thuiszorg Elders")
    moved = make_employee(other, "bram")
    _, token = ApiToken.issue(name="x", partner=caseworker.partner, employee=moved, scopes=["all"])
    unauthenticated(Api(token).get("/partners"))


def test_art3_2b_a_token_with_a_scope_that_does_not_exist_is_refused_and_nothing_is_made(
    caseworker,
):
    for scopes, message in (
        (["clients:admin"], "Onbekende scope"),
        ([], "ten minste één scope"),
    ):
        args = [f"--scope={s}" for s in scopes]
        with pytest.raises(CommandError, match=message):
            call_command(
                "token",
                "create",
                "--employee",
                "anna",
                *args,
                stdout=io.StringIO(),
                stderr=io.StringIO(),
            )
    with pytest.raises(CommandError, match="1 tot 730 dagen"):
        call_command(
            "token",
            "create",
            "--employee",
            "anna",
            "--scope=all",
            "--days=0",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    with pytest.raises(ValueError, match="clients:read"):  # it names the scopes there are
        ApiToken.issue(name="x", partner=caseworker.partner, employee=caseworker, scopes=["x"])
    assert not ApiToken.objects.exists()


def test_art3_2b_a_token_reaches_only_what_its_scopes_name(caseworker, client_dossier):
    _, token = ApiToken.issue(
        name="lezer", partner=caseworker.partner, employee=caseworker, scopes=["clients:read"]
    )
    reader = Api(token)
    assert (
        reader.get(f"/clients/{client_dossier.id}", {"purpose": "support-provision"}).status_code
        == 200
    )
    for response, needed in (
        (
            reader.post("/clients/search", {"purpose": "support-provision", "name": "Vries"}),
            "clients:write",
        ),
        (reader.get("/partners"), "partners:read"),
    ):
        body = problem(response, 403)
        assert needed in body["detail"] and "clients:read" in body["detail"]
        assert "articles" not in body  # refused by the token, before the protocol was asked


def test_art3_2b_an_expired_token_gives_no_access(caseworker):
    record, token = ApiToken.issue(
        name="oud", partner=caseworker.partner, employee=caseworker, scopes=["all"], days=1
    )
    assert Api(token).get("/partners").status_code == 200
    ApiToken.objects.filter(pk=record.pk).update(expires_at=timezone.now())
    unauthenticated(Api(token).get("/partners"))


def test_art3_2b_a_token_is_rate_limited(caseworker, monkeypatch):
    from zorgvuldig.api.urls import api as ninja_api

    (throttle,) = ninja_api.throttle
    monkeypatch.setattr(throttle, "num_requests", 3)
    client = as_employee(caseworker)
    assert [client.get("/partners").status_code for _ in range(3)] == [200, 200, 200]
    limited = client.get("/partners")
    body = problem(limited, 429)
    assert int(limited["Retry-After"]) > 0 and body["title"] == "Te veel verzoeken"
    other = as_employee(make_employee(caseworker.partner, "bram"))  # per token
    assert other.get("/partners").status_code == 200


def test_art3_2b_the_openapi_document_names_the_scope_of_every_operation(anonymous):
    document = anonymous.get("/openapi.json").json()
    secured = [
        (method, operation)
        for methods in document["paths"].values()
        for method, operation in methods.items()
        if operation.get("security")
    ]
    assert len(secured) > 80
    for method, operation in secured:
        ((scheme, (scope,)),) = operation["security"][0].items()
        assert scheme == "ApiTokenAuth" and scope in SCOPES, operation["operationId"]
        assert scope.endswith(":read") == (method == "get"), operation["operationId"]
        assert "429" in operation["responses"]
