# SPDX-License-Identifier: EUPL-1.2
"""The ``zorgvuldig`` command: Django's management commands with the project's settings.

``zorgvuldig demo``, ``zorgvuldig log verify``, ``zorgvuldig migrate``, ``zorgvuldig serve`` ...
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgvuldig.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["zorgvuldig", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
