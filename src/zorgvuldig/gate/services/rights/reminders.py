# SPDX-License-Identifier: EUPL-1.2
"""art9.5: reminders about requests whose answer is due, to the people who handle them.

Once a day (``zorgvuldig rights remind``, from cron) every open request that is overdue, due
within a week (:data:`~.register.DUE_SOON_DAYS`) or waiting for the requester for
:data:`PAUSED_LONG_DAYS` days or more is brought to the attention of whoever handles it there
(:mod:`.handlers`): the partner's privacy officers and the caseworkers who support the client
at the partner on that day. Each gets one e-mail listing their requests, sent by the task
worker with retries (as :mod:`.notices` sends its e-mails). Recording, mailing and retrying
are those of every daily reminder (:mod:`zorgvuldig.gate.services.reminders`); which requests,
who handles them and the text are here.

- **At most one reminder a day per person per request**: each is recorded
  (:class:`~zorgvuldig.rights.models.RequestReminder`, unique per request, person and day)
  before it is mailed; running again on the same day makes no new ones.
- **No personal data in the e-mail**: no name, no BSN, nothing of what was asked; only the
  request's reference, its kind, its due date, the days left (or overdue, or paused) and a
  link to its page (:data:`REQUEST_PAGE`), where the reader signs in and the gate decides.
- **Logged**: finding the requests reads the register and the client's support (who handles
  it), a processing of personal data. It is asked of the partner by art9.5 (answer in time),
  so it is logged as allowed by that article (``process_required``), one record per data
  subject whose request was read, for each partner, with the system as actor
  (``service:verzoeken-herinneren``). Mailing what was recorded is part of that processing
  (as the e-mail of a notice is part of the processing that made it).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext

from zorgvuldig.core.actor import Actor
from zorgvuldig.gate.facts import active_trajectories
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services import reminders as daily
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.gate.services.rights.register import DUE_SOON_DAYS
from zorgvuldig.gate.services.rights.views import ReminderRun
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.protocol import Operation
from zorgvuldig.rights.codes import OPEN_STATES, RequestKind
from zorgvuldig.rights.models import ReminderReason, RequestPause, RequestReminder, SubjectRequest

try:  # Django 6 has the task framework built in; on 5.2 the django-tasks backport
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

#: The page of one request (built by the web pages); the link in a reminder points there.
REQUEST_PAGE = "/rechten/verzoeken/{id}/"
#: A request waiting this many days or more for the requester is reminded of.
PAUSED_LONG_DAYS = 14
SERVICE = "verzoeken-herinneren"


def request_link(request_id) -> str:
    """The address of a request's page (``ZORGVULDIG_SITE_URL`` and :data:`REQUEST_PAGE`)."""
    return settings.ZORGVULDIG_SITE_URL + REQUEST_PAGE.format(id=request_id)


def _in_need(day: datetime.date) -> list[dict]:
    """The open requests of every partner to remind of on ``day``, in one query."""
    open_pause = RequestPause.objects.filter(request=OuterRef("pk"), ended_on__isnull=True).values(
        "started_on"
    )[:1]
    soon = day + datetime.timedelta(days=DUE_SOON_DAYS)
    long_ago = day - datetime.timedelta(days=PAUSED_LONG_DAYS)
    return list(
        SubjectRequest.objects.filter(state__in=OPEN_STATES)
        .annotate(paused_since=Subquery(open_pause))
        .filter(Q(paused_since__isnull=True, due_on__lte=soon) | Q(paused_since__lte=long_ago))
        .order_by("partner_id", "due_on", "id")
        .values("id", "partner_id", "client_id", "client__subject_id", "due_on", "paused_since")
    )


def _reason(request: dict, day: datetime.date) -> tuple[str, int]:
    if request["paused_since"] is not None:
        return ReminderReason.PAUSED, (day - request["paused_since"]).days
    left = (request["due_on"] - day).days
    return (ReminderReason.OVERDUE if left < 0 else ReminderReason.DUE_THIS_WEEK), left


