# SPDX-License-Identifier: EUPL-1.2
"""Sharing, disclosures, non-partners and professional secrecy through the API (art5.1, art6.1,
art6.2, art7, art8.2): the happy paths, and every bad input answered with a problem and nothing
sent.
"""

from __future__ import annotations

import datetime

import pytest

from tests import factories
from tests.apiclient import as_employee, invalid_fields, problem
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    name_in_consent,
    representative_of,
    supporting,
)
from zorgvuldig.exchange.models import Disclosure, NonPartner
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


UNKNOWN = "6f1c1f1e-0000-4000-8000-000000000000"


@pytest.fixture
def may_share(actor, client_dossier):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    return client_dossier


@pytest.fixture
def wmo(registered_client):
    """A partner that supports the client in youth care too (art5.1: a share carries what the
    recipient's own support needs)."""
    recipient = make_partner("Wmo-aanbieder Langbroek")
    supporting(recipient, registered_client, "wim", consent=False)
    return recipient


@pytest.fixture
def items(api, may_share):
    return [
        factories.record_over_api(api, may_share.id),
        factories.record_over_api(api, may_share.id, category="health", label="Diagnose"),
    ]


def selection(items, **recipient) -> dict:
    return {"itemIds": [i["id"] for i in items], "purpose": "support-provision", **recipient}


def test_art6_1_a_preview_says_per_item_what_may_go_and_sends_nothing(api, may_share, items, wmo):
    response = api.post(
        f"/clients/{may_share.id}/share-previews", selection(items, recipientPartnerId=str(wmo.id))
    )
    assert response.status_code == 200, response.content
    rows = {r["itemId"]: r for r in response.json()}
    youth, health = (rows[i["id"]] for i in items)
    assert youth["allowed"] and youth["explanation"] == ""
    assert not health["allowed"] and "art4.4" in health["articles"]
    assert "schriftelijke toestemming" in health["explanation"]
    assert not Disclosure.objects.exists()


