# SPDX-License-Identifier: EUPL-1.2
"""The Meldcode and the household plan in a real browser (art8.1, art1): a caseworker follows
the five steps through to a report to Veilig Thuis, and a director keeps a household's plan.
axe-core checks every page on the way: no serious or critical violations (WCAG 2.1 AA)."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    supporting,
)
from tests.web.test_browser import (
    PASSWORD,
    assert_nl_design_system_loaded,
    check_accessibility,
    enter_code,
    screenshot,
)
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def log_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    enter_code(page, username)
    expect(page.get_by_role("heading", level=1)).to_have_text("Cliënt zoeken")


def next_step(page: Page, name: str) -> None:
    link = f"Volgende stap vastleggen: {name}"
    page.locator("#meldcode").get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def test_art8_1_a_caseworker_follows_the_meldcode_through_to_a_report(
    live_server, caseworker, client_dossier, browser_page
):
    page = browser_page
    log_in(page, live_server, "anna")
    page.goto(f"{live_server.url}/clienten/{client_dossier.id}/?doel=support-provision")
    part = page.locator("#meldcode")
    expect(part).to_contain_text("Geen meldcodezaken bij uw organisatie.")
    check_accessibility(page, "dossier with the Meldcode part")

    # Step 1: the signals.
    part.get_by_role("link", name="Meldcode starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldcode starten")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "start the Meldcode")
    page.get_by_label("Signalen").fill("Kind vertelt over harde ruzies thuis; blauwe plek.")
    page.get_by_role("button", name="Signalen vastleggen").click()
    expect(part.locator('tr[data-step="signals"]')).to_contain_text("blauwe plek")

    # Steps 2 and 3, each on its own form.
    next_step(page, "2. Collegiale consultatie en zo nodig Veilig Thuis raadplegen")
    check_accessibility(page, "Meldcode step 2")
    page.get_by_label("Wat is geconcludeerd").fill("Met aandachtsfunctionaris besproken.")
    page.get_by_role("button", name="Stap vastleggen").click()
    next_step(page, "3. Gesprek met de cliënt")
    page.get_by_label("Wat is geconcludeerd").fill("Moeder herkent de zorgen.")
    page.get_by_role("button", name="Stap vastleggen").click()

    # Step 4: the two questions of the assessment framework.
    next_step(page, "4. Wegen van het geweld of de kindermishandeling (afwegingskader)")
    page.get_by_label("Wat is geconcludeerd").fill("Structurele onveiligheid.")
    page.get_by_role(
        "group", name="Is er sprake van acute of structurele onveiligheid?"
    ).get_by_label("Ja").check()
    page.get_by_role("group", name="Kunt u passende hulp bieden of organiseren?").get_by_label(
        "Ja"
    ).check()
    check_accessibility(page, "Meldcode step 4")
    screenshot(page, "meldcode-weigh")
    page.get_by_role("button", name="Stap vastleggen").click()

    # Step 5: the framework demands a report; the form says so, nothing is recorded.
    next_step(page, "5. Beslissen: hulp organiseren en/of melden bij Veilig Thuis")
    page.get_by_label("Wat is geconcludeerd").fill("Hulp via het wijkteam.")
    page.get_by_label("Hulp organiseren").check()
    page.get_by_role("button", name="Stap vastleggen").click()
    expect(page.locator("#id_report_to_veilig_thuis_error")).to_contain_text(
        "meldt u bij Veilig Thuis"
    )
    expect(page.get_by_role("alert")).to_contain_text("Er is niets vastgelegd")
    check_accessibility(page, "Meldcode step 5 with errors")
    screenshot(page, "meldcode-decide-errors")
    page.get_by_label("Melden bij Veilig Thuis").check()
    page.get_by_label("Kenmerk van de melding").fill("VT-2026-0042")
    page.get_by_role("button", name="Stap vastleggen").click()

    expect(part.locator('tr[data-step="decide"]')).to_contain_text(
        "Gemeld bij Veilig Thuis, kenmerk VT-2026-0042"
    )
    expect(part).to_contain_text("Alle vijf stappen zijn gezet")
    check_accessibility(page, "dossier with a completed Meldcode case")
    screenshot(page, "meldcode-dossier")


@pytest.fixture
def directed_household(actor, client_dossier):
    """A household of Sanne and her mother; its director works at the municipality, which
    informed the family and has the mother's consent."""
    director = make_employee(make_partner("Gemeente Utrechtse Heuvelrug"), "marloes")
    mother = representative_of(client_dossier.id)
    household = services.create_household(
        actor,
        client_dossier.id,
        name="Gezin De Vries",
        member_subject_ids=[mother],
        director_id=director.id,
        plan="Ouderbegeleiding",
    )
    inform_and_consent(
        actor_for(director), client_dossier.id, representative_id=mother, legal_basis="jeugdwet"
    )
    return household


