# SPDX-License-Identifier: EUPL-1.2
"""Integrated support on the pages (art1: one household, one plan, one director): forming a
household on the dossier, the director's households, the plan and the exchanges, and the
refusal for anyone else.
"""

from __future__ import annotations

import datetime
import re
import uuid

import pytest
from django.test import Client as BrowserClient

from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    sign_in,
)
from tests.web.test_pages import dossier_url, field_error, text_of
from zorgvuldig.clients.models import Household
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def create_url(client_id, purpose="support-provision") -> str:
    return f"/clienten/{client_id}/huishouden/nieuw/?doel={purpose}"


def household_url(household_id, purpose="integrated-support") -> str:
    return f"/huishoudens/{household_id}/?doel={purpose}"


@pytest.fixture
def gemeente(db):
    return make_partner("Gemeente Utrechtse Heuvelrug")


@pytest.fixture
def director(gemeente):
    return make_employee(gemeente, "marloes")


@pytest.fixture
def as_director(director):
    browser = BrowserClient()
    sign_in(browser, director.user)
    return browser


@pytest.fixture
def household(actor, client_dossier, director):
    """A household of Sanne and her mother, directed by ``director`` at the municipality,
    whose organisation informed the family and has the mother's consent."""
    mother = representative_of(client_dossier.id)
    formed = services.create_household(
        actor,
        client_dossier.id,
        name="Gezin De Vries",
        member_subject_ids=[mother],
        director_id=director.id,
        plan="Ouderbegeleiding en schoolondersteuning",
    )
    inform_and_consent(
        actor_for(director), client_dossier.id, representative_id=mother, legal_basis="jeugdwet"
    )
    return formed


def logged(name: str, field: str = "decision") -> set[str]:
    """The values of ``field`` in the log records of processing ``name`` (one per subject)."""
    return set(LogRecord.objects.filter(name=name).values_list(field, flat=True))


def form_data(employee, **extra) -> dict:
    return {
        "name": "Gezin De Vries",
        "director": str(employee.id),
        "plan": "Samen naar rust thuis",
        "purpose": "integrated-support",
        **extra,
    }


def test_art1_the_dossier_links_to_forming_a_household(web, client_dossier):
    html = web.get(dossier_url(client_dossier.id)).content.decode()
    assert create_url(client_dossier.id) in html and "Huishouden vormen" in html


def test_art1_a_caseworker_forms_a_household_with_members_director_and_plan(
    web, client_dossier, director
):
    mother = representative_of(client_dossier.id)
    page = web.get(create_url(client_dossier.id))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Marieke de Vries (Wettelijk vertegenwoordiger)" in html
    assert "Marloes Test, Gemeente Utrechtse Heuvelrug" in html
    response = web.post(create_url(client_dossier.id), form_data(director, members=[str(mother)]))
    assert response.status_code == 302, text_of(response)
    formed = Household.objects.get()
    assert formed.director_id == director.id and formed.plan == "Samen naar rust thuis"
    assert {str(s) for s in formed.members.values_list("id", flat=True)} == {
        str(client_dossier.subject.id),
        str(mother),
    }
    assert logged("huishouden-vastleggen", "purpose") == {"integrated-support"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"director": ""}, "director"),
        ({"director": str(uuid.uuid4())}, "director"),
        ({"members": [str(uuid.uuid4())]}, "members"),
        ({"purpose": ""}, "purpose"),
    ],
)
def test_art1_forming_a_household_with_bad_input_is_400_and_forms_nothing(
    web, client_dossier, director, change, field
):
    response = web.post(create_url(client_dossier.id), form_data(director, **change))
    assert response.status_code == 400
    assert field_error(response, field)
    assert "Er is niets vastgelegd" in text_of(response)
    assert not Household.objects.exists()
    assert not LogRecord.objects.filter(name="huishouden-vastleggen").exists()


