# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig rights remind``: the day's reminders about requests of data subjects (art9.5).

Run it once a day from cron (e.g. at 07:00). It records a reminder for each person who
handles an open request that is overdue, due within a week or waiting long for the requester,
and enqueues their e-mail for the task worker (``zorgvuldig db_worker``); running it again on
the same day sends nothing twice (decision 15). It prints counts and the references of
requests nobody could be e-mailed about, never personal data. It lives with the pages because
its e-mails link to them.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zorgvuldig.gate import services
from zorgvuldig.gate.guard import guarded
from zorgvuldig.web.management.arguments import remind_action


class Command(BaseCommand):
    help = "Verzoeken van betrokkenen: herinneringen aan wie ze behandelen (remind)."

    def add_arguments(self, parser):
        remind_action(
            parser, help="herinner aan verzoeken die (bijna) te laat zijn of lang wachten"
        )

    def handle(self, *args, action: str, day=None, **options):
        with guarded():
            run = services.plan_reminders(today=day)
        self.stdout.write(
            f"{run.day.isoformat()}: {run.requests} verzoek(en) vragen aandacht; "
            f"{run.reminders} herinnering(en) aan {run.people} medewerker(s) klaargezet."
        )
        for request_id in run.unreachable:
            self.stderr.write(
                f"Verzoek {request_id}: niemand die het behandelt heeft een e-mailadres."
            )
