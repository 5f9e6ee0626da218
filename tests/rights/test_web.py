# SPDX-License-Identifier: EUPL-1.2
"""The rights of data subjects on the pages: the client's requests and who may act (art10),
registering a request, its steps, the privacy officer's queue, the overview with its picture
(art9.1), the inspection (art9.2, art9.3) and the notices to earlier recipients (art9.6)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import make_employee, make_partner, representative_of, sign_in
from tests.rights.test_requests import register
from tests.web.test_pages import field_error, text_of
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import RecipientNotice, SubjectRequest

pytestmark = pytest.mark.django_db


def page(request_id, rest: str = "") -> str:
    return f"/rechten/verzoeken/{request_id}/{rest}"


def form_data(client, **overrides) -> dict:
    """Sanne (14) and her mother ask together for an overview (art10.1)."""
    return {
        "kind": "overview",
        "requested_by_subject_id": str(representative_of(client.id)),
        "signed_by_subject_ids": [str(client.subject.id)],
        "identity_method": "in-person",
        "identity_note": "Paspoort getoond",
        "received_on": timezone.localdate().isoformat(),
        "details": "",
    } | overrides


def test_art10_1_the_client_s_page_says_who_may_act_and_lists_the_requests(web, client_dossier):
    response = web.get(f"/clienten/{client_dossier.id}/verzoeken/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Wie vandaag namens de cliënt handelt" in text
    assert 'data-articles="art10.1"' in response.content.decode()
    assert "Marieke de Vries (Wettelijk vertegenwoordiger) en Sanne de Vries" in text
    assert "Nog geen verzoeken." in text
    # the dossier links here
    dossier = web.get(f"/clienten/{client_dossier.id}/?doel=support-provision")
    assert f"/clienten/{client_dossier.id}/verzoeken/" in dossier.content.decode()


def test_art9_1_a_request_registered_on_the_page_opens_its_own_page(web, client_dossier):
    url = f"/clienten/{client_dossier.id}/verzoeken/nieuw/"
    assert web.get(url).status_code == 200
    response = web.post(url, form_data(client_dossier))
    (made,) = SubjectRequest.objects.all()
    assert response.status_code == 302 and response["Location"] == page(made.id)
    shown = web.get(page(made.id))
    text = text_of(shown)
    assert "Overzicht van de gegevens en aan wie ze gingen" in text
    assert f'data-due="{made.due_on.isoformat()}"' in shown.content.decode()
    assert "Marieke de Vries" in text and "Paspoort getoond" in text


def test_art10_1_without_the_youth_s_signature_the_form_says_so_and_nothing_is_written(
    web, client_dossier
):
    response = web.post(
        f"/clienten/{client_dossier.id}/verzoeken/nieuw/",
        form_data(client_dossier, signed_by_subject_ids=[]),
    )
    assert response.status_code == 400
    assert "beiden tekenen" in field_error(response, "signed_by_subject_ids")
    assert not SubjectRequest.objects.exists()


def test_a_received_date_in_the_future_is_an_error_on_its_field(web, client_dossier):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = web.post(
        f"/clienten/{client_dossier.id}/verzoeken/nieuw/",
        form_data(client_dossier, received_on=tomorrow.isoformat()),
    )
    assert response.status_code == 400
    assert "toekomst" in field_error(response, "received_on")
    assert not SubjectRequest.objects.exists()


def test_art9_5_the_steps_pause_resume_and_the_overview_sent(web, actor, client_dossier):
    made = register(actor, client_dossier)
    paused = web.post(page(made.id), {"stap": "pauzeren", "pauzeren-reason": "Wacht op ID"})
    assert paused.status_code == 302
    assert SubjectRequest.objects.get(id=made.id).state == "waiting"
    assert "Wacht op ID" in text_of(web.get(page(made.id)))
    # the overview cannot be sent while waiting: no form for it, the step is refused
    assert "verzenden-sent_on" not in web.get(page(made.id)).content.decode()
    refused = web.post(page(made.id), {"stap": "verzenden"}, follow=True)
    assert "Deze stap kan nu niet." in text_of(refused)
    web.post(page(made.id), {"stap": "hervatten"})
    assert SubjectRequest.objects.get(id=made.id).state == "in-progress"
    sent = web.post(
        page(made.id),
        {"stap": "verzenden", "verzenden-sent_on": timezone.localdate().isoformat()},
    )
    assert sent.status_code == 302
    closed = SubjectRequest.objects.get(id=made.id)
    assert (closed.state, closed.outcome) == ("closed", "granted")


def test_art9_5_a_decision_without_the_protection_question_is_not_recorded(
    web, actor, client_dossier
):
    phone = factories.record(actor, client_dossier.id, category="contact", value="06-12345678")
    made = register(
        actor, client_dossier, kind="correction", item_ids=[phone.id], details="Nieuw nummer"
    )
    response = web.post(page(made.id), {"stap": "beslissen", "beslissen-outcome": "refused"})
    assert response.status_code == 400
    assert SubjectRequest.objects.get(id=made.id).outcome == ""
    refused = web.post(
        page(made.id),
        {
            "stap": "beslissen",
            "beslissen-protection_needed": "nee",
            "beslissen-outcome": "refused",
            "beslissen-refusal_ground": "accurate",
        },
    )
    assert refused.status_code == 400  # a refusal needs its written reason
    assert "beslissen-refusal_reason" in refused.content.decode()
    granted = web.post(
        page(made.id),
        {"stap": "beslissen", "beslissen-protection_needed": "nee", "beslissen-outcome": "granted"},
    )
    assert granted.status_code == 302
    done = web.post(
        page(made.id), {"stap": "uitvoeren", f"uitvoeren-value_{phone.id}": "06-11111111"}
    )
    assert done.status_code == 302
    assert SubjectRequest.objects.get(id=made.id).state == "closed"


def test_art9_6_the_earlier_recipients_are_listed_and_resolved_on_the_page(web, actor, spread):
    client, phone, _school = spread
    made = register(actor, client, kind="deletion", item_ids=[phone.id])
    services.decide_request(actor, made.id, outcome="granted", protection_needed=False)
    services.carry_out_request(actor, made.id)
    shown = web.get(page(made.id))
    assert "Oma de Vries" in text_of(shown) and "Jeugdhulp Mail" in text_of(shown)
    for notice in RecipientNotice.objects.filter(request_id=made.id):
        web.post(
            page(made.id, f"ontvangers/{notice.id}/"),
            {"delivered": "nee", "impossible_reason": "Geen adres"},
        )
    assert set(RecipientNotice.objects.values_list("status", flat=True)) == {"impossible"}
    web.post(page(made.id), {"stap": "afsluiten"})
    assert SubjectRequest.objects.get(id=made.id).state == "closed"


def test_art9_1_the_overview_page_shows_the_data_and_the_picture(web, actor, spread):
    client = spread[0]
    made = register(actor, client)
    response = web.get(page(made.id, "overzicht/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "Jeugdhulp Webhook" in html and "06-12345678" in text_of(response)
    assert "geen individuele medewerkers" in text_of(response)
    letter = web.get(page(made.id, "overzicht/brief/?taal=en"))
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")


def test_art9_3_the_inspection_is_withheld_with_a_reason_and_released(web, actor, client_dossier):
    report = factories.record(actor, client_dossier.id, category="youth", value="Rapport")
    made = register(actor, client_dossier, kind="inspection")
    url = page(made.id, "inzage/")
    assert "Rapport" in text_of(web.get(url))
    missing = web.post(
        url, {"stap": "achterhouden", "item": str(report.id), "ground": "protect-subject"}
    )
    assert missing.status_code == 400 and field_error(missing, "reason")
    web.post(
        url,
        {
            "stap": "achterhouden",
            "item": str(report.id),
            "ground": "protect-subject",
            "reason": "Schadelijk voor haar nu",
        },
    )
    text = text_of(web.get(url))
    assert "Schadelijk voor haar nu" in text and "1 gegeven achtergehouden" in text
    released = web.post(url, {"stap": "vrijgeven"})
    assert released.status_code == 302
    found = SubjectRequest.objects.get(id=made.id)
    assert (found.state, found.outcome) == ("closed", "partly-granted")


def test_art3_2c_the_queue_is_the_privacy_officer_s(web, client, partner, actor, client_dossier):
    register(actor, client_dossier)
    refused = web.get("/rechten/verzoeken/")
    assert refused.status_code == 403 and "privacy officer" in text_of(refused)
    officer = make_employee(partner, "pim", role=Role.PRIVACY_OFFICER)
    sign_in(client, officer.user)
    response = client.get("/rechten/verzoeken/")
    assert response.status_code == 200
    assert "Sanne de Vries" in text_of(response)
    assert re.search(r'data-urgency="on-time"', response.content.decode())
    assert "Verzoeken ontvangen in" in text_of(response)
    assert LogRecord.objects.filter(name="verzoeken-betrokkenen-raadplegen").exists()


def test_art3_2c_another_organisation_does_not_find_the_request(client, actor, client_dossier):
    made = register(actor, client_dossier)
    stranger = make_employee(make_partner("Wijkteam Doorn"), "bram")
    sign_in(client, stranger.user)
    assert client.get(page(made.id)).status_code == 404


def test_art9_5_the_refusal_letter_is_offered_once_the_request_is_refused(
    web, actor, client_dossier
):
    phone = factories.record(actor, client_dossier.id, category="contact", value="06-12345678")
    made = register(actor, client_dossier, kind="deletion", item_ids=[phone.id])
    assert web.get(page(made.id, "weigering/brief/")).status_code == 404  # not refused yet
    services.decide_request(
        actor,
        made.id,
        outcome="refused",
        protection_needed=False,
        refusal_ground="legal-duty",
        refusal_reason="De bewaartermijn van de Jeugdwet loopt nog.",
    )
    assert page(made.id, "weigering/brief/") in web.get(page(made.id)).content.decode()
    letter = web.get(page(made.id, "weigering/brief/"))
    assert letter.status_code == 200 and letter.content.startswith(b"%PDF")


def test_art9_2_the_inspection_page_of_a_request_that_asks_none_is_not_found(
    web, actor, client_dossier
):
    """Found by the authorisation matrix: it raised the gate's input error (a 500)."""
    request = register(actor, client_dossier)  # an overview, no inspection
    response = web.get(page(request.id, "inzage/"))
    assert response.status_code == 404
    assert "inzage" in text_of(response)
