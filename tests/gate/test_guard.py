# SPDX-License-Identifier: EUPL-1.2
"""The one gate is a checked rule: personal data outside it fails (decision 0001)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.apps import apps

from zorgvuldig.core.errors import GateBypassed
from zorgvuldig.gate.context import gate_open
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
    """import-linter: only the gate imports the personal-data models; the rules are pure; the
    packages keep their layers; the domain apps are independent; the gate's kernel does not
    import its services."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken." in result.stdout


def test_the_independent_domain_apps_are_the_domain_layer():
    """The independence contract and the layers contract name the same domain apps, so a new app
    placed in the domain layer is independent of the others too."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    contracts = {contract["type"]: contract for contract in config["contracts"]}
    domain_layer = contracts["layers"]["layers"][-3]
    assert {name.strip() for name in domain_layer.split(":")} == {
        module.removeprefix("zorgvuldig.") for module in contracts["independence"]["modules"]
    }
