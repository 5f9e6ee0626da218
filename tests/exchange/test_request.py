"""Requesting data from a partner (pull): decided on both sides, only allowed items come back."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import inform_and_consent, make_employee, make_partner, representative_of
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate import services
from zorgvuldig.gate.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def requester(client_dossier):
    """A second youth-care organisation that also supports the client, with consent."""
    other = actor_for(make_employee(make_partner("Jeugdhulp Elders"), "bram"))
    services.register_client(
        other,
        bsn=client_dossier.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client_dossier.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
    )
    inform_and_consent(
        other, client_dossier.id, representative_id=representative_of(client_dossier.id)
    )
    return other


def record(actor, client_id, category, value):
    return services.record_item(
        actor,
        client_id,
        category=category,
        label=category,
        value=value,
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )


def test_a_pull_is_decided_by_the_holders_consent_and_returns_only_allowed_items(
    actor, partner, client_dossier, requester
):
    school = record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    record(actor, client_dossier.id, "health", "ADHD")
    # the holder has no consent to share yet: nothing comes back, and that is logged
    nothing = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth"],
        purpose="support-provision",
    )
    assert nothing.received == () and "art. 4 lid 3" in nothing.explanation
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    result = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth", "health"],
        purpose="support-provision",
    )
    (received,) = result.received  # health: the requester has no signed form (art4.4)
    assert (received.category, received.current.value) == ("youth", "Groep 8, De Linde")
    assert (received.current.source, received.current.method) == ("Jeugdteam Heuvelrug", "partner")
    assert Disclosure.objects.get().item_id == school.id
    request_log = LogRecord.objects.filter(
        trace_id=result.request_trace_id, name="gegevens-opvragen"
    )
    assert request_log.first().decision == "partial"
    assert LogRecord.objects.filter(trace_id=result.share_trace_id, name="gegevens-delen").exists()


def test_bad_pull_requests_are_refused_before_anything_moves(
    actor, partner, client_dossier, requester
):
    record(actor, client_dossier.id, "youth", "x")
    with pytest.raises(NotFound):
        services.request_items(
            requester,
            client_dossier.id,
            holder_partner_id="6f1c1f1e-0000-4000-8000-000000000000",
            categories=["youth"],
            purpose="support-provision",
        )
    with pytest.raises(InvalidInput):
        services.request_items(
            requester,
            client_dossier.id,
            holder_partner_id=partner.id,
            categories=[],
            purpose="support-provision",
        )
    uninvolved = make_partner("Woonstichting")
    with pytest.raises(InvalidInput) as error:
        services.request_items(
            requester,
            client_dossier.id,
            holder_partner_id=uninvolved.id,
            categories=["youth"],
            purpose="support-provision",
        )
    assert "ondersteunt deze cliënt niet" in error.value.errors["holderPartnerId"]
    with pytest.raises(ProcessingRefused):  # art5.1 on the requester's side
        services.request_items(
            requester,
            client_dossier.id,
            holder_partner_id=partner.id,
            categories=["work-income"],
            purpose="support-provision",
        )
    assert not Disclosure.objects.exists()
