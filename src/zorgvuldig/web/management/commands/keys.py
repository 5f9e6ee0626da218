# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig keys rotate``: after a new master key is set, move everything onto it.

Set the new key in ``ZORGVULDIG_MASTER_KEY`` and put the old one first in
``ZORGVULDIG_PREVIOUS_MASTER_KEYS``, restart, then run this while the service runs: it
rewraps the data keys and re-seals what an old master key still seals, in batches. Run again,
it does nothing. Keep the old key among the previous ones: the processing log's chain and the
BSN index of older records still need it to verify and to find (decision 0016).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zorgvuldig.gate import services
from zorgvuldig.gate.guard import guarded


class Command(BaseCommand):
    help = "Sleutels (art. 3 lid 2b): alles naar de huidige hoofdsleutel (rotate)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        rotate = actions.add_parser("rotate", help="herverpak sleutels en versleutel opnieuw")
        rotate.add_argument("--batch", type=int, default=500, help="rijen per transactie")

    def handle(self, *args, action: str, batch: int, **options):
        with guarded():
            rotated = services.rotate_keys(batch)
        self.stdout.write(
            f"{rotated.keys} sleutels opnieuw verpakt, {rotated.values} rijen opnieuw versleuteld"
        )
