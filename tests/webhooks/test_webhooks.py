# SPDX-License-Identifier: EUPL-1.2
"""Webhook notifications: made with what they announce, signed, delivered by the task worker
to a real HTTP server, retried, never carrying personal data."""

from __future__ import annotations

import datetime
import http.server
import io
import json
import threading
import time

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tests.conftest import inform_and_consent, make_partner, representative_of
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.webhooks import delivery, signing, subscriptions
from zorgvuldig.webhooks.models import Notification

pytestmark = pytest.mark.django_db

LOCAL = override_settings(ZORGVULDIG_WEBHOOK_HTTP_HOSTS=["127.0.0.1"])


class Receiver(http.server.ThreadingHTTPServer):
    """A partner system's endpoint on 127.0.0.1: records every request, answers ``status``."""

    def __init__(self, status=204):
        self.status, self.received = status, []
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/zorgvuldig"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), body))
        self.send_response(self.server.status)
        if self.server.status in (301, 302, 307):
            self.send_header("Location", "http://127.0.0.1:9/elsewhere")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def recipient():
    return make_partner("Jeugdhulp Elders")


@pytest.fixture
def may_share(actor, client_dossier):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    return client_dossier


def share(actor, client, recipient, category="youth"):
    item = services.record_item(
        actor,
        client.id,
        category=category,
        label="school",
        value="Groep 8, De Linde",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    return services.share_items(
        actor,
        client.id,
        item_ids=[item.id],
        recipient_partner_id=recipient.id,
        purpose="support-provision",
        referral_domain="jeugd",  # nobody supports the client there yet (art5.1)
    )


def run_worker():
    """The worker as it runs in production: it sees only what was committed."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


# the worker checks its connection between tasks; that needs real commits, not a test savepoint
committed = pytest.mark.django_db(transaction=True)


def test_a_webhook_url_must_use_https_and_hold_no_credentials(recipient):
    for url in ("http://partner.example/hook", "ftp://partner.example/", "https://", "hook"):
        with pytest.raises(InvalidInput, match="URL"):
            subscriptions.subscribe(recipient.id, url)
    with pytest.raises(InvalidInput, match="wachtwoord"):
        subscriptions.subscribe(recipient.id, "https://user:secret@partner.example/hook")
    subscription, secret = subscriptions.subscribe(recipient.id, "https://partner.example/hook")
    assert len(secret) >= 40 and subscription.secret == secret
    with LOCAL:
        subscriptions.subscribe(recipient.id, "http://127.0.0.1:8080/hook")


def test_art6_1_a_share_notifies_the_recipient_in_its_transaction_without_personal_data(
    actor, may_share, recipient
):
    subscriptions.subscribe(recipient.id, "https://partner.example/hook")
    result = share(actor, may_share, recipient)
    (notification,) = Notification.objects.all()
    assert notification.payload["event"] == "received-shares.created"
    assert notification.payload["receivedShareIds"] == [str(i) for i in result.received_share_ids]
    text = json.dumps(notification.payload)
    subject = may_share.subject
    for personal in (str(may_share.id), subject.bsn, subject.surname, "Groep 8", "youth"):
        assert personal not in text
    (task,) = DBTaskResult.objects.all()  # committed with the share, done by the worker
    assert task.args_kwargs["args"] == [str(notification.id)]


def test_a_refused_share_announces_nothing(actor, client_dossier, recipient):
    subscriptions.subscribe(recipient.id, "https://partner.example/hook")
    with pytest.raises(ProcessingRefused):  # no consent to share (art4.3)
        share(actor, client_dossier, recipient)
    assert not Notification.objects.exists() and not DBTaskResult.objects.exists()


def test_only_the_recipients_subscriptions_are_notified(actor, may_share, recipient):
    subscriptions.subscribe(make_partner("Wmo Leersum").id, "https://other.example/hook")
    share(actor, may_share, recipient)
    assert not Notification.objects.exists()


@committed
@LOCAL
def test_the_worker_delivers_a_signed_notification(actor, may_share, recipient, receiver):
    _, secret = subscriptions.subscribe(recipient.id, receiver.url)
    share(actor, may_share, recipient)
    run_worker()
    ((headers, body),) = receiver.received
    assert headers["Content-Type"] == "application/json"
    assert headers["Zorgvuldig-Event"] == "received-shares.created"
    signature, now = headers["Zorgvuldig-Signature"], int(time.time())
    assert signing.verify(secret, signature, body, now=now)
    assert not signing.verify("another-secret", signature, body, now=now)
    notification = Notification.objects.get()
    assert json.loads(body) == notification.payload
    assert notification.delivered_at is not None and notification.attempts == 1
    assert notification.last_status == 204


@committed
@LOCAL
def test_a_failed_delivery_is_tried_again_later_then_given_up(
    actor, may_share, recipient, receiver
):
    receiver.status = 500
    subscriptions.subscribe(recipient.id, receiver.url)
    share(actor, may_share, recipient)
    run_worker()
    notification = Notification.objects.get()
    assert (notification.attempts, notification.last_status) == (1, 500)
    assert notification.delivered_at is None and notification.gave_up_at is None
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after > notification.last_attempt_at + datetime.timedelta(seconds=25)
    for _ in range(delivery.MAX_ATTEMPTS - 1):
        delivery.deliver.call(str(notification.id))
    notification.refresh_from_db()
    assert notification.attempts == delivery.MAX_ATTEMPTS and notification.gave_up_at is not None
    assert len(receiver.received) == delivery.MAX_ATTEMPTS
    assert delivery.deliver.call(str(notification.id)) == "done"  # no attempt after giving up
    assert len(receiver.received) == delivery.MAX_ATTEMPTS


@committed
@LOCAL
def test_a_redirect_is_not_followed(actor, may_share, recipient, receiver):
    receiver.status = 302
    subscriptions.subscribe(recipient.id, receiver.url)
    share(actor, may_share, recipient)
    run_worker()
    notification = Notification.objects.get()
    assert notification.last_status == 302 and notification.delivered_at is None
    assert len(receiver.received) == 1


@committed
def test_an_unreachable_system_is_recorded_as_an_error(actor, may_share, recipient):
    with LOCAL:
        subscriptions.subscribe(recipient.id, "http://127.0.0.1:9/hook")  # discard port
    share(actor, may_share, recipient)
    run_worker()
    notification = Notification.objects.get()
    assert notification.last_status is None and notification.last_error
    assert notification.delivered_at is None and notification.attempts == 1


@committed
@LOCAL
def test_an_ended_subscription_gets_nothing_more(actor, may_share, recipient, receiver):
    subscription, _ = subscriptions.subscribe(recipient.id, receiver.url)
    share(actor, may_share, recipient)
    subscriptions.unsubscribe(recipient.id, subscription.id)
    run_worker()
    assert receiver.received == []
    assert Notification.objects.get().gave_up_at is not None
    with pytest.raises(NotFound):
        subscriptions.unsubscribe(recipient.id, subscription.id)


def test_a_signature_fails_on_another_body_or_an_old_timestamp():
    body = b'{"event":"received-shares.created"}'
    now = int(time.time())
    header = signing.sign("s3cret", now, body)
    assert signing.verify("s3cret", header, body, now=now)
    assert not signing.verify("s3cret", header, body + b" ", now=now)
    assert not signing.verify("s3cret", header, body, now=now + signing.TOLERANCE_SECONDS + 1)
    assert not signing.verify("s3cret", "v1=abc", body, now=now)
    assert not signing.verify("s3cret", "t=x,v1=abc", body, now=now)


def test_a_stalled_notification_is_offered_again_a_waiting_retry_is_not_doubled(
    actor, may_share, recipient
):
    subscriptions.subscribe(recipient.id, "https://partner.example/hook")
    share(actor, may_share, recipient)
    notification = Notification.objects.get()
    DBTaskResult.objects.all().delete()  # the task was lost with its worker
    out = io.StringIO()
    call_command("webhooks", "resend", stdout=out)  # too recent: a retry may still wait
    assert "0 melding" in out.getvalue() and not DBTaskResult.objects.exists()
    later = notification.created_at + delivery.STALLED_AFTER + datetime.timedelta(minutes=1)
    assert delivery.resend_stalled(now=later) == 1
    (task,) = DBTaskResult.objects.all()
    assert task.args_kwargs["args"] == [str(notification.id)]
    Notification.objects.filter(pk=notification.pk).update(delivered_at=later)
    DBTaskResult.objects.all().delete()
    assert delivery.resend_stalled(now=later) == 0  # delivered: nothing to offer again
