# SPDX-License-Identifier: EUPL-1.2
"""Production settings from the environment, and the administrator's screens."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib import admin

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


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = zorgvuldig(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "ZORGVULDIG_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
def test_administrator_manages_partners(admin_client):
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
