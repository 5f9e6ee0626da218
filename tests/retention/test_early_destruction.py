# SPDX-License-Identifier: EUPL-1.2
"""Early destruction at the data subject's request (art5.2 with the Selectielijst gemeenten
2020 and the Jeugdwet): a kind of request of art9, answered within three months, carried out
through the one destruction path."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.retention.conftest import end_support
from tests.rights.test_requests import register
from zorgvuldig.clients.models import Client
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol.deadlines import add_months
from zorgvuldig.retention.models import DestroyedDossier
from zorgvuldig.rights.models import SubjectRequest


@pytest.fixture
def asked(officer, client_dossier, youth_item):
    """Sanne (14) and her mother ask together that her dossier be destroyed early."""
    return register(
        officer, client_dossier, kind="early-destruction", received_on=timezone.localdate()
    )


def test_art5_2_early_destruction_is_due_within_three_months(asked):
    assert asked.kind == "early-destruction"
    assert asked.due_on == add_months(timezone.localdate(), 3)


def test_art5_2_early_destruction_on_request_goes_through_the_one_destruction_path(
    officer, client_dossier, asked
):
    services.decide_request(officer, asked.id, outcome="granted", protection_needed=False)
    with pytest.raises(InvalidInput, match="nog ondersteund"):
        services.carry_out_request(officer, asked.id)
    assert DataItem.objects.filter(client_id=client_dossier.id).exists()
    assert SubjectRequest.objects.get(id=asked.id).state == "decided"  # nothing half-written
    end_support(client_dossier)  # early: the twenty years of the Jeugdwet have not passed
    done = services.carry_out_request(officer, asked.id)
    assert done.state == "carried-out"
    assert not Client.objects.filter(id=client_dossier.id).exists()
    assert not DataItem.objects.filter(client_id=client_dossier.id).exists()
    assert DestroyedDossier.objects.get().whole_client
    # the first attempt, refused while she was supported, is logged too
    refused = LogRecord.objects.get(name="dossier-vernietigen", decision="refused")
    logged = LogRecord.objects.get(name="dossier-vernietigen", decision="allowed")
    assert refused.articles == logged.articles == "art5.2" and logged.operation == "destroy"


def test_art5_2_a_hold_stands_in_the_way_of_early_destruction(officer, client_dossier, asked):
    end_support(client_dossier)
    services.place_hold(
        officer,
        client_dossier.id,
        reason="Zaak loopt",
        review_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    services.decide_request(officer, asked.id, outcome="granted", protection_needed=False)
    with pytest.raises(InvalidInput, match="bewaarbesluit"):
        services.carry_out_request(officer, asked.id)
    assert Client.objects.filter(id=client_dossier.id).exists()


def test_art5_2_early_destruction_is_refused_where_the_law_opposes_it(
    officer, client_dossier, asked
):
    with pytest.raises(InvalidInput, match="hele dossier"):
        services.decide_request(
            officer, asked.id, outcome="partly-granted", protection_needed=False
        )
    refused = services.decide_request(
        officer,
        asked.id,
        outcome="refused",
        protection_needed=False,
        refusal_ground="legal-duty",
        refusal_reason="Een rechter heeft om het dossier gevraagd.",
    )
    assert refused.state == "closed"
    assert DataItem.objects.filter(client_id=client_dossier.id).exists()