def test_art4_1_forming_a_household_for_a_client_not_informed_is_refused(
    web, registered_client, director
):
    response = web.post(create_url(registered_client.id), form_data(director))
    assert response.status_code == 403
    assert "art4.1" in text_of(response) or "art4.2" in text_of(response)
    assert not Household.objects.exists()


def test_art1_the_director_finds_the_households_they_direct(as_director, web, household):
    mine = as_director.get("/huishoudens/")
    assert mine.status_code == 200
    assert "Gezin De Vries" in text_of(mine)
    assert f"/huishoudens/{household.id}/" in mine.content.decode()
    assert "Mijn huishoudens" in text_of(mine)
    others = web.get("/huishoudens/")
    assert "U bent van geen enkel huishouden regisseur." in text_of(others)
    assert "Gezin De Vries" not in text_of(others)


def test_art1_the_director_sees_the_plan_the_members_and_the_exchanges(
    actor, as_director, client_dossier, household, gemeente
):
    mother = representative_of(client_dossier.id)
    inform_and_consent(actor, client_dossier.id, representative_id=mother, scopes=("share",))
    item = services.record_item(
        actor,
        client_dossier.id,
        category="youth",
        label="School",
        value="De Linde",
        source="de moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[item.id],
        recipient_partner_id=gemeente.id,
        purpose="integrated-support",
    )
    response = as_director.get(household_url(household.id))
    assert response.status_code == 200, text_of(response)
    page = text_of(response)
    assert "Ouderbegeleiding en schoolondersteuning" in page
    assert "Sanne de Vries" in page and "Marieke de Vries" in page
    html = response.content.decode()
    assert html.count("data-exchange") == 1
    assert "Jeugdteam Heuvelrug" in page and "Gemeente Utrechtse Heuvelrug" in page
    assert "Toestemming van de cliënt (art. 4)" in page
    assert "De Linde" not in page  # the exchanges, never their content
    assert logged("huishouden-coordineren") == {"allowed"}


def test_art1_the_director_keeps_the_plan(as_director, household):
    response = as_director.post(household_url(household.id), {"plan": "Nieuw plan: gezinscoach"})
    assert response.status_code == 302, text_of(response)
    assert Household.objects.get().plan == "Nieuw plan: gezinscoach"
    assert logged("plan-bijwerken") == {"allowed"}
    assert "Het plan is bijgewerkt." in text_of(as_director.get(response["Location"]))


def test_art1_an_empty_plan_is_400_and_the_plan_stays(as_director, household):
    response = as_director.post(household_url(household.id), {"plan": "  "})
    assert response.status_code == 400 and field_error(response, "plan")
    assert Household.objects.get().plan == "Ouderbegeleiding en schoolondersteuning"


def test_art1_someone_else_gets_the_refusal_of_one_household_one_director(web, household):
    seen = web.get(household_url(household.id))
    assert seen.status_code == 403
    page = text_of(seen)
    assert "Alleen de regisseur van dit huishouden" in page
    assert "Ouderbegeleiding" not in page
    changed = web.post(household_url(household.id), {"plan": "Overgenomen"})
    assert changed.status_code == 403
    assert Household.objects.get().plan == "Ouderbegeleiding en schoolondersteuning"
    assert not LogRecord.objects.filter(
        name__in=["huishouden-coordineren", "plan-bijwerken"]
    ).exists()


def test_art2_the_household_page_asks_for_the_purpose_first(as_director, household):
    response = as_director.get(f"/huishoudens/{household.id}/")
    assert response.status_code == 200 and 'name="doel"' in response.content.decode()
    assert not LogRecord.objects.filter(name="huishouden-coordineren").exists()


def test_an_unknown_household_is_not_found(as_director, household):
    assert as_director.get(household_url(uuid.uuid4())).status_code == 404


