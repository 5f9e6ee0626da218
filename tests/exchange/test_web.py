# SPDX-License-Identifier: EUPL-1.2
"""Sharing on the pages (art5.1, art6, art7, art8.2), professional secrecy on the pages
(art6.2), the disclosures of an item, and the leaflet for non-partners.
"""

from __future__ import annotations

import io
import re
import uuid

import pytest
from django.test import Client as BrowserClient
from pypdf import PdfReader

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    name_in_consent,
    representative_of,
    sign_in,
    supporting,
)
from tests.web.test_pages import dossier_url, field_error, item_data, text_of
from zorgvuldig.dossier.models import DataItem, SecrecyRelease
from zorgvuldig.exchange.models import Disclosure, NonPartner
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def share_url(client_id, purpose="support-provision") -> str:
    return f"/clienten/{client_id}/delen/?doel={purpose}"


def history_url(item_id, purpose="support-provision") -> str:
    return f"/gegevens/{item_id}/?doel={purpose}"


@pytest.fixture
def may_share(actor, client_dossier):
    mother = representative_of(client_dossier.id)
    inform_and_consent(actor, client_dossier.id, representative_id=mother, scopes=("share",))
    return client_dossier


@pytest.fixture
def wmo(registered_client):
    """A partner that supports the client in youth care too (art5.1: a share carries what the
    recipient's own support needs)."""
    recipient = make_partner("Wmo-aanbieder Langbroek")
    supporting(recipient, registered_client, "wim", consent=False)
    return recipient


@pytest.fixture
def items(actor, may_share):
    return {
        "school": factories.record(
            actor,
            may_share.id,
            category="youth",
            value="School (waarde)",
            label="School",
            source="de moeder",
        ),
        "adhd": factories.record(
            actor,
            may_share.id,
            category="health",
            value="Diagnose (waarde)",
            label="Diagnose",
            source="de moeder",
        ),  # no signed form: art4.4
    }


def share_data(recipient, items, step="bekijken", **extra) -> dict:
    return {
        "recipient": recipient,
        "purpose": "support-provision",
        "items": [str(i.id) for i in items],
        "stap": step,
        **extra,
    }


def test_art6_2_the_record_form_records_an_item_under_professional_secrecy(web, client_dossier):
    url = f"/clienten/{client_dossier.id}/gegevens/nieuw/?doel=assessment"
    html = web.get(url).content.decode()
    assert "Vastgelegd onder mijn wettelijk beroepsgeheim (art. 6 lid 2)" in html
    response = web.post(url, item_data(professional_secrecy="on"))
    assert response.status_code == 302, text_of(response)
    assert DataItem.objects.get().secrecy_holder_id is not None
    dossier = web.get(dossier_url(client_dossier.id)).content.decode()
    assert "data-secrecy" in dossier and "Beroepsgeheim" in dossier


def test_art6_2_without_the_box_an_item_is_not_under_secrecy(web, client_dossier):
    url = f"/clienten/{client_dossier.id}/gegevens/nieuw/?doel=assessment"
    assert web.post(url, item_data()).status_code == 302
    assert DataItem.objects.get().secrecy_holder_id is None
    assert "data-secrecy" not in web.get(dossier_url(client_dossier.id)).content.decode()


def test_art6_2_the_holder_releases_a_secret_item_for_a_partner(
    web, actor, may_share, wmo, partner
):
    secret = factories.record(
        actor,
        may_share.id,
        category="youth",
        value="Gesprek (waarde)",
        label="Gesprek",
        source="de moeder",
        professional_secrecy=True,
    )
    make_partner("Niet gecommitteerd B.V.", committed=False)
    page = web.get(history_url(secret.id)).content.decode()
    assert 'id="beroepsgeheim"' in page
    options = re.search(r'<select name="recipient".*?</select>', page, re.S).group(0)
    assert wmo.name in options
    assert partner.name not in options and "Niet gecommitteerd" not in options
    response = web.post(
        history_url(secret.id), {"recipient": str(wmo.id), "reason": "Voor de indicatie"}
    )
    assert response.status_code == 302, text_of(response)
    assert LogRecord.objects.filter(name="beroepsgeheim-vrijgeven").exists()
    result = services.share_items(
        actor,
        may_share.id,
        item_ids=[secret.id],
        recipient_partner_id=wmo.id,
        purpose="support-provision",
    )
    assert result.sent == (secret.id,)


