# SPDX-License-Identifier: EUPL-1.2
"""Processing without consent on the pages (art4.6), what the protocol allows now, a partial
dossier, and the privacy officer's register of processings without consent.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client as BrowserClient

from tests.conftest import make_employee, sign_in
from tests.web.test_pages import dossier_url, field_error, item_data, text_of
from zorgvuldig.dossier.models import Annotation, DataItem
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


REGISTER = "/privacy/uitzonderingen/"


def record_url(client_id, purpose="assessment") -> str:
    return f"/clienten/{client_id}/gegevens/nieuw/?doel={purpose}"


def justified(**overrides) -> dict:
    return item_data(
        justification_ground="serious-risk",
        justification="Kind komt ondervoed op school; zorg kan niet wachten.",
        **overrides,
    )


def test_the_record_form_has_a_separate_fieldset_for_processing_without_consent(
    web, registered_client
):
    html = web.get(record_url(registered_client.id)).content.decode()
    fieldset = re.search(r'<fieldset[^>]*id="zonder-toestemming".*?</fieldset>', html, re.S)
    assert fieldset, "no fieldset for art. 4 lid 6"
    assert "Verwerken zonder toestemming (art. 4 lid 6)" in fieldset.group(0)
    assert 'name="justification_ground"' in fieldset.group(0)
    assert 'name="justification"' in fieldset.group(0)
    assert "Noodzakelijk en onvermijdelijk voor de ondersteuning" in fieldset.group(0)


def test_art4_6_recording_without_consent_is_refused_and_points_to_consent_and_the_fieldset(
    web, registered_client
):
    response = web.post(record_url(registered_client.id), item_data())
    assert response.status_code == 403
    page = text_of(response)
    assert "art4.1" in page or "art4.2" in page
    html = response.content.decode()
    assert f"/clienten/{registered_client.id}/?doel=assessment#toestemming" in html
    assert "#zonder-toestemming" in html
    assert not DataItem.objects.exists()


def test_art4_6_recording_with_a_justification_is_annotated_in_the_dossier(
    web, actor, registered_client
):
    response = web.post(record_url(registered_client.id), justified())
    assert response.status_code == 302, text_of(response)
    assert DataItem.objects.count() == 1
    note = Annotation.objects.get(client_id=registered_client.id)
    assert note.article == "art4.6" and "ondervoed" in note.text
    dossier = services.consult_dossier(actor, registered_client.id, purpose="assessment")
    assert "art4.6" in [a.article for a in dossier.annotations]


def test_art4_6_a_ground_without_justification_is_400_and_writes_nothing(web, registered_client):
    logged = LogRecord.objects.count()
    response = web.post(
        record_url(registered_client.id),
        item_data(justification_ground="necessary-unavoidable", justification="   "),
    )
    assert response.status_code == 400
    assert "toelichting" in field_error(response, "justification")
    assert not DataItem.objects.exists() and not Annotation.objects.exists()
    assert LogRecord.objects.count() == logged


def test_art4_6_a_justification_without_ground_names_the_ground(web, registered_client):
    response = web.post(record_url(registered_client.id), item_data(justification="Nodig."))
    assert response.status_code == 400
    assert field_error(response, "justification_ground")
    assert not DataItem.objects.exists()


def test_art4_6_changing_an_item_without_consent_takes_a_justification(web, registered_client):
    web.post(record_url(registered_client.id), justified())
    item = DataItem.objects.get()
    change = f"/gegevens/{item.id}/wijzigen/?doel=assessment"
    data = {**item_data(value="Groep 8"), "reason": "Nieuw schooljaar"}
    refused = web.post(change, data)
    assert refused.status_code == 403
    assert "#zonder-toestemming" in refused.content.decode()
    done = web.post(
        change,
        {
            **data,
            "justification_ground": "necessary-unavoidable",
            "justification": "Schoolgegevens nodig voor het plan.",
        },
    )
    assert done.status_code == 302
    assert Annotation.objects.filter(article="art4.6").count() == 2


def test_the_dossier_shows_what_may_be_done_now(web, client_dossier):
    response = web.get(dossier_url(client_dossier.id))
    assert response.status_code == 200
    html = response.content.decode()
    table = re.search(r'<table[^>]*aria-labelledby="wat-mag-nu".*?</table>', html, re.S).group(0)
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)
    assert headers == ["Categorie", "Vastleggen", "Opvragen", "Delen"]
    youth = re.search(r'<tr[^>]*data-category="youth".*?</tr>', table, re.S).group(0)
    assert 'data-operation="record" data-allowed="true"' in youth
    assert 'data-operation="share" data-allowed="false"' in youth
    assert "toegestaan" in youth and "geweigerd" in youth and "<details" in youth
    assert LogRecord.objects.filter(name="toegestaan-raadplegen").count() == 1
    assert "Toegestane verwerkingen bekeken" in text_of(web.get(dossier_url(client_dossier.id)))


def test_a_partial_dossier_says_what_was_left_out(web, registered_client):
    web.post(record_url(registered_client.id), justified())
    response = web.get(dossier_url(registered_client.id, "assessment"))
    assert response.status_code == 200
    alert = re.search(
        r"data-dossier-refusal>(.*?)</div>\s*</div>\s*</div>", response.content.decode(), re.S
    )
    assert alert and "utrecht-alert--warning" in response.content.decode()
    assert "art. 4" in alert.group(1)


def test_art4_6_the_privacy_officer_sees_a_processing_without_consent(
    web, partner, registered_client
):
    web.post(record_url(registered_client.id), justified())
    officer = make_employee(partner, "pieter", role=Role.PRIVACY_OFFICER)
    browser = BrowserClient()
    sign_in(browser, officer.user)
    home = browser.get("/").content.decode()
    assert f'href="{REGISTER}"' in home
    response = browser.get(REGISTER)
    assert response.status_code == 200
    page = text_of(response)
    assert "Verwerkingen zonder toestemming" in page
    assert "Sanne de Vries" in page and "ondervoed" in page and "Anna Test" in page
    assert f'href="/clienten/{registered_client.id}/?doel=accountability"' in (
        response.content.decode()
    )
    assert LogRecord.objects.filter(name="uitzonderingen-raadplegen", decision="allowed").exists()


def test_art3_2c_a_caseworker_does_not_see_the_register(web, registered_client):
    assert f'href="{REGISTER}"' not in web.get("/").content.decode()
    assert web.get(REGISTER).status_code == 403  # an empty register too
    web.post(record_url(registered_client.id), justified())
    response = web.get(REGISTER)
    assert response.status_code == 403
    assert "privacyfunctionaris" in text_of(response)
    assert "ondervoed" not in response.content.decode()
    # The page refuses before the gate reads the register: no client consulted for it.
    assert not LogRecord.objects.filter(name="uitzonderingen-raadplegen").exists()
