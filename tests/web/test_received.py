# SPDX-License-Identifier: EUPL-1.2
"""The page of received data: what partners shared, taken into the dossier or declined
(art3.2a, art3.2c, art4.2, art5.1, art6.1)."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    supporting,
)
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.exchange.models import ReceivedShare
from zorgvuldig.gate import services

pytestmark = pytest.mark.django_db

LIST = "/ontvangen-gegevens/"
PURPOSE = {"doel": "support-provision"}


@pytest.fixture
def recipient():
    return make_partner("Jeugdhulp Elders")


def share_school_record(actor, client, recipient):
    inform_and_consent(
        actor, client.id, representative_id=representative_of(client.id), scopes=("share",)
    )
    item = services.record_item(
        actor,
        client.id,
        category="youth",
        label="Schoolgegevens",
        value="Groep 8, De Linde",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    result = services.share_items(
        actor,
        client.id,
        item_ids=[item.id],
        recipient_partner_id=recipient.id,
        purpose="support-provision",
        referral_domain="jeugd",  # a referral (art5.1)
    )
    return result.received_share_ids[0]


def logged_in(client, partner, username, client_dossier, *, consent=True):
    supporting(partner, client_dossier, username, consent=consent)
    client.force_login(partner.employees.get(user__username=username).user)
    return client


@pytest.fixture
def bram(client, actor, client_dossier, recipient):
    """Bram supports Sanne at the recipient; a school record waits for him."""
    share_school_record(actor, client_dossier, recipient)
    return logged_in(client, recipient, "bram", client_dossier)


def test_the_page_asks_the_purpose_first(bram):
    response = bram.get(LIST)
    assert response.status_code == 200
    assert "Voor welk doel" in response.content.decode()


def test_art6_1_what_waits_is_listed_without_its_content(bram, partner, client_dossier):
    page = bram.get(LIST, PURPOSE).content.decode()
    assert client_dossier.subject.full_name in page and "Schoolgegevens" in page
    assert partner.name in page
    assert "Groep 8, De Linde" not in page  # the content only once it is in the dossier


def test_art3_2a_taking_it_in_records_it_with_its_origin(bram, partner, client_dossier, recipient):
    (received_share,) = ReceivedShare.objects.all()
    response = bram.post(f"{LIST}{received_share.id}/overnemen/?doel=support-provision")
    assert response.status_code == 302
    assert response["Location"].startswith(f"/clienten/{client_dossier.id}/")
    dossier = bram.get(response["Location"]).content.decode()
    assert "Groep 8, De Linde" in dossier and partner.name in dossier
    assert DataItem.objects.filter(partner=recipient).count() == 1
    assert "Er wacht niets" in bram.get(LIST, PURPOSE).content.decode()


def test_art4_2_without_consent_at_the_recipient_the_page_explains_the_refusal(
    client, actor, client_dossier, recipient
):
    share_school_record(actor, client_dossier, recipient)
    web = logged_in(client, recipient, "bram", client_dossier, consent=False)
    (received_share,) = ReceivedShare.objects.all()
    response = web.post(f"{LIST}{received_share.id}/overnemen/?doel=support-provision")
    assert response.status_code == 403
    assert "art. 4" in response.content.decode()
    assert not DataItem.objects.filter(partner=recipient).exists()


def test_art5_1_declining_needs_a_reason_and_records_nothing(bram, recipient):
    (received_share,) = ReceivedShare.objects.all()
    address = f"{LIST}{received_share.id}/afwijzen/?doel=support-provision"
    assert bram.get(address).status_code == 200
    empty = bram.post(address, {"reason": ""})
    assert empty.status_code == 400 and "verplicht" in empty.content.decode()
    assert ReceivedShare.objects.get().handled_at is None
    done = bram.post(address, {"reason": "Niet nodig voor ons traject."})
    assert done.status_code == 302
    received_share.refresh_from_db()
    assert (
        received_share.handled_at
        and received_share.decline_reason == "Niet nodig voor ons traject."
    )
    assert not DataItem.objects.filter(partner=recipient).exists()


def test_art3_2c_a_colleague_who_does_not_support_the_client_sees_nothing(
    client, actor, client_dossier, recipient
):
    share_school_record(actor, client_dossier, recipient)
    supporting(recipient, client_dossier, "bram")
    client.force_login(make_employee(recipient, "kim").user)
    assert "Er wacht niets" in client.get(LIST, PURPOSE).content.decode()
    (received_share,) = ReceivedShare.objects.all()
    response = client.post(f"{LIST}{received_share.id}/overnemen/?doel=support-provision")
    assert response.status_code == 403
    assert ReceivedShare.objects.get().handled_at is None


def test_an_unknown_received_share_is_not_found(bram):
    response = bram.post(f"{LIST}00000000-0000-4000-8000-000000000000/overnemen/?doel=intake")
    assert response.status_code == 404
