# SPDX-License-Identifier: EUPL-1.2
"""The recipient's side of a share: what waits at a partner, and taking it into its own
dossier with its origin, decided by the recipient's own facts (art3.2a, art3.2c, art4.2,
art5.1, art6.1)."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    name_in_consent,
    representative_of,
    supporting,
)
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.exchange.models import ReceivedShare
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.webhooks.models import Notification

pytestmark = pytest.mark.django_db


def record(actor, client_id, category, value):
    return services.record_item(
        actor,
        client_id,
        category=category,
        label=f"{category}-label",
        value=value,
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )


@pytest.fixture
def recipient_partner():
    return make_partner("Jeugdhulp Elders")


@pytest.fixture
def shared(actor, client_dossier, recipient_partner):
    """The holder shares a school record with the recipient partner (consent to share)."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    school = record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    return school, share(
        actor, client_dossier.id, school.id, recipient_partner_id=recipient_partner.id
    )


def share(actor, client_id, item_id, **recipient):
    """A share to a partner that does not support the client yet refers the client for youth
    care there (art5.1); once a caseworker there supports the client, it waits among the
    received shares."""
    if "recipient_partner_id" in recipient:
        recipient.setdefault("referral_domain", "jeugd")
    return services.share_items(
        actor, client_id, item_ids=[item_id], purpose="support-provision", **recipient
    )


def test_art6_1_a_share_to_a_partner_waits_there_for_its_supporting_caseworker(
    partner, client_dossier, recipient_partner, shared
):
    _, result = shared
    bram = supporting(recipient_partner, client_dossier, "bram")
    (waiting,) = services.received_shares(bram, purpose="support-provision")
    assert waiting.id == result.received_share_ids[0]
    assert (waiting.client_id, waiting.category, waiting.label, waiting.version_number) == (
        client_dossier.id,
        "youth",
        "youth-label",
        1,
    )
    assert (waiting.sender, waiting.ground, waiting.purpose) == (
        partner.name,
        "consent",
        "support-provision",
    )
    assert waiting.client_name == client_dossier.subject.full_name
    assert not hasattr(waiting, "value")  # the content stays out until it is taken in
    seen = LogRecord.objects.get(name="ontvangen-gegevens-inzien")
    assert (seen.partner_id, seen.decision) == (str(recipient_partner.id), "allowed")


def test_art3_2c_an_employee_not_supporting_the_client_does_not_see_what_waits(
    client_dossier, recipient_partner, shared
):
    supporting(recipient_partner, client_dossier, "bram")
    stranger = actor_for(make_employee(recipient_partner, "kim"))
    assert services.received_shares(stranger, purpose="support-provision") == []


def test_art3_2a_taking_it_in_records_the_shared_version_with_its_origin(
    actor, partner, client_dossier, recipient_partner, shared
):
    school, result = shared
    # the holder changes the item after sharing: the recipient gets the version that was sent
    services.change_item(
        actor,
        school.id,
        label="youth-label",
        value="Groep 8, De Wegwijzer",
        source="School",
        method="document",
        obtained_on=datetime.date(2026, 2, 1),
        reason="verhuisd",
        purpose="support-provision",
    )
    bram = supporting(recipient_partner, client_dossier, "bram")
    taken = services.accept_received_share(bram, result.received_share_ids[0])
    assert taken.partner_id == recipient_partner.id and taken.id != school.id
    assert taken.current.value == "Groep 8, De Linde"
    assert (taken.current.source, taken.current.method) == (partner.name, "partner")
    received_share = ReceivedShare.objects.get(id=result.received_share_ids[0])
    assert received_share.accepted_item_id == taken.id and received_share.handled_at is not None
    assert services.received_shares(bram, purpose="support-provision") == []
    with pytest.raises(InvalidInput, match="al afgehandeld"):
        services.accept_received_share(bram, result.received_share_ids[0])


def test_art4_2_without_consent_at_the_recipient_nothing_enters_its_dossier(
    client_dossier, recipient_partner, shared
):
    _, result = shared
    bram = supporting(recipient_partner, client_dossier, "bram", consent=False)
    with pytest.raises(ProcessingRefused):
        services.accept_received_share(bram, result.received_share_ids[0])
    assert ReceivedShare.objects.get(id=result.received_share_ids[0]).handled_at is None
    assert LogRecord.objects.filter(
        name="gegeven-vastleggen", partner_id=str(recipient_partner.id), decision="refused"
    ).exists()  # the refusal is logged, though nothing else is kept
    assert not DataItem.objects.filter(partner=recipient_partner).exists()


