# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig openapi``: write the OpenAPI document of /api/v1 (for the ADR linter in CI)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from ninja.responses import NinjaJSONEncoder


class Command(BaseCommand):
    help = "Write the OpenAPI document of the API (/api/v1/openapi.json) to a file or stdout."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; default: standard output")

    def handle(self, *args, output=None, **options):
        from zorgvuldig.api.urls import api

        document = (
            json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder, indent=2, ensure_ascii=False)
            + "\n"
        )
        if output:
            Path(output).write_text(document, encoding="utf-8")
            self.stderr.write(f"OpenAPI document written to {output}")
        else:
            self.stdout.write(document, ending="")
