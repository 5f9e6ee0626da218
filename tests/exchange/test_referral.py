# SPDX-License-Identifier: EUPL-1.2
"""Referrals: a share to a partner that does not support the client yet carries what intake and
assessment in the named domain need and waits in the recipient's intake queue, where its
caseworkers see who was referred and take the client in, or decline (art3.2c, art5.1)."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import inform_and_consent, make_employee, make_partner, representative_of
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def record(actor, client_id, category, label):
    return services.record_item(
        actor,
        client_id,
        category=category,
        label=label,
        value=f"{label}: inhoud",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )


@pytest.fixture
def housing():
    return make_partner("Woonstichting Heuvelrug")


@pytest.fixture
def kees(housing):
    return actor_for(make_employee(housing, "kees"))


@pytest.fixture
def referred(actor, client_dossier, housing):
    """Youth care refers Sanne to the housing corporation: contact, household and school."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    items = {
        c: record(actor, client_dossier.id, c, label)
        for c, label in (("contact", "Telefoon"), ("household", "Gezin"), ("youth", "School"))
    }
    result = services.share_items(
        actor,
        client_dossier.id,
        item_ids=[i.id for i in items.values()],
        recipient_partner_id=housing.id,
        purpose="support-provision",
        referral_domain="wonen",
    )
    return items, result


def test_art5_1_a_share_to_a_partner_that_does_not_support_the_client_is_refused_unreferred(
    actor, client_dossier, housing
):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    school = record(actor, client_dossier.id, "youth", "School")
    with pytest.raises(ProcessingRefused) as refused:
        services.share_items(
            actor,
            client_dossier.id,
            item_ids=[school.id],
            recipient_partner_id=housing.id,
            purpose="support-provision",
        )
    assert refused.value.decision.articles == ("art5.1",)
    assert "verwijs" in refused.value.decision.explanation.lower()
    assert not Disclosure.objects.exists() and not ReceivedShare.objects.exists()
    assert LogRecord.objects.get(name="gegevens-delen").decision == "refused"


def test_art5_1_a_referral_carries_what_intake_and_assessment_there_need(referred, housing):
    items, result = referred
    assert set(result.sent) == {items["contact"].id, items["household"].id}
    assert result.withheld == (items["youth"].id,)
    assert "ontvanger" in result.explanation
    assert set(ReceivedShare.objects.values_list("referral_domain", flat=True)) == {"wonen"}


def test_art5_1_the_preview_shows_a_referral_as_such(actor, client_dossier, referred, housing):
    items, _ = referred
    rows = services.preview_share(
        actor,
        client_dossier.id,
        item_ids=[i.id for i in items.values()],
        recipient_partner_id=housing.id,
        purpose="support-provision",
        referral_domain="wonen",
    )
    assert {r.referral_domain for r in rows} == {"wonen"}
    assert {r.category: r.allowed for r in rows} == {
        "contact": True,
        "household": True,
        "youth": False,
    }
    plain = services.preview_share(
        actor,
        client_dossier.id,
        item_ids=[items["contact"].id],
        recipient_partner_id=housing.id,
        purpose="support-provision",
    )
    assert [(r.allowed, r.referral_domain, r.articles) for r in plain] == [(False, "", ("art5.1",))]


def test_art3_2c_the_referral_waits_in_the_intake_queue_and_seeing_it_is_logged(
    client_dossier, referred, kees
):
    (waiting,) = services.intake_queue(kees)
    assert (waiting.client_id, waiting.client_name, waiting.domain) == (
        client_dossier.id,
        "Sanne de Vries",
        "wonen",
    )
    assert (waiting.sender, waiting.sender_person) == ("Jeugdteam Heuvelrug", "Anna Test")
    assert set(waiting.categories) == {"contact", "household"}
    assert not hasattr(waiting, "value") and "inhoud" not in repr(waiting)  # never the content
    assert services.received_shares(kees, purpose="support-provision") == []
    seen = LogRecord.objects.get(name="verwijzing-inzien")
    assert (seen.decision, seen.purpose, seen.legal_basis) == ("allowed", "intake", "wmo-2015")


