# SPDX-License-Identifier: EUPL-1.2
"""The one gate is a checked rule: personal data outside it fails (decision 0001)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

from zorgvuldig.gate.context import gate_open
from zorgvuldig.gate.errors import GateBypassed
from zorgvuldig.gate.guard import guarded

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    [
        "clients.Subject",
        "clients.Client",
        "dossier.DataItem",
        "dossier.DataItemVersion",
        "dossier.Annotation",
    ],
)
def test_query_on_personal_data_outside_the_gate_fails(model):
    manager = apps.get_model(model).objects
    with guarded(), pytest.raises(GateBypassed):
        list(manager.all())
    with guarded(), gate_open():
        assert list(manager.all()) == []


@pytest.mark.django_db
def test_other_tables_pass_the_guard():
    with guarded():
        assert list(apps.get_model("partners.Partner").objects.all()) == []


@pytest.mark.django_db
def test_a_web_request_that_bypasses_the_gate_fails(client, settings):
    from django.urls import path

    def bypass(request):
        from django.http import HttpResponse

        return HttpResponse(str(apps.get_model("clients.Subject").objects.count()))

    module = type(sys)("bypass_urls")
    module.urlpatterns = [path("bypass", bypass)]
    sys.modules["bypass_urls"] = module
    settings.ROOT_URLCONF = "bypass_urls"
    with pytest.raises(GateBypassed):
        client.get("/bypass")


def test_import_contracts_hold():
    """import-linter: only the gate imports the personal-data models; the rules are pure."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout
