# SPDX-License-Identifier: EUPL-1.2
"""The resident's view in a real browser (decision 25): Joost signs in through the DigiD
mock, sees a share made a moment before with its article, sees a new one appear without
reloading, withdraws his consent to share and then sees the refusal of the next share, and
makes a correction request and sees its due date. axe-core checks each of our pages (WCAG 2.1
AA): no serious or critical violations. Work on the database runs in a thread of its own,
as Playwright's event loop holds this one."""

from __future__ import annotations

import re
import threading

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.web.test_browser import check_accessibility, screenshot
from zorgvuldig.core.errors import ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol.decision import article_label

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def in_thread(work):
    """Run ``work`` (database calls) in a thread of its own and return what it returned."""
    found: dict = {}

    def run():
        from django.db import connection

        try:
            found["result"] = work()
        except Exception as error:
            found["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in found:
        raise found["error"]
    return found.get("result")


@pytest.fixture
def scene(actor, adult, wmo_desk, settings):
    settings.ZORGVULDIG_RESIDENT_POLL_SECONDS = 1
    joost, bsn = adult

    def share(value):
        item = factories.record(actor, joost.id, category="housing", value=value)
        return services.share_items(
            actor,
            joost.id,
            item_ids=[item.id],
            recipient_partner_id=wmo_desk.id,
            purpose="support-provision",
        )

    share("Trap naar boven")
    record = LogRecord.objects.filter(name="gegevens-delen").latest("id")
    return bsn, share, article_label(record.articles.split(",")[0])


def test_a_resident_watches_their_data_withdraws_consent_and_asks_a_correction(
    scene, live_server, browser_page
):
    bsn, share, article = scene
    page = browser_page
    page.goto(f"{live_server.url}/mijn/")
    expect(page).to_have_url(re.compile(r"/mijn/inloggen/"))
    check_accessibility(page, "resident sign-in")
    page.get_by_role("link", name=re.compile("DigiD")).click()
    page.locator("#authentication_type_account_basis").click()
    page.locator("input[name=auth_bsn]").fill(bsn)
    page.locator("#submit-button").click()
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    expect(page.get_by_test_id("signed-in")).to_contain_text("Joost Bakker")
    table = page.locator("#resident-log")
    expect(table).to_contain_text("Wmo-loket Heuvelrug")
    expect(table).to_contain_text(article)
    check_accessibility(page, "resident processings")
    screenshot(page, "resident-processings")

    rows = table.locator("tbody tr").count()
    in_thread(lambda: share("Lift in het portiek"))
    expect(table.locator("tbody tr")).not_to_have_count(rows)  # new rows, without reloading
    assert table.locator("tbody tr").count() >= rows + 2  # recorded and shared

    page.get_by_role("link", name=re.compile("Toestemmingen|Consents")).click()
    check_accessibility(page, "resident consents")
    page.locator("li", has_text=re.compile("Share with others|[Dd]elen")).get_by_role(
        "button"
    ).click()
    expect(page.locator(".utrecht-alert")).to_contain_text(re.compile("ingetrokken|withdrawn"))

    def refused_share():
        try:
            share("Nog een trap")
        except ProcessingRefused:
            return True
        return False

    assert in_thread(refused_share)
    page.get_by_role("link", name=re.compile("Verwerkingen|Processings")).click()
    expect(page.locator("#resident-log tbody tr").first).to_contain_text(
        re.compile("geweigerd|refused")
    )

    page.get_by_role("link", name=re.compile("Verzoeken|Requests")).click()
    check_accessibility(page, "resident requests")
    page.get_by_role("link", name=re.compile("Jeugdteam Heuvelrug")).click()
    check_accessibility(page, "resident request form")
    page.locator("#kind-correction").check()
    page.locator("input[name=items]").first.check()
    page.locator("#details").fill("Er is een lift")
    page.get_by_role("button", name=re.compile("Verzoek versturen|Send the request")).click()
    expect(page.get_by_test_id("due").first).not_to_be_empty()
    check_accessibility(page, "resident requests after")
    screenshot(page, "resident-requests")
