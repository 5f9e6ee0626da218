# SPDX-License-Identifier: EUPL-1.2
"""The rights of data subjects in a real browser: a caseworker registers the correction that
Sanne (14) and her mother ask for together (art10.1), decides it (art9.5) and carries it out;
the privacy officer finds it in the queue; the overview shows the picture of where the data
went (art9.1); the inspection is reviewed (art9.2, art9.3). axe-core checks every page on the
way: no serious or critical violations (WCAG 2.1 AA)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.conftest import make_employee
from tests.rights.test_requests import register
from tests.web.test_browser import check_accessibility, screenshot
from tests.web.test_browser_support import log_in
from zorgvuldig.partners.models import Role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.fixture
def phone(actor, client_dossier):
    return factories.record(
        actor, client_dossier.id, category="contact", value="06-12345678", label="Telefoon"
    )


@pytest.fixture
def waiting(actor, partner, spread):
    """An overview and an inspection Sanne and her mother asked for; the privacy officer."""
    client = spread[0]
    make_employee(partner, "pim", role=Role.PRIVACY_OFFICER)
    return register(actor, client), register(actor, client, kind="inspection")


def test_art9_4_a_correction_from_registration_to_carried_out(
    live_server, client_dossier, phone, browser_page
):
    page = browser_page
    log_in(page, live_server, "anna")
    page.goto(f"{live_server.url}/clienten/{client_dossier.id}/verzoeken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzoeken van de betrokkene")
    check_accessibility(page, "client's requests")
    page.get_by_role("link", name="Verzoek vastleggen").click()
    check_accessibility(page, "register a request")
    page.get_by_label("Wat gevraagd wordt").select_option("correction")
    page.get_by_label("Gevraagd door").select_option(
        label="Marieke de Vries (Wettelijk vertegenwoordiger)"
    )
    page.get_by_role("group", name="Ook ondertekend door").get_by_label(
        "Sanne de Vries (De cliënt)"
    ).check()
    page.get_by_label("Identiteit vastgesteld door").select_option("in-person")
    page.get_by_label("Wat de verzoeker vraagt, in eigen woorden").fill(
        "Het nummer is 06-11111111."
    )
    page.get_by_role("group", name="De gegevens waarover het gaat").get_by_label(
        "Telefoon (Contactgegevens)"
    ).check()
    page.get_by_role("button", name="Registreren").click()
    expect(page.locator(".zv-messages")).to_contain_text("Het verzoek is vastgelegd")
    check_accessibility(page, "request")
    screenshot(page, "rights-request")
    decide = page.locator("#stap-beslissen")
    decide.get_by_role("group", name="Is weigeren nodig").get_by_label("Nee").check()
    decide.get_by_role("group", name="Besluit").get_by_label("Toegekend", exact=True).check()
    decide.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.locator(".zv-messages")).to_contain_text("De beslissing is vastgelegd")
    page.locator("#stap-uitvoeren").get_by_label("Telefoon").fill("06-11111111")
    page.get_by_role("button", name="Uitvoeren").click()
    expect(page.locator(".zv-messages")).to_contain_text("Het verzoek is uitgevoerd")
    check_accessibility(page, "request carried out")
    # closed at once: nobody had received the number before (art9.6)
    expect(page.locator("[data-state]")).to_have_attribute("data-state", "closed")
    page.goto(f"{live_server.url}/gegevens/{phone.id}/?doel=support-provision")
    expect(page.get_by_text("06-11111111")).to_be_visible()
    expect(page.get_by_text("06-12345678")).to_be_visible()  # the old version stays


def test_art9_1_the_overview_and_the_inspection_pages_are_accessible(
    live_server, waiting, browser_page
):
    page = browser_page
    overview, inspection = waiting
    log_in(page, live_server, "pim")
    page.get_by_role("link", name="Verzoeken van betrokkenen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzoeken van betrokkenen")
    expect(page.locator(f'[data-request="{overview.id}"]')).to_be_visible()
    check_accessibility(page, "queue")
    page.goto(f"{live_server.url}/rechten/verzoeken/{overview.id}/overzicht/")
    picture = page.get_by_role("img", name="Waar de gegevens")
    expect(picture).to_be_visible()
    check_accessibility(page, "overview")
    screenshot(page, "rights-overview")
    page.goto(f"{live_server.url}/rechten/verzoeken/{inspection.id}/inzage/")
    check_accessibility(page, "inspection")
    page.get_by_role("button", name="Inzage vrijgeven").click()
    expect(page.locator(".zv-messages")).to_contain_text("De inzage is vrijgegeven")
    expect(page.locator("[data-state]")).to_have_attribute("data-state", "closed")
