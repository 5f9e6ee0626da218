# SPDX-License-Identifier: EUPL-1.2
"""Production settings from the environment, and the administrator's screens."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib import admin

from tests.conftest import sign_in

PRODUCTION = {
    "ZORGVULDIG_DEVELOPMENT": "false",
    "DJANGO_SECRET_KEY": "x" * 64 + "production-secret-with-enough-entropy-1234567890",
    "ZORGVULDIG_MASTER_KEY": "m" * 48,
    "DJANGO_ALLOWED_HOSTS": "zorgvuldig.heuvelrug.nl",
}


def zorgvuldig(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "zorgvuldig", *args],
        env={k: v for k, v in {**os.environ, **env}.items() if k != "DJANGO_SETTINGS_MODULE"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_art3_2b_check_deploy_is_clean_with_production_settings(tmp_path):
    """Django's deploy checks, and those of django-axes, django-otp and django-csp: not even
    a warning."""
    result = zorgvuldig(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "ZORGVULDIG_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def production_settings(tmp_path, **env) -> dict[str, str]:
    """The settings production runs with (``zorgvuldig diffsettings``), by name."""
    result = zorgvuldig(
        "diffsettings", env={**PRODUCTION, "ZORGVULDIG_VAR_DIR": str(tmp_path), **env}
    )
    assert result.returncode == 0, result.stderr
    pairs = (line.removesuffix("  ###").split(" = ", 1) for line in result.stdout.splitlines())
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


def test_art3_2b_production_sends_cookies_only_over_https_and_ends_idle_sessions(tmp_path):
    found = production_settings(tmp_path)
    for name in ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT"):
        assert found[name] == "True", name
    assert found["SESSION_COOKIE_NAME"] == "'__Host-sessionid'"
    assert found["CSRF_COOKIE_NAME"] == "'__Host-csrftoken'"
    assert found["SECURE_HSTS_SECONDS"] == "31536000"
    assert found["SESSION_COOKIE_AGE"] == "900"  # 15 minutes without a request
    assert found["SESSION_SAVE_EVERY_REQUEST"] == "True"
    assert found["SESSION_EXPIRE_AT_BROWSER_CLOSE"] == "True"
    assert found["PASSWORD_HASHERS"].startswith("['django.contrib.auth.hashers.Argon2")
    assert "'frame-ancestors': [\"'none'\"]" in found["CONTENT_SECURITY_POLICY"]


def test_art3_2b_the_lockout_and_the_idle_time_come_from_the_environment(tmp_path):
    found = production_settings(
        tmp_path,
        ZORGVULDIG_LOGIN_FAILURE_LIMIT="3",
        ZORGVULDIG_LOGIN_COOLOFF_MINUTES="30",
        ZORGVULDIG_SESSION_IDLE_MINUTES="10",
    )
    assert found["AXES_FAILURE_LIMIT"] == "3"
    assert found["AXES_COOLOFF_TIME"] == "datetime.timedelta(seconds=1800)"
    assert found["SESSION_COOKIE_AGE"] == "600"


OIDC = {
    "ZORGVULDIG_OIDC_CLIENT_ID": "zorgvuldig",
    "ZORGVULDIG_OIDC_CLIENT_SECRET": "a-secret-the-provider-gave-0123456789",
    "ZORGVULDIG_OIDC_ISSUER": "https://login.heuvelrug.nl",
    "ZORGVULDIG_OIDC_AUTHORIZATION_ENDPOINT": "https://login.heuvelrug.nl/authorize",
    "ZORGVULDIG_OIDC_TOKEN_ENDPOINT": "https://login.heuvelrug.nl/token",
    "ZORGVULDIG_OIDC_USERINFO_ENDPOINT": "https://login.heuvelrug.nl/userinfo",
    "ZORGVULDIG_OIDC_JWKS_ENDPOINT": "https://login.heuvelrug.nl/jwks",
    "ZORGVULDIG_OIDC_PROVIDER_NAME": "Gemeente Utrechtse Heuvelrug",
}


def test_art3_2b_oidc_check_deploy_is_clean_with_the_identity_provider(tmp_path):
    env = {**PRODUCTION, **OIDC, "ZORGVULDIG_VAR_DIR": str(tmp_path)}
    result = zorgvuldig("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    found = production_settings(tmp_path, **OIDC)
    assert "'zorgvuldig.web.signin.oidc.EmployeeBackend'" in found["AUTHENTICATION_BACKENDS"]
    assert found["OIDC_USE_PKCE"] == "True"
    assert found["OIDC_CREATE_USER"] == "False"
    assert "EmployeeBackend" not in production_settings(tmp_path)["AUTHENTICATION_BACKENDS"]


def test_art3_2b_oidc_a_half_configured_or_plain_http_provider_refuses_to_start(tmp_path):
    env = {**PRODUCTION, **OIDC, "ZORGVULDIG_VAR_DIR": str(tmp_path)}
    result = zorgvuldig("check", env={**env, "ZORGVULDIG_OIDC_JWKS_ENDPOINT": ""})
    assert result.returncode != 0
    assert "set ZORGVULDIG_OIDC_JWKS_ENDPOINT too" in result.stderr
    plain = {**env, "ZORGVULDIG_OIDC_TOKEN_ENDPOINT": "http://login.heuvelrug.nl/token"}
    result = zorgvuldig("check", env=plain)
    assert result.returncode != 0
    assert "must use https" in result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "ZORGVULDIG_MASTER_KEY"])
def test_production_refuses_to_start_without_its_secrets(tmp_path, missing):
    env = {**PRODUCTION, "ZORGVULDIG_VAR_DIR": str(tmp_path), missing: ""}
    result = zorgvuldig("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_personal_data_is_not_in_the_admin():
    """Clients' data only passes the gate: no admin screen reads it around the gate."""
    labels = {model._meta.app_label for model in admin.site._registry}
    assert "partners" in labels
    assert not labels & {"clients", "dossier"}


@pytest.mark.django_db
def test_administrator_manages_partners(client, admin_user):
    admin_client = sign_in(client, admin_user)
    assert admin_client.get("/beheer/partners/partner/").status_code == 200
    assert admin_client.get("/beheer/partners/employee/").status_code == 200
    assert admin_client.get("/beheer/processing_log/processingactivity/").status_code == 200


@pytest.mark.django_db
def test_a_commitment_names_a_protocol_version_that_exists():
    import datetime

    from django.core.exceptions import ValidationError

    from zorgvuldig.partners.models import Partner, ProtocolCommitment

    partner = Partner.objects.create(name="Nieuw", kind="private")
    commitment = ProtocolCommitment(
        partner=partner, protocol_version="regio-2031", starts_on=datetime.date(2026, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        commitment.full_clean()
    assert "regio-utrecht-zuidoost-2015" in str(error.value)
    commitment.protocol_version = "regio-utrecht-zuidoost-avg-2018"
    commitment.full_clean()
