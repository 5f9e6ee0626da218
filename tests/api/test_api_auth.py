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
    record, token = ApiToken.issue(name="app", partner=caseworker.partner, employee=caseworker)
    assert record.token_hash == hash_token(token) and token not in record.token_hash
    assert record.last_used_at is None
    assert Api(token).get("/partners").status_code == 200
    record.refresh_from_db()
    assert record.last_used_at is not None


def test_service_token_reads_partners_but_the_protocol_refuses_it_personal_data(
    partner, client_dossier
):
    _, token = ApiToken.issue(name="koppeling", partner=partner, service="sync")
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
        stdout=out,
        stderr=io.StringIO(),
    )
    record = ApiToken.objects.get(token_hash=hash_token(out.getvalue().strip()))
    assert (record.service, record.employee, record.partner) == ("sync", None, partner)


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
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    with pytest.raises(CommandError, match="Unknown employee"):
        call_command(
            "token", "create", "--employee", "nobody", stdout=io.StringIO(), stderr=io.StringIO()
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
    _, token = ApiToken.issue(name="x", partner=caseworker.partner, employee=moved)
    unauthenticated(Api(token).get("/partners"))
