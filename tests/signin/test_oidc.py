# SPDX-License-Identifier: EUPL-1.2
"""Signing in through the municipality's identity provider with OpenID Connect (art3.2b,
decision 24), against a real OpenID provider: panva's oidc-provider from npm (OpenID
Certified), started by these tests with ``node`` (``oidc_provider.mjs`` beside this file) on
127.0.0.1 at a free port, with one client and a few accounts.

The whole authorization-code flow runs for real: the login page's button, the provider's own
sign-in page, the code with PKCE, the state and the nonce, the ID token signed with the
provider's key, and then the second factor. The main path runs in chromium (so that the
Content Security Policy is enforced on the way); the others with an HTTP client that follows
the redirects between the live server and the provider.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest
import requests
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.conftest import app_code, make_employee
from tests.web.test_browser import check_accessibility, screenshot
from zorgvuldig.partners.models import Employee

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # as in tests/web/test_browser.py: the live server serves static files through the finders
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PROVIDER = Path(__file__).with_name("oidc_provider.mjs")
CLIENT_ID = "zorgvuldig-test"
CLIENT_SECRET = "a-client-secret-of-the-test-provider-0123456789"
CALLBACK = "/inloggen/oidc/terug/"
PROVIDER_NAME = "Gemeente Testdorp"
PASSWORD = "correct-horse-battery"
PROVIDER_PASSWORD = "wachtwoord-bij-de-gemeente"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
ACCOUNTS = {
    # an employee of a partner: the e-mail claim is her user's address (in other case)
    "els": {"claims": {"email": "Els.Jansen@Testdorp.nl", "email_verified": True}},
    # the same person, signed in at the provider with a second factor of its own
    "els-mfa": {
        "amr": ["pwd", "otp"],
        "claims": {"email": "els.jansen@testdorp.nl", "email_verified": True},
    },
    # a colleague at the municipality who is no employee in zorgvuldig
    "piet": {"claims": {"email": "piet@testdorp.nl", "email_verified": True}},
    # an administrator's address: a user, but without an employee
    "beheer": {"claims": {"email": "beheer@testdorp.nl", "email_verified": True}},
}


@pytest.fixture(scope="module")
def identity_provider(live_server):
    """The running provider: its issuer and discovery document."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("no node here: the sign-in tests start an OpenID provider with Node.js")
    config = {
        "client": {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [live_server.url + CALLBACK],
        },
        "accounts": {
            login: {"password": PROVIDER_PASSWORD, **account} for login, account in ACCOUNTS.items()
        },
    }
    process = subprocess.Popen(
        [node, str(PROVIDER), json.dumps(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line:
            process.wait()
            pytest.fail(f"the OpenID provider did not start: {process.stderr.read()}")
        issuer = json.loads(line)["issuer"]
        discovery = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10)
        discovery.raise_for_status()
        yield discovery.json()
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def oidc(settings, identity_provider):
    """Signing in through the provider switched on, as the ZORGVULDIG_OIDC_* variables would
    (the endpoints taken from the provider's discovery document)."""
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.ZORGVULDIG_OIDC_ISSUER = identity_provider["issuer"]
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = identity_provider["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = identity_provider["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = identity_provider["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = identity_provider["jwks_uri"]
    settings.ZORGVULDIG_OIDC_PROVIDER_NAME = PROVIDER_NAME
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "zorgvuldig.web.signin.oidc.EmployeeBackend",
    ]
    return identity_provider


@pytest.fixture
def els(partner):
    employee = make_employee(partner, "els")
    employee.user.email = "els.jansen@testdorp.nl"
    employee.user.save()
    return employee


@pytest.fixture
def administrator(db):
    return get_user_model().objects.create_user(
        "beheerder", email="beheer@testdorp.nl", password=PASSWORD, is_staff=True
    )


def http_client() -> requests.Session:
    """An HTTP client that keeps cookies and follows redirects, asking for the English texts
    (their Dutch comes with the translations)."""
    http = requests.Session()
    http.headers["Accept-Language"] = "en"
    return http


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def at_provider(http: requests.Session, live_server, next_page: str = "") -> requests.Response:
    """The login page's button, followed to the provider's sign-in page."""
    start = f"{live_server.url}/inloggen/oidc/"
    response = http.get(start + (f"?{urlencode({'next': next_page})}" if next_page else ""))
    assert response.status_code == 200, response.text
    assert "/interaction/" in response.url
    return response


def sign_in_at_provider(http, page: requests.Response, login: str, *, follow=True):
    """The provider's sign-in form, sent; with ``follow`` the redirects are followed back to
    zorgvuldig, else the answer that sends the browser on."""
    action = re.search(r'<form method="post" action="([^"]+)"', page.text).group(1)
    return http.post(
        urljoin(page.url, action),
        data={"login": login, "password": PROVIDER_PASSWORD},
        allow_redirects=follow,
    )


def to_callback(http, response: requests.Response, live_server) -> str:
    """Follow the provider's redirects, up to (not into) the callback of zorgvuldig."""
    while not response.headers["Location"].startswith(live_server.url + CALLBACK):
        assert response.is_redirect, response.text
        response = http.get(
            urljoin(response.url, response.headers["Location"]), allow_redirects=False
        )
    return response.headers["Location"]


def is_signed_in(http, live_server) -> bool:
    response = http.get(f"{live_server.url}/", allow_redirects=False)
    return response.status_code == 200


@pytest.mark.browser
def test_art3_2b_oidc_an_employee_logs_in_through_the_provider_then_gives_her_code(
    live_server, oidc, els, browser_page
):
    """The button on the login page, the provider's page, back with a code: she is signed in,
    but reaches the pages only after the code of her app, as after a password. No request on
    the way breaks the Content Security Policy."""
    page = browser_page
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{live_server.url}/")
    button = page.locator("#oidc-login a")
    expect(button).to_contain_text(PROVIDER_NAME)
    check_accessibility(page, "login with the provider's button")
    screenshot(page, "login-oidc")
    button.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij de gemeente Testdorp")
    assert page.url.startswith(oidc["issuer"])
    page.get_by_label("Gebruikersnaam").fill("els")
    page.get_by_label("Wachtwoord").fill(PROVIDER_PASSWORD)
    page.locator("#provider-submit").click()

    # art3.2b: back at zorgvuldig, the second factor first
    expect(page).to_have_url(re.compile(r"/inloggen/code/\?next=%2F$"))
    page.goto(f"{live_server.url}/clienten/aanmelden/")
    expect(page).to_have_url(re.compile(r"/inloggen/code/"))
    page.locator("#id_code").fill(app_code("els"))
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cliënt aanmelden")
    assert not violations, violations


def test_art3_2b_oidc_a_known_employee_reaches_the_pages_after_the_second_factor(
    live_server, oidc, els
):
    http = http_client()
    page = at_provider(http, live_server, next_page="/clienten/aanmelden/")
    code_page = sign_in_at_provider(http, page, "els")
    assert code_page.url == f"{live_server.url}/inloggen/code/?" + urlencode(
        {"next": "/clienten/aanmelden/"}
    )
    assert not is_signed_in(http, live_server)  # signed in, but not yet verified

    answer = http.post(
        code_page.url,
        data={"code": app_code("els"), "csrfmiddlewaretoken": csrf_token(code_page.text)},
    )
    assert answer.status_code == 200
    assert answer.url == f"{live_server.url}/clienten/aanmelden/"
    assert is_signed_in(http, live_server)
    # axes' access log has the sign-in, as for a password
    assert AccessLog.objects.filter(username="els").exists()


def test_art3_2b_oidc_a_username_locked_out_stays_locked_out_through_the_provider(
    live_server, oidc, els, client, settings
):
    """Wrong passwords for "els" from this address (django-axes, decision 19): signing in
    through the provider from there is refused too, until the cool-off has passed."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/inloggen/", {"username": "els", "password": "wrong-password-1"})
    http = http_client()
    locked = sign_in_at_provider(http, at_provider(http, live_server), "els")
    assert locked.status_code == 429
    assert 'id="locked-out"' in locked.text
    assert not is_signed_in(http, live_server)
    assert "/inloggen/code/" not in http.get(f"{live_server.url}/").url


@pytest.mark.parametrize("login", ["piet", "beheer"])
def test_art3_2b_oidc_an_account_of_no_employee_is_refused_and_nothing_is_created(
    live_server, oidc, els, administrator, login
):
    users, employees = get_user_model().objects.count(), Employee.objects.count()
    http = http_client()
    refused = sign_in_at_provider(http, at_provider(http, live_server), login)

    assert refused.url == f"{live_server.url}/inloggen/"
    assert (
        f"Your account at {PROVIDER_NAME} is not linked to an employee in zorgvuldig"
        in refused.text
    )
    assert not is_signed_in(http, live_server)
    assert "/inloggen/code/" not in http.get(f"{live_server.url}/").url
    assert get_user_model().objects.count() == users
    assert Employee.objects.count() == employees
    # not a guessed password: axes counts nothing (decision 24)
    assert not AccessAttempt.objects.exists()


def test_art3_2b_oidc_a_tampered_state_is_refused(live_server, oidc, els):
    http = http_client()
    sent_on = sign_in_at_provider(http, at_provider(http, live_server), "els", follow=False)
    callback = to_callback(http, sent_on, live_server)
    query = parse_qs(urlsplit(callback).query)
    assert set(query) >= {"code", "state"}

    tampered = {**{k: v[0] for k, v in query.items()}, "state": query["state"][0][:-1] + "x"}
    refused = http.get(f"{live_server.url}{CALLBACK}?{urlencode(tampered)}")
    assert refused.status_code == 400
    assert not is_signed_in(http, live_server)
    assert "/inloggen/code/" not in http.get(f"{live_server.url}/").url

    # nor does a callback without any sign-in started in this session get in
    stranger = http_client()
    refused = stranger.get(callback)
    assert refused.url == f"{live_server.url}/inloggen/"
    assert f"Logging in through {PROVIDER_NAME} did not succeed" in refused.text
    assert not is_signed_in(stranger, live_server)


def test_art3_2b_oidc_a_token_of_another_issuer_is_refused(live_server, oidc, els, settings):
    settings.ZORGVULDIG_OIDC_ISSUER = "https://login.elders.example"
    http = http_client()
    refused = sign_in_at_provider(http, at_provider(http, live_server), "els")
    assert refused.status_code == 400
    assert not is_signed_in(http, live_server)
    assert "/inloggen/code/" not in http.get(f"{live_server.url}/").url


def test_art3_2b_oidc_the_providers_second_factor_counts_only_when_trusted(
    live_server, oidc, els, settings
):
    """The provider says it asked a one-time code (amr "otp"): by default zorgvuldig still
    asks its own; trusted by ZORGVULDIG_OIDC_TRUSTED_AMR, that sign-in is complete."""
    http = http_client()
    asked = sign_in_at_provider(http, at_provider(http, live_server), "els-mfa")
    assert asked.url.startswith(f"{live_server.url}/inloggen/code/")

    settings.ZORGVULDIG_OIDC_TRUSTED_AMR = ["otp", "hwk"]
    http = http_client()
    complete = sign_in_at_provider(http, at_provider(http, live_server), "els-mfa")
    assert complete.url == f"{live_server.url}/"
    assert complete.status_code == 200
    assert is_signed_in(http, live_server)

    # a sign-in with the password alone at the provider still gets the code page
    http = http_client()
    asked = sign_in_at_provider(http, at_provider(http, live_server), "els")
    assert asked.url.startswith(f"{live_server.url}/inloggen/code/")


def test_art3_2b_oidc_the_password_path_keeps_its_lockout(client, oidc, els, settings):
    """With the provider's backend beside Django's, wrong passwords still lock the username
    out (django-axes, decision 19); the page keeps the provider's button."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/inloggen/", {"username": "els", "password": "wrong-password-1"})
    locked = client.post("/inloggen/", {"username": "els", "password": PASSWORD}, **EN)
    assert locked.status_code == 429
    assert 'id="locked-out"' in locked.content.decode()
    assert f"Log in with {PROVIDER_NAME}" in locked.content.decode()


def test_art3_2b_oidc_a_password_still_signs_in_beside_the_provider(client, oidc, els):
    response = client.post("/inloggen/", {"username": "els", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/inloggen/code/")


def test_art3_2b_oidc_off_the_login_page_is_as_before_and_its_urls_refuse(client, els):
    page = client.get("/inloggen/").content.decode()
    assert 'id="oidc-login"' not in page
    assert "/inloggen/oidc/" not in page
    assert client.get("/inloggen/oidc/").status_code == 404
    assert client.get(f"{CALLBACK}?code=abc&state=def").status_code == 404


def test_art3_2b_oidc_on_the_login_page_offers_the_provider(client, oidc):
    page = client.get("/inloggen/?next=/clienten/aanmelden/", **EN).content.decode()
    assert 'id="oidc-login"' in page
    assert 'href="/inloggen/oidc/?next=/clienten/aanmelden/"' in page
    assert f"Log in with {PROVIDER_NAME}" in page
