# SPDX-License-Identifier: EUPL-1.2
"""Reminders about uses of the glass to review (art3.2c; decision 23): once a day
(``zorgvuldig emergency remind``) the partner's privacy officers are e-mailed about every use
not reviewed whose review is overdue or due within a day, and the employee who broke the glass
about each of theirs that is overdue, as it blocks them; by the task worker, without personal
data, never twice a day about one use.

The new texts are checked in the English half of the e-mail, as their Dutch comes with the
translations."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.conftest import mails_to, make_employee, make_partner, run_tasks
from tests.emergency.conftest import break_glass
from tests.webhooks.test_webhooks import committed, run_worker
from zorgvuldig.clients.models import EmergencyAccess, EmergencyReminder
from zorgvuldig.gate import services
from zorgvuldig.gate.services.emergency import remind
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db

MAIL_TASK = "zorgvuldig.gate.services.emergency.remind.mail_emergency_reminders"
SITE = "https://zorgvuldig.heuvelrug.example"


def today() -> datetime.date:
    return timezone.localdate()


def run_mail_tasks() -> list[str]:
    """The worker runs each reminder mail waiting (:func:`tests.conftest.run_tasks`)."""
    return run_tasks(remind.mail_emergency_reminders)


def english(message) -> str:
    return message.body.split("---- English ----", 1)[1]


def due_in(access, days: int) -> None:
    """The use's review is due ``days`` from today (negative: overdue)."""
    EmergencyAccess.objects.filter(id=access.id).update(
        review_due_on=today() + datetime.timedelta(days=days)
    )


@pytest.fixture
def used(bram, colleague, client_dossier, officer, settings):
    """Bram (with an e-mail address) broke the glass for Sanne; Pim is told and has not
    reviewed it. The notice of the opening is no reminder: it is left out here."""
    settings.ZORGVULDIG_SITE_URL = SITE
    colleague.user.email = "bram@jeugd.example"
    colleague.user.save()
    opened = break_glass(bram, client_dossier)
    DBTaskResult.objects.all().delete()
    mail.outbox.clear()
    return opened


def test_art3_2c_the_privacy_officer_is_reminded_of_a_review_due_within_a_day(used):
    for days in (5, 2):
        due_in(used, days)
        run = services.plan_emergency_reminders()
        assert (run.uses, run.reminders) == (0, 0) and not run_mail_tasks()
    due_in(used, 1)  # due tomorrow
    run = services.plan_emergency_reminders()
    assert (run.uses, run.reminders, run.people, run.unreachable) == (1, 1, 1, ())
    assert run_mail_tasks() == ["sent"]
    (message,) = mail.outbox
    assert message.to == ["pim@jeugd.example"]  # not yet the employee: it does not block yet
    assert message.subject.endswith("Reminder: emergency access to review (1)")
    text = english(message)
    assert f"Reference: {used.id}" in text and "review due tomorrow" in text
    assert f"{SITE}/noodtoegang/{used.id}/" in text
    assert all(line.strip().startswith(SITE) for line in text.splitlines() if "//" in line)


def test_art3_2c_an_overdue_review_reminds_the_officer_and_the_employee_it_blocks(used):
    due_in(used, -2)
    run = services.plan_emergency_reminders()
    assert (run.uses, run.reminders, run.people) == (1, 2, 2)
    assert run_mail_tasks() == ["sent", "sent"]
    to = mails_to()
    assert set(to) == {"pim@jeugd.example", "bram@jeugd.example"}
    officer = english(to["pim@jeugd.example"])
    assert "review due on" in officer and "2 days overdue" in officer
    assert f"{SITE}/noodtoegang/{used.id}/" in officer
    employee = to["bram@jeugd.example"]
    assert employee.subject.endswith("breaking the glass is blocked")
    text = english(employee)
    assert "you cannot break the glass again" in text and f"Reference: {used.id}" in text
    assert "Ask your privacy officer to review it" in text
    assert "/noodtoegang/" not in employee.body  # the review page is the officer's
    reasons = set(EmergencyReminder.objects.values_list("employee__user__username", "reason"))
    assert reasons == {("pim", "review-overdue"), ("bram", "glass-blocked")}


def test_art3_2c_a_reviewed_use_is_not_reminded_of(used, officer):
    due_in(used, -1)
    services.review_emergency_access(officer, used.id, justified=True, note="Terecht.")
    run = services.plan_emergency_reminders()
    assert (run.uses, run.reminders) == (0, 0) and not mail.outbox


def test_art3_2c_the_reminder_holds_no_personal_data(used, client_dossier, colleague):
    due_in(used, -1)
    services.plan_emergency_reminders()
    run_mail_tasks()
    subject = client_dossier.subject
    personal = [
        subject.given_names,
        subject.surname,
        subject.bsn,
        str(subject.id),
        str(client_dossier.id),
        "paniek",  # the explanation
        "Anna is met verlof",
        "Bram Test",  # the employee's name
        "caseworker-unreachable",  # the reason, which tells of the client's situation
        "niet bereikbaar",
        "cannot be reached",
    ]
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        text = message.subject + message.body
        for value in personal:
            assert value not in text, value