def test_art1_the_household_processings_have_dutch_labels_in_the_log():
    from django.utils import translation

    from zorgvuldig.web import labels

    with translation.override("nl"):
        assert labels.label("processing", "huishouden-coordineren") == (
            "Plan en uitwisseling van het huishouden geraadpleegd door de regisseur"
        )
        assert labels.label("processing", "plan-bijwerken") == "Plan van het huishouden bijgewerkt"


def test_art3_2c_the_form_offers_as_director_only_employees_who_may_act(
    web, client_dossier, gemeente, director
):
    from zorgvuldig.partners.models import Role

    left = make_employee(gemeente, "dirk")
    left.is_active = False
    left.save()
    make_employee(gemeente, "nina", acknowledged=False)
    make_employee(gemeente, "pieter", role=Role.PRIVACY_OFFICER)
    make_employee(gemeente, "bram", role=Role.ADMINISTRATOR)
    make_employee(make_partner("Buurtteam Zonder Afspraak", committed=False), "olga")
    html = web.get(create_url(client_dossier.id)).content.decode()
    offered = set(re.findall(r'<option value="[0-9a-f-]{36}"[^>]*>([^<]+)</option>', html))
    assert offered == {
        "Marloes Test, Gemeente Utrechtse Heuvelrug",
        "Anna Test, Jeugdteam Heuvelrug",
    }


def test_art4_1_the_form_says_the_directors_organisation_informs_and_asks_consent_first(
    web, client_dossier
):
    page = text_of(web.get(create_url(client_dossier.id)))
    assert (
        "De organisatie van de regisseur moet de cliënt hebben geïnformeerd en toestemming "
        "hebben vastgelegd voordat de regisseur het huishouden kan openen"
    ) in page


def test_art3_2d_posting_a_director_who_has_not_acknowledged_is_400_and_forms_nothing(
    web, client_dossier, gemeente
):
    newcomer = make_employee(gemeente, "nina", acknowledged=False)
    response = web.post(create_url(client_dossier.id), form_data(newcomer))
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in field_error(response, "director")  # not offered
    assert not Household.objects.exists()
    assert not LogRecord.objects.filter(name="huishouden-vastleggen").exists()


def test_art3_2c_the_caseworker_who_formed_the_household_sees_it_in_the_dossier(
    web, client_dossier, household, gemeente
):
    page = text_of(web.get(dossier_url(client_dossier.id)))
    assert "Huishouden Gezin De Vries" in page
    assert "Marloes Test" in page and "Marieke de Vries" in page
    assert "Organisaties in het plan Gemeente Utrechtse Heuvelrug, Jeugdteam Heuvelrug" in page
    assert "Alleen de regisseur leest en houdt het plan bij." in page
    assert "Ouderbegeleiding en schoolondersteuning" not in page  # the plan is the director's
    assert household_url(household.id, "support-provision") not in page


def test_art3_2c_the_director_sees_the_plan_in_the_dossier(as_director, client_dossier, household):
    response = as_director.get(dossier_url(client_dossier.id, "integrated-support"))
    assert response.status_code == 200, text_of(response)
    assert "Ouderbegeleiding en schoolondersteuning" in text_of(response)
    assert f"/huishoudens/{household.id}/" in response.content.decode()


def test_art5_1_the_form_names_the_organisations_in_the_plan(web, client_dossier, director):
    welfare = make_partner("Welzijn Heuvelrug")
    make_partner("Niet gecommitteerd B.V.", committed=False)
    html = web.get(create_url(client_dossier.id)).content.decode()
    assert "Welzijn Heuvelrug" in html and "Niet gecommitteerd B.V." not in html
    response = web.post(
        create_url(client_dossier.id), form_data(director, partners=[str(welfare.id)])
    )
    assert response.status_code == 302, text_of(response)
    names = set(Household.objects.get().partners.values_list("name", flat=True))
    assert names == {"Jeugdteam Heuvelrug", "Gemeente Utrechtse Heuvelrug", "Welzijn Heuvelrug"}
