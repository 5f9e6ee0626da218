# SPDX-License-Identifier: EUPL-1.2
"""/received-shares (the recipient's pull) and /webhook-subscriptions."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api, as_employee, invalid_fields, problem
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    supporting,
)
from tests.exchange.test_inbox import record
from zorgvuldig.api.models import ApiToken
from zorgvuldig.gate import services
from zorgvuldig.webhooks.models import Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipient():
    return make_partner("Jeugdhulp Elders")


@pytest.fixture
def koppeling(recipient):
    return Api(ApiToken.issue(name="zaaksysteem", partner=recipient, service="zaaksysteem")[1])


@pytest.fixture
def waiting(actor, client_dossier, recipient):
    """A youth-care record shared with the recipient, whose caseworker bram supports the client."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    school = record(actor, client_dossier.id, "youth", "Groep 8")
    supporting(recipient, client_dossier, "bram")  # art5.1: the recipient's own support
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[school.id],
        recipient_partner_id=recipient.id,
        purpose="support-provision",
    )
    return client_dossier


def test_art6_1_a_partner_system_pulls_what_was_shared_and_takes_it_in(partner, recipient, waiting):
    bram = as_employee(recipient.employees.get(user__username="bram"))
    response = bram.get("/received-shares")
    assert response.status_code == 200
    (share,) = response.json()
    assert (share["clientId"], share["category"], share["sender"]) == (
        str(waiting.id),
        "youth",
        partner.name,
    )
    assert "value" not in share
    taken = bram.post(f"/received-shares/{share['id']}/acceptance", {})
    assert taken.status_code == 201, taken.content
    item = taken.json()
    assert item["current"]["value"] == "Groep 8" and item["current"]["method"] == "partner"
    assert bram.get("/received-shares").json() == []
    again = bram.post(f"/received-shares/{share['id']}/acceptance", {})
    assert "receivedShareId" in invalid_fields(again)


def test_accepting_bad_input_is_a_clear_400_or_404(recipient, waiting):
    bram = as_employee(recipient.employees.get(user__username="bram"))
    (share,) = bram.get("/received-shares").json()
    assert "purpose" in invalid_fields(
        bram.post(f"/received-shares/{share['id']}/acceptance", {"purpose": "curiosity"})
    )
    assert "unknownField" in invalid_fields(
        bram.post(f"/received-shares/{share['id']}/acceptance", {"unknownField": 1})
    )
    problem(bram.post("/received-shares/00000000-0000-4000-8000-000000000000/acceptance", {}), 404)


def test_a_partner_system_rejects_what_it_does_not_need(recipient, waiting):
    bram = as_employee(recipient.employees.get(user__username="bram"))
    (share,) = bram.get("/received-shares").json()
    assert "reason" in invalid_fields(bram.post(f"/received-shares/{share['id']}/rejection", {}))
    rejected = bram.post(f"/received-shares/{share['id']}/rejection", {"reason": "Niet nodig."})
    assert rejected.status_code == 204, rejected.content
    assert bram.get("/received-shares").json() == []


def test_a_service_identity_manages_webhook_subscriptions(koppeling, recipient):
    made = koppeling.post("/webhook-subscriptions", {"url": "https://zaak.example/hooks"})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["secret"] and body["isActive"] and body["url"] == "https://zaak.example/hooks"
    assert Subscription.objects.get(id=body["id"]).partner_id == recipient.id
    listed = koppeling.get("/webhook-subscriptions").json()
    assert [s["id"] for s in listed] == [body["id"]] and "secret" not in listed[0]
    assert koppeling.delete(f"/webhook-subscriptions/{body['id']}").status_code == 204
    assert koppeling.get("/webhook-subscriptions").json()[0]["isActive"] is False
    problem(koppeling.delete(f"/webhook-subscriptions/{body['id']}"), 404)


def test_webhook_subscription_bad_input_and_wrong_identity(koppeling, recipient):
    assert "url" in invalid_fields(
        koppeling.post("/webhook-subscriptions", {"url": "http://zaak.example/hooks"})
    )
    assert "url" in invalid_fields(koppeling.post("/webhook-subscriptions", {}))
    employee = as_employee(make_employee(recipient, "ilse"))
    problem(employee.post("/webhook-subscriptions", {"url": "https://zaak.example/h"}), 403)
    other = Api(ApiToken.issue(name="x", partner=make_partner("Wmo Leersum"), service="x")[1])
    mine = koppeling.post("/webhook-subscriptions", {"url": "https://zaak.example/h"}).json()
    problem(other.delete(f"/webhook-subscriptions/{mine['id']}"), 404)
    assert not Subscription.objects.filter(is_active=False).exists()
