# SPDX-License-Identifier: EUPL-1.2
"""art3.2c: reminders about uses of the glass whose review is overdue or due within a day
(decision 23), as the reminders about requests of data subjects (decision 15).

Once a day (``zorgvuldig emergency remind``, from cron) every use not yet reviewed whose
review date (``ZORGVULDIG_EMERGENCY_REVIEW_DAYS`` after it was opened) has passed or is today
or tomorrow is brought to the attention of the partner's active privacy officers, who review
it; and, once the review is overdue, of the employee who broke the glass, whom it blocks from
breaking it again until it is reviewed. Each person gets one e-mail listing their uses, sent
by the task worker with retries (as the notice of a use, :mod:`.notify`). Recording, mailing
and retrying are those of every daily reminder (:mod:`zorgvuldig.gate.services.reminders`, as
the reminders about requests); which uses, who is told and the text are here.

- **At most one reminder a day per person per use**: each is recorded
  (:class:`~zorgvuldig.clients.models.EmergencyReminder`, unique per use, person and day)
  before it is mailed; running again on the same day makes no new ones.
- **No personal data in the e-mail**: not the client, not the explanation, not the reason
  (it tells of the client's situation), not the employee's name; only the use's reference,
  when it was opened, the review date and the days overdue or left, and for the privacy
  officer a link to the review page (:data:`~.notify.REVIEW_PAGE` after
  ``ZORGVULDIG_SITE_URL``), where they sign in and the gate decides.
- **Logged**: finding the uses reads which clients were accessed, personal data. The partner
  accounts for who accessed what (art3.2c), so it is logged as required by that article
  (``process_required``), per partner, one record per data subject whose dossier was opened,
  with the system as actor (``service:noodtoegang-herinneren``). Mailing what was recorded is
  part of that processing.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from zorgvuldig.clients.models import EmergencyAccess, EmergencyReminder, EmergencyReminderReason
from zorgvuldig.core.actor import Actor
from zorgvuldig.gate.processing import Performed, Processing, process_required
from zorgvuldig.gate.services import reminders as daily
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.emergency.notify import review_link
from zorgvuldig.gate.services.emergency.views import EmergencyReminderRun
from zorgvuldig.partners.models import Employee, Partner, Role
from zorgvuldig.protocol import Category, Operation, Purpose

try:  # Django 6 has the task framework built in; on 5.2 the django-tasks backport
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

#: A use whose review is due within this many days (today or tomorrow) is reminded of.
DUE_SOON_DAYS = 1
SERVICE = "noodtoegang-herinneren"
OPENED = "%d-%m-%Y %H:%M"


def _to_review(day: datetime.date) -> list[dict]:
    """The uses of every partner not reviewed whose review is overdue or due within a day on
    ``day``, in one query."""
    return list(
        EmergencyAccess.objects.filter(
            reviewed_at__isnull=True,
            review_due_on__lte=day + datetime.timedelta(days=DUE_SOON_DAYS),
        )
        .order_by("partner_id", "review_due_on", "started_at", "id")
        .values("id", "partner_id", "employee_id", "client__subject_id", "review_due_on")
    )


def _recipients(uses: list[dict]) -> dict:
    """Per use, who is reminded of it and why: the partner's active privacy officers with an
    e-mail address (due or overdue), and once overdue the employee who broke the glass, if
    active with an address (it blocks them); one query for all uses."""
    partners = {u["partner_id"] for u in uses}
    people = {
        employee: (partner, role)
        for employee, partner, role in Employee.objects.filter(
            Q(role=Role.PRIVACY_OFFICER, partner_id__in=partners)
            | Q(id__in={u["employee_id"] for u in uses}),
            is_active=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("id", "partner_id", "role")
    }
    officers = defaultdict(set)
    for employee, (partner, role) in people.items():
        if role == Role.PRIVACY_OFFICER:
            officers[partner].add(employee)
    return {u["id"]: (officers[u["partner_id"]], u["employee_id"] in people) for u in uses}


def _processing(partner_id, subject_ids) -> Processing:
    return Processing(
        name=SERVICE,
        actor=Actor(partner_id=partner_id, service=SERVICE),
        operation=Operation.CONSULT,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.ACCOUNTABILITY,
        legal_basis=None,
        client_id=None,
        subject_ids=tuple(subject_ids),
    )


def _remind_partner(partner_id, uses: list[dict], recipients: dict, day) -> tuple[int, int]:
    """Record and enqueue one partner's reminders of ``day``; logged under art3.2c. Returns
    how many reminders and how many people are new."""
    subjects = tuple(dict.fromkeys(u["client__subject_id"] for u in uses))

    def perform(decision):
        wanted = []
        for u in uses:
            days = (u["review_due_on"] - day).days
            officers, employee_reachable = recipients[u["id"]]
            to = [
                (officer, EmergencyReminderReason.REVIEW_OVERDUE)
                if days < 0
                else (officer, EmergencyReminderReason.REVIEW_DUE)
                for officer in sorted(officers, key=str)
            ]
            if days < 0 and employee_reachable:
                to.append((u["employee_id"], EmergencyReminderReason.GLASS_BLOCKED))
            wanted += [
                daily.Wanted(u["id"], employee, reason, u["review_due_on"], days)
                for employee, reason in to
            ]
        ids = [u["id"] for u in uses]
        made = daily.record(EmergencyReminder, "access", day, ids, wanted, mail_emergency_reminders)
        return Performed(made, subject_ids=subjects)

    return process_required(_processing(partner_id, subjects), perform, "art3.2c").result


@gate_service
def plan_emergency_reminders(*, today: datetime.date | None = None) -> EmergencyReminderRun:
    """art3.2c: the day's reminders about uses of the glass not reviewed whose review is
    overdue or due within a day: to the partner's privacy officers, and (overdue) to the
    employee it blocks; one per person and use a day, e-mailed by the task worker
    (:func:`mail_emergency_reminders`). Running it again on the same day makes no new
    reminders."""
    day = today or timezone.localdate()
    uses = _to_review(day)
    recipients = _recipients(uses) if uses else {}
    reminders, people = daily.per_partner(
        uses, lambda partner_id, theirs: _remind_partner(partner_id, theirs, recipients, day)
    )
    return EmergencyReminderRun(
        day=day,
        uses=len(uses),
        reminders=reminders,
        people=people,
        unreachable=tuple(u["id"] for u in uses if not recipients[u["id"]][0]),
    )


def _status(reminder: EmergencyReminder) -> str:
    due, days = reminder.due_on.strftime(daily.DATE), reminder.days
    if days < 0:
        return gettext("review due on %(due)s: %(days)s overdue") % {
            "days": daily.days_phrase(-days),
            "due": due,
        }
    if days == 0:
        return gettext("review due today, %(due)s") % {"due": due}
    return gettext("review due tomorrow, %(due)s") % {"due": due}


def _item(reminder: EmergencyReminder, *, link: bool) -> list[str]:
    opened = timezone.localtime(reminder.access.started_at).strftime(OPENED)
    lines = [
        "- " + gettext("Emergency access opened on %(opened)s") % {"opened": opened},
        "  " + gettext("Reference: %(reference)s") % {"reference": reminder.access_id},
        "  " + _status(reminder),
    ]
    if link:
        lines.append("  " + review_link(reminder.access_id))
    lines.append("")
    return lines


def _officer_body(reminders: list[EmergencyReminder], partner: str) -> list[str]:
    lines = [
        gettext("Dear colleague,"),
        "",
        gettext(
            "These uses of emergency access at your organisation have not been reviewed yet, "
            "and their review is overdue or due within a day (art. 3(2)(c) of the privacy "
            "protocol: every use of the glass is reviewed). While the review of an employee's "
            "use is overdue, they cannot break the glass again."
        ),
        "",
    ]
    for r in reminders:
        lines += _item(r, link=True)
    return [
        *lines,
        gettext(
            "For privacy reasons this e-mail holds no personal data of the client: open the "
            "review in zorgvuldig to see whom it concerns and why."
        ),
        gettext("You receive this as privacy officer of %(partner)s; at most once a day per use.")
        % {"partner": partner},
    ]


def _employee_body(reminders: list[EmergencyReminder]) -> list[str]:
    lines = [
        gettext("Dear colleague,"),
        "",
        gettext(
            "Your privacy officer has not yet reviewed these uses of emergency access of yours, "
            "and the review is overdue. Until it is done you cannot break the glass again "
            "(art. 3(2)(c) of the privacy protocol)."
        ),
        "",
    ]
    for r in reminders:
        lines += _item(r, link=False)
    return [
        *lines,
        gettext(
            "Ask your privacy officer to review it, so that you can take emergency access "
            "again when it is needed."
        ),
        gettext("You receive this because you broke the glass; at most once a day per use."),
    ]


def reminder_mail(reminders: list[EmergencyReminder], partner: str) -> tuple[str, str]:
    """The subject and text of one person's reminders: Dutch first, then English. A privacy
    officer's list the uses to review; an employee's, their own uses that block them (one who
    is both, having changed role, gets both in one e-mail)."""
    blocking = [r for r in reminders if r.reason == EmergencyReminderReason.GLASS_BLOCKED]
    to_review = [r for r in reminders if r.reason != EmergencyReminderReason.GLASS_BLOCKED]

    def mail() -> tuple[str, str]:
        if to_review:
            subject = gettext("Reminder: emergency access to review (%(count)d)") % {
                "count": len(to_review)
            }
        else:
            subject = gettext("Your emergency access awaits review: breaking the glass is blocked")
        body = _officer_body(to_review, partner) if to_review else []
        if blocking:
            body += ([""] if body else []) + _employee_body(blocking)
        return subject, "\n".join(body) + "\n"

    return daily.in_two_languages(mail)


@task()
def mail_emergency_reminders(employee_id: str, day: str) -> str:
    """One attempt to e-mail a person the reminders recorded for them on ``day`` and not yet
    sent; retries with backoff. A use reviewed meanwhile is left out (its reminder is
    dropped)."""
    return daily.mail_day(
        mail_emergency_reminders,
        EmergencyReminder,
        employee_id,
        day,
        item="access",
        order_by=("due_on", "access__started_at", "access_id"),
        handled=lambda r: r.access.reviewed_at is not None,
        mail=lambda reminders, employee: reminder_mail(
            reminders, Partner.objects.get(id=employee.partner_id).name
        ),
    )
