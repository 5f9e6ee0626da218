# SPDX-License-Identifier: EUPL-1.2
"""Requesting data from a partner on the pages (art4.2, art4.4, art6.1, art6.2, art3.2a): the
page "Gegevens opvragen", what came in, and the holder's explanation of what it withheld."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest

from tests.conftest import inform_and_consent, make_employee, make_partner, representative_of
from tests.web.test_pages import dossier_url, field_error, text_of
from zorgvuldig.dossier.models import DataItem, DataItemVersion
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


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
