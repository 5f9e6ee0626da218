# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig log verify`` and ``zorgvuldig log anchor``: the processing log's hash chains.

Requirement: "``zorgvuldig log verify`` checks the chain and names the first record that was
altered, removed or inserted". ``verify`` exits with 0 when the log is intact and with 1,
naming the first problem, when it is not. ``anchor`` binds the heads of all chains in a new
anchor; run it periodically (cron, a scheduled task) and keep the printed hash elsewhere too.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from zorgvuldig.processing_log import chain
from zorgvuldig.processing_log.verify import VerifyReport, verify


class Command(BaseCommand):
    help = "Het verwerkingenlogboek controleren (verify) of verankeren (anchor)."
    # Verifying must work on any copy of the database, whatever else is configured.
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        check = actions.add_parser("verify", help="controleer alle ketens en ankers")
        check.add_argument(
            "--workers",
            type=int,
            default=1,
            help="aantal processen dat ketens parallel controleert",
        )
        check.add_argument("--no-progress", action="store_true", help="geen voortgangsregel")
        actions.add_parser("anchor", help="veranker de koppen van alle ketens")

    def handle(self, *args, action: str, **options):
        if action == "anchor":
            made = chain.anchor()
            self.stdout.write(
                f"Anker {made.id} gemaakt over {len(made.heads)} ketens: {made.anchor_hash}"
            )
            return
        show = options["verbosity"] > 0 and not options["no_progress"] and sys.stderr.isatty()
        report = verify(progress=self._progress if show else None, workers=options["workers"])
        if show:
            sys.stderr.write("\n")
        self._summary(report)
        if not report.ok:
            raise CommandError(
                f"Verwerkingenlogboek NIET intact: {report.problem.message}", returncode=1
            )

    def _summary(self, report: VerifyReport) -> None:
        self.stdout.write(
            f"{report.records} records in {report.chains} ketens en {report.anchors} ankers "
            f"gecontroleerd in {report.seconds:.2f} s ({report.records_per_second:,.0f} records/s)"
        )
        if not report.triggers_installed:
            self.stderr.write(
                "Let op: de triggers die wijzigen en verwijderen weigeren ontbreken "
                "(processing log triggers missing)."
            )
        for problem in report.problems[1:]:
            self.stderr.write(f"Ook: {problem.message}")
        if report.ok:
            self.stdout.write(self.style.SUCCESS("Verwerkingenlogboek intact."))

    @staticmethod
    def _progress(done: int, expected: int) -> None:
        share = f" ({done / expected:.0%})" if expected else ""
        sys.stderr.write(f"\r{done:,} / {expected:,} records{share}")
        sys.stderr.flush()