def test_art6_2_a_release_without_reason_is_400_and_releases_nothing(web, actor, may_share, wmo):
    secret = factories.record(
        actor,
        may_share.id,
        category="youth",
        value="Gesprek (waarde)",
        label="Gesprek",
        source="de moeder",
        professional_secrecy=True,
    )
    response = web.post(history_url(secret.id), {"recipient": str(wmo.id), "reason": ""})
    assert response.status_code == 400
    assert field_error(response, "reason")
    assert not LogRecord.objects.filter(name="beroepsgeheim-vrijgeven").exists()


def test_art6_2_a_colleague_who_does_not_hold_the_secrecy_cannot_release(
    actor, may_share, wmo, partner
):
    secret = factories.record(
        actor,
        may_share.id,
        category="youth",
        value="Gesprek (waarde)",
        label="Gesprek",
        source="de moeder",
        professional_secrecy=True,
    )
    colleague = make_employee(partner, "bram")
    services.assign_caseworker(
        actor, may_share.trajectories[0].id, employee_id=colleague.id, purpose="support-provision"
    )
    browser = BrowserClient()
    sign_in(browser, colleague.user)
    page = browser.get(history_url(secret.id)).content.decode()
    assert 'id="beroepsgeheim"' not in page and "data-secrecy" in page
    release = {"recipient": str(wmo.id), "reason": "Graag"}
    response = browser.post(history_url(secret.id), release)
    assert response.status_code == 404  # art6.2: the same page as for an unknown item
    assert text_of(response) == text_of(browser.post(history_url(uuid.uuid4()), release))
    (logged,) = LogRecord.objects.filter(name="beroepsgeheim-vrijgeven")
    assert (logged.decision, logged.articles) == ("refused", "art6.2")
    assert not SecrecyRelease.objects.exists()


def test_art3_2c_another_partners_item_is_the_page_of_an_unknown_one_and_logged(
    actor, client_dossier
):
    item = factories.record(
        actor,
        client_dossier.id,
        category="youth",
        value="Gesprek (waarde)",
        label="Gesprek",
        source="de moeder",
    )
    browser = BrowserClient()
    sign_in(browser, make_employee(make_partner("Wmo-aanbieder Leersum"), "wim").user)
    unknown = browser.get(history_url(uuid.uuid4()))
    before = LogRecord.objects.count()
    response = browser.get(history_url(item.id))
    assert response.status_code == unknown.status_code == 404
    assert text_of(response) == text_of(unknown)
    (logged,) = LogRecord.objects.order_by("id")[before:]
    assert (logged.name, logged.decision, logged.articles) == (
        "gegeven-historie-raadplegen",
        "refused",
        "art3.2c,art6.1",
    )


def test_the_share_page_offers_committed_partners_veilig_thuis_and_the_items_per_category(
    web, may_share, items, wmo, partner
):
    make_partner("Niet gecommitteerd B.V.", committed=False)
    response = web.get(share_url(may_share.id))
    assert response.status_code == 200
    html = response.content.decode()
    recipients = re.search(r'<select name="recipient".*?</select>', html, re.S).group(0)
    assert f'value="partner:{wmo.id}"' in recipients
    assert f"partner:{partner.id}" not in recipients and "Niet gecommitteerd" not in recipients
    assert 'value="veilig-thuis"' in recipients
    assert 'data-category="youth"' in html and 'data-category="health"' in html
    assert html.count('name="items"') == 2
    assert 'id="zonder-toestemming"' in html
    assert f"/clienten/{may_share.id}/?doel=support-provision" in html  # from the dossier
    assert "Gegevens delen" in web.get(dossier_url(may_share.id)).content.decode()


