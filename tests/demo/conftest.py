# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the demo tests: fast password hashes, and the region loaded once per module."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# The demo creates a dozen logins; the production hasher would spend most of the test on them.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_password_hashes(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(scope="module")
def demo_region(django_db_setup, django_db_blocker):
    """``zorgvuldig demo`` run once for a module of read-only tests, in a transaction that is
    rolled back after them (each test runs in a savepoint inside it)."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS),
        transaction.atomic(),
    ):
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
