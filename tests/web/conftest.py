# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the page tests: a logged-in caseworker's browser, and static files served as
they are (the manifest of collectstatic is a deployment step, not a test step)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def plain_static_files(settings, tmp_path_factory):
    settings.STATIC_ROOT = tmp_path_factory.getbasetemp() / "static"
    settings.STATIC_ROOT.mkdir(exist_ok=True)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def web(client, caseworker):
    """The Django test client, logged in as ``caseworker`` (who acknowledged the protocol)."""
    client.force_login(caseworker.user)
    return client
