# SPDX-License-Identifier: EUPL-1.2
"""The pages of decisions 22 and 25 in a real browser: what the client's own view shows, with
holding a processing back (art9.3), and the team lead's overview (art3.2c). axe-core checks
each page and the form's error: no serious or critical violations (WCAG 2.1 AA)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.conftest import make_employee
from tests.web.test_browser import check_accessibility
from tests.web.test_browser_support import log_in
from zorgvuldig.partners.models import Role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.fixture
def recorded(actor, client_dossier):
    factories.record(actor, client_dossier.id)
    return client_dossier


def test_art9_3_the_page_of_the_clients_own_view_and_holding_back_are_accessible(
    live_server, recorded, browser_page
):
    page = browser_page
    log_in(page, live_server, "anna")
    page.goto(f"{live_server.url}/clienten/{recorded.id}/eigen-omgeving/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("eigen omgeving")
    check_accessibility(page, "own view's holds")

    row = page.locator('tr[data-state="shown"]').first
    row.locator("summary").click()
    row.get_by_role("button", name="Achterhouden voor de cliënt").click()
    # no reason: the error on its field, said in the summary, nothing held back
    expect(
        page.locator(".utrecht-form-field-error-message, .zv-error-summary").first
    ).to_be_visible()
    check_accessibility(page, "own view's holds with an error")
    row = page.locator('tr[data-state="shown"]').first
    row.get_by_label("Waarom tonen de cliënt of anderen zou schaden").fill("Zou de moeder schaden.")
    row.get_by_role("button", name="Achterhouden voor de cliënt").click()
    expect(page.locator('tr[data-state="held-back"]')).to_have_count(1)
    check_accessibility(page, "own view's holds after holding back")


@pytest.fixture
def team_lead(partner, caseworker):
    return make_employee(partner, "tessa", role=Role.TEAM_LEAD)


def test_art3_2c_the_team_overview_is_accessible(live_server, team_lead, browser_page):
    page = browser_page
    log_in(page, live_server, "tessa")
    page.locator('nav a[href="/team/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie ondersteunt hoeveel")
    expect(page.locator("main")).to_contain_text("Anna Test")
    check_accessibility(page, "team overview")