def test_art6_1_a_share_sends_the_allowed_items_with_disclosure_records(api, may_share, items, wmo):
    response = api.post(
        f"/clients/{may_share.id}/shares",
        {**selection(items, recipientPartnerId=str(wmo.id)), "recipientPerson": "J. van Dijk"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["sent"] == [items[0]["id"]] and body["withheld"] == [items[1]["id"]]
    assert body["traceId"] and "schriftelijke" in body["explanation"]
    assert Disclosure.objects.count() == 1
    who = api.get(f"/data-items/{items[0]['id']}/disclosures", {"purpose": "accountability"})
    assert who.status_code == 200, who.content
    (disclosure,) = who.json()
    assert disclosure["recipient"] == wmo.name and disclosure["recipientPerson"] == "J. van Dijk"
    assert disclosure["versionNumber"] == 1 and disclosure["ground"] == "consent"
    assert disclosure["traceId"] == body["traceId"] and disclosure["recipientKind"] == "partner"
    assert disclosure["receipt"] == "waiting"  # nobody at the recipient took it in yet
    assert api.get(f"/data-items/{items[1]['id']}/disclosures").json() == []
    (for_client,) = api.get(f"/clients/{may_share.id}/disclosures").json()
    assert for_client == disclosure  # art9.1: per client, the same record


def test_art4_3_without_consent_to_share_a_share_is_403_and_sends_nothing(api, client_dossier, wmo):
    item = factories.record_over_api(api, client_dossier.id)
    refusal = problem(
        api.post(
            f"/clients/{client_dossier.id}/shares",
            selection([item], recipientPartnerId=str(wmo.id)),
        ),
        403,
    )
    assert refusal["articles"] == ["art4.3"]
    assert not Disclosure.objects.exists()


def test_art8_2_veilig_thuis_with_a_report_reference(api, client_dossier):
    signal = factories.record_over_api(
        api, client_dossier.id, category="safety-signals", label="Signaal"
    )
    response = api.post(
        f"/clients/{client_dossier.id}/shares",
        {**selection([signal], reportReference="VT-2026-0042"), "purpose": "safety"},
    )
    assert response.status_code == 201, response.content
    assert Disclosure.objects.get().report_reference == "VT-2026-0042"


def test_art7_a_non_partner_is_registered_informed_and_then_receives(api, actor, may_share, items):
    response = api.post("/non-partners", {"name": "Oma de Vries", "kind": "family"})
    assert response.status_code == 201, response.content
    grandma = response.json()
    assert grandma["informedAt"] is None and grandma["kind"] == "family"
    share = selection(items[:1], nonPartnerId=grandma["id"])
    (row,) = api.post(f"/clients/{may_share.id}/share-previews", share).json()
    assert not row["allowed"] and row["articles"] == ["art7"]
    assert problem(api.post(f"/clients/{may_share.id}/shares", share), 403)["articles"] == ["art7"]
    informed = api.post(f"/non-partners/{grandma['id']}/informing")
    assert informed.status_code == 200 and informed.json()["informedAt"]
    name_in_consent(actor, may_share.id, grandma["id"])  # art7: named in the consent
    assert api.post(f"/clients/{may_share.id}/shares", share).status_code == 201
    assert Disclosure.objects.get().recipient_non_partner_id is not None


def test_art7_a_non_partner_can_be_registered_as_informed(api, db):
    body = api.post(
        "/non-partners", {"name": "Buurman", "kind": "network", "informed": True}
    ).json()
    assert body["informedAt"]


def test_art6_2_professional_secrecy_is_recorded_and_released_by_its_holder(
    api, may_share, wmo, partner
):
    secret = factories.record_over_api(api, may_share.id, professionalSecrecy=True)
    assert secret["underProfessionalSecrecy"] is True
    assert factories.record_over_api(api, may_share.id)["underProfessionalSecrecy"] is False
    share = selection([secret], recipientPartnerId=str(wmo.id))
    assert problem(api.post(f"/clients/{may_share.id}/shares", share), 403)["articles"] == [
        "art6.2"
    ]
    colleague = make_employee(partner, "bram")
    release = {
        "recipient": str(wmo.id),
        "reason": "Voor de indicatie",
        "purpose": "support-provision",
    }
    # art6.2: anyone else is answered as for an item that does not exist
    kim = as_employee(colleague)
    assert problem(kim.post(f"/data-items/{secret['id']}/secrecy-releases", release), 404) == (
        problem(kim.post(f"/data-items/{UNKNOWN}/secrecy-releases", release), 404)
    )
    response = api.post(f"/data-items/{secret['id']}/secrecy-releases", release)
    assert response.status_code == 201, response.content
    assert response.json()["underProfessionalSecrecy"] is True
    assert api.post(f"/clients/{may_share.id}/shares", share).status_code == 201


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"itemIds": []}, "itemIds"),
        ({"itemIds": ["not-a-uuid"]}, "itemIds.0"),
        ({"recipientPartnerId": None}, "recipient"),
        ({"nonPartnerId": UNKNOWN}, "recipient"),  # two recipients
        ({"recipientPartnerId": None, "reportReference": "  "}, "reportReference"),
        ({"purpose": "marketing"}, "purpose"),
        ({"purpose": None}, "purpose"),
        ({"justificationGround": "serious-risk", "justification": " "}, "justification"),
        ({"recipientPerson": "x" * 201}, "recipientPerson"),
        ({"recipient": "x"}, "recipient"),  # unknown field
        ("uncommitted", "recipientPartnerId"),
        ("own", "recipientPartnerId"),
        ("other-client", "itemIds"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_sends_nothing(
    api, actor, may_share, items, wmo, partner, change, field
):
    body = {**selection(items[:1], recipientPartnerId=str(wmo.id)), "recipientPerson": ""}
    if change == "uncommitted":
        body["recipientPartnerId"] = str(make_partner("Particulier B.V.", committed=False).id)
    elif change == "own":
        body["recipientPartnerId"] = str(partner.id)
    elif change == "other-client":
        from tests.conftest import next_bsn

        other = api.post(
            "/clients",
            {
                "bsn": next_bsn(),
                "givenNames": "Piet",
                "surname": "Jansen",
                "birthDate": "1980-01-01",
                "domain": "jeugd",
                "legalBasis": "jeugdwet",
                "purpose": "intake",
            },
        ).json()
        inform_and_consent(actor, other["id"])
        body["itemIds"].append(factories.record_over_api(api, other["id"])["id"])
    else:
        body.update(change)
    logged = LogRecord.objects.filter(name="gegevens-delen").count()
    for path in ("share-previews", "shares"):
        preview_body = {k: v for k, v in body.items() if k != "recipientPerson"}
        sent = body if path == "shares" else preview_body
        if path == "share-previews" and field == "recipientPerson":
            continue
        fields = invalid_fields(api.post(f"/clients/{may_share.id}/{path}", sent))
        assert field in fields, (path, fields)
    assert not Disclosure.objects.exists()
    assert LogRecord.objects.filter(name="gegevens-delen").count() == logged


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (f"/clients/{UNKNOWN}/shares", "partner"),
        ("/clients/{client}/shares", {"recipientPartnerId": UNKNOWN}),
        ("/clients/{client}/shares", {"recipientPartnerId": None, "nonPartnerId": UNKNOWN}),
        ("/clients/{client}/share-previews", {"recipientPartnerId": UNKNOWN}),
    ],
)
def test_unknown_clients_and_recipients_are_404_and_send_nothing(
    api, may_share, items, wmo, path, body
):
    payload = selection(items[:1], recipientPartnerId=str(wmo.id))
    if isinstance(body, dict):
        payload.update(body)
    problem(api.post(path.format(client=may_share.id), payload), 404)
    assert not Disclosure.objects.exists()


def test_disclosures_of_an_unknown_item_is_404(api, db):
    problem(api.get(f"/data-items/{UNKNOWN}/disclosures"), 404)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Oma", "kind": "neighbour"}, "kind"),
        ({"name": "  ", "kind": "family"}, "name"),
        ({"kind": "family"}, "name"),
        ({"name": "Oma", "kind": "family", "informed": "misschien"}, "informed"),
        ({"name": "x" * 201, "kind": "family"}, "name"),
    ],
)
def test_a_bad_non_partner_is_400_and_nothing_is_registered(api, db, body, field):
    assert field in invalid_fields(api.post("/non-partners", body))
    assert not NonPartner.objects.exists()


