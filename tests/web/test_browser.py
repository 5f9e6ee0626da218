# SPDX-License-Identifier: EUPL-1.2
"""The pages in a real browser: Playwright driving Debian's chromium against the live server.

A caseworker logs in (the password, then setting up the authenticator app as the second factor,
art3.2b), acknowledges the protocol, searches a client by BSN, opens the dossier and finds that
consult in the processing log on the page; the others sign in with the code of their app.
axe-core checks the pages on the way (WCAG 2.1 AA is the law for Dutch government sites): no
serious or critical violations. The NL Design System CSS must actually load (a computed style
is checked). A screenshot of each page is left under var/screenshots/ to look at.
"""

from __future__ import annotations

import base64
import datetime
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from tests.conftest import app_code, make_employee, supporting
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # The live server starts (once) before the fixture of conftest.py makes a STATIC_ROOT;
    # it serves static files through the finders, so whitenoise has nothing to say.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "correct-horse-battery"


@pytest.fixture
def page(browser_page):
    """The chromium page of ``browser_page`` (tests/conftest.py), by its short name here."""
    return browser_page


@pytest.fixture
def newcomer(partner, caseworker, client_dossier):
    """A colleague of ``caseworker``, assigned to the client, who has not yet acknowledged the
    protocol; the client's dossier holds a few items and a relation."""
    actor = actor_for(caseworker)
    colleague = make_employee(partner, "bram", acknowledged=False, authenticator=False)
    services.assign_caseworker(
        actor,
        client_dossier.trajectories[0].id,
        employee_id=colleague.id,
        purpose="support-provision",
    )
    services.add_relation(
        actor,
        client_dossier.id,
        kind="parent",
        bsn="111222333",
        given_names="Marieke",
        surname_prefix="de",
        surname="Vries",
        birth_date=datetime.date(1984, 9, 2),
        purpose="intake",
    )
    for category, label, value, source, method in [
        ("contact", "Telefoon", "06 12345678", "de moeder", "conversation"),
        ("youth", "School", "Groep 7, basisschool De Regenboog", "de moeder", "conversation"),
        (
            "youth",
            "Hulpvraag",
            "Moeite met concentratie in de klas; school vraagt om "
            "ondersteuning thuis en op school.",
            "intern begeleider",
            "partner",
        ),
    ]:
        services.record_item(
            actor,
            client_dossier.id,
            category=category,
            label=label,
            value=value,
            source=source,
            method=method,
            obtained_on=datetime.date(2024, 2, 1),
            purpose="assessment",
        )
    return colleague


def enter_code(page: Page, username: str) -> None:
    """The second step of signing in (art3.2b) on the real code page: the code the user's app
    shows now."""
    expect(page).to_have_url(re.compile(r"/inloggen/code/"))
    page.locator("#id_code").fill(app_code(username))
    page.locator("main form button[type=submit]").click()


def check_accessibility(page: Page, name: str) -> None:
    """axe-core on the page as it is: no serious or critical violations."""
    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, f"axe on the {name} page:\n" + "\n".join(bad)


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_nl_design_system_loaded(page: Page) -> None:
    """The Utrecht tokens and components are applied: the primary button has the token's
    background colour, not the browser's default."""
    expect(page.locator("html")).to_have_class("utrecht-theme")
    colours = page.evaluate("""() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--utrecht-button-primary-action-background-color)';
        document.body.append(probe);
        const token = getComputedStyle(probe).color;
        probe.remove();
        const button = document.querySelector(
            '.utrecht-button--primary-action, .utrecht-button-link--primary-action');
        return {token, button: getComputedStyle(button).backgroundColor,
                font: getComputedStyle(document.body).fontFamily};
    }""")
    assert colours["token"] not in ("", "rgb(0, 0, 0)"), colours
    assert colours["button"] == colours["token"], colours
    assert "Arial" in colours["font"] or "Noto Sans" in colours["font"], colours


def test_a_caseworker_opens_a_dossier_and_sees_the_consult_in_its_log(
    live_server, newcomer, client_dossier, page
):
    # Login.
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/inloggen/?next=/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "login")
    screenshot(page, "login")
    page.get_by_label("Gebruikersnaam").fill("bram")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    # art3.2b: no app yet, so the second step starts with setting it up: a QR code, the key
    # as text, confirmed with the app's first code.
    expect(page).to_have_url(f"{live_server.url}/inloggen/app-instellen/?next=%2F")
    expect(page.locator(".zv-qr svg")).to_be_visible()
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "set up the app")
    screenshot(page, "set-up-app")
    key = base64.b32decode(page.locator("#secret").inner_text().replace(" ", ""))
    page.locator("#id_code").fill(f"{totp(key):06d}")
    page.locator("main form button[type=submit]").click()
    codes = page.locator("[data-recovery-codes] li")
    expect(codes).to_have_count(10)
    check_accessibility(page, "recovery codes")
    screenshot(page, "recovery-codes")
    page.locator("main a.utrecht-button-link").click()

    # art3.2d: first the protocol.
    expect(page.get_by_role("heading", name="De hoofdlijnen")).to_be_visible()
    check_accessibility(page, "acknowledgement")
    screenshot(page, "acknowledgement")
    page.get_by_role("button", name="Ik ken het protocol en leef het na").click()

    # Search by BSN (a POST: the BSN stays out of the URL).
    expect(page.get_by_role("heading", level=1)).to_have_text("Cliënt zoeken")
    page.get_by_label("Doel").select_option(label="Bieden en uitvoeren van ondersteuning")
    page.get_by_label("BSN", exact=True).fill(client_dossier.subject.bsn)
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.get_by_role("row", name="Sanne de Vries")).to_be_visible()
    assert client_dossier.subject.bsn not in page.url
    check_accessibility(page, "search")
    screenshot(page, "search")

    # The dossier.
    page.get_by_role("link", name="Dossier openen van Sanne de Vries").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sanne de Vries")
    assert page.url.endswith("?doel=support-provision")
    assert client_dossier.subject.bsn not in page.url
    consult = page.locator('tr[data-processing="dossier-raadplegen"]').first
    expect(consult).to_contain_text("Dossier geraadpleegd")
    expect(consult).to_contain_text("Bram Test")
    expect(consult).to_contain_text("toegestaan")
    expect(page.locator("#gegevens")).to_contain_text("Groep 7, basisschool De Regenboog")
    expect(page.locator("#relaties")).to_contain_text("Marieke de Vries")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "dossier")
    screenshot(page, "dossier")

    # The same page in English, through the language switch in the header.
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Processing log")).to_be_visible()
    expect(consult).to_contain_text("Dossier consulted")
    screenshot(page, "dossier-en")