def test_art6_1_the_preview_says_per_item_what_may_go_and_sends_nothing(web, may_share, items, wmo):
    response = web.post(share_url(may_share.id), share_data(f"partner:{wmo.id}", items.values()))
    assert response.status_code == 200, text_of(response)
    html = response.content.decode()
    assert html.count('data-preview="allowed"') == 1 and html.count('data-preview="refused"') == 1
    page = text_of(response)
    assert "toegestaan" in page and "geweigerd" in page
    assert "schriftelijke toestemming" in page  # the Dutch explanation of art4.4
    assert "art4.4" in page
    assert 'value="delen"' in html  # step 2 is offered
    assert not Disclosure.objects.exists()
    assert LogRecord.objects.filter(name="delen-voorbereiden").exists()


def test_art6_1_confirming_shares_the_allowed_items_and_shows_the_trace_id(
    web, may_share, items, wmo
):
    response = web.post(
        share_url(may_share.id),
        share_data(
            f"partner:{wmo.id}", items.values(), step="delen", recipient_person="J. van Dijk"
        ),
    )
    assert response.status_code == 200, text_of(response)
    disclosure = Disclosure.objects.get()
    assert disclosure.item_id == items["school"].id
    assert disclosure.recipient_person == "J. van Dijk"
    html = response.content.decode()
    assert disclosure.trace_id in html
    assert html.count("data-sent") == 1 and html.count("data-withheld") == 1
    # The item history lists who received it (art9.1).
    history = web.get(history_url(items["school"].id))
    assert "data-disclosure" in history.content.decode()
    assert wmo.name in text_of(history) and "J. van Dijk" in text_of(history)
    assert 'data-receipt="waiting"' in history.content.decode()
    assert "Wacht bij de ontvanger" in text_of(history)
    assert "met niemand gedeeld" in text_of(web.get(history_url(items["adhd"].id)))


def test_art4_3_when_nothing_may_go_the_refusal_page_says_why(web, client_dossier, actor, wmo):
    item = factories.record(
        actor,
        client_dossier.id,
        category="youth",
        value="School (waarde)",
        label="School",
        source="de moeder",
    )
    response = web.post(
        share_url(client_dossier.id), share_data(f"partner:{wmo.id}", [item], step="delen")
    )
    assert response.status_code == 403
    assert "art4.3" in text_of(response)
    assert not Disclosure.objects.exists()


@pytest.mark.parametrize(
    "case",
    [
        "no-items",
        "no-recipient",
        "vt-no-reference",
        "unknown-recipient",
        "bad-purpose",
        "blank-justification",
    ],
)
def test_bad_input_on_the_share_page_is_400_on_its_field_and_sends_nothing(
    web, may_share, items, wmo, case
):
    data = share_data(f"partner:{wmo.id}", [items["school"]], step="delen")
    field = {
        "no-items": "items",
        "no-recipient": "recipient",
        "vt-no-reference": "report_reference",
        "unknown-recipient": "recipient",
        "bad-purpose": "purpose",
        "blank-justification": "justification",
    }[case]
    if case == "no-items":
        data["items"] = []
    elif case == "no-recipient":
        data["recipient"] = ""
    elif case == "vt-no-reference":
        data["recipient"] = "veilig-thuis"
    elif case == "unknown-recipient":
        data["recipient"] = "partner:6f1c1f1e-0000-4000-8000-000000000000"
    elif case == "bad-purpose":
        data["purpose"] = "marketing"
    elif case == "blank-justification":
        data.update(justification_ground="serious-risk", justification="  ")
    response = web.post(share_url(may_share.id), data)
    assert response.status_code == 400, text_of(response)
    if field == "items":
        assert 'id="id_items_error"' in response.content.decode()
    else:
        assert field_error(response, field), text_of(response)
    assert not Disclosure.objects.exists()


