# SPDX-License-Identifier: EUPL-1.2
"""A correction for a 14-year-old, from the request to the last notice (art9.4 to art9.6,
art10.1), through the services as the caseworker and the privacy officer use them.

Daan is 14; his mother has parental authority. His phone number and his school went to other
partners and his phone number to his grandmother. The two of them ask for a correction: from
12 up to and including 15 the youth and his representative sign together (art10.1), so a
request signed by one of them is refused. The request is registered with how identity was
established, paused for a clarification and resumed (the deadline moves), granted by the
privacy officer, carried out (the old versions stay), and every earlier recipient is told: by
webhook to a real HTTP server, by e-mail, by letter; one letter cannot be delivered. Then the
request closes, and the processing log holds every step.
"""

from __future__ import annotations

import datetime
import http.server
import json
import threading

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from tests import factories
from tests.conftest import inform_and_consent, make_employee, make_partner, next_bsn
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import services
from zorgvuldig.gate.services.rights import notices
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import RequestPause, SubjectRequest
from zorgvuldig.webhooks import delivery
from zorgvuldig.webhooks.models import Notification
from zorgvuldig.webhooks.subscriptions import subscribe

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
OLD_PHONE, NEW_PHONE = "06-12345678", "06-11111111"
OLD_SCHOOL, NEW_SCHOOL = "Groep 7, De Regenboog", "Groep 8, De Regenboog"
STEPS = (
    "verzoek-betrokkene-vastleggen",
    "verzoek-betrokkene-pauzeren",
    "verzoek-betrokkene-hervatten",
    "verzoek-betrokkene-beslissen",
    "verzoek-betrokkene-uitvoeren",
    "ontvangers-informeren-raadplegen",
    "ontvanger-informeren-vastleggen",
    "verzoek-betrokkene-afsluiten",
)


class PartnerSystem(http.server.ThreadingHTTPServer):
    """A partner's system on 127.0.0.1: keeps every body it receives, answers 204."""

    def __init__(self):
        self.received: list[dict] = []
        super().__init__(("127.0.0.1", 0), _Endpoint)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/zorgvuldig"


