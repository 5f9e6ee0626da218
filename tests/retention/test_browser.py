# SPDX-License-Identifier: EUPL-1.2
"""Retention and destruction in a real browser (art5.2): the privacy officer's destruction
lists, a list under review with a dossier's review form open and its error, the plan of what
becomes due, a client's retention with the hold form and its error, and a list carried out.
axe-core checks every page on the way: no serious or critical violations (WCAG 2.1 AA)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.web.test_browser import assert_nl_design_system_loaded, check_accessibility, screenshot
from tests.web.test_browser_support import log_in
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.fixture
def carried_out(drawn, rob, petra):
    """The list reviewed (Sanne kept), approved and carried out by the daily run."""
    sanne = next(
        e
        for e in services.destruction_list(actor_for(rob), drawn.id).page
        if "Sanne" in e.client_name
    )
    services.review_entry(
        actor_for(rob),
        drawn.id,
        sanne.id,
        review="keep",
        reason="Zaak bij de rechter",
        keep_until=timezone.localdate() + datetime.timedelta(days=200),
    )
    services.complete_review(actor_for(rob), drawn.id, destroy_rest=True)
    services.approve_list(actor_for(petra), drawn.id)
    return services.run_destruction_list(drawn.id, now=timezone.now() + datetime.timedelta(days=8))


def test_art5_2_the_lists_a_list_under_review_the_plan_and_a_retention_are_accessible(
    live_server,
    region,
    drawn,
    browser_page,
):
    page, base = browser_page, live_server.url
    log_in(page, live_server, "petra")

    # the lists, from the menu; drawing up again finds nothing new: said in the form
    page.locator('nav a[href="/vernietigen/"]').click()
    expect(page.locator(f'tr[data-list="{drawn.id}"]')).to_have_attribute("data-state", "review")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "destruction lists")
    screenshot(page, "destruction-lists")
    page.locator("#nieuwe-lijst button[type=submit]").click()
    expect(page.locator("#id_due_by_error")).to_contain_text("niets van uw organisatie")
    expect(page.locator("#id_due_by")).to_have_attribute("aria-invalid", "true")
    check_accessibility(page, "destruction lists with an error")

    # the list, a dossier's review form opened, then sent to keep without a reason
    page.locator(f'tr[data-list="{drawn.id}"] a').click()
    expect(page.locator("dl[data-list]")).to_have_attribute("data-state", "review")
    check_accessibility(page, "destruction list")
    row = page.locator("tr[data-entry]").first
    row.locator("summary").click()
    row.locator('input[type=radio][value="keep"]').check()
    check_accessibility(page, "destruction list with a review form")
    screenshot(page, "destruction-list-review")
    row.locator("button[type=submit]").click()
    error = page.locator("tr[data-entry] details[open] .zv-error-text").first
    expect(error).to_contain_text("Geef de reden")
    check_accessibility(page, "destruction list with a review error")

    # the plan, and a malformed day
    page.goto(f"{base}/vernietigen/plan/")
    expect(page.locator('tr[data-plan-row="jeugdwet-7.3.8 2004"]')).to_be_visible()
    check_accessibility(page, "retention plan")
    screenshot(page, "retention-plan")
    page.goto(f"{base}/vernietigen/plan/?op=2026-13-45")
    expect(page.locator("#id_op_error")).to_be_visible()
    check_accessibility(page, "retention plan with an error")

    # Lars's retention: held; a hold without a reason is said in the form
    page.goto(f"{base}/clienten/{region['Lars'].id}/bewaren/")
    expect(page.locator("dl[data-dossier-retention]")).to_have_attribute("data-state", "held")
    page.locator("tr[data-item] summary").first.click()
    check_accessibility(page, "retention")
    screenshot(page, "retention")
    page.locator("#bewaarbesluit-nieuw button[type=submit]").click()
    expect(page.locator("#id_reason_error")).to_contain_text("Geef de reden")
    check_accessibility(page, "retention with an error")


def test_art5_2_a_list_carried_out_is_accessible_and_links_its_record(
    live_server, carried_out, browser_page
):
    page = browser_page
    log_in(page, live_server, "petra")
    page.goto(f"{live_server.url}/vernietigen/{carried_out.id}/")
    expect(page.locator("dl[data-list]")).to_have_attribute("data-state", "done")
    expect(page.locator('tr[data-outcome="destroyed"]')).to_have_count(2)
    expect(page.locator('tr[data-outcome="kept"]')).to_have_count(1)
    expect(
        page.locator(f'a[href="/vernietigen/{carried_out.id}/verklaring/?taal=en"]')
    ).to_be_visible()
    check_accessibility(page, "destruction list carried out")
    screenshot(page, "destruction-list-done")
