# SPDX-License-Identifier: EUPL-1.2
"""One destruction path (art5.2): a granted deletion (art9.4) and an early destruction pass
the same checks as a run of a destruction list, inside the transaction, and a refusal is
logged with its reason while nothing is written."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.retention.conftest import end_support
from tests.rights.test_requests import register
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItem, DataItemVersion
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import SubjectRequest


@pytest.fixture
def phone(actor, client_dossier):
    return factories.record(
        actor, client_dossier.id, category="contact", value="06-12345678", label="Contact"
    )


@pytest.fixture
def granted_deletion(officer, client_dossier, phone):
    request = register(officer, client_dossier, kind="deletion", item_ids=[phone.id])
    services.decide_request(officer, request.id, outcome="granted", protection_needed=False)
    return request


def _hold(officer, client_dossier):
    services.place_hold(
        officer,
        client_dossier.id,
        reason="Broertje nog in zorg",
        review_on=timezone.localdate() + datetime.timedelta(days=60),
    )


def _refused(name: str) -> LogRecord:
    return LogRecord.objects.get(name=name, decision="refused")


def test_art5_2_a_hold_placed_after_a_granted_deletion_stops_it(
    officer, client_dossier, phone, granted_deletion
):
    _hold(officer, client_dossier)
    with pytest.raises(InvalidInput, match="bewaarbesluit"):
        services.carry_out_request(officer, granted_deletion.id)
    assert DataItemVersion.objects.get(item_id=phone.id).value == "06-12345678"
    assert DataItem.objects.get(id=phone.id).destroyed_on is None
    assert SubjectRequest.objects.get(id=granted_deletion.id).state == "decided"
    assert _refused("verzoek-betrokkene-uitvoeren").articles == "art5.2"


def test_art5_2_another_open_request_stops_a_granted_deletion(
    officer, client_dossier, phone, granted_deletion
):
    register(officer, client_dossier, kind="overview")
    with pytest.raises(InvalidInput, match="Een ander verzoek"):
        services.carry_out_request(officer, granted_deletion.id)
    assert DataItem.objects.get(id=phone.id).destroyed_on is None
    assert _refused("verzoek-betrokkene-uitvoeren").articles == "art9.4"


def test_art5_2_a_granted_deletion_is_carried_out_by_the_destruction_path(
    officer, phone, granted_deletion
):
    done = services.carry_out_request(officer, granted_deletion.id)
    assert done.state == "closed"
    assert DataItem.objects.get(id=phone.id).destroyed_on == timezone.localdate()
    (version,) = DataItemVersion.objects.filter(item_id=phone.id)
    assert version.value == "[vernietigd]" and version.source == "[vernietigd]"
    assert not LogRecord.objects.filter(decision="refused").exists()


def test_art5_2_a_refused_early_destruction_is_logged_and_writes_nothing(
    officer, client_dossier, phone
):
    asked = register(
        officer, client_dossier, kind="early-destruction", received_on=timezone.localdate()
    )
    end_support(client_dossier)
    services.decide_request(officer, asked.id, outcome="granted", protection_needed=False)
    _hold(officer, client_dossier)
    with pytest.raises(InvalidInput, match="bewaarbesluit"):
        services.carry_out_request(officer, asked.id)
    assert SubjectRequest.objects.get(id=asked.id).state == "decided"
    assert DataItem.objects.filter(id=phone.id).exists()
    refused = _refused("dossier-vernietigen")
    assert refused.articles == "art5.2" and refused.operation == "destroy"
