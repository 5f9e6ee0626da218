# SPDX-License-Identifier: EUPL-1.2
"""A run-time check of the one gate: queries on personal-data tables outside it fail.

The import-linter contracts in ``pyproject.toml`` keep other modules from importing the
personal-data models; this guard also catches a bypass that imports nothing (a raw query,
``apps.get_model``). It is active for every web and API request (middleware) and in the
commands that load or process data.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import connections

from zorgvuldig.core.errors import GateBypassed
from zorgvuldig.gate.context import inside_gate

# Tables of the apps that hold personal data, as they appear (quoted) in SQL.
PERSONAL_TABLE_PREFIXES = (
    '"clients_',
    '"dossier_',
    '"consent_',
    '"exchange_',
    '"rights_',
    '"incidents_',  # an incident names the clients it affected (art3.2f)
)


def _guard(execute, sql, params, many, context):
    if not inside_gate() and any(prefix in sql for prefix in PERSONAL_TABLE_PREFIXES):
        raise GateBypassed(
            "Personal data may only be processed through zorgvuldig.gate (the one gate): "
            + sql[:120]
        )
    return execute(sql, params, many, context)


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Refuse personal-data queries outside the gate on every database connection."""
    with contextlib.ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(_guard))
        yield


class GateGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with guarded():
            return self.get_response(request)