def test_art3_2c_running_twice_on_one_day_reminds_once_the_next_day_again(used):
    due_in(used, -1)
    services.plan_emergency_reminders()
    run_mail_tasks()
    again = services.plan_emergency_reminders()
    assert (again.uses, again.reminders, again.people) == (1, 0, 0)
    assert not DBTaskResult.objects.filter(task_path=MAIL_TASK).exists()
    # a duplicate mail task (the command run twice at once) sends nothing twice
    remind.mail_emergency_reminders.enqueue(
        str(EmergencyReminder.objects.first().employee_id), today().isoformat()
    )
    assert run_mail_tasks() == ["done"]
    assert len(mail.outbox) == 2 and EmergencyReminder.objects.count() == 2
    tomorrow = services.plan_emergency_reminders(today=today() + datetime.timedelta(days=1))
    assert (tomorrow.reminders, tomorrow.people) == (2, 2)
    run_mail_tasks()
    assert len(mail.outbox) == 4 and "2 days overdue" in english(mail.outbox[-1])


def test_art3_2c_a_use_reviewed_before_the_mail_goes_is_left_out(used, officer):
    due_in(used, -1)
    services.plan_emergency_reminders()
    services.review_emergency_access(officer, used.id, justified=False, note="Niet nodig.")
    assert run_mail_tasks() == ["done", "done"]
    assert not mail.outbox and not EmergencyReminder.objects.exists()


def test_art3_2c_only_the_partners_own_active_officers_with_an_address_are_reminded(used, partner):
    elsewhere = make_employee(make_partner("Wmo-loket"), "olga", role=Role.PRIVACY_OFFICER)
    elsewhere.user.email = "olga@wmo.example"
    elsewhere.user.save()
    make_employee(partner, "piet", role=Role.PRIVACY_OFFICER)  # no e-mail address
    gone = make_employee(partner, "gijs", role=Role.PRIVACY_OFFICER)
    gone.user.email, gone.is_active = "gijs@jeugd.example", False
    gone.user.save()
    gone.save()
    due_in(used, 0)
    services.plan_emergency_reminders()
    run_mail_tasks()
    assert set(mails_to()) == {"pim@jeugd.example"}
    assert "review due today" in english(mail.outbox[0])


def test_art3_2c_a_use_no_officer_can_be_mailed_about_is_named_by_its_reference(used, officer):
    pim = Employee.objects.get(id=officer.employee_id).user
    pim.email = ""
    pim.save()
    due_in(used, 1)
    run = services.plan_emergency_reminders()
    assert (run.uses, run.reminders, run.unreachable) == (1, 0, (used.id,))
    assert not DBTaskResult.objects.filter(task_path=MAIL_TASK).exists()


def test_art3_2c_the_run_is_logged_under_art3_2c_for_the_client_with_the_system_as_actor(
    used, partner
):
    due_in(used, -1)
    services.plan_emergency_reminders()
    (record,) = LogRecord.objects.filter(name="noodtoegang-herinneren")
    assert record.actor_id == "service:noodtoegang-herinneren"
    assert record.partner_id == str(partner.id)
    assert (record.decision, record.articles, record.operation) == ("allowed", "art3.2c", "consult")
    assert record.purpose == "accountability"
    # for Sanne, whose dossier the glass opened
    opening = LogRecord.objects.get(name="noodtoegang-openen")
    assert record.subject_pseudonym == opening.subject_pseudonym


def test_art3_2c_a_failing_mail_server_is_tried_again_later(used, settings):
    settings.EMAIL_BACKEND = "tests.rights.test_notices.BrokenBackend"
    due_in(used, -1)
    services.plan_emergency_reminders()
    assert run_mail_tasks() == ["retry scheduled", "retry scheduled"]
    waiting = EmergencyReminder.objects.filter(sent_at__isnull=True)
    assert {(r.attempts, r.last_error) for r in waiting} == {(1, "connection refused")}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert run_mail_tasks() == ["sent", "sent"]
    assert not EmergencyReminder.objects.filter(sent_at__isnull=True).exists()


@committed
def test_art3_2c_the_command_for_cron_passes_the_gate_and_the_worker_sends(used):
    due_in(used, -1)
    out = io.StringIO()
    call_command("emergency", "remind", "--day", today().isoformat(), stdout=out)
    assert (
        "1 noodtoegang(en) wachten op beoordeling; 2 herinnering(en) aan 2 medewerker(s)"
        in out.getvalue()
    )
    run_worker()
    assert set(mails_to()) == {"pim@jeugd.example", "bram@jeugd.example"}
    assert EmergencyReminder.objects.filter(sent_at__isnull=False).count() == 2
    again = io.StringIO()
    call_command("emergency", "remind", stdout=again)  # today, once more
    assert "0 herinnering(en) aan 0 medewerker(s)" in again.getvalue()
    run_worker()
    assert len(mail.outbox) == 2
