# SPDX-License-Identifier: EUPL-1.2
"""What comes in, on the pages: received data taken into the dossier or declined, the intake
queue of referrals, and the page "Gegevens opvragen" with what came in and what the holder
withheld (art3.2a, art3.2c, art4.2, art4.4, art5.1, art6.1, art6.2, art7)."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    sign_in,
    supporting,
)
from tests.web.test_pages import dossier_url, field_error, text_of
from zorgvuldig.consent.models import ConsentDecision
from zorgvuldig.dossier.models import DataItem, DataItemVersion
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

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
    sign_in(client, partner.employees.get(user__username=username).user)
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
    sign_in(client, make_employee(recipient, "kim").user)
    assert "Er wacht niets" in client.get(LIST, PURPOSE).content.decode()
    (received_share,) = ReceivedShare.objects.all()
    response = client.post(f"{LIST}{received_share.id}/overnemen/?doel=support-provision")
    assert response.status_code == 403
    assert ReceivedShare.objects.get().handled_at is None


def test_an_unknown_received_share_is_not_found(bram):
    response = bram.post(f"{LIST}00000000-0000-4000-8000-000000000000/overnemen/?doel=intake")
    assert response.status_code == 404


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
        factories.record(
            actor,
            client_dossier.id,
            category="contact",
            value="Mobiel nummer moeder: inhoud",
            label="Mobiel nummer moeder",
        ),
        factories.record(
            actor, client_dossier.id, category="youth", value="School: inhoud", label="School"
        ),
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
    sign_in(client, make_employee(housing, "kees").user)
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


def test_art5_1_declining_a_referral_needs_a_reason_and_records_nothing(kees, client_dossier):
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
            "client_signs": "on",
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


def request_url(client_id, purpose="support-provision") -> str:
    return f"/clienten/{client_id}/opvragen/?doel={purpose}"


def request_data(holder, *categories, **extra) -> dict:
    return {
        "holder": str(holder.id),
        "categories": list(categories),
        "purpose": "support-provision",
        **extra,
    }


def own_items(partner) -> int:
    return DataItem.objects.filter(partner=partner).count()


@pytest.fixture
def elders(db):
    return make_partner("Jeugdhulp Elders")


def supported_at(holder, client, username="bram", scopes=("record-request", "share")):
    """``client`` supported at ``holder`` too, informed there and with consent there."""
    employee = make_employee(holder, username)
    actor = actor_for(employee)
    services.register_client(
        actor,
        bsn=client.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    inform_and_consent(
        actor, client.id, representative_id=representative_of(client.id), scopes=scopes
    )
    return actor


def hold(actor, client_id, label, category="youth", **extra):
    return services.record_item(
        actor,
        client_id,
        category=category,
        label=label,
        value=f"{label} (waarde)",
        source="de moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
        **extra,
    )


@pytest.fixture
def holder_actor(elders, client_dossier):
    actor = supported_at(elders, client_dossier)
    hold(actor, client_dossier.id, "School")
    return actor


def test_art4_2_the_dossier_links_to_the_request_page(web, client_dossier):
    html = web.get(dossier_url(client_dossier.id)).content.decode()
    assert request_url(client_dossier.id) in html and "Gegevens opvragen" in html


def test_art4_2_the_page_offers_the_committed_partners_other_than_ones_own(
    web, partner, elders, client_dossier
):
    make_partner("Niet gecommitteerd B.V.", committed=False)
    response = web.get(request_url(client_dossier.id))
    assert response.status_code == 200
    html = response.content.decode()
    options = html[html.index('name="holder"') : html.index("</select>")]
    assert elders.name in options
    assert partner.name not in options and "Niet gecommitteerd" not in options
    assert 'name="categories"' in html and 'name="csrfmiddlewaretoken"' in html


def test_art4_2_what_came_in_is_recorded_with_its_origin_and_shown(
    web, partner, elders, client_dossier, holder_actor
):
    response = web.post(request_url(client_dossier.id), request_data(elders, "youth"))
    assert response.status_code == 200, text_of(response)
    assert "data-request-result" in response.content.decode()
    page = text_of(response)
    assert "1 gegeven kwam binnen van Jeugdhulp Elders" in page
    assert "School (waarde)" in page
    (received,) = DataItem.objects.filter(partner=partner)
    version = DataItemVersion.objects.get(item=received)
    assert version.source == "Jeugdhulp Elders" and version.method == "partner"  # art3.2a
    assert LogRecord.objects.get(name="gegevens-opvragen").decision == "allowed"


def test_art6_2_the_holders_explanation_says_what_was_withheld_and_why(
    web, partner, elders, client_dossier, holder_actor
):
    hold(holder_actor, client_dossier.id, "Gesprek", professional_secrecy=True)
    response = web.post(request_url(client_dossier.id), request_data(elders, "youth"))
    assert response.status_code == 200, text_of(response)
    page = text_of(response)
    assert "Wat de houder tegenhield, en waarom" in page
    assert "beroepsgeheim" in page and "art. 6 lid 2" in page
    assert "Gesprek (waarde)" not in page
    assert own_items(partner) == 1


def category_row(response, category: str) -> str:
    """The visible text of the result's row of one requested category."""
    html = response.content.decode()
    match = re.search(rf'<tr [^>]*data-category="{category}"[^>]*>(.*?)</tr>', html, re.S)
    assert match, f"no row for {category}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


