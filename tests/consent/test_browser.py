# SPDX-License-Identifier: EUPL-1.2
"""The consent panel in a real browser: a caseworker informs a client, records consent with a
signed form uploaded from disk, sees it allowed on the dossier, and withdraws it (art4.1-art4.5).
axe-core checks every page on the way: no serious or critical violations (WCAG 2.1 AA)."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from tests.consent.conftest import pdf_bytes
from tests.web.test_browser import (
    PASSWORD,
    assert_nl_design_system_loaded,
    check_accessibility,
    enter_code,
    screenshot,
)
from zorgvuldig.gate import services

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.fixture
def adult_client(actor):
    return services.register_client(
        actor,
        bsn="111222333",
        given_names="Fatma",
        surname="Yılmaz",
        birth_date=datetime.date(1979, 11, 3),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )


def test_art4_a_caseworker_informs_asks_consent_uploads_the_form_and_withdraws(
    live_server, caseworker, adult_client, browser_page, tmp_path
):
    page = browser_page
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    enter_code(page, "anna")
    page.goto(f"{live_server.url}/clienten/{adult_client.id}/?doel=support-provision")

    panel = page.locator("#toestemming")
    expect(panel).to_contain_text("nog niet geïnformeerd")
    expect(panel.locator('tr[data-consent-scope="share"]')).to_contain_text("nog niet gevraagd")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "dossier with consent panel")

    # art4.1: informing, with the organisations named.
    panel.get_by_role("link", name="Informeren vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Informeren vastleggen")
    check_accessibility(page, "record informing")
    page.get_by_label("Genoemde organisaties").fill(
        "Gemeente Utrechtse Heuvelrug\nHuisartsenpraktijk De Brink"
    )
    page.get_by_role("button", name="Vastleggen").click()
    expect(panel).to_contain_text("Huisartsenpraktijk De Brink")
    expect(panel).not_to_contain_text("nog niet geïnformeerd")

    # art4.3, art4.4: consent to share medical data, with the signed form.
    signed = tmp_path / "getekend.pdf"
    signed.write_bytes(pdf_bytes())
    panel.get_by_role("link", name="Toestemming vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toestemming vastleggen")
    page.get_by_label("Toestemming voor").select_option("share")
    page.get_by_label("Gezondheid (medische gegevens)").check()
    page.get_by_label("Ondertekend formulier").set_input_files(str(signed))
    check_accessibility(page, "record consent")
    screenshot(page, "consent-form")
    page.get_by_role("button", name="Vastleggen").click()
    share = panel.locator('tr[data-consent-scope="share"]')
    expect(share).to_contain_text("gegeven")
    expect(share).to_contain_text("ondertekend formulier")
    expect(panel.get_by_role("link", name="getekend.pdf")).to_be_visible()
    check_accessibility(page, "dossier with consent given")
    screenshot(page, "dossier-consent")

    # A form that is not what it claims: an error on the field, nothing recorded.
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"not a pdf at all")
    panel.get_by_role("link", name="Toestemming vastleggen").click()
    page.get_by_label("Ondertekend formulier").set_input_files(str(fake))
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_label("Ondertekend formulier")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_signed_form_error")).to_contain_text("niet wat het zegt te zijn")
    check_accessibility(page, "record consent with errors")
    page.get_by_role("link", name="Terug naar het dossier").click()

    # art4.5: withdrawal; the earlier decision stays in the history.
    share.get_by_role("link", name="Intrekken").click()
    check_accessibility(page, "withdraw consent")
    page.get_by_role("button", name="Intrekking vastleggen").click()
    expect(share).to_contain_text("ingetrokken")
    expect(panel.locator("tr[data-consent-decision]")).to_have_count(2)