def test_informing_an_unknown_non_partner_is_404(api, db):
    problem(api.post(f"/non-partners/{UNKNOWN}/informing"), 404)


def test_a_non_partner_of_another_organisation_is_not_yours_to_inform(api, db):
    other = as_employee(make_employee(make_partner("Ander team"), "carla"))
    theirs = other.post("/non-partners", {"name": "Oom", "kind": "family"}).json()
    problem(api.post(f"/non-partners/{theirs['id']}/informing"), 404)
    assert NonPartner.objects.get().informed_at is None


CHANGE = {
    "label": "School",
    "value": "Groep 8",
    "source": "school",
    "method": "document",
    "obtainedOn": "2025-09-01",
    "reason": "Nieuw schooljaar",
    "purpose": "support-provision",
}


RELEASE = {"recipient": UNKNOWN, "reason": "Nodig", "purpose": "support-provision"}


@pytest.mark.parametrize(
    ("method", "path", "body", "name"),
    [
        (
            "get",
            "/data-items/{item}",
            {"purpose": "support-provision"},
            "gegeven-historie-raadplegen",
        ),
        ("put", "/data-items/{item}", CHANGE, "gegeven-wijzigen"),
        (
            "get",
            "/data-items/{item}/disclosures",
            {"purpose": "accountability"},
            "ontvangers-raadplegen",
        ),
        ("post", "/data-items/{item}/secrecy-releases", RELEASE, "beroepsgeheim-vrijgeven"),
    ],
)
def test_art3_2c_another_partners_item_is_404_as_an_unknown_one_and_the_attempt_logged(
    api, client_dossier, method, path, body, name
):
    item = factories.record_over_api(api, client_dossier.id, professionalSecrecy=True)
    other = as_employee(make_employee(make_partner("Wmo-aanbieder Leersum"), "wim"))
    unknown = problem(getattr(other, method)(path.format(item=UNKNOWN), body), 404)
    before = LogRecord.objects.count()
    assert problem(getattr(other, method)(path.format(item=item["id"]), body), 404) == unknown
    (logged,) = LogRecord.objects.order_by("id")[before:]
    assert (logged.name, logged.decision, logged.articles, logged.categories) == (
        name,
        "refused",
        "art3.2c,art6.1",
        "youth",
    )
    assert logged.subject_pseudonym == subject_pseudonym(item["subjectId"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reason": ""}, "reason"),
        ({"reason": "  "}, "reason"),
        ({"recipient": ""}, "recipient"),
        ({"purpose": "marketing"}, "purpose"),
    ],
)
def test_a_bad_secrecy_release_is_400_and_releases_nothing(api, may_share, wmo, body, field):
    secret = factories.record_over_api(api, may_share.id, professionalSecrecy=True)
    release = {"recipient": str(wmo.id), "reason": "Nodig", "purpose": "support-provision", **body}
    assert field in invalid_fields(
        api.post(f"/data-items/{secret['id']}/secrecy-releases", release)
    )
    assert not LogRecord.objects.filter(name="beroepsgeheim-vrijgeven").exists()


def test_releasing_an_item_not_under_secrecy_is_400(api, may_share, wmo):
    item = factories.record_over_api(api, may_share.id)
    fields = invalid_fields(
        api.post(
            f"/data-items/{item['id']}/secrecy-releases",
            {"recipient": str(wmo.id), "reason": "Nodig", "purpose": "support-provision"},
        )
    )
    assert "itemId" in fields


TODAY = datetime.date.today().isoformat()


def test_art7_non_partners_listed_and_addressed(api):
    created = api.post("/non-partners", {"name": "Buurman", "kind": "network", "informed": True})
    assert created.status_code == 201
    (listed,) = api.get("/non-partners").json()
    assert listed["name"] == "Buurman" and listed["informedAt"]
    addressed = api.post(
        f"/non-partners/{listed['id']}/addresses",
        {"addressedOn": TODAY, "whatHappened": "Vertelde het door."},
    )
    assert addressed.status_code == 201 and addressed.json()["timesAddressed"] == 1
    blank = invalid_fields(
        api.post(
            f"/non-partners/{listed['id']}/addresses", {"addressedOn": TODAY, "whatHappened": ""}
        )
    )
    assert "whatHappened" in blank
    (record,) = api.get(f"/non-partners/{listed['id']}/addresses").json()
    assert record["addressedOn"] == TODAY and record["whatHappened"] == "Vertelde het door."
    assert record["addressedBy"]


def test_art7_another_partners_non_partner_is_not_found(api, db):
    from tests.apiclient import as_employee, problem
    from tests.conftest import make_employee, make_partner

    created = api.post("/non-partners", {"name": "Buurvrouw", "kind": "network"}).json()
    other = as_employee(make_employee(make_partner("Wmo Leersum"), "wim"))
    problem(other.get(f"/non-partners/{created['id']}/addresses"), 404)
