# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig demo [--clients N]``: load the demo region of Utrechtse Heuvelrug."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from zorgvuldig.demo import authenticator, loader, region


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
            if username == region.DEMO_WITHOUT_APP:
                note += "  (stelt bij de eerste aanmelding zelf een app in)"
            self.stdout.write(f"  {username:<8} {first} {last}, {role}, {partner}{note}")
        self._second_factor()
        self._residents()

    def _residents(self) -> None:
        """Who signs in to their own view through the DigiD mock (decision 25)."""
        self.stdout.write(
            "\nDe eigen omgeving van een inwoner: /mijn/, inloggen met de DigiD-mock door het BSN"
            "\nte typen (fictieve BSN's):"
        )
        for bsn, name, represents in loader.residents():
            also = (
                f"  (wettelijk vertegenwoordiger van {represents}: ziet ook die omgeving, zolang"
                " art. 10 dat toelaat)"
            )
            self.stdout.write(f"  {bsn}  {name}{also if represents else ''}")

    def _second_factor(self) -> None:
        """How to get the code of the second step (art3.2b) for the demo logins."""
        secret = authenticator.secret()
        grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        self.stdout.write(
            "\nNa het wachtwoord vraagt zorgvuldig een code uit een authenticator-app. Voeg deze"
            f"\nsleutel één keer toe aan uw app; hij geldt voor alle demo-inlognamen behalve"
            f" {region.DEMO_WITHOUT_APP}:"
        )
        self.stdout.write(f"  sleutel:  {grouped}  (op tijd gebaseerd, 6 cijfers)")
        self.stdout.write(f"  of link:  {authenticator.otpauth_uri()}")
        self.stdout.write(f"  zonder app: oathtool --totp -b {secret}")
        self.stdout.write("  of scan deze QR-code met de app:")
        self.stdout.write(authenticator.qr_text())
