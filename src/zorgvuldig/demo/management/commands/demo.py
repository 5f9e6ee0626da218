# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig demo [--clients N]``: load the demo region of Utrechtse Heuvelrug."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from zorgvuldig.demo import loader, region


class Command(BaseCommand):
    help = (
        "Laad de demoregio Utrechtse Heuvelrug (fictieve cliënten); nogmaals laden verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--clients",
            type=int,
            default=0,
            help="Zorg voor zoveel gegenereerde cliënten extra (voor benchmarks).",
        )

    def handle(self, *args, clients: int, **options):
        if clients < 0:
            raise CommandError("--clients moet 0 of groter zijn.")
        step = max(clients // 20, 1)

        def progress(done: int) -> None:
            if done % step == 0 or done == clients:
                self.stdout.write(f"  {done}/{clients} gegenereerde cliënten")

        before, after = loader.load(clients, progress)
        if before == after:
            self.stdout.write("Demoregio was al geladen; niets veranderd.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Demoregio geladen: {after} cliënten."))
        self.stdout.write(f"\nDemo-inlognamen (wachtwoord voor allen: {region.DEMO_PASSWORD}):")
        for username, first, last, partner, role, acknowledged in region.EMPLOYEES:
            note = "" if acknowledged else "  (heeft het protocol nog niet bevestigd)"
            self.stdout.write(f"  {username:<8} {first} {last}, {role}, {partner}{note}")
