# SPDX-License-Identifier: EUPL-1.2
"""Breaking the glass in a real browser (art3.2c; decision 23): Bram, not assigned to Sanne,
is refused her dossier, breaks the glass (first without a reason: said in the form), reads
it; Pim, the privacy officer, finds the use and reviews it. axe-core checks every page on the
way: no serious or critical violations (WCAG 2.1 AA)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import app_code
from tests.web.test_browser import check_accessibility, screenshot
from tests.web.test_browser_support import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def test_art3_2c_break_the_glass_page_and_its_review(
    live_server, colleague, officer, client_dossier, browser_page
):
    page, base = browser_page, live_server.url
    log_in(page, live_server, "bram")
    page.goto(f"{base}/clienten/{client_dossier.id}/?doel=support-provision")
    glass = page.locator("[data-break-glass]")
    expect(glass).to_be_visible()
    check_accessibility(page, "refused dossier offering the glass")
    glass.get_by_role("link").click()
    check_accessibility(page, "break the glass")
    page.locator("#id_explanation").fill("Sanne belt in paniek; Anna is met verlof.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#id_reason_error")).to_contain_text("Kies de reden")
    check_accessibility(page, "break the glass with an error")
    page.locator('input[name="reason"][value="caseworker-unreachable"]').check()
    page.locator("#id_code").fill(app_code("bram", steps_ahead=1))  # the sign-in's is used
    page.locator("main form button[type=submit]").click()
    expect(page.locator('[data-why="emergency"]')).to_contain_text("Bram")
    expect(page.locator(".zv-messages")).to_be_visible()
    screenshot(page, "break-the-glass")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server, "pim")
    page.locator('nav a[href="/noodtoegang/"]').click()
    row = page.locator("tr[data-use]")
    expect(row).to_contain_text("Sanne de Vries")
    expect(row).to_have_attribute("data-review", "to-review")
    check_accessibility(page, "uses of emergency access")
    row.locator("a").click()
    check_accessibility(page, "review of an emergency access")
    page.locator('input[name="justified"][value="ja"]').check()
    page.locator("#id_note").fill("Terecht: Anna was met verlof.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("tr[data-use]")).to_have_attribute("data-review", "justified")
