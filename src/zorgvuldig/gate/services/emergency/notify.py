# SPDX-License-Identifier: EUPL-1.2
"""art3.2c: the privacy officers of the organisation are told at once that someone broke the
glass (decision 23).

An e-mail to every active privacy officer of the partner with an address, sent by the task
worker with retries, as the notices of an incident are (decision 18). **No personal data of a
client in it**: the organisation, who broke the glass (an employee, work data), the reason
from the list, when and until when, by when to review it, and the link to the review page
(:data:`REVIEW_PAGE` after ``ZORGVULDIG_SITE_URL``), where the officer signs in and the gate
decides what they see. Not the client, not the explanation.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from zorgvuldig.clients.codes import EmergencyReason
from zorgvuldig.clients.models import EmergencyAccess
from zorgvuldig.gate.context import gate_open
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.webhooks.delivery import backoff

try:  # Django 6 has the task framework built in; on 5.2 the django-tasks backport
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

#: The page where the privacy officer reviews one use of the glass.
REVIEW_PAGE = "/noodtoegang/{id}/"
MAX_MAIL_ATTEMPTS = 8


def review_link(access_id) -> str:
    return settings.ZORGVULDIG_SITE_URL + REVIEW_PAGE.format(id=access_id)


def officers_to_tell(partner_id) -> list[str]:
    """The e-mail addresses of the partner's active privacy officers."""
    return list(
        Employee.objects.filter(
            partner_id=partner_id,
            role=Role.PRIVACY_OFFICER,
            is_active=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .order_by("id")
        .values_list("user__email", flat=True)
    )


def tell(access: EmergencyAccess) -> None:
    """Enqueue the e-mail (inside the transaction that opens the access: the task is a row of
    the database backend, committed with it)."""
    mail_emergency_access.enqueue(str(access.id))


def _body(access: EmergencyAccess) -> str:
    local = timezone.localtime
    words = {
        "partner": access.partner.name,
        "employee": access.employee.display_name,
        "reason": EmergencyReason(access.reason).label,
        "started": local(access.started_at).strftime("%d-%m-%Y %H:%M"),
        "expires": local(access.expires_at).strftime("%d-%m-%Y %H:%M"),
        "due": access.review_due_on.strftime("%d-%m-%Y"),
    }
    lines = [
        gettext("Dear colleague,"),
        "",
        gettext(
            "%(employee)s of %(partner)s broke the glass on %(started)s: emergency access to "
            "a client they are not assigned to, until %(expires)s (art. 3(2)(c) of the privacy "
            "protocol). Reason: %(reason)s."
        )
        % words,
        "",
        gettext("Please review whether it was justified, by %(due)s:") % words,
        "",
        "  " + review_link(access.id),
        "",
        gettext(
            "For privacy reasons this e-mail holds no personal data of the client: open the "
            "review in zorgvuldig to see whom it concerns and why."
        ),
        gettext("You receive this as privacy officer of %(partner)s.") % words,
    ]
    return "\n".join(lines) + "\n"


def notice_mail(access: EmergencyAccess) -> tuple[str, str]:
    """The subject and text of the e-mail: Dutch first, then English."""
    subjects, bodies = [], []
    for language in ("nl", "en"):
        with translation.override(language):
            subjects.append(
                gettext("Emergency access used at %(partner)s") % {"partner": access.partner.name}
            )
            bodies.append(_body(access))
    return " / ".join(subjects), "\n---- English ----\n\n".join(bodies)


@task()
def mail_emergency_access(access_id: str) -> str:
    """One attempt to e-mail the privacy officers that the glass was broken; retries with
    backoff."""
    with gate_open(), transaction.atomic():
        access = (
            EmergencyAccess.objects.select_for_update(of=("self",))
            .select_related("partner", "employee__user")
            .filter(
                id=access_id,
                officers_told_at__isnull=True,
                notice_attempts__lt=MAX_MAIL_ATTEMPTS,
            )
            .first()
        )
        if access is None:
            return "done"
        to = officers_to_tell(access.partner_id)
        if not to:
            return "nobody to tell"
        subject, body = notice_mail(access)
        access.notice_attempts += 1
        try:
            send_mail(subject, body, None, to)
        except Exception:
            access.save(update_fields=["notice_attempts"])
            if access.notice_attempts < MAX_MAIL_ATTEMPTS:
                run_after = timezone.now() + backoff(access.notice_attempts)
                transaction.on_commit(
                    lambda: mail_emergency_access.using(run_after=run_after).enqueue(access_id)
                )
                return "retry scheduled"
            return "gave up"
        access.officers_told_at = timezone.now()
        access.save(update_fields=["notice_attempts", "officers_told_at"])
        return "sent"
