# SPDX-License-Identifier: EUPL-1.2
"""What comes in, through the API: received shares and webhook subscriptions, referrals and
the intake queue, and requesting data from a partner (art3.2c, art4.2, art4.3, art5.1, art7)."""

from __future__ import annotations

import datetime
import uuid

import pytest

from tests import factories
from tests.apiclient import Api, as_employee, invalid_fields, problem
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    signing_along,
    supporting,
)
from tests.consent.test_api import consent_form, multipart
from zorgvuldig.api.models import ApiToken
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.webhooks.models import Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipient():
    return make_partner("Jeugdhulp Elders")


@pytest.fixture
def koppeling(recipient):
    return Api(
        ApiToken.issue(
            name="zaaksysteem", partner=recipient, service="zaaksysteem", scopes=["all"]
        )[1]
    )


@pytest.fixture
def waiting(actor, client_dossier, recipient):
    """A youth-care record shared with the recipient, whose caseworker bram supports the client."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    school = factories.record(
        actor, client_dossier.id, category="youth", value="Groep 8", label="youth-label"
    )
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
    other = Api(
        ApiToken.issue(name="x", partner=make_partner("Wmo Leersum"), service="x", scopes=["all"])[
            1
        ]
    )
    mine = koppeling.post("/webhook-subscriptions", {"url": "https://zaak.example/h"}).json()
    problem(other.delete(f"/webhook-subscriptions/{mine['id']}"), 404)
    assert not Subscription.objects.filter(is_active=False).exists()


@pytest.fixture
def housing(db):
    return make_partner("Woonstichting Heuvelrug")


@pytest.fixture
def kees(housing):
    return make_employee(housing, "kees")


@pytest.fixture
def items(api, actor, client_dossier):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    made = []
    for category, label in (("contact", "Telefoon"), ("youth", "School")):
        response = api.post(
            f"/clients/{client_dossier.id}/data-items",
            factories.item_body(category=category, label=label),
        )
        assert response.status_code == 201, response.content
        made.append(response.json())
    return made


def share(api, client_id, items, housing, **extra):
    return api.post(
        f"/clients/{client_id}/shares",
        {
            "itemIds": [i["id"] for i in items],
            "purpose": "support-provision",
            "recipientPartnerId": str(housing.id),
            **extra,
        },
    )


def test_art5_1_a_share_to_a_partner_that_does_not_support_the_client_needs_a_referral(
    api, client_dossier, items, housing
):
    refusal = problem(share(api, client_dossier.id, items, housing), 403)
    assert refusal["articles"] == ["art5.1"]
    assert not Disclosure.objects.exists()


def test_art5_1_a_referral_carries_what_intake_there_needs_and_the_preview_says_so(
    api, client_dossier, items, housing
):
    body = {
        "itemIds": [i["id"] for i in items],
        "purpose": "support-provision",
        "recipientPartnerId": str(housing.id),
        "referralDomain": "wonen",
    }
    rows = api.post(f"/clients/{client_dossier.id}/share-previews", body).json()
    assert {r["referralDomain"] for r in rows} == {"wonen"}
    assert {r["category"]: r["allowed"] for r in rows} == {"contact": True, "youth": False}
    response = share(api, client_dossier.id, items, housing, referralDomain="wonen")
    assert response.status_code == 201, response.content
    assert response.json()["sent"] == [items[0]["id"]]


def test_art3_2c_the_recipient_lists_takes_in_and_sees_what_came(
    api, client_dossier, items, housing, kees
):
    assert share(api, client_dossier.id, items, housing, referralDomain="wonen").status_code == 201
    theirs = as_employee(kees)
    (referral,) = theirs.get("/referrals").json()
    assert referral["clientId"] == str(client_dossier.id) and referral["domain"] == "wonen"
    assert referral["categories"] == ["contact"] and referral["sender"] == "Jeugdteam Heuvelrug"
    assert "Telefoon" not in str(referral)  # not even the description, only the category
    assert as_employee(make_employee(make_partner("Elders"), "piet")).get("/referrals").json() == []
    taken = theirs.post(f"/clients/{client_dossier.id}/referral-intakes", {"domain": "wonen"})
    assert taken.status_code == 201, taken.content
    assert taken.json()["id"] == str(client_dossier.id)
    assert theirs.get("/referrals").json() == []
    inform_and_consent(
        actor_for(kees), client_dossier.id, representative_id=representative_of(client_dossier.id)
    )
    (received,) = theirs.get("/received-shares").json()
    assert received["category"] == "contact"


def test_art5_1_the_recipient_declines_a_referral_with_its_reason(
    api, client_dossier, items, housing, kees
):
    share(api, client_dossier.id, items, housing, referralDomain="wonen")
    theirs = as_employee(kees)
    path = f"/clients/{client_dossier.id}/referral-rejections"
    assert "reason" in invalid_fields(theirs.post(path, {"domain": "wonen"}))
    declined = theirs.post(path, {"domain": "wonen", "reason": "Geen woonbegeleiding."})
    assert declined.status_code == 204, declined.content
    assert theirs.get("/referrals").json() == []
    assert ReceivedShare.objects.get().decline_reason == "Geen woonbegeleiding."
    assert LogRecord.objects.get(name="verwijzing-afwijzen").decision == "allowed"


@pytest.mark.parametrize(
    "path, body, status, field",
    [
        ("/clients/{client}/referral-intakes", {"domain": "ruimtevaart"}, 400, "domain"),
        ("/clients/{client}/referral-intakes", {"domain": "zorg"}, 404, None),
        ("/clients/{unknown}/referral-intakes", {"domain": "wonen"}, 404, None),
        (
            "/clients/{client}/referral-intakes",
            {"domain": "wonen", "openedOn": "2999-01-01"},
            400,
            "openedOn",
        ),
        (
            "/clients/{client}/referral-intakes",
            {"domain": "wonen", "openedOn": "1-1-2026"},
            400,
            "openedOn",
        ),
        ("/clients/{client}/referral-rejections", {"domain": "wonen", "reason": ""}, 400, "reason"),
    ],
)
def test_bad_input_is_a_clear_problem_and_changes_nothing(
    api, client_dossier, items, housing, kees, path, body, status, field
):
    share(api, client_dossier.id, items, housing, referralDomain="wonen")
    url = path.format(client=client_dossier.id, unknown=uuid.uuid4())
    response = as_employee(kees).post(url, body)
    answer = problem(response, status)
    if field:
        assert field in invalid_fields(response), answer
    assert ReceivedShare.objects.filter(handled_at__isnull=True).count() == 1
    assert len(as_employee(kees).get("/referrals").json()) == 1


def test_art5_1_a_referral_to_a_non_partner_or_an_unknown_domain_is_400(
    api, client_dossier, items, housing
):
    unknown = share(api, client_dossier.id, items, housing, referralDomain="ruimtevaart")
    assert "referralDomain" in invalid_fields(unknown)
    grandma = api.post("/non-partners", {"name": "Oma", "kind": "family", "informed": True})
    to_family = api.post(
        f"/clients/{client_dossier.id}/shares",
        {
            "itemIds": [items[0]["id"]],
            "purpose": "support-provision",
            "nonPartnerId": grandma.json()["id"],
            "referralDomain": "wonen",
        },
    )
    assert "referralDomain" in invalid_fields(to_family)
    assert not Disclosure.objects.exists()


def test_art7_consent_names_a_non_partner_through_the_api_and_then_covers_it(
    api, client_dossier, items
):
    grandma = api.post("/non-partners", {"name": "Oma", "kind": "family", "informed": True}).json()
    body = {
        "itemIds": [items[0]["id"]],
        "purpose": "support-provision",
        "nonPartnerId": grandma["id"],
    }
    refusal = problem(api.post(f"/clients/{client_dossier.id}/shares", body), 403)
    assert refusal["articles"] == ["art7"]  # consent to share names no non-partner
    consent = multipart(
        api,
        f"/clients/{client_dossier.id}/consents",
        consent_form(
            decidedOn=str(datetime.date.today()),
            givenBySubjectId=str(representative_of(client_dossier.id)),
            signedBySubjectIds=[str(s) for s in signing_along(client_dossier.id)],
            recipients=[grandma["id"]],
        ),
    )
    assert consent.status_code == 201, consent.content
    assert consent.json()["recipientNames"] == ["Oma"]
    assert api.post(f"/clients/{client_dossier.id}/shares", body).status_code == 201
    other = make_partner("Elders")
    stranger = as_employee(make_employee(other, "piet")).post(
        "/non-partners", {"name": "Buurman", "kind": "network"}
    )
    foreign = multipart(  # another organisation's non-partner
        api,
        f"/clients/{client_dossier.id}/consents",
        consent_form(
            decidedOn=str(datetime.date.today()),
            givenBySubjectId=str(representative_of(client_dossier.id)),
            recipients=[stranger.json()["id"]],
        ),
    )
    assert "recipients" in invalid_fields(foreign)


def test_a_data_request_through_the_api(actor, partner, client_dossier):
    from zorgvuldig.clients.models import Relation

    mother = Relation.objects.get(
        subject__client__id=client_dossier.id, kind="legal-representative"
    )
    services.record_item(
        actor,
        client_dossier.id,
        category="youth",
        label="School",
        value="De Linde",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    inform_and_consent(
        actor, client_dossier.id, representative_id=mother.related_id, scopes=("share",)
    )
    other = make_employee(make_partner("Jeugdhulp Elders"), "bram")
    services.register_client(
        actor_for(other),
        bsn=client_dossier.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client_dossier.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
    )
    inform_and_consent(actor_for(other), client_dossier.id, representative_id=mother.related_id)
    response = as_employee(other).post(
        f"/clients/{client_dossier.id}/data-requests",
        {
            "holderPartnerId": str(partner.id),
            "categories": ["youth"],
            "purpose": "support-provision",
        },
    )
    assert response.status_code == 200, response.content
    (received,) = response.json()["received"]
    assert received["current"]["value"] == "De Linde"
    assert received["current"]["source"] == "Jeugdteam Heuvelrug"
    empty = invalid_fields(
        as_employee(other).post(
            f"/clients/{client_dossier.id}/data-requests",
            {"holderPartnerId": str(partner.id), "categories": [], "purpose": "support-provision"},
        )
    )
    assert "categories" in empty


def test_art5_1_the_answer_to_a_data_request_lists_each_category_with_its_reason(
    actor, partner, client_dossier
):
    for category, value in (("youth", "De Linde"), ("health", "ADHD")):
        services.record_item(
            actor,
            client_dossier.id,
            category=category,
            label=category,
            value=value,
            source="Moeder",
            method="conversation",
            obtained_on=datetime.date(2026, 1, 5),
            purpose="assessment",
        )
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    other = supporting(make_partner("Jeugdhulp Elders"), client_dossier, "bram")
    response = as_employee(Employee.objects.get(id=other.employee_id)).post(
        f"/clients/{client_dossier.id}/data-requests",
        {
            "holderPartnerId": str(partner.id),
            "categories": ["youth", "health", "welfare", "work-income"],
            "purpose": "support-provision",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "partly-sent"
    answers = {answer["category"]: answer for answer in body["categories"]}
    assert list(answers) == ["youth", "health", "welfare", "work-income"]
    assert answers["youth"] == {
        "category": "youth",
        "status": "sent",
        "refusedBy": "",
        "itemsReceived": 1,
        "itemsWithheld": 0,
        "articles": [],
        "reason": "",
    }
    health, welfare, work = answers["health"], answers["welfare"], answers["work-income"]
    assert (health["status"], health["refusedBy"], health["articles"]) == (
        "refused",
        "requester",
        ["art4.4"],
    )
    assert "schriftelijke toestemming" in health["reason"]
    assert (welfare["status"], welfare["refusedBy"], welfare["itemsReceived"]) == (
        "not-held",
        "",
        0,
    )
    assert "geen gegevens" in welfare["reason"]
    assert (work["status"], work["refusedBy"], work["articles"]) == (
        "refused",
        "requester",
        ["art5.1"],
    )
    assert "niet nodig" in work["reason"] and "(art. 5 lid 1)" in work["reason"]
    (received,) = body["received"]
    assert received["current"]["value"] == "De Linde"
