# SPDX-License-Identifier: EUPL-1.2
"""Referrals on the pages: the share page refers a client to a partner for a domain and says so
in its preview; the recipient's intake queue lists the referral, takes the client in or
declines it (art3.2c, art5.1); the consent form names non-partners (art4.3, art7)."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import inform_and_consent, make_employee, make_partner, representative_of
from tests.exchange.test_referral import record
from tests.web.test_pages import field_error, text_of
from zorgvuldig.consent.models import ConsentDecision
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db
QUEUE = "/aanmeldingen/"


@pytest.fixture
def housing(db):
    return make_partner("Woonstichting Heuvelrug")


@pytest.fixture
def items(actor, client_dossier):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    return [
        record(actor, client_dossier.id, "contact", "Mobiel nummer moeder"),
        record(actor, client_dossier.id, "youth", "School"),
    ]


def share_page(client_id) -> str:
    return f"/clienten/{client_id}/delen/?doel=support-provision"


def form(housing, items, **extra) -> dict:
    return {
        "recipient": f"partner:{housing.id}",
        "purpose": "support-provision",
        "items": [str(i.id) for i in items],
        "stap": "bekijken",
        **extra,
    }


def test_art5_1_the_preview_shows_a_referral_and_what_it_may_carry(
    web, client_dossier, housing, items
):
    page = web.get(share_page(client_dossier.id)).content.decode()
    assert 'name="referral_domain"' in page
    unreferred = web.post(share_page(client_dossier.id), form(housing, items))
    assert "verwijs" in text_of(unreferred).lower()
    assert 'value="delen"' not in unreferred.content.decode()  # nothing may go
    preview = web.post(share_page(client_dossier.id), form(housing, items, referral_domain="wonen"))
    html = preview.content.decode()
    assert 'data-referral="wonen"' in html and "verwijzing voor ondersteuning in Wonen" in html
    assert html.count('data-preview="allowed"') == 1 and html.count('data-preview="refused"') == 1
    assert not Disclosure.objects.exists()
    shared = web.post(
        share_page(client_dossier.id), form(housing, items, referral_domain="wonen", stap="delen")
    )
    assert shared.status_code == 200, text_of(shared)
    assert ReceivedShare.objects.get().referral_domain == "wonen"


def test_art5_1_an_unknown_referral_domain_is_an_error_on_its_field(
    web, client_dossier, housing, items
):
    response = web.post(
        share_page(client_dossier.id), form(housing, items, referral_domain="ruimtevaart")
    )
    assert response.status_code == 400 and field_error(response, "referral_domain")
    assert not LogRecord.objects.filter(name="gegevens-delen").exists()


@pytest.fixture
def kees(client, actor, client_dossier, housing, items):
    """Kees, at the housing corporation, to which youth care referred Sanne."""
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[i.id for i in items],
        recipient_partner_id=housing.id,
        purpose="support-provision",
        referral_domain="wonen",
    )
    client.force_login(make_employee(housing, "kees").user)
    return client


def test_art3_2c_the_intake_queue_lists_who_was_referred_not_the_content(kees, client_dossier):
    response = kees.get(QUEUE)
    assert response.status_code == 200
    page = text_of(response)
    assert "Aanmeldingen" in page and "Sanne de Vries" in page
    assert "Jeugdteam Heuvelrug" in page and "Contactgegevens" in page
    assert "Mobiel nummer moeder" not in page and "Mobiel nummer moeder: inhoud" not in page
    assert LogRecord.objects.get(name="verwijzing-inzien").decision == "allowed"


def test_art3_2c_taking_the_client_in_opens_the_dossier_and_empties_the_queue(kees, client_dossier):
    response = kees.post(f"{QUEUE}{client_dossier.id}/wonen/aannemen/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"/clienten/{client_dossier.id}/")
    assert "Er is geen cliënt naar uw organisatie verwezen" in text_of(kees.get(QUEUE))
    assert kees.get(QUEUE).status_code == 200
    again = kees.post(f"{QUEUE}{client_dossier.id}/wonen/aannemen/")
    assert again.status_code == 404


def test_art5_1_declining_needs_a_reason_and_records_nothing(kees, client_dossier):
    url = f"{QUEUE}{client_dossier.id}/wonen/afwijzen/"
    assert kees.get(url).status_code == 200
    blank = kees.post(url, {"reason": ""})
    assert blank.status_code == 400 and field_error(blank, "reason")
    assert ReceivedShare.objects.filter(handled_at__isnull=True).count() == 1
    done = kees.post(url, {"reason": "Wij bieden geen woonbegeleiding."})
    assert done.status_code == 302
    assert not ReceivedShare.objects.filter(handled_at__isnull=True).exists()


def test_a_referral_for_another_domain_is_not_found(kees, client_dossier):
    assert kees.post(f"{QUEUE}{client_dossier.id}/zorg/aannemen/").status_code == 404


def test_art7_the_consent_form_names_non_partners_and_the_panel_says_every_partner(
    web, actor, client_dossier
):
    grandma = services.register_non_partner(actor, name="Oma de Vries", kind="family")
    inform_and_consent(
        actor,
        client_dossier.id,  # consent to share naming nobody
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    url = f"/clienten/{client_dossier.id}/toestemming/nieuw/?doel=support-provision"
    page = web.get(url + "&reikwijdte=share")
    html = page.content.decode()
    assert f'value="{grandma.id}"' in html and "Oma de Vries – niet-partner" in html
    assert "geen niet-partner" in text_of(page)
    response = web.post(
        url,
        {
            "scope": "share",
            "state": "given",
            "given_by": str(representative_of(client_dossier.id)),
            "decided_on": str(datetime.date.today()),
            "recipients": [str(grandma.id)],
        },
    )
    assert response.status_code == 302, text_of(response)
    decision = ConsentDecision.objects.get(scope="share", recipients__isnull=False)
    assert decision.recipients == [str(grandma.id)]
    dossier = text_of(web.get(response["Location"]))
    assert "met Oma de Vries" in dossier
    assert "met iedere partner, geen niet-partner" in dossier  # the earlier, unnarrowed one