class _Endpoint(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def partner_system():
    server = PartnerSystem()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with override_settings(ZORGVULDIG_WEBHOOK_HTTP_HOSTS=["127.0.0.1"]):
        yield server
    server.shutdown()
    server.server_close()


def share(actor, client, items, **recipient):
    result = services.share_items(
        actor,
        client.id,
        item_ids=[i.id for i in items],
        purpose="support-provision",
        **recipient,
    )
    assert set(result.sent) == {i.id for i in items}
    return result


def test_a_fourteen_year_old_s_correction_from_request_to_the_last_notice(
    actor, partner, partner_system
):
    officer = actor_for(make_employee(partner, "pim", role=Role.PRIVACY_OFFICER))
    received = TODAY() - 3 * DAY
    # --- Daan (14) and his mother, with parental authority ------------------------------------
    daan = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Daan",
        surname="Visser",
        birth_date=received - relativedelta(years=14, months=3),
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    mother = services.add_relation(
        actor,
        daan.id,
        kind="parent",
        bsn=next_bsn(),
        given_names="Ilse",
        surname="Visser",
        birth_date=datetime.date(1983, 11, 20),
        purpose="intake",
    ).related.id
    youth = daan.subject.id
    inform_and_consent(actor, daan.id, representative_id=mother, scopes=("record-request", "share"))
    who = services.who_may_act(actor, daan.id)
    assert who.age == 14 and who.articles == ("art10.1",)
    assert [sorted(s.role for s in option) for option in who.options] == [["client", "parent"]]

    # --- his data, and where some of it went -------------------------------------------------
    phone = factories.record(actor, daan.id, "contact", OLD_PHONE, label="Telefoon")
    school = factories.record(actor, daan.id, "youth", OLD_SCHOOL, label="School")
    hobby = factories.record(actor, daan.id, "youth", "Voetbal bij VV Langbroek", label="Hobby")
    hooked = make_partner("Jeugdhulp Webhook")
    subscribe(hooked.id, partner_system.url)
    mailed = make_partner("Jeugdhulp Mail")
    mailed.privacy_email = "privacy@jeugdhulp-mail.example"
    mailed.save()
    by_letter = make_partner("Jeugdhulp Brief")
    grandmother = services.register_non_partner(
        actor, name="Oma Visser", kind="family", informed=True
    )
    services.record_consent(  # art7: a non-partner only on a consent that names her
        actor,
        daan.id,
        scope="share",
        state="given",
        decided_on=TODAY(),
        purpose="support-provision",
        given_by_subject_id=mother,
        signed_by_subject_ids=[youth],
        recipients=[str(grandmother.id)],
    )
    share(actor, daan, [phone], recipient_partner_id=hooked.id, referral_domain="jeugd")
    share(actor, daan, [school], recipient_partner_id=mailed.id, referral_domain="jeugd")
    share(actor, daan, [school], recipient_partner_id=by_letter.id, referral_domain="jeugd")
    share(actor, daan, [phone], non_partner_id=grandmother.id)
    Notification.objects.all().delete()  # the announcements of the shares themselves

    # --- the request: both sign (art10.1) -------------------------------------------------------
    asked = {
        "kind": "correction",
        "identity_method": "in-person",
        "identity_note": "Paspoort van de moeder en ID-kaart van Daan gezien.",
        "received_on": received,
        "details": f"Het nummer is {NEW_PHONE}; Daan zit in groep 8.",
        "item_ids": [phone.id, school.id],
    }
    with pytest.raises(InvalidInput) as mother_alone:
        services.register_request(actor, daan.id, requested_by_subject_id=mother, **asked)
    assert "beiden tekenen" in mother_alone.value.errors["signedBySubjectIds"]
    with pytest.raises(InvalidInput) as youth_alone:
        services.register_request(actor, daan.id, requested_by_subject_id=youth, **asked)
    assert "beiden tekenen" in youth_alone.value.errors["signedBySubjectIds"]
    assert not SubjectRequest.objects.exists()
    request = services.register_request(
        actor, daan.id, requested_by_subject_id=mother, signed_by_subject_ids=[youth], **asked
    )
    assert request.state == "received" and request.authority == ("art10.1",)
    assert request.requested_by.role == "parent"
    assert {(s.name, s.role) for s in request.signed_by} == {
        ("Daan Visser", "client"),
        ("Ilse Visser", "parent"),
    }
    assert (request.identity_method, request.identity_note) == (
        "in-person",
        "Paspoort van de moeder en ID-kaart van Daan gezien.",
    )
    assert set(request.item_ids) == {phone.id, school.id}
    assert request.due_on == received + datetime.timedelta(weeks=4)  # art9.5, 2015 text

    # --- paused for a clarification, resumed two days later -----------------------------------
    paused = services.pause_request(actor, request.id, reason="Welk nummer klopt? Gevraagd.")
    assert paused.state == "waiting" and paused.paused
    RequestPause.objects.filter(request_id=request.id).update(started_on=TODAY() - 2 * DAY)
    resumed = services.resume_request(actor, request.id)
    assert resumed.state == "in-progress" and not resumed.paused
    (pause,) = resumed.pauses
    assert (pause.ended_on, pause.reason) == (TODAY(), "Welk nummer klopt? Gevraagd.")
    assert resumed.due_on == request.due_on + 2 * DAY

    # --- decided by the privacy officer (art9.5) ----------------------------------------------
    with pytest.raises(InvalidInput) as unanswered:
        services.decide_request(officer, request.id, outcome="granted", protection_needed=None)
    assert "protectionNeeded" in unanswered.value.errors
    decided = services.decide_request(
        officer, request.id, outcome="granted", protection_needed=False
    )
    assert (decided.state, decided.outcome, decided.decided_on) == ("decided", "granted", TODAY())
    assert decided.decided_by.startswith("Pim") and set(decided.granted_item_ids) == {
        phone.id,
        school.id,
    }

    # --- carried out by the caseworker: new versions, the old ones stay (art3.2a) -------------
    done = services.carry_out_request(
        actor, request.id, new_values={phone.id: NEW_PHONE, school.id: NEW_SCHOOL}
    )
    assert (done.state, done.carried_out_on) == ("carried-out", TODAY())
    for item, old, new in ((phone, OLD_PHONE, NEW_PHONE), (school, OLD_SCHOOL, NEW_SCHOOL)):
        history = services.item_history(actor, item.id, purpose="assessment")
        assert [(v.number, v.value) for v in history.history] == [(2, new), (1, old)]
        assert history.current.source == "Verzoek van de betrokkene (art. 9 lid 4)"
        assert history.current.reason == "Correctie op verzoek van de betrokkene"
    untouched = services.item_history(actor, hobby.id, purpose="assessment")
    assert [v.value for v in untouched.history] == ["Voetbal bij VV Langbroek"]

    # --- the earlier recipients, and nobody else, are told (art9.6) ---------------------------
    told = {n.recipient: n for n in services.request_notices(actor, request.id)}
    assert {k: (n.channel, n.item_ids, n.status) for k, n in told.items()} == {
        "Jeugdhulp Webhook": ("webhook", (phone.id,), "pending"),
        "Jeugdhulp Mail": ("email", (school.id,), "pending"),
        "Jeugdhulp Brief": ("letter", (school.id,), "pending"),
        "Oma Visser": ("letter", (phone.id,), "pending"),
    }
    with pytest.raises(InvalidInput) as waiting:
        services.close_request(actor, request.id)
    assert "Oma Visser" in waiting.value.errors["notices"]
    # the webhook, delivered by the task to the partner's system, names only its own copies
    (hook,) = Notification.objects.filter(event="received-data.changed")
    assert delivery.deliver.call(str(hook.id)) == "delivered"
    (payload,) = partner_system.received
    assert payload["event"] == "received-data.changed" and payload["change"] == "correction"
    assert payload["noticeId"] == str(told["Jeugdhulp Webhook"].id)
    # the e-mail, sent by the task worker to the privacy contact
    assert notices.mail_notice.call(str(told["Jeugdhulp Mail"].id)) == "delivered"
    (sent,) = mail.outbox
    assert sent.to == ["privacy@jeugdhulp-mail.example"] and "gecorrigeerd" in sent.subject
    for personal in (OLD_PHONE, NEW_PHONE, OLD_SCHOOL, NEW_SCHOOL, "Daan", "Visser"):
        assert personal not in json.dumps(payload) and personal not in sent.body
    # the letters: one sent, one that cannot be (with the reason)
    services.resolve_notice(actor, told["Oma Visser"].id, delivered=True)
    with pytest.raises(InvalidInput):
        services.resolve_notice(actor, told["Jeugdhulp Brief"].id, delivered=False)
    services.resolve_notice(
        actor,
        told["Jeugdhulp Brief"].id,
        delivered=False,
        impossible_reason="Geen postadres bekend; organisatie opgeheven.",
    )
    statuses = {n.recipient: n.status for n in services.request_notices(actor, request.id)}
    assert statuses == {
        "Jeugdhulp Webhook": "delivered",
        "Jeugdhulp Mail": "delivered",
        "Jeugdhulp Brief": "impossible",
        "Oma Visser": "delivered",
    }

    # --- closed ---------------------------------------------------------------------------------
    closed = services.close_request(actor, request.id)
    assert (closed.state, closed.closed_on) == ("closed", TODAY())
    with pytest.raises(InvalidInput):
        services.pause_request(actor, request.id, reason="Te laat.")

    # --- the log holds every step, for Daan, allowed by its article ---------------------------
    steps = list(
        LogRecord.objects.filter(subject_pseudonym=subject_pseudonym(youth), name__in=STEPS)
        .order_by("id")
        .values_list("name", "articles", "decision", "purpose")
    )
    assert [(name, articles) for name, articles, _, _ in steps] == [
        ("verzoek-betrokkene-vastleggen", "art9.4"),
        ("verzoek-betrokkene-pauzeren", "art9.4"),
        ("verzoek-betrokkene-hervatten", "art9.4"),
        ("verzoek-betrokkene-beslissen", "art9.5"),
        ("verzoek-betrokkene-uitvoeren", "art9.4"),
        ("ontvangers-informeren-raadplegen", "art9.6"),
        ("ontvanger-informeren-vastleggen", "art9.6"),
        ("ontvanger-informeren-vastleggen", "art9.6"),
        ("ontvangers-informeren-raadplegen", "art9.6"),
        ("verzoek-betrokkene-afsluiten", "art9.6"),
    ]
    assert {(d, p) for _, _, d, p in steps} == {("allowed", "accountability")}
    # the registration is logged for the mother too: she asked and signed
    assert LogRecord.objects.filter(
        subject_pseudonym=subject_pseudonym(mother), name="verzoek-betrokkene-vastleggen"
    ).exists()