def test_art3_2c_a_referral_is_not_seen_by_another_organisation(referred):
    stranger = actor_for(make_employee(make_partner("Elders"), "piet"))
    assert services.intake_queue(stranger) == []


def test_art3_2c_the_referral_gives_the_intake_no_more_than_who_the_client_is(
    client_dossier, referred, kees
):
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_items(
            kees,
            client_dossier.id,
            categories=["contact"],
            purpose="intake",
            legal_basis="wmo-2015",
        )
    assert "art3.2c" in refused.value.decision.articles
    with pytest.raises(ProcessingRefused):  # nor for any other purpose
        services.consult_items(
            kees,
            client_dossier.id,
            categories=["identification"],
            purpose="assessment",
            legal_basis="wmo-2015",
        )


def test_art3_2c_taking_the_client_in_opens_a_trajectory_and_the_shares_wait_for_them(
    client_dossier, referred, kees, housing
):
    dossier = services.take_in_referral(kees, client_dossier.id, domain="wonen")
    assert dossier.id == client_dossier.id
    (trajectory,) = [
        t
        for t in services.list_trajectories(kees, client_dossier.id, purpose="intake")
        if t.domain == "wonen"
    ]
    assert trajectory.legal_basis == "wmo-2015"
    assert services.intake_queue(kees) == []
    inform_and_consent(
        kees, client_dossier.id, representative_id=representative_of(client_dossier.id)
    )
    waiting = services.received_shares(kees, purpose="support-provision")
    assert {w.category for w in waiting} == {"contact", "household"}
    assert LogRecord.objects.get(name="verwijzing-aannemen").decision == "allowed"
    with pytest.raises(NotFound):  # taken in: no referral waits any more
        services.take_in_referral(kees, client_dossier.id, domain="wonen")


def test_art5_1_declining_a_referral_keeps_who_when_and_why_and_records_nothing(
    client_dossier, referred, kees, housing
):
    with pytest.raises(InvalidInput) as blank:
        services.decline_referral(kees, client_dossier.id, domain="wonen", reason="  ")
    assert "reason" in blank.value.errors
    services.decline_referral(
        kees, client_dossier.id, domain="wonen", reason="Wij bieden geen woonbegeleiding."
    )
    assert services.intake_queue(kees) == []
    deliveries = ReceivedShare.objects.filter(recipient_partner=housing)
    assert all(d.handled_at and d.accepted_item_id is None for d in deliveries)
    assert {d.decline_reason for d in deliveries} == {"Wij bieden geen woonbegeleiding."}
    assert LogRecord.objects.get(name="verwijzing-afwijzen").decision == "allowed"


@pytest.mark.parametrize(
    "change, error",
    [
        ({"domain": "zorg"}, NotFound),  # no referral for that domain
        ({"domain": "ruimtevaart"}, InvalidInput),
        ({"client_id": "not-a-uuid"}, NotFound),
        ({"opened_on": datetime.date(2999, 1, 1)}, InvalidInput),
    ],
)
def test_taking_in_bad_input_is_a_clear_error_and_writes_nothing(
    client_dossier, referred, kees, change, error
):
    kwargs = {"client_id": client_dossier.id, "domain": "wonen", **change}
    client_id = kwargs.pop("client_id")
    with pytest.raises(error):
        services.take_in_referral(kees, client_id, **kwargs)
    assert len(services.intake_queue(kees)) == 1
    assert not LogRecord.objects.filter(name="verwijzing-aannemen").exists()


def test_art5_1_a_referral_goes_only_to_a_partner(actor, client_dossier, referred):
    items, _ = referred
    grandma = services.register_non_partner(actor, name="Oma", kind="family", informed=True)
    with pytest.raises(InvalidInput) as refused:
        services.share_items(
            actor,
            client_dossier.id,
            item_ids=[items["contact"].id],
            non_partner_id=grandma.id,
            purpose="support-provision",
            referral_domain="wonen",
        )
    assert "referralDomain" in refused.value.errors
    with pytest.raises(InvalidInput) as unknown:
        services.share_items(
            actor,
            client_dossier.id,
            item_ids=[items["contact"].id],
            recipient_partner_id=make_partner("Elders").id,
            purpose="support-provision",
            referral_domain="ruimtevaart",
        )
    assert "referralDomain" in unknown.value.errors
