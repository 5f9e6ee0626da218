# SPDX-License-Identifier: EUPL-1.2
"""Referrals through the API: a share names the domain it refers the client to, the
recipient's systems list the intake queue and take the client in or decline (art3.2c, art4.3,
art5.1, art7)."""

from __future__ import annotations

import datetime
import uuid

import pytest

from tests.api.conftest import as_employee, invalid_fields, problem
from tests.api.test_api_items import item_body
from tests.conftest import inform_and_consent, make_employee, make_partner, representative_of
from tests.consent.test_api import consent_form, multipart
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


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
            f"/clients/{client_dossier.id}/data-items", item_body(category=category, label=label)
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
