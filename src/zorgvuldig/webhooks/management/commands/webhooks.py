# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig webhooks resend``: a new attempt for notifications that stalled.

A notification whose delivery task was lost (its worker died while running it) is neither
delivered nor given up and sees no attempt any more. Run this now and then (e.g. hourly from
cron): it enqueues one attempt for each notification quiet for longer than the longest pause
between attempts, so that a waiting retry is not doubled.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zorgvuldig.webhooks.delivery import resend_stalled


class Command(BaseCommand):
    help = "Webhook notifications: give stalled ones a new attempt."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("resend", help="Enqueue an attempt for each stalled notification.")

    def handle(self, *args, action, **options):
        count = resend_stalled()
        self.stdout.write(f"{count} melding(en) opnieuw aangeboden.")