def test_a_form_error_is_shown_on_its_field_in_the_browser(live_server, caseworker, page):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    enter_code(page, "anna")
    page.get_by_role("link", name="Cliënt aanmelden").click()
    page.get_by_label("BSN").fill("123456780")
    page.get_by_label("Voornamen").fill("Daan")
    page.get_by_label("Achternaam", exact=True).fill("Dijk")
    page.get_by_label("Geboortedatum").fill("2010-03-04")
    page.get_by_label("Domein").select_option("jeugd")
    page.get_by_label("Grondslag").select_option("jeugdwet")
    page.get_by_role("button", name="Cliënt aanmelden").click()
    bsn = page.get_by_label("BSN")
    expect(bsn).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_bsn_error")).to_contain_text("Geen geldig BSN")
    check_accessibility(page, "intake with errors")
    screenshot(page, "intake-errors")


@pytest.fixture
def shareable(caseworker, client_dossier):
    """The client's mother consented to sharing; a youth and a medical item; a second partner."""
    from tests.conftest import inform_and_consent, make_partner, representative_of

    actor = actor_for(caseworker)
    mother = representative_of(client_dossier.id)
    inform_and_consent(actor, client_dossier.id, representative_id=mother, scopes=("share",))
    for category, label in [("youth", "School"), ("health", "Diagnose")]:
        services.record_item(
            actor,
            client_dossier.id,
            category=category,
            label=label,
            value=f"{label} (waarde)",
            source="de moeder",
            method="conversation",
            obtained_on=datetime.date(2024, 2, 1),
            purpose="assessment",
        )
    # the recipient supports Sanne too: a share carries what its own support needs (art5.1)
    supporting(make_partner("Wmo-aanbieder Langbroek"), client_dossier, "wim", consent=False)
    return client_dossier


def test_the_share_page_and_its_preview_are_accessible(live_server, shareable, page):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    enter_code(page, "anna")
    page.goto(f"{live_server.url}/clienten/{shareable.id}/?doel=support-provision")
    page.get_by_role("link", name="Gegevens delen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gegevens delen")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "share")
    screenshot(page, "share")

    page.get_by_label("Ontvanger", exact=True).select_option(label="Wmo-aanbieder Langbroek")
    page.get_by_label("School").check()
    page.get_by_label("Diagnose").check()
    page.get_by_role("button", name="Bekijk wat er gedeeld mag worden").click()
    expect(page.get_by_role("heading", name="Wat er gedeeld mag worden")).to_be_visible()
    expect(page.locator('tr[data-preview="refused"]')).to_contain_text("schriftelijke")
    check_accessibility(page, "share preview")
    screenshot(page, "share-preview")

    page.get_by_role("button", name="Bevestig en deel").click()
    expect(page.locator("[data-share-result]")).to_contain_text("1 gegeven is gedeeld")
    check_accessibility(page, "share result")
    screenshot(page, "share-result")


def test_art3_2b_the_code_page_and_the_lockout_are_accessible(live_server, caseworker, page):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/inloggen/code/"))
    expect(page.locator("#id_code")).to_have_attribute("autocomplete", "one-time-code")
    assert_nl_design_system_loaded(page)
    check_accessibility(page, "sign-in code")
    screenshot(page, "sign-in-code")

    # a wrong code: said on the field
    page.locator("#id_code").fill("000000" if app_code("anna") != "000000" else "111111")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#id_code")).to_have_attribute("aria-invalid", "true")
    check_accessibility(page, "sign-in code with an error")

    # five wrong codes lock the username out: the login page says so
    for _ in range(4):
        page.locator("#id_code").fill("12345")
        page.locator("main form button[type=submit]").click()
    expect(page.locator("#locked-out")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    check_accessibility(page, "locked out")
    screenshot(page, "locked-out")


def test_art3_2b_no_page_breaks_the_content_security_policy(live_server, client_dossier, page):
    """The policy forbids inline scripts and styles and anything from elsewhere: the pages,
    the API documentation (Swagger UI) and the admin work without them."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    enter_code(page, "anna")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cliënt zoeken")
    page.goto(f"{live_server.url}/clienten/{client_dossier.id}/?doel=support-provision")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sanne de Vries")
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    page.goto(f"{live_server.url}/beheer/login/")
    expect(page.locator("#id_username")).to_be_visible()
    assert not violations, violations
