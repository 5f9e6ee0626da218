# SPDX-License-Identifier: EUPL-1.2
"""art9.6: whoever received data before a request changed or deleted it, and nobody else, is
told; the request closes only when each notice is delivered or marked impossible."""

from __future__ import annotations

import pytest
from django.core import mail

from tests import factories
from tests.rights.test_requests import register
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import services
from zorgvuldig.gate.services.rights import notices
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import RecipientNotice
from zorgvuldig.webhooks.models import Notification


def test_art9_6_exactly_the_earlier_recipients_of_the_changed_item_are_told(actor, spread):
    client, phone, _school = spread
    request = register(
        actor, client, kind="correction", item_ids=[phone.id], details="Nummer is 06-1111"
    )
    services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    done = services.carry_out_request(actor, request.id, new_values={phone.id: "06-11111111"})
    assert done.state == "carried-out"  # not closed: recipients are still to be told
    told = {n.recipient: n for n in services.request_notices(actor, request.id)}
    assert set(told) == {"Jeugdhulp Webhook", "Jeugdhulp Mail", "Oma de Vries"}  # not School
    assert {k: n.channel for k, n in told.items()} == {
        "Jeugdhulp Webhook": "webhook",
        "Jeugdhulp Mail": "email",
        "Oma de Vries": "letter",
    }
    assert all(n.status == "pending" and n.item_ids == (phone.id,) for n in told.values())
    # the webhook names the recipient's copies, nothing about the person
    (hook,) = Notification.objects.all()
    assert hook.payload["event"] == "received-data.changed"
    assert hook.payload["change"] == "correction" and len(hook.payload["receivedShareIds"]) == 1
    for personal in ("06-12345678", "06-11111111", "Sanne"):
        assert personal not in str(hook.payload)


def test_art9_6_the_request_closes_only_when_every_notice_is_delivered_or_impossible(actor, spread):
    client, phone, _school = spread
    request = register(actor, client, kind="deletion", item_ids=[phone.id])
    services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    services.carry_out_request(actor, request.id)
    with pytest.raises(InvalidInput) as waiting:
        services.close_request(actor, request.id)
    assert "Oma de Vries" in waiting.value.errors["notices"]
    by_channel = {n.channel: n for n in RecipientNotice.objects.all()}
    # the e-mail, sent by the task worker, carries no personal data
    assert notices.mail_notice.call(str(by_channel["email"].id)) == "delivered"
    (sent,) = mail.outbox
    assert sent.to == ["privacy@jeugdhulp-mail.example"] and "verwijderd" in sent.subject
    for personal in ("06-12345678", "06-11111111", "Sanne"):
        assert personal not in sent.body
    assert notices.mail_notice.call(str(by_channel["email"].id)) == "done"  # once
    # the webhook is delivered by its own worker
    Notification.objects.update(delivered_at="2026-12-02T12:00:00Z")
    # the letter to the grandmother: sent, or impossible with a reason
    with pytest.raises(InvalidInput):
        services.resolve_notice(actor, by_channel["letter"].id, delivered=False)
    services.resolve_notice(
        actor, by_channel["letter"].id, delivered=False, impossible_reason="Adres onbekend."
    )
    with pytest.raises(InvalidInput):
        services.resolve_notice(actor, by_channel["letter"].id, delivered=True)
    closed = services.close_request(actor, request.id)
    assert closed.state == "closed"
    statuses = {n.channel: n.status for n in services.request_notices(actor, request.id)}
    assert statuses == {"webhook": "delivered", "email": "delivered", "letter": "impossible"}
    assert LogRecord.objects.filter(name="verzoek-betrokkene-afsluiten").get().articles == "art9.6"


def test_art9_6_a_webhook_that_gave_up_makes_its_notice_impossible_with_the_error(actor, spread):
    client, phone, _school = spread
    request = register(actor, client, kind="deletion", item_ids=[phone.id])
    services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    services.carry_out_request(actor, request.id)
    Notification.objects.update(gave_up_at="2026-12-02T12:00:00Z", last_error="HTTP 500")
    hook = next(n for n in services.request_notices(actor, request.id) if n.channel == "webhook")
    assert hook.status == "impossible" and "HTTP 500" in hook.impossible_reason


def test_art9_6_with_nobody_to_tell_a_carried_out_request_closes(actor, client_dossier):
    item = factories.record(
        actor, client_dossier.id, category="contact", value="06-1", label="Contact"
    )
    request = register(actor, client_dossier, kind="deletion", item_ids=[item.id])
    services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    assert services.carry_out_request(actor, request.id).state == "closed"
    assert not RecipientNotice.objects.exists()


def test_a_failing_mail_server_is_tried_again(actor, spread, settings):
    settings.EMAIL_BACKEND = "tests.rights.test_notices.BrokenBackend"
    client, phone, _school = spread
    request = register(actor, client, kind="deletion", item_ids=[phone.id])
    services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    services.carry_out_request(actor, request.id)
    notice = RecipientNotice.objects.get(channel="email")
    assert notices.mail_notice.call(str(notice.id)) == "retry scheduled"
    notice.refresh_from_db()
    assert notice.status == "pending" and notice.attempts == 1 and "refused" in notice.last_error


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("connection refused")
