# SPDX-License-Identifier: EUPL-1.2
"""The web pages through Django's test client: login, acknowledgement, search, intake, dossier.

Every page with personal data calls the gate; these tests check what the pages add: that the
gate's answers are shown (field errors, refusals with their articles, the processing log), that
no BSN ends up in a URL, and that bad input writes nothing.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from tests.conftest import app_code, make_employee, make_partner, next_bsn, sign_in
from zorgvuldig.clients.models import RelationKind, Subject, SupportTrajectory
from zorgvuldig.dossier.models import DataItem, DataItemVersion, OriginMethod
from zorgvuldig.partners.models import ProtocolAcknowledgement
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import vocabulary
from zorgvuldig.web import labels

pytestmark = pytest.mark.django_db

HOME = "/"
INTAKE = "/clienten/aanmelden/"


def dossier_url(client_id, purpose="support-provision") -> str:
    return f"/clienten/{client_id}/?doel={purpose}"


def text_of(response) -> str:
    """The visible text of a page, tags removed and whitespace collapsed."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def field_error(response, field: str) -> str:
    """The error text shown with a form field (its ``<id>_error`` element), or ''."""
    match = re.search(rf'id="id_{field}_error">(.*?)</div>', response.content.decode(), re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def intake_data(**overrides) -> dict:
    data = {
        "bsn": next_bsn(),
        "given_names": "Daan",
        "surname_prefix": "van",
        "surname": "Dijk",
        "birth_date": "2010-03-04",
        "domain": "jeugd",
        "legal_basis": "jeugdwet",
        "opened_on": "2024-01-08",
    }
    return {**data, **overrides}


# Login and access -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [HOME, INTAKE, "/clienten/7a1c0e9e-3f1b-4c55-9a5e-0d6a8f3b2c11/?doel=intake", "/protocol/"],
)
def test_pages_with_personal_data_need_a_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_login_page_is_a_utrecht_styled_form_in_dutch(client, db):
    response = client.get(reverse("web:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl" class="utrecht-theme">' in html
    assert 'class="utrecht-textbox utrecht-textbox--html-input' in html
    assert 'autocomplete="current-password"' in html
    assert "Inloggen" in html
    assert 'href="#main"' in html  # the skip link


def test_login_with_a_password_and_a_code_leads_to_the_search(client, caseworker):
    response = client.post(
        reverse("web:login"), {"username": "anna", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    # art3.2b: the password is the first step, the code from the app the second
    assert response["Location"] == f"{reverse('web:second_factor')}?next=%2F"
    response = client.post(response["Location"], {"code": app_code("anna")})
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")
    assert "Cliënt zoeken" in text_of(client.get(HOME))


def test_a_wrong_password_is_said_on_the_login_page(client, caseworker):
    response = client.post(reverse("web:login"), {"username": "anna", "password": "wrong-one"})
    assert response.status_code == 200
    assert "utrecht-alert--error" in response.content.decode()


def test_logout_is_a_post(web):
    assert web.get(reverse("web:logout")).status_code == 405
    response = web.post(reverse("web:logout"))
    assert response.status_code == 302
    assert web.get(HOME).status_code == 302  # logged out


def test_a_user_without_employee_gets_no_access(client, django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="x" * 16)
    sign_in(client, user)
    response = client.get(HOME)
    assert response.status_code == 403
    assert "niet gekoppeld aan een actieve medewerker" in text_of(response)


# art3.2d: the acknowledgement ---------------------------------------------------------------


def test_art3_2d_an_employee_who_has_not_acknowledged_is_sent_to_the_protocol(client, partner):
    employee = make_employee(partner, "bram", acknowledged=False)
    sign_in(client, employee.user)

    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == "/protocol/?next=%2F"

    page = client.get(response["Location"])
    assert page.status_code == 200
    text = text_of(page)
    assert "De hoofdlijnen" in text
    assert "nog niet bevestigd" in text
    assert "Ik ken het protocol en leef het na" in text

    done = client.post("/protocol/", {"next": "/"})
    assert done.status_code == 302
    assert done["Location"] == "/"
    assert ProtocolAcknowledgement.objects.filter(employee=employee).exists()
    assert client.get(HOME).status_code == 200


def test_art3_2d_acknowledging_never_redirects_to_another_site(client, partner):
    employee = make_employee(partner, "bram", acknowledged=False)
    sign_in(client, employee.user)
    response = client.post("/protocol/", {"next": "https://example.org/"})
    assert response["Location"] == reverse("web:home")


def test_art1_an_employee_of_an_uncommitted_organisation_cannot_acknowledge(client, db):
    outsider = make_employee(make_partner("Buurtvereniging", committed=False), "cor")
    sign_in(client, outsider.user)
    page = client.get("/protocol/")
    assert "geen partner" in text_of(page)
    assert "Ik ken het protocol" not in text_of(page)
    client.post("/protocol/", {"next": "/"})
    assert not ProtocolAcknowledgement.objects.filter(employee=outsider).exists()


# Search --------------------------------------------------------------------------------------


def test_search_by_bsn_is_a_post_and_the_link_carries_the_purpose_not_the_bsn(web, client_dossier):
    bsn = client_dossier.subject.bsn
    form = web.get(HOME).content.decode()
    assert re.search(r'<form method="post" action="/"', form)

    response = web.post(HOME, {"purpose": "support-provision", "bsn": bsn})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sanne de Vries" in html
    link = f'href="/clienten/{client_dossier.id}/?doel=support-provision"'
    assert link in html
    assert not any(bsn in href for href in re.findall(r'(?:href|action)="([^"]*)"', html))


def test_a_bsn_in_the_query_string_searches_nothing(web, client_dossier):
    response = web.get(HOME, {"purpose": "support-provision", "bsn": client_dossier.subject.bsn})
    assert "Sanne de Vries" not in response.content.decode()


def test_search_by_surname(web, client_dossier):
    response = web.post(HOME, {"purpose": "assessment", "surname": "vries"})
    assert "Sanne de Vries" in response.content.decode()
    assert LogRecord.objects.filter(name="client-zoeken", purpose="assessment").exists()


def test_search_without_purpose_or_terms_says_which_fields(web, client_dossier):
    response = web.post(HOME, {"purpose": "", "bsn": "", "surname": ""})
    assert response.status_code == 400
    assert field_error(response, "purpose")
    assert field_error(response, "bsn") == "Zoek op BSN of op achternaam."
    assert not LogRecord.objects.filter(name="client-zoeken").exists()


def test_search_with_an_invalid_bsn_shows_the_gates_error_on_the_bsn_field(web, client_dossier):
    response = web.post(HOME, {"purpose": "support-provision", "bsn": "123456789"})
    assert response.status_code == 400
    assert field_error(response, "bsn").startswith("Geen geldig BSN")


def test_search_finds_only_clients_the_employee_supports(client, client_dossier, db):
    other = make_employee(make_partner("Wijkteam Zeist"), "dirk")
    sign_in(client, other.user)
    response = client.post(
        HOME, {"purpose": "support-provision", "bsn": client_dossier.subject.bsn}
    )
    assert "Sanne de Vries" not in response.content.decode()
    assert "Geen cliënt gevonden" in text_of(response)


# Intake --------------------------------------------------------------------------------------


def test_intake_with_an_invalid_bsn_shows_it_on_the_bsn_field_and_writes_nothing(web, db):
    subjects, records = Subject.objects.count(), LogRecord.objects.count()
    response = web.post(INTAKE, intake_data(bsn="123456780"))
    assert response.status_code == 400
    assert field_error(response, "bsn").startswith("Geen geldig BSN")
    html = response.content.decode()
    assert "utrecht-form-field--invalid" in html
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="id_bsn"', html)
    assert 'href="#id_bsn"' in html  # the error summary links to the field
    assert "Er is niets vastgelegd" in text_of(response)
    assert Subject.objects.count() == subjects
    assert LogRecord.objects.count() == records


def test_intake_with_a_domain_outside_the_law_shows_it_on_the_legal_basis(web, db):
    response = web.post(INTAKE, intake_data(domain="wonen", legal_basis="jeugdwet"))
    assert response.status_code == 400
    assert "valt niet onder de jeugdwet" in field_error(response, "legal_basis")
    assert not Subject.objects.exists()


def test_intake_with_a_birth_date_in_the_future_shows_it_on_that_field(web, db):
    future = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    response = web.post(INTAKE, intake_data(birth_date=future))
    assert response.status_code == 400
    assert "toekomst" in field_error(response, "birth_date")
    assert not Subject.objects.exists()


def test_intake_with_missing_fields_names_each_field(web, db):
    response = web.post(INTAKE, {"bsn": next_bsn()})
    assert response.status_code == 400
    for field in ("given_names", "surname", "birth_date", "domain", "legal_basis", "opened_on"):
        assert field_error(response, field), field
    assert not Subject.objects.exists()


def test_intake_registers_the_client_and_opens_the_dossier(web, db):
    data = intake_data()
    response = web.post(INTAKE, data)
    assert response.status_code == 302
    subject = Subject.objects.get()
    assert subject.surname == "Dijk"
    location = response["Location"]
    assert data["bsn"] not in location
    assert location.endswith("?doel=intake&grondslag=jeugdwet")
    page = web.get(location)
    assert page.status_code == 200
    text = text_of(page)
    assert "Daan van Dijk" in text
    assert "De cliënt is aangemeld" in text


def test_intake_asks_the_municipality_in_a_region_of_more_than_one(web, db, settings):
    assert 'name="municipality"' not in web.get(INTAKE).content.decode()  # one: not asked
    settings.ZORGVULDIG_MUNICIPALITIES = {"1581": "Utrechtse Heuvelrug", "0355": "Zeist"}
    assert 'name="municipality"' in web.get(INTAKE).content.decode()
    response = web.post(INTAKE, intake_data(municipality="0355"))
    assert response.status_code == 302
    assert SupportTrajectory.objects.get().municipality == "0355"


# The dossier ---------------------------------------------------------------------------------


def test_opening_the_dossier_is_a_consult_that_appears_in_its_log(web, client_dossier):
    response = web.get(dossier_url(client_dossier.id))
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert "Sanne de Vries" in text
    assert client_dossier.subject.bsn in text
    assert "17 mei 2012" in text
    assert "Jeugdwet" in text
    row = re.search(r'<tr [^>]*data-processing="dossier-raadplegen">(.*?)</tr>', html, re.S)
    assert row, "the consult is listed in the processing log on the page"
    row_text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row.group(1)))
    for expected in (
        "Dossier geraadpleegd",
        "raadplegen",
        "Anna Test",
        "Jeugdteam Heuvelrug",
        "Identificatiegegevens",
        "Bieden en uitvoeren van ondersteuning",
        "toegestaan",
        "art3.2c",
    ):
        assert expected in row_text
    consults = LogRecord.objects.filter(name="dossier-raadplegen")  # the client and her mother
    assert {(c.purpose, c.decision) for c in consults} == {("support-provision", "allowed")}


def test_the_dossier_asks_for_a_purpose_before_processing_anything(web, client_dossier):
    records = LogRecord.objects.count()
    response = web.get(f"/clienten/{client_dossier.id}/")
    assert response.status_code == 200
    assert 'name="doel"' in response.content.decode()
    assert "Sanne" not in response.content.decode()
    assert LogRecord.objects.count() == records


def test_an_unknown_purpose_is_a_field_error(web, client_dossier):
    response = web.get(dossier_url(client_dossier.id, purpose="curiosity"))
    assert response.status_code == 400
    assert field_error(response, "doel")


def test_a_refused_consult_is_a_403_with_the_explanation_and_articles(client, client_dossier):
    other = make_employee(make_partner("Wijkteam Zeist"), "dirk")
    sign_in(client, other.user)
    response = client.get(dossier_url(client_dossier.id))
    assert response.status_code == 403
    text = text_of(response)
    assert "Niet toegestaan" in text
    assert "u bent niet betrokken bij de ondersteuning van deze cliënt" in text
    assert "art3.2c" in text
    assert "art. 3 lid 2 onder c" in text
    assert "Sanne" not in text
    refusal = LogRecord.objects.get(name="dossier-raadplegen", actor_id=str(other.id))
    assert refusal.decision == "refused"
    assert refusal.trace_id in text


def test_an_unknown_client_is_a_404(web, db, caseworker):
    response = web.get(dossier_url(uuid.uuid4()))
    assert response.status_code == 404
    assert "Deze cliënt bestaat niet." in text_of(response)


def test_pages_with_personal_data_are_not_cached(web, client_dossier):
    response = web.get(dossier_url(client_dossier.id))
    assert "no-store" in response["Cache-Control"]


# Data items ----------------------------------------------------------------------------------


def item_data(**overrides) -> dict:
    data = {
        "category": "youth",
        "label": "School",
        "value": "Groep 7, De Regenboog",
        "source": "de moeder",
        "method": "conversation",
        "obtained_on": "2024-02-01",
    }
    return {**data, **overrides}


def test_recording_a_data_item_shows_it_with_origin_in_the_dossier(web, client_dossier):
    url = f"/clienten/{client_dossier.id}/gegevens/nieuw/?doel=support-provision"
    assert web.get(url).status_code == 200
    response = web.post(url, item_data())
    assert response.status_code == 302
    assert response["Location"] == dossier_url(client_dossier.id) + "#gegevens"
    page = text_of(web.get(dossier_url(client_dossier.id)))
    for expected in (
        "School",
        "Groep 7, De Regenboog",
        "de moeder",
        "Gesprek met de cliënt",
        "1 februari 2024",
        "1 versie",
        "Jeugd",
    ):
        assert expected in page
    assert LogRecord.objects.filter(name="gegeven-vastleggen", decision="allowed").exists()


def test_a_data_item_without_origin_says_which_field_and_writes_nothing(web, client_dossier):
    url = f"/clienten/{client_dossier.id}/gegevens/nieuw/?doel=support-provision"
    response = web.post(url, item_data(source="", method="telepathy"))
    assert response.status_code == 400
    assert field_error(response, "source")
    assert field_error(response, "method")
    assert not DataItem.objects.exists()


def test_changing_a_data_item_keeps_the_earlier_version(web, client_dossier):
    web.post(f"/clienten/{client_dossier.id}/gegevens/nieuw/?doel=support-provision", item_data())
    item = DataItem.objects.get()
    history = f"/gegevens/{item.id}/?doel=support-provision"
    change = f"/gegevens/{item.id}/wijzigen/?doel=support-provision"
    form = web.get(change)
    assert 'value="School"' in form.content.decode()

    missing_reason = web.post(change, item_data(value="Groep 8", reason=""))
    assert missing_reason.status_code == 400
    assert field_error(missing_reason, "reason")
    assert DataItemVersion.objects.count() == 1

    response = web.post(change, item_data(value="Groep 8", reason="Nieuw schooljaar"))
    assert response.status_code == 302
    assert response["Location"] == history
    text = text_of(web.get(history))
    assert "Groep 8" in text
    assert "Groep 7, De Regenboog" in text
    assert "Nieuw schooljaar" in text
    assert DataItemVersion.objects.count() == 2
    assert "2 versies" in text_of(web.get(dossier_url(client_dossier.id)))


# Language and design -------------------------------------------------------------------------


def test_dutch_is_the_default_and_english_is_one_switch_away(web, caseworker):
    dutch = web.get(HOME)
    assert '<html lang="nl"' in dutch.content.decode()
    assert "Cliënt zoeken" in text_of(dutch)
    assert 'action="/i18n/setlang/"' in dutch.content.decode()

    switched = web.post("/i18n/setlang/", {"language": "en", "next": HOME})
    assert switched.status_code == 302
    english = web.get(HOME)
    assert '<html lang="en"' in english.content.decode()
    text = text_of(english)
    assert "Find a client" in text
    assert "Cliënt zoeken" not in text
    assert "Providing and carrying out support" in text


def test_the_dutch_labels_are_the_vocabulary_of_the_protocol():
    pairs = [
        (labels.PURPOSES, vocabulary.PURPOSES),
        (labels.DOMAINS, vocabulary.DOMAINS),
        (labels.LEGAL_BASES, vocabulary.LEGAL_BASES),
        (labels.OPERATIONS, vocabulary.OPERATIONS),
        (labels.CATEGORIES, vocabulary.CATEGORIES),
    ]
    with translation.override("nl"):
        for translated, dutch in pairs:
            assert set(translated) == set(dutch)
            assert {code: str(text) for code, text in translated.items()} == dutch


def test_the_pages_use_the_committed_nl_design_system_assets(web, caseworker):
    html = web.get(HOME).content.decode()
    for asset in (
        "web/nlds/utrecht-tokens.min.css",
        "web/nlds/utrecht-components.min.css",
        "web/zorgvuldig.css",
    ):
        assert f"/static/{asset}" in html
        assert finders.find(asset), asset
    tokens = Path(finders.find("web/nlds/utrecht-tokens.min.css")).read_text(encoding="utf-8")
    assert tokens.count(".utrecht-theme{") == 1
    components = Path(finders.find("web/nlds/utrecht-components.min.css")).read_text(
        encoding="utf-8"
    )
    for block in (
        ".utrecht-button{",
        ".utrecht-form-field{",
        ".utrecht-table{",
        ".utrecht-alert{",
        ".utrecht-page-header{",
    ):
        assert block in components, block


def test_the_labels_of_model_choices_are_those_of_the_models():
    """The web may not import the personal-data models, so it repeats two of their choices."""
    with translation.override("en"):
        assert {k: str(v) for k, v in labels.ORIGIN_METHODS.items()} == dict(OriginMethod.choices)
        assert {k: str(v) for k, v in labels.RELATION_KINDS.items()} == dict(RelationKind.choices)


def test_the_committed_nl_design_system_assets_match_package_json():
    """bin/build-nlds wrote the assets from the versions package.json names."""
    root = Path(__file__).resolve().parents[2]
    wanted = json.loads((root / "package.json").read_text())["devDependencies"]
    versions = Path(finders.find("web/nlds/VERSIONS")).read_text()
    built = dict(line.split(" ", 1) for line in versions.splitlines())
    for package in ("@utrecht/component-library-css", "@utrecht/design-tokens"):
        assert built[package] == wanted[package], f"run bin/build-nlds after changing {package}"
