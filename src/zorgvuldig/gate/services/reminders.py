# SPDX-License-Identifier: EUPL-1.2
"""What the daily reminders share: those about requests of data subjects (art9.5,
:mod:`.rights.reminders`, decision 15) and those about uses of the glass to review (art3.2c,
:mod:`.emergency.remind`, decision 23).

Each area keeps its own parts: which items are due, who is told and why, the text of the
e-mail, and the logging of finding them (under its own article). What is the same is here:

- **Per partner** (:func:`per_partner`): the day's items are grouped by partner, and each
  partner's are recorded and logged apart.
- **Recorded before mailed** (:func:`record`): a reminder is a row per item, person and day
  (an area's :class:`~zorgvuldig.core.reminders.DailyReminder`, unique per item, person and
  day); one not recorded before
  is created and its person's mail task enqueued, once per person, committed with the rows
  (database backend). Running again on the same day makes no new ones.
- **One e-mail per person and day** (:func:`mail_day`), sent by the task worker: the rows
  locked, those whose item was handled meanwhile dropped, the text Dutch first, then English
  (:func:`in_two_languages`), retried with backoff, given up after
  :data:`MAX_MAIL_ATTEMPTS` attempts with the last error kept, and marked sent.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from zorgvuldig.gate.context import gate_open
from zorgvuldig.partners.models import Employee
from zorgvuldig.webhooks.delivery import backoff

MAX_MAIL_ATTEMPTS = 8
DATE = "%d-%m-%Y"


class Wanted(NamedTuple):
    """A reminder an area wants made: of which item, to whom, why, and the days left (negative:
    overdue) or waited."""

    item_id: Any
    employee_id: Any
    reason: str
    due_on: datetime.date
    days: int


def per_partner(
    items: Iterable[dict], remind: Callable[[Any, list[dict]], tuple[int, int]]
) -> tuple[int, int]:
    """``remind(partner_id, theirs)`` for each partner's items (rows with a ``partner_id``, in
    their order), each partner's logged apart; the sums of the reminders and of the people new
    (what ``remind`` returns)."""
    grouped = defaultdict(list)
    for item in items:
        grouped[item["partner_id"]].append(item)
    reminders = people = 0
    for partner_id, theirs in grouped.items():
        made, mailed = remind(partner_id, theirs)
        reminders, people = reminders + made, people + mailed
    return reminders, people


def record(
    model: type[models.Model],
    item: str,
    day: datetime.date,
    item_ids: list,
    wanted: Iterable[Wanted],
    task,
) -> tuple[int, int]:
    """Record the reminders ``wanted`` of ``day`` that are not yet, about the items
    ``item_ids`` (the model's foreign key ``item``), and enqueue ``task`` for each person with a
    new one. Returns how many reminders and how many people are new."""
    field = f"{item}_id"
    done = set(
        model.objects.filter(day=day, **{f"{field}__in": item_ids}).values_list(
            field, "employee_id"
        )
    )
    new = [
        model(
            **{field: w.item_id},
            employee_id=w.employee_id,
            day=day,
            reason=w.reason,
            due_on=w.due_on,
            days=w.days,
        )
        for w in wanted
        if (w.item_id, w.employee_id) not in done
    ]
    model.objects.bulk_create(new, ignore_conflicts=True)
    people = sorted({str(n.employee_id) for n in new})
    for employee in people:  # committed with the reminders (database backend)
        task.enqueue(employee, day.isoformat())
    return len(new), len(people)


def days_phrase(n: int) -> str:
    # two languages, both with one form for 1 and one for the rest (and the catalogue's
    # tooling sets no plural forms): a phrase per form
    return gettext("1 day") if n == 1 else gettext("%(days)d days") % {"days": n}


def in_two_languages(mail: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """The subject and text of an e-mail, Dutch first, then English: ``mail()`` makes them in
    the language active when called."""
    subjects, bodies = [], []
    for language in ("nl", "en"):
        with translation.override(language):
            subject, body = mail()
            subjects.append(subject)
            bodies.append(body)
    return " / ".join(subjects), "\n---- English ----\n\n".join(bodies)


def _give_up(model: type[models.Model], reminders: list, error: str) -> None:
    for r in reminders:
        r.attempts, r.last_error = MAX_MAIL_ATTEMPTS, error
    model.objects.bulk_update(reminders, ["attempts", "last_error"])


def mail_day(
    task,
    model: type[models.Model],
    employee_id: str,
    day: str,
    *,
    item: str,
    order_by: tuple[str, ...],
    handled: Callable[[Any], bool],
    mail: Callable[[list, Employee], tuple[str, str]],
) -> str:
    """One attempt of ``task`` to e-mail a person the reminders (rows of ``model``, about the
    foreign key ``item``) recorded for them on ``day`` and not yet sent, in ``order_by``; a
    reminder whose item was ``handled`` meanwhile is dropped. ``mail`` makes the subject and
    text of the rest for the employee. A failure is tried again by ``task`` after a backoff,
    until :data:`MAX_MAIL_ATTEMPTS`."""
    with gate_open(), transaction.atomic():
        waiting = list(
            model.objects.select_for_update(of=("self",))
            .select_related(item, "employee__user")
            .filter(
                employee_id=employee_id,
                day=day,
                sent_at__isnull=True,
                attempts__lt=MAX_MAIL_ATTEMPTS,
            )
            .order_by(*order_by)
        )
        model.objects.filter(id__in=[r.id for r in waiting if handled(r)]).delete()
        reminders = [r for r in waiting if not handled(r)]
        if not reminders:
            return "done"
        employee = reminders[0].employee
        if not (employee.is_active and employee.user.is_active and employee.user.email):
            _give_up(model, reminders, "no active employee with an e-mail address")
            return "gave up"
        subject, body = mail(reminders, employee)
        attempts = max(r.attempts for r in reminders) + 1
        try:
            send_mail(subject, body, None, [employee.user.email])
        except Exception as error:
            for r in reminders:
                r.attempts, r.last_error = attempts, str(error)[:500]
            model.objects.bulk_update(reminders, ["attempts", "last_error"])
            if attempts < MAX_MAIL_ATTEMPTS:
                run_after = timezone.now() + backoff(attempts)
                task.using(run_after=run_after).enqueue(employee_id, day)
                return "retry scheduled"
            return "gave up"
        now = timezone.now()
        for r in reminders:
            r.attempts, r.last_error, r.sent_at = attempts, "", now
        model.objects.bulk_update(reminders, ["attempts", "last_error", "sent_at"])
        return "sent"