def test_art1_the_director_keeps_the_household_plan(live_server, directed_household, browser_page):
    page = browser_page
    log_in(page, live_server, "marloes")
    page.get_by_role("link", name="Mijn huishoudens").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn huishoudens")
    check_accessibility(page, "my households")
    page.get_by_role("link", name="Gezin De Vries").click()
    page.get_by_label("Doel").select_option("integrated-support")
    page.get_by_role("button", name="Verder").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Gezin De Vries")
    expect(page.locator("[data-members]")).to_contain_text("Marieke de Vries")
    expect(page.locator("[data-plan]")).to_have_text("Ouderbegeleiding")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "household plan")
    page.get_by_label("Plan wijzigen").fill("Ouderbegeleiding en een gezinscoach")
    page.get_by_role("button", name="Plan opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Het plan is bijgewerkt.")
    expect(page.locator("[data-plan]")).to_have_text("Ouderbegeleiding en een gezinscoach")
    check_accessibility(page, "household plan updated")
    screenshot(page, "household-plan")


@pytest.fixture
def two_shares_waiting(actor, client_dossier):
    """Two youth-care records shared with a partner where bram supports Sanne."""
    recipient = make_partner("Jeugdhulp Elders")
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    supporting(recipient, client_dossier, "bram")  # art5.1: the recipient's own support
    for label, value in (("Schoolgegevens", "Groep 8, De Linde"), ("Sportclub", "Judo")):
        item = services.record_item(
            actor,
            client_dossier.id,
            category="youth",
            label=label,
            value=value,
            source="Moeder",
            method="conversation",
            obtained_on=datetime.date(2026, 1, 5),
            purpose="assessment",
        )
        services.share_items(
            actor,
            client_dossier.id,
            item_ids=[item.id],
            recipient_partner_id=recipient.id,
            purpose="support-provision",
        )


def test_art6_1_a_recipient_takes_in_one_share_and_declines_another(
    live_server, two_shares_waiting, browser_page
):
    page = browser_page
    log_in(page, live_server, "bram")
    page.get_by_role("link", name="Ontvangen gegevens").click()
    page.get_by_label("Doel").select_option("support-provision")
    page.get_by_role("button", name="Verder").click()
    table = page.locator("table[data-received-shares]")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table).not_to_contain_text("Groep 8, De Linde")
    check_accessibility(page, "received data")

    table.get_by_role("button", name=re.compile("In dossier overnemen.*Schoolgegevens")).click()
    expect(page.locator("main")).to_contain_text("Groep 8, De Linde")  # now in the dossier
    check_accessibility(page, "dossier after taking in received data")

    page.get_by_role("link", name="Ontvangen gegevens").click()
    page.get_by_label("Doel").select_option("support-provision")
    page.get_by_role("button", name="Verder").click()
    expect(table.locator("tbody tr")).to_have_count(1)
    page.get_by_role("link", name=re.compile("Niet nodig.*Sportclub")).click()
    check_accessibility(page, "decline received data")
    page.get_by_role("button", name="Afwijzen").click()
    expect(page.locator(".utrecht-form-field-error-message, [id$='-error']").first).to_be_visible()
    reason = page.get_by_label("Waarom u deze gegevens niet nodig heeft")
    reason.fill("Niet nodig voor ons traject.")
    page.get_by_role("button", name="Afwijzen").click()
    expect(page.locator("[data-no-received-shares]")).to_be_visible()


@pytest.fixture
def referred(actor, client_dossier):
    """Youth care refers Sanne to the housing corporation, where kees works (art5.1)."""
    housing = make_partner("Woonstichting Heuvelrug")
    make_employee(housing, "kees", password=PASSWORD)
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    phone = services.record_item(
        actor,
        client_dossier.id,
        category="contact",
        label="Mobiel moeder",
        value="0612345678",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[phone.id],
        recipient_partner_id=housing.id,
        purpose="support-provision",
        referral_domain="wonen",
    )
    return client_dossier


def test_art3_2c_a_caseworker_takes_a_referred_client_in_from_the_intake_queue(
    live_server, referred, browser_page
):
    page = browser_page
    log_in(page, live_server, "kees")
    page.get_by_role("link", name="Aanmeldingen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmeldingen")
    table = page.locator("table[data-referrals]")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text("Sanne de Vries")
    expect(table).not_to_contain_text("0612345678")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "intake queue")
    screenshot(page, "intake-queue")
    table.get_by_role("button", name=re.compile("Cliënt aannemen.*Sanne de Vries")).click()
    expect(page.locator("main")).to_contain_text("is aangenomen")
    page.get_by_role("link", name="Aanmeldingen").click()
    expect(page.locator("[data-no-referrals]")).to_be_visible()
