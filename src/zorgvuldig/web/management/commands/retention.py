# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig retention plan``: what becomes due for destruction by a day (art5.2).

Prints, per partner, domain, rule and year in which the support ended, how many dossiers may
be destroyed by the day (default: today), as a table or as CSV (``--csv``), never a name: the
destruction list a partner draws from it names its clients. It lives with the pages, beside
the other commands that call the gate's services.
"""

from __future__ import annotations

import csv
import datetime

from django.core.management.base import BaseCommand, CommandError

from zorgvuldig.gate import services
from zorgvuldig.gate.guard import guarded

COLUMNS = ("partner", "domein", "regel", "jaar", "dossiers")


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Geen datum (JJJJ-MM-DD): {value}") from None


class Command(BaseCommand):
    help = "Bewaren en vernietigen (art. 5 lid 2): wat wordt vernietigd (plan)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        plan = actions.add_parser("plan", help="wat op een dag vernietigd mag worden, geteld")
        plan.add_argument("--by", type=_day, default=None, help="de dag (standaard: vandaag)")
        plan.add_argument(
            "--csv", dest="as_csv", action="store_true", help="als CSV (met kopregel)"
        )

    def handle(self, *args, action: str, by=None, as_csv: bool = False, **options):
        by = by or datetime.date.today()
        with guarded():
            rows = services.retention_plan(by)
        if as_csv:
            self._csv(rows)
            return
        self.stdout.write(
            f"Te vernietigen op {by.isoformat()}: {sum(r.dossiers for r in rows)} dossier(s)"
        )
        for r in rows:
            self.stdout.write(
                f"  {r.partner} | {r.domain or '-'} | {r.rule} | {r.period} | {r.dossiers}"
            )

    def _csv(self, rows) -> None:
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow((row.partner, row.domain, row.rule, row.period, row.dossiers))
