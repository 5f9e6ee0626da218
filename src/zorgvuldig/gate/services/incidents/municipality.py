# SPDX-License-Identifier: EUPL-1.2
"""art3.2f: an incident a partner reports reaches the municipality at once.

The moment it is reported, the incident is in the municipality's register (its privacy
officers see every partner's incidents, :mod:`.access`), and each privacy officer of the
municipality on whose behalf the affected support runs (:func:`municipalities_of`; of every
municipality when that cannot be told apart), and of the reporting partner (who handles it),
gets an e-mail: one
:class:`~zorgvuldig.incidents.models.IncidentNotice` each, written with the incident and sent
by the task worker with retries (as the reminders of art9.5 are, decision 15).

**No personal data in the e-mail**: the organisation, the incident's number, its nature, when
it was discovered, and the link to its page (:data:`INCIDENT_PAGE` after
``ZORGVULDIG_SITE_URL``), where the reader signs in and the gate decides what they see. Not what
happened, not whom it concerns.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.gate.context import gate_open
from zorgvuldig.incidents.codes import Nature
from zorgvuldig.incidents.models import AffectedClient, Incident, IncidentNotice
from zorgvuldig.partners.models import Employee, Partner, PartnerKind, Role
from zorgvuldig.webhooks.delivery import backoff

try:  # Django 6 has the task framework built in; on 5.2 the django-tasks backport
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

#: The page of one incident (built by the web pages); the link in the e-mail points there.
INCIDENT_PAGE = "/incidenten/{id}/"
MAX_MAIL_ATTEMPTS = 8


def incident_link(incident_id) -> str:
    return settings.ZORGVULDIG_SITE_URL + INCIDENT_PAGE.format(id=incident_id)


def municipalities_of(incident: Incident) -> Q:
    """The municipality partners to tell of the incident (art3.2f): those on whose behalf the
    affected support runs. That is the support, at the incident's partner, of the clients the
    incident names; while it names none (as when it is reported), all the partner's support,
    the incident being the partner's. Every municipality when they cannot be told apart: no
    such support, support recorded without its municipality, or a municipality that no
    municipality partner carries the code of (decision 18)."""
    every = Q(partner__kind=PartnerKind.MUNICIPALITY)
    support = SupportTrajectory.objects.filter(partner_id=incident.partner_id)
    named = AffectedClient.objects.filter(incident=incident, client__isnull=False)
    if named.exists():
        support = support.filter(client_id__in=named.values("client_id"))
    codes = set(support.values_list("municipality", flat=True).distinct())
    carried = set(
        Partner.objects.filter(kind=PartnerKind.MUNICIPALITY, municipality__in=codes)
        .values_list("municipality", flat=True)
        .distinct()
    )
    if not codes or codes != carried:  # "" (not recorded) is never carried
        return every
    return every & Q(partner__municipality__in=codes)


def officers_to_tell(incident: Incident) -> list[Employee]:
    """The active privacy officers with an e-mail address of the municipalities on whose
    behalf the affected support runs (:func:`municipalities_of`) and of the incident's partner,
    except whoever reported it."""
    return list(
        Employee.objects.filter(
            municipalities_of(incident) | Q(partner_id=incident.partner_id),
            role=Role.PRIVACY_OFFICER,
            is_active=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .exclude(id=incident.reported_by_id)
        .order_by("partner__name", "id")
    )


def tell(incident: Incident) -> int:
    """Record and enqueue the e-mails about a reported incident (inside its transaction: a
    task is a row of the database backend, committed with the incident). Returns how many."""
    return _notify(incident, officers_to_tell(incident))


def tell_more(incident: Incident) -> int:
    """After clients were attached: the officers of a municipality their support runs for
    that was not told yet, told now (art3.2f); nobody twice, and no officer of the partner
    who joined since."""
    told = IncidentNotice.objects.filter(incident=incident).values_list("employee_id", flat=True)
    told = set(told)
    more = [
        e
        for e in officers_to_tell(incident)
        if e.id not in told and e.partner_id != incident.partner_id
    ]
    return _notify(incident, more)


def _notify(incident: Incident, officers) -> int:
    notices = IncidentNotice.objects.bulk_create(
        IncidentNotice(incident=incident, employee=e) for e in officers
    )
    for notice in notices:
        mail_notice.enqueue(str(notice.id))
    return len(notices)


def _body(incident: Incident, municipality: bool) -> str:
    discovered = timezone.localtime(incident.discovered_at)
    words = {
        "partner": incident.partner.name,
        "number": incident.number,
        "nature": Nature(incident.nature).label,
        "discovered": discovered.strftime("%d-%m-%Y %H:%M"),
    }
    lines = [
        gettext("Dear colleague,"),
        "",
        gettext(
            "%(partner)s has reported incident %(number)s (art. 3(2)(f) of the privacy "
            "protocol: incidents are reported to the municipality): %(nature)s, discovered "
            "on %(discovered)s."
        )
        % words,
        "",
        gettext(
            "Once it is certain that personal data was affected, the Autoriteit "
            "Persoonsgegevens must be notified within 72 hours (GDPR art. 33)."
        ),
        "",
        "  " + incident_link(incident.id),
        "",
        gettext(
            "For privacy reasons this e-mail holds no personal data: open the incident in "
            "zorgvuldig to see what happened."
        ),
        gettext("You receive this as privacy officer of the municipality.")
        if municipality
        else gettext("You receive this as privacy officer of %(partner)s.") % words,
    ]
    return "\n".join(lines) + "\n"


def notice_mail(incident: Incident, municipality: bool) -> tuple[str, str]:
    """The subject and text of the e-mail: Dutch first, then English."""
    subjects, bodies = [], []
    for language in ("nl", "en"):
        with translation.override(language):
            subjects.append(
                gettext("Incident %(number)s reported by %(partner)s")
                % {"number": incident.number, "partner": incident.partner.name}
            )
            bodies.append(_body(incident, municipality))
    return " / ".join(subjects), "\n---- English ----\n\n".join(bodies)


@task()
def mail_notice(notice_id: str) -> str:
    """One attempt to e-mail a privacy officer that an incident was reported; retries with
    backoff."""
    with gate_open(), transaction.atomic():
        notice = (
            IncidentNotice.objects.select_for_update(of=("self",))
            .select_related("incident__partner", "employee__user", "employee__partner")
            .filter(id=notice_id, sent_at__isnull=True)
            .first()
        )
        if notice is None or notice.attempts >= MAX_MAIL_ATTEMPTS:
            return "done"
        employee = notice.employee
        notice.attempts += 1
        if not (employee.is_active and employee.user.is_active and employee.user.email):
            notice.attempts, notice.last_error = MAX_MAIL_ATTEMPTS, "no active e-mail address"
            notice.save(update_fields=["attempts", "last_error"])
            return "gave up"
        municipality = employee.partner.kind == PartnerKind.MUNICIPALITY
        subject, body = notice_mail(notice.incident, municipality)
        try:
            send_mail(subject, body, None, [employee.user.email])
        except Exception as error:
            notice.last_error = str(error)[:500]
            notice.save(update_fields=["attempts", "last_error"])
            if notice.attempts < MAX_MAIL_ATTEMPTS:
                run_after = timezone.now() + backoff(notice.attempts)
                transaction.on_commit(
                    lambda: mail_notice.using(run_after=run_after).enqueue(notice_id)
                )
                return "retry scheduled"
            return "gave up"
        notice.sent_at, notice.last_error = timezone.now(), ""
        notice.save(update_fields=["attempts", "last_error", "sent_at"])
        return "sent"