def test_another_partner_cannot_take_in_what_was_shared_with_someone_else(client_dossier, shared):
    _, result = shared
    elsewhere = supporting(make_partner("Wmo Leersum"), client_dossier, "wim")
    with pytest.raises(NotFound):
        services.accept_received_share(elsewhere, result.received_share_ids[0])
    with pytest.raises(NotFound):
        services.accept_received_share(elsewhere, "not-a-uuid")


def test_a_share_to_a_non_partner_or_veilig_thuis_leaves_nothing_waiting(actor, client_dossier):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    school = record(actor, client_dossier.id, "youth", "Groep 8")
    grandmother = services.register_non_partner(actor, name="Oma", kind="family", informed=True)
    name_in_consent(actor, client_dossier.id, grandmother.id)
    result = services.share_items(
        actor,
        client_dossier.id,
        item_ids=[school.id],
        non_partner_id=grandmother.id,
        purpose="support-provision",
    )
    assert result.sent == (school.id,) and result.received_share_ids == ()
    assert not ReceivedShare.objects.exists() and not Notification.objects.exists()


def test_art5_1_a_recipient_declines_what_it_does_not_need_and_nothing_is_recorded(
    client_dossier, recipient_partner, shared
):
    _, result = shared
    bram = supporting(recipient_partner, client_dossier, "bram")
    with pytest.raises(InvalidInput, match="reason"):
        services.decline_received_share(bram, result.received_share_ids[0], reason=" ")
    services.decline_received_share(
        bram,
        result.received_share_ids[0],
        reason="Schoolgegevens zijn voor ons traject niet nodig.",
    )
    received_share = ReceivedShare.objects.get(id=result.received_share_ids[0])
    assert received_share.decline_reason.startswith("Schoolgegevens") and received_share.handled_at
    assert received_share.accepted_item_id is None
    assert not DataItem.objects.filter(partner=recipient_partner).exists()
    assert services.received_shares(bram, purpose="support-provision") == []
    assert LogRecord.objects.filter(name="ontvangen-gegevens-afwijzen", decision="allowed").exists()
    with pytest.raises(InvalidInput, match="al afgehandeld"):
        services.accept_received_share(bram, result.received_share_ids[0])


def test_art3_2c_only_a_supporting_caseworker_may_decline(
    client_dossier, recipient_partner, shared
):
    _, result = shared
    stranger = actor_for(make_employee(recipient_partner, "kim"))
    with pytest.raises(ProcessingRefused):
        services.decline_received_share(stranger, result.received_share_ids[0], reason="niet nodig")
    assert ReceivedShare.objects.get(id=result.received_share_ids[0]).handled_at is None
    assert LogRecord.objects.filter(name="ontvangen-gegevens-afwijzen", decision="refused").exists()


def receipts(actor, item_id):
    return [
        d.receipt for d in services.disclosures_of_item(actor, item_id, purpose="accountability")
    ]


def test_art9_6_the_sender_sees_whether_the_recipient_took_it_in_or_declined(
    actor, client_dossier, recipient_partner, shared
):
    school, first = shared
    second = share(actor, client_dossier.id, school.id, recipient_partner_id=recipient_partner.id)
    grandmother = services.register_non_partner(actor, name="Oma", kind="family", informed=True)
    name_in_consent(actor, client_dossier.id, grandmother.id)
    share(actor, client_dossier.id, school.id, non_partner_id=grandmother.id)
    assert receipts(actor, school.id) == ["waiting", "waiting", ""]
    bram = supporting(recipient_partner, client_dossier, "bram")
    services.accept_received_share(bram, first.received_share_ids[0])
    services.decline_received_share(bram, second.received_share_ids[0], reason="Al bekend.")
    # who holds it now (art9.6: whom to tell of a correction): the one that took it in
    assert receipts(actor, school.id) == ["taken-in", "declined", ""]
    by_client = services.disclosures_of_client(actor, client_dossier.id, purpose="accountability")
    assert [d.receipt for d in by_client] == ["taken-in", "declined", ""]
