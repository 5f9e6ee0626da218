# SPDX-License-Identifier: EUPL-1.2
"""Answering requests: the overview sent (art9.1), an objection decided and carried out (GDPR
art. 21), and the requests of one client for whoever handles them."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import make_employee, make_partner
from tests.rights.test_requests import days_ago, register
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import SubjectRequest


def test_art9_1_the_overview_sent_answers_and_closes_the_request(actor, client_dossier):
    request = register(actor, client_dossier)
    services.pause_request(actor, request.id, reason="Wacht op een kopie van het paspoort")
    with pytest.raises(InvalidInput) as waiting:
        services.send_overview(actor, request.id)
    assert "wacht op de verzoeker" in waiting.value.errors["state"]
    services.resume_request(actor, request.id)
    for bad in (days_ago(11), timezone.localdate() + datetime.timedelta(days=1), "3-12-2026"):
        with pytest.raises(InvalidInput) as wrong:
            services.send_overview(actor, request.id, sent_on=bad)
        assert "sentOn" in wrong.value.errors
    assert SubjectRequest.objects.get(id=request.id).state == "in-progress"
    sent = services.send_overview(actor, request.id, sent_on=days_ago(1))
    assert (sent.state, sent.outcome) == ("closed", "granted")
    assert sent.carried_out_on == days_ago(1) and sent.closed_on is not None
    assert sent.decided_by == "Anna Test"
    logged = LogRecord.objects.get(name="overzicht-betrokkene-verzenden")
    assert logged.articles == "art9.1" and logged.decision == "allowed"
    with pytest.raises(InvalidInput):  # answered once
        services.send_overview(actor, request.id)


def test_art9_1_only_an_overview_request_is_answered_by_sending_the_overview(actor, client_dossier):
    inspection = register(actor, client_dossier, kind="inspection")
    with pytest.raises(InvalidInput) as wrong:
        services.send_overview(actor, inspection.id)
    assert "kind" in wrong.value.errors


@pytest.fixture
def objection(avg_actor, noor):
    """Noor objects (AVG art. 21) to the use of her phone number; she acts alone (art10.1)."""
    phone = factories.record(avg_actor, noor.id, category="contact", value="06-12345678")
    request = services.register_request(
        avg_actor,
        noor.id,
        kind="objection",
        requested_by_subject_id=noor.subject.id,
        identity_method="digital-sign-in",
        received_on=days_ago(2),
        details="Ik maak bezwaar tegen het gebruik van mijn telefoonnummer.",
        item_ids=[phone.id],
    )
    return request, phone


def test_gdpr_art21_a_granted_objection_takes_the_data_out_of_use(avg_actor, objection):
    request, phone = objection
    assert request.authority == ("art10.1",)
    services.decide_request(avg_actor, request.id, outcome="granted", protection_needed=False)
    done = services.carry_out_request(avg_actor, request.id)
    assert done.state == "closed"  # nobody received it before
    assert DataItem.objects.get(id=phone.id).blocked_on == timezone.localdate()


def test_gdpr_art21_an_objection_is_refused_only_with_a_ground_and_a_reason(avg_actor, objection):
    request, phone = objection
    with pytest.raises(InvalidInput) as bare:
        services.decide_request(avg_actor, request.id, outcome="refused", protection_needed=False)
    assert "refusalGround" in bare.value.errors
    refused = services.decide_request(
        avg_actor,
        request.id,
        outcome="refused",
        protection_needed=False,
        refusal_ground="compelling-grounds",
        refusal_reason="Het nummer is nodig om de lopende hulp te kunnen bieden.",
    )
    assert (refused.state, refused.refusal_ground) == ("closed", "compelling-grounds")
    assert DataItem.objects.get(id=phone.id).blocked_on is None


def test_the_requests_of_a_client_are_listed_for_whoever_handles_them(actor, client_dossier):
    first = register(actor, client_dossier, received_on=days_ago(20))
    services.withdraw_request(actor, first.id)
    second = register(actor, client_dossier, kind="inspection")
    listed = services.client_requests(actor, client_dossier.id)
    assert [r.id for r in listed] == [second.id, first.id]
    assert [r.state for r in listed] == ["received", "withdrawn"]
    assert LogRecord.objects.filter(name="verzoeken-betrokkene-raadplegen").exists()
    stranger = actor_for(make_employee(make_partner("Wijkteam Doorn"), "bram"))
    with pytest.raises(NotFound):
        services.client_requests(stranger, client_dossier.id)


def test_art9_5_nothing_is_decided_or_released_while_waiting_for_the_requester(
    actor, client_dossier
):
    phone = factories.record(actor, client_dossier.id, category="contact", value="06-12345678")
    correction = register(
        actor, client_dossier, kind="correction", item_ids=[phone.id], details="Nieuw nummer"
    )
    inspection = register(actor, client_dossier, kind="inspection")
    for request in (correction, inspection):
        services.pause_request(actor, request.id, reason="Wacht op een kopie van het paspoort")
    with pytest.raises(InvalidInput) as deciding:
        services.decide_request(actor, correction.id, outcome="granted", protection_needed=False)
    with pytest.raises(InvalidInput) as releasing:
        services.release_inspection(actor, inspection.id)
    for error in (deciding, releasing):
        assert "wacht op de verzoeker" in error.value.errors["state"]
    assert set(SubjectRequest.objects.values_list("state", flat=True)) == {"waiting"}