def _handlers(day: datetime.date, requests: list[dict]) -> dict:
    """Per request, the people who handle it and can be e-mailed (:mod:`.handlers`): the
    partner's active privacy officers and the caseworkers of the client's support there on
    ``day``; two queries for all requests."""
    partners = {r["partner_id"] for r in requests}
    supports = active_trajectories(
        day, partner_id__in=partners, client_id__in={r["client_id"] for r in requests}
    ).values_list("partner_id", "client_id", "caseworkers__id")
    people = {
        employee: (partner, role)
        for employee, partner, role in Employee.objects.filter(
            Q(role=Role.PRIVACY_OFFICER, partner_id__in=partners)
            | Q(id__in={c for _, _, c in supports if c is not None}),
            is_active=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("id", "partner_id", "role")
    }
    caseworkers = defaultdict(set)
    for partner, client, employee in supports:
        if employee in people and people[employee][0] == partner:
            caseworkers[partner, client].add(employee)
    officers = defaultdict(set)
    for employee, (partner, role) in people.items():
        if role == Role.PRIVACY_OFFICER:
            officers[partner].add(employee)
    return {
        r["id"]: officers[r["partner_id"]] | caseworkers[r["partner_id"], r["client_id"]]
        for r in requests
    }


def _remind_partner(partner_id, requests: list[dict], handlers: dict, day) -> tuple[int, int]:
    """Record and enqueue one partner's reminders of ``day``; logged under art9.5. Returns
    how many reminders and how many people are new."""
    subjects = tuple(dict.fromkeys(r["client__subject_id"] for r in requests))
    actor = Actor(partner_id=partner_id, service=SERVICE)
    processing = rights_processing(actor, None, SERVICE, Operation.CONSULT, subjects)

    def perform(decision):
        wanted = []
        for r in requests:
            reason, days = _reason(r, day)
            wanted += [
                daily.Wanted(r["id"], employee, reason, r["due_on"], days)
                for employee in sorted(handlers[r["id"]], key=str)
            ]
        ids = [r["id"] for r in requests]
        made = daily.record(RequestReminder, "request", day, ids, wanted, mail_reminders)
        return Performed(made, subject_ids=subjects)

    return process_required(processing, perform, "art9.5").result


@gate_service
def plan_reminders(*, today: datetime.date | None = None) -> ReminderRun:
    """art9.5: the day's reminders about open requests that are overdue, due within a week or
    waiting long for the requester, one per person who handles the request and per request;
    the e-mails are sent by the task worker (:func:`mail_reminders`). Running it again on the
    same day makes no new reminders."""
    day = today or timezone.localdate()
    requests = _in_need(day)
    handlers = _handlers(day, requests) if requests else {}
    reminders, people = daily.per_partner(
        requests, lambda partner_id, theirs: _remind_partner(partner_id, theirs, handlers, day)
    )
    return ReminderRun(
        day=day,
        requests=len(requests),
        reminders=reminders,
        people=people,
        unreachable=tuple(r["id"] for r in requests if not handlers[r["id"]]),
    )


def _status(reminder: RequestReminder) -> str:
    due, days = reminder.due_on.strftime(daily.DATE), reminder.days
    if reminder.reason == ReminderReason.PAUSED:
        return gettext(
            "waiting for the requester for %(days)s; the due date (%(due)s) moves by the "
            "days paused"
        ) % {"days": daily.days_phrase(days), "due": due}
    if days < 0:
        return gettext("due on %(due)s: %(days)s overdue") % {
            "days": daily.days_phrase(-days),
            "due": due,
        }
    if days == 0:
        return gettext("due today, %(due)s") % {"due": due}
    return gettext("due on %(due)s: %(days)s left") % {"days": daily.days_phrase(days), "due": due}


def _body(reminders: list[RequestReminder]) -> str:
    lines = [
        gettext("Dear colleague,"),
        "",
        gettext(
            "These requests of data subjects at your organisation are to be answered soon, "
            "are overdue, or have waited long for the requester (art. 9(5) of the privacy "
            "protocol: a request is answered within its term)."
        ),
        "",
    ]
    for r in reminders:
        lines += [
            f"- {RequestKind(r.request.kind).label}",
            "  " + gettext("Reference: %(reference)s") % {"reference": r.request_id},
            "  " + _status(r),
            "  " + request_link(r.request_id),
            "",
        ]
    lines += [
        gettext(
            "For privacy reasons this e-mail holds no personal data: open a request in "
            "zorgvuldig to see whose it is and what was asked."
        ),
        gettext(
            "You receive this because you handle these requests, as privacy officer or as a "
            "caseworker who supports the client; at most once a day per request."
        ),
    ]
    return "\n".join(lines) + "\n"


def reminder_mail(reminders: list[RequestReminder]) -> tuple[str, str]:
    """The subject and text of one person's reminders: Dutch first, then English."""
    return daily.in_two_languages(
        lambda: (
            gettext("Reminder: requests of data subjects that need attention (%(count)d)")
            % {"count": len(reminders)},
            _body(reminders),
        )
    )


@task()
def mail_reminders(employee_id: str, day: str) -> str:
    """One attempt to e-mail a person the reminders recorded for them on ``day`` and not yet
    sent; retries with backoff. A request answered or withdrawn meanwhile is left out (its
    reminder is dropped)."""
    return daily.mail_day(
        mail_reminders,
        RequestReminder,
        employee_id,
        day,
        item="request",
        order_by=("due_on", "request_id"),
        handled=lambda r: r.request.state not in OPEN_STATES,
        mail=lambda reminders, employee: reminder_mail(reminders),
    )
