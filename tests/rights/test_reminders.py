# SPDX-License-Identifier: EUPL-1.2
"""art9.5: once a day the people who handle an open request that is overdue, due within a week
or waiting long are reminded by e-mail, sent by the task worker, without personal data, and
never twice a day about one request."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.conftest import mails_to, make_employee, make_partner, run_tasks
from tests.rights.test_requests import TODAY, days_ago, register
from tests.webhooks.test_webhooks import committed, run_worker
from zorgvuldig.clients.models import Relation, SupportTrajectory
from zorgvuldig.gate import services
from zorgvuldig.gate.services.rights import reminders
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import RequestReminder

MAIL_TASK = "zorgvuldig.gate.services.rights.reminders.mail_reminders"


def with_email(employee, address):
    employee.user.email = address
    employee.user.save()
    return employee


@pytest.fixture
def people(partner, caseworker):
    """At the partner: Pim the privacy officer, Anna who supports Sanne, Kees who does not;
    and the privacy officer of another partner. All have an e-mail address."""
    officer = with_email(
        make_employee(partner, "pim", role=Role.PRIVACY_OFFICER), "pim@heuvelrug.example"
    )
    with_email(caseworker, "anna@heuvelrug.example")
    with_email(make_employee(partner, "kees"), "kees@heuvelrug.example")
    elsewhere = make_partner("Wmo Leersum")
    with_email(make_employee(elsewhere, "olga", role=Role.PRIVACY_OFFICER), "olga@leersum.example")
    return actor_for(officer)


@pytest.fixture
def three_requests(actor, client_dossier, people):
    """Sanne's overview is 12 days overdue, her deletion due in 3 days, her inspection due in
    27 days (four weeks after receipt, the 2015 text)."""
    phone = factories.record(
        actor, client_dossier.id, category="contact", value="06-12345678", label="Contact"
    )
    overdue = register(actor, client_dossier, received_on=days_ago(40))
    soon = register(
        actor, client_dossier, kind="deletion", item_ids=[phone.id], received_on=days_ago(25)
    )
    later = register(actor, client_dossier, kind="inspection", received_on=days_ago(1))
    return overdue, soon, later


def run_mail_tasks() -> list[str]:
    """The worker runs each reminder mail waiting (:func:`tests.conftest.run_tasks`)."""
    return run_tasks(reminders.mail_reminders)


def test_art9_5_the_privacy_officer_and_the_caseworker_are_reminded_of_their_requests(
    three_requests, settings
):
    settings.ZORGVULDIG_SITE_URL = "https://zorgvuldig.heuvelrug.example"
    overdue, soon, later = three_requests
    run = services.plan_reminders(today=TODAY())
    assert (run.requests, run.reminders, run.people, run.unreachable) == (2, 4, 2, ())
    # one mail task per person, committed with the reminders
    assert DBTaskResult.objects.filter(task_path=MAIL_TASK).count() == 2
    assert not mail.outbox  # sent by the worker, not by the run
    assert run_mail_tasks() == ["sent", "sent"]
    sent = mails_to()
    # not Kees (he does not support Sanne), not the other partner's privacy officer
    assert set(sent) == {"pim@heuvelrug.example", "anna@heuvelrug.example"}
    for message in sent.values():
        assert message.subject == (
            "Herinnering: verzoeken van betrokkenen die aandacht vragen (2) / "
            "Reminder: requests of data subjects that need attention (2)"
        )
        dutch, english = message.body.split("---- English ----")
        assert f"https://zorgvuldig.heuvelrug.example/rechten/verzoeken/{overdue.id}/" in dutch
        assert f"Kenmerk: {overdue.id}" in dutch and f"Reference: {overdue.id}" in english
        assert f"uiterlijk {overdue.due_on:%d-%m-%Y}: 12 dagen te laat" in dutch
        assert f"due on {overdue.due_on:%d-%m-%Y}: 12 days overdue" in english
        assert "Overzicht van de gegevens en aan wie ze gingen" in dutch
        assert f"uiterlijk {soon.due_on:%d-%m-%Y}: nog 3 dagen" in dutch
        assert "Verwijdering (art. 9 lid 4)" in dutch and "Deletion (art. 9(4))" in english
        assert dutch.index(str(overdue.id)) < dutch.index(str(soon.id))  # most urgent first
        assert str(later.id) not in message.body  # on time: no reminder
    rows = RequestReminder.objects.filter(employee__user__username="anna").order_by("due_on")
    assert [(r.request_id, r.reason, r.days) for r in rows] == [
        (overdue.id, "overdue", -12),
        (soon.id, "due-this-week", 3),
    ]
    assert all(r.sent_at is not None and r.attempts == 1 for r in rows)


def test_the_reminder_holds_no_personal_data(three_requests, client_dossier):
    services.plan_reminders(today=TODAY())
    run_mail_tasks()
    subject = client_dossier.subject
    mother = Relation.objects.get(subject_id=subject.id, kind="legal-representative").related
    personal = [
        subject.given_names,
        subject.surname,
        subject.bsn,
        str(subject.id),
        str(client_dossier.id),
        mother.given_names,
        mother.bsn,
        str(mother.id),
        "Paspoort",  # the identity note
        "06-12345678",  # the item the deletion is about
    ]
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        text = message.subject + message.body
        for value in personal:
            assert value not in text, value


def test_running_twice_on_one_day_reminds_once_the_next_day_again(three_requests):
    services.plan_reminders(today=TODAY())
    run_mail_tasks()
    again = services.plan_reminders(today=TODAY())
    assert (again.requests, again.reminders, again.people) == (2, 0, 0)
    assert not DBTaskResult.objects.filter(task_path=MAIL_TASK).exists()
    # a duplicate mail task (e.g. the command run twice at once) sends nothing twice
    reminders.mail_reminders.enqueue(
        str(RequestReminder.objects.first().employee_id), TODAY().isoformat()
    )
    assert run_mail_tasks() == ["done"]
    assert len(mail.outbox) == 2 and RequestReminder.objects.count() == 4
    tomorrow = services.plan_reminders(today=TODAY() + datetime.timedelta(days=1))
    assert (tomorrow.reminders, tomorrow.people) == (4, 2)
    run_mail_tasks()
    assert len(mail.outbox) == 4 and "13 dagen te laat" in mail.outbox[-1].body


def test_a_request_waiting_long_for_the_requester_is_reminded_a_short_pause_is_not(
    actor, client_dossier, people
):
    paused = register(actor, client_dossier, kind="inspection", received_on=days_ago(1))
    services.pause_request(actor, paused.id, reason="Kopie identiteitsbewijs gevraagd.")
    short = services.plan_reminders(today=TODAY() + datetime.timedelta(days=13))
    assert (short.requests, short.reminders) == (0, 0)
    long = services.plan_reminders(today=TODAY() + datetime.timedelta(days=14))
    assert (long.requests, long.reminders) == (1, 2)
    run_mail_tasks()
    body = mails_to()["pim@heuvelrug.example"].body
    assert "wacht al 14 dagen op de verzoeker" in body
    assert "waiting for the requester for 14 days" in body
    assert "Kopie identiteitsbewijs" not in body  # the reason of the pause is not mailed


def test_a_caseworker_whose_support_has_ended_is_no_longer_reminded(
    actor, three_requests, client_dossier
):
    trajectory = SupportTrajectory.objects.get(client_id=client_dossier.id)
    services.close_trajectory(
        actor, trajectory.id, closed_on=TODAY(), ending="referred", purpose="support-provision"
    )
    services.plan_reminders(today=TODAY() + datetime.timedelta(days=1))
    run_mail_tasks()
    assert set(mails_to()) == {"pim@heuvelrug.example"}  # the privacy officer still is


def test_the_run_is_logged_under_art9_5_for_the_subject_with_the_system_as_actor(
    three_requests, client_dossier, partner
):
    services.plan_reminders(today=TODAY())
    (record,) = LogRecord.objects.filter(name="verzoeken-herinneren")
    assert record.actor_id == "service:verzoeken-herinneren"
    assert record.partner_id == str(partner.id)
    assert (record.decision, record.articles, record.operation) == ("allowed", "art9.5", "consult")
    assert record.purpose == "accountability"
    others = LogRecord.objects.filter(subject_pseudonym=record.subject_pseudonym)
    assert others.filter(name="verzoek-betrokkene-vastleggen").count() == 3  # Sanne's


def test_a_request_answered_before_the_mail_goes_is_left_out(three_requests, people):
    overdue, soon, _later = three_requests
    services.plan_reminders(today=TODAY())
    services.withdraw_request(people, overdue.id)
    assert run_mail_tasks() == ["sent", "sent"]
    for message in mail.outbox:
        assert str(soon.id) in message.body and str(overdue.id) not in message.body
        assert message.subject.endswith("need attention (1)")
    assert not RequestReminder.objects.filter(request_id=overdue.id).exists()


def test_a_failing_mail_server_is_tried_again_later(three_requests, settings):
    settings.EMAIL_BACKEND = "tests.rights.test_notices.BrokenBackend"
    services.plan_reminders(today=TODAY())
    assert run_mail_tasks() == ["retry scheduled", "retry scheduled"]
    waiting = RequestReminder.objects.filter(sent_at__isnull=True)
    assert waiting.count() == 4
    assert {(r.attempts, r.last_error) for r in waiting} == {(1, "connection refused")}
    retries = DBTaskResult.objects.filter(task_path=MAIL_TASK)
    assert retries.count() == 2 and all(r.run_after > r.enqueued_at for r in retries)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert run_mail_tasks() == ["sent", "sent"]
    assert not RequestReminder.objects.filter(sent_at__isnull=True).exists()


def test_a_request_nobody_can_be_mailed_about_is_named_by_its_reference(
    actor, client_dossier, partner
):
    make_employee(partner, "pim", role=Role.PRIVACY_OFFICER)  # no e-mail address
    overdue = register(actor, client_dossier, received_on=days_ago(40))
    run = services.plan_reminders(today=TODAY())
    assert (run.requests, run.reminders, run.unreachable) == (1, 0, (overdue.id,))
    assert not RequestReminder.objects.exists()
    assert not DBTaskResult.objects.filter(task_path=MAIL_TASK).exists()


@committed
def test_the_command_for_cron_passes_the_gate_and_the_worker_sends(three_requests):
    overdue, soon, _later = three_requests
    out = io.StringIO()
    call_command("rights", "remind", "--day", TODAY().isoformat(), stdout=out)
    assert "2 verzoek(en) vragen aandacht; 4 herinnering(en) aan 2 medewerker(s)" in out.getvalue()
    run_worker()
    assert set(mails_to()) == {"pim@heuvelrug.example", "anna@heuvelrug.example"}
    assert all(str(overdue.id) in m.body and str(soon.id) in m.body for m in mail.outbox)
    assert RequestReminder.objects.filter(sent_at__isnull=False).count() == 4
    again = io.StringIO()
    call_command("rights", "remind", stdout=again)  # today, once more
    assert "0 herinnering(en) aan 0 medewerker(s)" in again.getvalue()
    run_worker()
    assert len(mail.outbox) == 2