def test_art5_1_the_page_lists_each_requested_category_with_what_became_of_it_and_why(
    web, partner, elders, client_dossier, holder_actor
):
    response = web.post(
        request_url(client_dossier.id),
        request_data(elders, "youth", "health", "welfare", "work-income", "housing"),
    )
    assert response.status_code == 200, text_of(response)
    html, page = response.content.decode(), text_of(response)
    assert 'data-request-status="partly-sent"' in html and "Deels verstrekt." in page
    assert "Per gevraagde categorie" in page
    assert "Toegestaan" not in page  # part was refused: no bare "allowed"
    youth = category_row(response, "youth")
    assert "Verstrekt" in youth and "1 gegeven kwam binnen" in youth
    for needless in ("work-income", "housing"):  # art5.1, refused on one's own side
        row = category_row(response, needless)
        assert "Geweigerd bij het opvragen, door uw eigen organisatie" in row
        assert "art5.1" in row and "niet nodig" in row and "(art. 5 lid 1)" in row
    health = category_row(response, "health")  # art4.4: no signed form
    assert "Geweigerd" in health and "art4.4" in health
    assert "schriftelijke toestemming" in health
    welfare = category_row(response, "welfare")  # the holder has none: no refusal
    assert "Geen gegevens bij de partner" in welfare and "Geweigerd" not in welfare
    assert "Jeugdhulp Elders heeft van deze soort geen gegevens" in welfare


def test_art6_2_the_page_says_which_category_came_only_in_part_and_why(
    web, partner, elders, client_dossier, holder_actor
):
    hold(holder_actor, client_dossier.id, "Gesprek", professional_secrecy=True)
    hold(holder_actor, client_dossier.id, "Zorgen", category="welfare", professional_secrecy=True)
    response = web.post(request_url(client_dossier.id), request_data(elders, "youth", "welfare"))
    assert response.status_code == 200, text_of(response)
    assert "Deels verstrekt." in text_of(response)
    youth = category_row(response, "youth")
    assert "Deels verstrekt" in youth and "1 gegeven kwam binnen" in youth
    assert "art6.2" in youth and "1 gegeven bleef achter" in youth
    welfare = category_row(response, "welfare")
    assert "Geweigerd door Jeugdhulp Elders" in welfare
    assert "art6.2" in welfare and "beroepsgeheim" in welfare


def test_art4_3_when_the_holder_may_share_nothing_the_page_says_so_per_category(
    web, partner, elders, client_dossier
):
    holder = supported_at(elders, client_dossier, scopes=("record-request",))
    hold(holder, client_dossier.id, "School")
    response = web.post(request_url(client_dossier.id), request_data(elders, "youth"))
    assert response.status_code == 200, text_of(response)
    html = response.content.decode()
    assert 'data-request-status="nothing-sent"' in html and "Niets verstrekt." in text_of(response)
    youth = category_row(response, "youth")
    assert "Geweigerd door Jeugdhulp Elders" in youth
    assert "art4.3" in youth and "toestemming om gegevens te delen" in youth
    assert own_items(partner) == 0


def test_art4_2_without_consent_to_request_the_request_is_refused_and_nothing_comes_in(
    web, partner, elders, registered_client
):
    supported_holder = make_employee(elders, "bram")
    services.register_client(
        actor_for(supported_holder),
        bsn=registered_client.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=registered_client.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    response = web.post(request_url(registered_client.id), request_data(elders, "youth"))
    assert response.status_code == 403
    page = text_of(response)
    assert "Niet toegestaan volgens het privacyprotocol" in page
    assert "art4.1" in page or "art4.2" in page
    assert "#zonder-toestemming" in response.content.decode()
    assert own_items(partner) == 0
    assert LogRecord.objects.get(name="gegevens-opvragen").decision == "refused"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"categories": []}, "categories"),
        ({"holder": str(uuid.uuid4())}, "holder"),
        ({"holder": ""}, "holder"),
        ({"purpose": ""}, "purpose"),
        ({"justification_ground": "serious-risk", "justification": ""}, "justification"),
    ],
)
def test_art5_1_bad_input_is_400_on_its_field_and_requests_nothing(
    web, partner, elders, client_dossier, holder_actor, change, field
):
    response = web.post(request_url(client_dossier.id), {**request_data(elders, "youth"), **change})
    assert response.status_code == 400
    assert field_error(response, field)
    assert "Er is niets vastgelegd" in text_of(response)
    assert own_items(partner) == 0
    assert not LogRecord.objects.filter(name="gegevens-opvragen").exists()


def test_art4_2_ones_own_organisation_is_no_holder(web, partner, client_dossier):
    response = web.post(request_url(client_dossier.id), request_data(partner, "youth"))
    assert response.status_code == 400 and field_error(response, "holder")
    assert not LogRecord.objects.filter(name="gegevens-opvragen").exists()


def test_art4_2_a_partner_that_does_not_support_the_client_is_said_on_the_field(
    web, partner, elders, client_dossier
):
    response = web.post(request_url(client_dossier.id), request_data(elders, "youth"))
    assert response.status_code == 400
    assert "ondersteunt deze cliënt niet" in field_error(response, "holder")
    assert own_items(partner) == 0


def test_art2_without_a_purpose_the_page_asks_for_it_first(web, client_dossier):
    response = web.get(f"/clienten/{client_dossier.id}/opvragen/")
    assert response.status_code == 200 and 'name="doel"' in response.content.decode()


def test_a_request_about_an_unknown_client_is_not_found(web, elders, client_dossier):
    response = web.post(request_url(uuid.uuid4()), request_data(elders, "youth"))
    assert response.status_code == 404


def test_art4_2_the_request_has_a_dutch_label_in_the_log():
    from django.utils import translation

    from zorgvuldig.web import labels

    with translation.override("nl"):
        assert labels.label("processing", "gegevens-opvragen") == (
            "Gegevens opgevraagd bij een partner"
        )