def test_art8_2_veilig_thuis_with_a_report_reference(web, client_dossier, actor):
    signal = factories.record(
        actor,
        client_dossier.id,
        category="safety-signals",
        value="Blauwe plekken (waarde)",
        label="Blauwe plekken",
        source="de moeder",
    )
    # the dossier is opened for the support; Veilig Thuis asking is the ground of the share's
    # purpose safety, not of consulting the dossier for it (art5.1)
    response = web.post(
        share_url(client_dossier.id),
        {
            "recipient": "veilig-thuis",
            "report_reference": "VT-2026-0042",
            "purpose": "safety",
            "items": [str(signal.id)],
            "stap": "delen",
        },
    )
    assert response.status_code == 200, text_of(response)
    assert Disclosure.objects.get().report_reference == "VT-2026-0042"


def test_art7_register_a_non_partner_inform_it_from_the_preview_and_share(
    web, actor, may_share, items
):
    register = f"/niet-partners/nieuw/?doel=support-provision&client={may_share.id}"
    page = web.get(register)
    assert page.status_code == 200 and "/niet-partners/folder/" in page.content.decode()
    response = web.post(register, {"name": "Oma de Vries", "kind": "family"})
    assert response.status_code == 302, text_of(response)
    grandma = NonPartner.objects.get()
    assert grandma.informed_at is None
    name_in_consent(actor, may_share.id, grandma.id)  # art7: the consent names her
    assert response["Location"].startswith(share_url(may_share.id))
    assert str(grandma.id) in response["Location"] and "Oma" not in response["Location"]
    html = web.get(response["Location"]).content.decode()
    assert f'value="niet-partner:{grandma.id}" selected' in html

    recipient = f"niet-partner:{grandma.id}"
    preview = web.post(response["Location"], share_data(recipient, [items["school"]]))
    assert "data-needs-informing" in preview.content.decode()
    assert "art7" in text_of(preview) and "/niet-partners/folder/" in preview.content.decode()
    assert 'value="delen"' not in preview.content.decode()  # nothing may go yet

    informed = web.post(
        response["Location"], share_data(recipient, [items["school"]], step="informeren")
    )
    assert informed.status_code == 200
    grandma.refresh_from_db()
    assert grandma.informed_at is not None
    assert "data-needs-informing" not in informed.content.decode()
    assert 'data-preview="allowed"' in informed.content.decode()

    shared = web.post(response["Location"], share_data(recipient, [items["school"]], step="delen"))
    assert shared.status_code == 200
    assert Disclosure.objects.get().recipient_non_partner_id == grandma.id


def test_art7_a_non_partner_without_kind_is_400_and_nothing_is_registered(web, db):
    response = web.post("/niet-partners/nieuw/", {"name": "Oma", "kind": ""})
    assert response.status_code == 400 and field_error(response, "kind")
    assert not NonPartner.objects.exists()


def test_art7_the_leaflet_is_a_pdf_naming_the_organisation(web, partner):
    response = web.get("/niet-partners/folder/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert partner.name in " ".join(text.split())


def test_the_processing_names_have_dutch_labels(web):
    from django.utils import translation

    from zorgvuldig.web import labels

    with translation.override("nl"):
        assert labels.label("processing", "gegevens-delen") == "Gegevens gedeeld"
        assert labels.label("processing", "delen-voorbereiden") == "Delen voorbereid"
        assert labels.label("processing", "ontvangers-raadplegen") == "Ontvangers bekeken"
        assert labels.label("processing", "beroepsgeheim-vrijgeven") == (
            "Beroepsgeheim opgeheven voor een ontvanger"
        )
