# SPDX-License-Identifier: EUPL-1.2
"""The arguments the management commands share: a day (``JJJJ-MM-DD``) and the ``remind``
action of the daily reminders (``zorgvuldig rights remind``, ``zorgvuldig emergency
remind``)."""

from __future__ import annotations

import datetime

from django.core.management.base import CommandError


def day(value: str) -> datetime.date:
    """A day as the command line gives it (ISO, ``JJJJ-MM-DD``); else the command fails."""
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Geen datum (JJJJ-MM-DD): {value}") from None


def remind_action(parser, help: str) -> None:
    """The one action of a reminders command, ``remind [--day JJJJ-MM-DD]`` (default:
    today), with ``help`` what it reminds of."""
    actions = parser.add_subparsers(dest="action", required=True)
    remind = actions.add_parser("remind", help=help)
    remind.add_argument(
        "--day",
        type=day,
        default=None,
        help="de dag van de herinneringen (standaard: vandaag)",
    )
