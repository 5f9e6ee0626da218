# SPDX-License-Identifier: EUPL-1.2
"""Incidents in a real browser (art3.2f; GDPR art. 33 and 34): Anna reports an incident on the
form (first without the time it was discovered: said in the form), Pim, the privacy officer,
finds it in the register, records the awareness that starts the 72 hours, a notification to the
Autoriteit Persoonsgegevens, the clients found in the processing log and the decision to tell
them; Gerda, the municipality's privacy officer, sees it with its counts. axe-core checks every
page on the way: no serious or critical violations (WCAG 2.1 AA)."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.incidents.conftest import ago
from tests.web.test_browser import assert_nl_design_system_loaded, check_accessibility, screenshot
from tests.web.test_browser_support import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def picker(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_art3_2f_an_employee_reports_an_incident_and_the_officers_handle_it(
    live_server, caseworker, officer, municipality, client_dossier, browser_page
):
    page, base = browser_page, live_server.url
    log_in(page, live_server, "anna")
    page.locator('nav a[href="/incidenten/"]').click()
    expect(page.locator("#register")).to_have_count(0)
    check_accessibility(page, "incidents of a caseworker")
    page.locator('a[href="/incidenten/melden/"]').click()
    check_accessibility(page, "report an incident")
    page.locator("#id_nature").select_option("wrong-recipient")
    page.locator("#id_summary").fill(
        "Een brief over de ondersteuning ging naar een verkeerd adres."
    )
    page.locator('input[name="categories"][value="youth"]').check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#id_discovered_at_error")).to_contain_text("ontdekt")
    expect(page.locator("#id_discovered_at")).to_have_attribute("aria-invalid", "true")
    check_accessibility(page, "report an incident with an error")
    page.locator("#id_discovered_at").fill(picker(ago(2)))
    page.locator("#id_people_affected").fill("1")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".zv-messages")).to_contain_text("Incident 1")
    page.get_by_role("button", name="Uitloggen").click()

    # Pim: the register, the incident, its clock started by the awareness
    log_in(page, live_server, "pim")
    page.locator('nav a[href="/incidenten/"]').click()
    row = page.locator("tr[data-incident]")
    expect(row).to_have_attribute("data-clock", "not-started")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "register of incidents")
    screenshot(page, "incidents")
    row.locator("a").click()
    check_accessibility(page, "incident reported")
    page.locator("#id_bewust-aware_at").fill(picker(ago(1)))
    page.locator("#id_bewust-reason").fill("De ontvanger belde; de brief noemt de jeugdhulp.")
    page.locator("#stap-bewust button[type=submit]").click()
    expect(page.locator("dl[data-clock]")).to_have_attribute("data-clock", "running")
    expect(page.locator("dd[data-time-left]")).to_contain_text(":")

    # the clients from the log, a notification, the decision to tell them
    page.locator("#id_zoeken-window_from").fill(picker(ago(1)))
    page.locator("#id_zoeken-window_to").fill(picker(timezone.now()))
    page.locator("#stap-zoeken button[type=submit]").click()
    expect(page.locator("tr[data-affected]")).to_have_count(1)
    page.locator('#stap-melden input[value="provisional"]').check()
    page.locator("#id_melden-reported_at").fill(picker(timezone.now()))
    page.locator("#id_melden-ap_reference").fill("AP-2026-0042")
    page.locator("#stap-melden button[type=submit]").click()
    expect(page.locator("dl[data-clock]")).to_have_attribute("data-clock", "in-time")
    expect(page.locator('tr[data-phase="provisional"]')).to_be_visible()
    page.locator('#stap-inlichten input[value="tell"]').check()
    page.locator("#stap-inlichten button[type=submit]").click()
    expect(page.locator("#id_inlichten-reason_error")).to_contain_text("redenen")
    check_accessibility(page, "incident with an error")
    page.locator('#stap-inlichten input[value="tell"]').check()
    page.locator("#id_inlichten-reason").fill("De brief noemt de jeugdhulp: hoog risico.")
    page.locator("#stap-inlichten button[type=submit]").click()
    expect(page.locator("tr[data-affected]")).to_have_attribute("data-letter", "pending")
    page.locator("#gegevens summary").click()
    page.locator("tr[data-affected] td summary").click()  # the letter's delivery
    page.locator("tr[data-affected] th summary").click()  # taking the client off
    expect(page.locator('[data-answer="summary"]')).to_contain_text("verkeerd adres")
    check_accessibility(page, "incident being handled")
    screenshot(page, "incident")
    page.get_by_role("button", name="Uitloggen").click()

    # Gerda, the municipality: the course and the count, not the client
    log_in(page, live_server, "gerda")
    page.locator('nav a[href="/incidenten/"]').click()
    expect(page.locator("tr[data-incident]")).to_have_attribute("data-clock", "in-time")
    page.locator("tr[data-incident] a").click()
    expect(page.locator("[data-clients-affected]")).to_have_attribute("data-clients-affected", "1")
    expect(page.get_by_text("Sanne de Vries")).to_have_count(0)
    check_accessibility(page, "incident seen by the municipality")
    page.goto(f"{base}/incidenten/")
