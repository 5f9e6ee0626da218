# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig emergency remind``: the day's reminders about uses of the glass to review
(art3.2c; decision 23).

Run it once a day from cron (e.g. at 07:00). It records a reminder for each privacy officer of
the partner about every use of the glass not yet reviewed whose review is overdue or due
within a day, and for the employee who broke the glass about each of theirs that is overdue
(it blocks them from breaking it again), and enqueues their e-mail for the task worker
(``zorgvuldig db_worker``); running it again on the same day sends nothing twice. It prints
counts and the references of uses no privacy officer could be e-mailed about, never personal
data. It lives with the pages because its e-mails link to them.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zorgvuldig.gate import services
from zorgvuldig.gate.guard import guarded
from zorgvuldig.web.management.arguments import remind_action


class Command(BaseCommand):
    help = "Noodtoegang: herinneringen aan beoordelingen die (bijna) te laat zijn (remind)."

    def add_arguments(self, parser):
        remind_action(parser, help="herinner aan noodtoegang die (bijna) te laat beoordeeld wordt")

    def handle(self, *args, action: str, day=None, **options):
        with guarded():
            run = services.plan_emergency_reminders(today=day)
        self.stdout.write(
            f"{run.day.isoformat()}: {run.uses} noodtoegang(en) wachten op beoordeling; "
            f"{run.reminders} herinnering(en) aan {run.people} medewerker(s) klaargezet."
        )
        for access_id in run.unreachable:
            self.stderr.write(f"Noodtoegang {access_id}: geen privacy officer met een e-mailadres.")
