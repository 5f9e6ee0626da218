# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig retention``: retention and destruction (art5.2).

- ``plan``: per partner, domain, rule and year in which the support ended, how many dossiers
  may be destroyed by the day (default: today), as a table or as CSV (``--csv``), never a name:
  the destruction list a partner draws from it names its clients.
- ``run``: carries out every approved destruction list whose cooling-off has passed, and goes
  on with a run that was broken off (``--list N`` for one list). Run it daily from cron: it is
  the scheduled task. Killed halfway, it is simply started again.
- ``reapply``: after a restore from backup, destroys again what the ledger says was destroyed.
- ``statistics``: the anonymised counts kept of what was destroyed, as CSV, with every cell of
  fewer people than the version's threshold suppressed, and what would reveal it.

It lives with the pages, beside the other commands that call the gate's services.
"""

from __future__ import annotations

import csv
import datetime

from django.core.management.base import BaseCommand, CommandError

from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import services
from zorgvuldig.gate.guard import guarded
from zorgvuldig.retention.suppression import TOTAL
from zorgvuldig.web.management.arguments import day

COLUMNS = ("partner", "domein", "regel", "jaar", "dossiers")


class Command(BaseCommand):
    help = "Bewaren en vernietigen (art. 5 lid 2): plan, run en reapply."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        plan = actions.add_parser("plan", help="wat op een dag vernietigd mag worden, geteld")
        plan.add_argument("--by", type=day, default=None, help="de dag (standaard: vandaag)")
        plan.add_argument(
            "--csv", dest="as_csv", action="store_true", help="als CSV (met kopregel)"
        )
        run = actions.add_parser("run", help="voer goedgekeurde vernietigingslijsten uit")
        run.add_argument("--list", dest="number", type=int, help="alleen de lijst met dit nummer")
        actions.add_parser("reapply", help="vernietig opnieuw wat een terugzetting terugbracht")
        actions.add_parser(
            "statistics", help="de geanonimiseerde aantallen van wat is vernietigd, als CSV"
        )

    def handle(self, *args, action: str, **options):
        {
            "plan": self._plan,
            "run": self._run,
            "reapply": self._reapply,
            "statistics": self._statistics,
        }[action](**options)

    def _statistics(self, **options):
        """Every cell and total per category; a suppressed one says so, without its count."""
        with guarded():
            tables = services.anonymised_statistics()
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(("categorie", "domein", "jaar", "leeftijd", "gemeente", "afloop", "aantal"))
        for category, table in tables.items():
            for entry in (*table.cells.values(), *table.totals.values()):
                shown = ["totaal" if v is TOTAL else v for v in entry.key]
                writer.writerow(
                    (category, *shown, "onderdrukt" if entry.suppressed else entry.count)
                )

    def _reapply(self, **options):
        with guarded():
            again = services.reapply_destruction()
        self.stdout.write(f"{again} teruggezet(te) dossier(s) opnieuw vernietigd.")

    def _run(self, number=None, **options):
        with guarded():
            try:
                done = services.run_destruction_lists(number=number, progress=self._progress)
            except (InvalidInput, NotFound) as error:
                raise CommandError(str(error)) from None
        for found in done:
            self.stdout.write(
                f"Lijst {found.number}: {found.destroyed} vernietigd, {found.kept} niet "
                f"vernietigd ({found.partner})."
            )
        if not done:
            self.stdout.write("Geen goedgekeurde lijst om uit te voeren.")

    def _progress(self, done: int, total: int) -> None:
        filled = round(30 * done / total) if total else 30
        self.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", ending="")
        if done == total:
            self.stderr.write("")

    def _plan(self, by=None, as_csv: bool = False, **options):
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
