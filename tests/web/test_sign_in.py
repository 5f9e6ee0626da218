# SPDX-License-Identifier: EUPL-1.2
"""Who gets in (art3.2b, AVG art. 32): the password hashed with Argon2, then the second factor
(an authenticator app or a recovery code, set up at the first sign-in), the lockout after
repeated failures of either, the session that ends after inactivity, and the headers and the
Content Security Policy on the pages (decision 19).

The second step is tested here with real codes: the code the user's app would show, computed
from its key (django_otp.oath.totp), posted to the real page. The new texts are checked in
English (``Accept-Language: en``), as their Dutch comes with the translations.
"""

from __future__ import annotations

import base64
import datetime
import re
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import make_password
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import app_code, make_employee, sign_in
from tests.web.test_pages import HOME, INTAKE, dossier_url, text_of
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.web.signin import devices

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOGIN = "/inloggen/"
CODE = "/inloggen/code/"
SET_UP = "/inloggen/app-instellen/"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "zorgvuldig"


def log_in(client, username="anna", password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def enter(client, code, **extra):
    return client.post(CODE, {"code": code}, **extra)


def wrong_code(username="anna") -> str:
    """A six-digit code that none of the user's app's codes of now is."""
    valid = {app_code(username, steps_ahead=step) for step in (-1, 0, 1)}
    return next(c for c in (f"{n:06d}" for n in range(1000)) if c not in valid)


def a_moment_later(model) -> None:
    """The wait after a wrong code has passed (the failure as if made 10 seconds ago)."""
    model.objects.update(
        throttling_failure_timestamp=F("throttling_failure_timestamp")
        - datetime.timedelta(seconds=10)
    )


def is_verified_session(client) -> bool:
    return client.get(HOME).status_code == 200


def locked_out(response) -> bool:
    return response.status_code == 429 and 'id="locked-out"' in response.content.decode()


# Argon2 ------------------------------------------------------------------------------------


def test_art3_2b_passwords_are_hashed_with_argon2id(caseworker):
    assert caseworker.user.password.startswith("argon2$argon2id$")


def test_art3_2b_an_older_hash_becomes_argon2_at_the_next_login(client, caseworker):
    user = caseworker.user
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    assert log_in(client).status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password(PASSWORD)


# The second factor -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [HOME, INTAKE, "/protocol/", "/rechten/verzoeken/", "/vernietigen/", "/beheer/"],
)
def test_art3_2b_the_password_alone_reaches_no_page(client, caseworker, path):
    client.force_login(caseworker.user)  # the password passed, the second step not
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{CODE}?next={path.replace('/', '%2F')}"


def test_art3_2b_the_password_alone_opens_no_dossier_and_searches_nothing(
    client, caseworker, client_dossier
):
    client.force_login(caseworker.user)
    before = LogRecord.objects.count()
    assert client.get(dossier_url(client_dossier.id)).status_code == 302
    response = client.post(
        HOME, {"purpose": "support-provision", "bsn": client_dossier.subject.bsn}
    )
    assert response.status_code == 302 and response["Location"] == CODE
    assert LogRecord.objects.count() == before  # nothing reached the gate


def test_art3_2b_after_the_password_the_code_page_asks_for_the_apps_code(client, caseworker):
    response = log_in(client)
    assert response["Location"] == f"{CODE}?next=%2F"
    page = client.get(response["Location"], **EN)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'autocomplete="one-time-code"' in html
    assert "authenticator app" in text_of(page)
    assert 'class="utrecht-nav-bar' not in html  # no menu before the second step
    assert page["Cache-Control"].startswith("max-age=0")


def test_art3_2b_a_wrong_code_is_refused(client, caseworker):
    log_in(client)
    response = enter(client, wrong_code(), **EN)
    assert response.status_code == 200
    assert "This code is not correct" in text_of(response)
    assert 'id="id_code_error"' in response.content.decode()
    assert not is_verified_session(client)


def test_art3_2b_the_apps_code_gets_in_once(client, caseworker):
    log_in(client)
    code = app_code("anna")
    response = enter(client, code)
    assert response.status_code == 302 and response["Location"] == HOME
    assert is_verified_session(client)
    client.post(reverse("web:logout"))
    log_in(client)
    assert enter(client, code).status_code == 200  # a code is good for one sign-in
    assert not is_verified_session(client)


def test_art3_2b_a_complete_sign_in_gets_a_new_session_key(client, caseworker):
    log_in(client)
    after_password = client.session.session_key
    enter(client, app_code("anna"))
    assert client.session.session_key != after_password


def test_art3_2b_the_code_page_goes_on_only_to_this_site(client, caseworker):
    log_in(client)
    response = client.post(f"{CODE}?next=https://example.org/", {"code": app_code("anna")})
    assert response["Location"] == HOME


def test_art3_2b_a_recovery_code_works_once(client, caseworker):
    first, second, *_ = devices.new_recovery_codes(caseworker.user)
    log_in(client)
    assert enter(client, first.upper()).status_code == 302  # as typed: case does not matter
    assert is_verified_session(client)
    client.post(reverse("web:logout"))

    log_in(client)
    response = enter(client, first, **EN)
    assert response.status_code == 200 and "This code is not correct" in text_of(response)
    assert not is_verified_session(client)
    # django-otp makes the next try wait a moment after a wrong code (1, 2, 4 ... seconds)
    response = enter(client, second, **EN)
    assert "Wait a few seconds" in text_of(response)
    a_moment_later(StaticDevice)
    assert enter(client, second).status_code == 302
    assert is_verified_session(client)


def test_art3_2b_an_employee_without_an_app_sets_it_up_and_gets_ten_recovery_codes(client, partner):
    make_employee(partner, "bram", authenticator=False)
    log_in(client, "bram")
    response = client.get(f"{CODE}?next=%2F")
    assert response["Location"] == f"{SET_UP}?next=%2F"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'<div class="zv-qr" role="img" aria-label="[^"]+"><svg ', html)
    secret = re.search(r'id="secret">([A-Z2-7 ]+)<', html).group(1)
    # the page shows the same key when it is opened again
    assert secret in client.get(SET_UP).content.decode()
    device = TOTPDevice.objects.get(user__username="bram")
    assert not device.confirmed
    assert not is_verified_session(client)

    key = base64.b32decode(secret.replace(" ", ""))
    response = client.post(f"{SET_UP}?next=%2F", {"code": f"{totp(key):06d}"}, **EN)
    assert response.status_code == 200
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", response.content.decode())
    assert len(set(codes)) == 10
    assert "They are shown only now" in text_of(response)
    device.refresh_from_db()
    assert device.confirmed and device.bin_key == key
    assert is_verified_session(client)

    # and the next time, a recovery code gets in too
    client.post(reverse("web:logout"))
    log_in(client, "bram")
    assert enter(client, codes[3]).status_code == 302
    assert is_verified_session(client)


def test_art3_2b_setting_up_the_app_needs_its_right_code(client, partner):
    make_employee(partner, "bram", authenticator=False)
    log_in(client, "bram")
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": "123456"}, **EN)
    assert response.status_code == 200 and "This code is not correct" in text_of(response)
    assert not TOTPDevice.objects.get(user__username="bram").confirmed
    assert not is_verified_session(client)


def test_art3_2b_the_password_alone_cannot_replace_an_app(client, caseworker):
    """Setting up is for who has no app yet: someone with only the password cannot put their
    own app in place of the employee's."""
    log_in(client)
    response = client.get(SET_UP)
    assert response["Location"].startswith(CODE)
    assert client.post(SET_UP, {"code": "123456"})["Location"].startswith(CODE)
    assert TOTPDevice.objects.filter(user=caseworker.user).count() == 1


def test_art3_2b_the_admin_needs_the_second_factor_too(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/beheer/").status_code == 302
    assert sign_in(client, admin_user).get("/beheer/").status_code == 200


# The lockout -------------------------------------------------------------------------------


def test_art3_2b_five_wrong_passwords_lock_the_username_out(client, caseworker, signin_log):
    for _ in range(4):
        response = log_in(client, password="wrong-password")
        assert response.status_code == 200 and not locked_out(response)
    response = log_in(client, password="wrong-password", **EN)
    assert locked_out(response)
    assert "blocked for 15 minutes" in text_of(response)

    # while locked out, the right password is refused too
    response = log_in(client)
    assert locked_out(response)
    assert "_auth_user_id" not in client.session
    assert client.get(HOME)["Location"].startswith(LOGIN)

    # logged, by the username only
    assert "Sign-in of anna locked out after 5 failed attempts, for 15 minutes" in signin_log
    assert not any("127.0.0.1" in line for line in signin_log)


def test_art3_2b_the_lockout_ends_after_the_cooloff(client, caseworker):
    for _ in range(5):
        log_in(client, password="wrong-password")
    assert locked_out(log_in(client))
    # 16 minutes later (the attempts as if made then)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=16))
    response = log_in(client)
    assert response.status_code == 302 and response["Location"].startswith(CODE)


def test_art3_2b_the_lockout_is_for_the_username_from_that_address(client, caseworker):
    for _ in range(5):
        log_in(client, password="wrong-password")
    assert locked_out(log_in(client))
    response = log_in(client, REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 302


def test_art3_2b_wrong_codes_count_towards_the_lockout(client, caseworker, signin_log):
    log_in(client)
    for _ in range(4):
        response = enter(client, wrong_code())
        assert response.status_code == 200
    response = enter(client, wrong_code(), **EN)
    assert locked_out(response)
    assert "_auth_user_id" not in client.session  # the session is logged out
    assert locked_out(log_in(client))  # and the right password is refused
    assert "Sign-in of anna locked out after 5 failed attempts, for 15 minutes" in signin_log


def test_art3_2b_the_password_alone_does_not_forget_the_failures(client, caseworker):
    """Otherwise anyone with the password could guess codes without end, logging in again
    after every four."""
    for _ in range(4):
        log_in(client, password="wrong-password")
    assert log_in(client).status_code == 302
    assert locked_out(enter(client, wrong_code()))


def test_art3_2b_a_complete_sign_in_forgets_the_failures(client, caseworker):
    for _ in range(4):
        log_in(client, password="wrong-password")
    log_in(client)
    assert enter(client, app_code("anna")).status_code == 302
    client.post(reverse("web:logout"))
    for _ in range(4):
        response = log_in(client, password="wrong-password")
        assert not locked_out(response)


# Sessions ----------------------------------------------------------------------------------


def test_art3_2b_a_session_ends_after_15_minutes_without_a_request(web, monkeypatch, settings):
    assert settings.SESSION_COOKIE_AGE == 15 * 60
    response = web.get(HOME)
    assert response.status_code == 200
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # ends when the browser closes
    assert cookie["httponly"] and cookie["samesite"] == "Lax"

    start = timezone.now()

    def later(minutes):
        monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(minutes=minutes))

    # every request moves the end on: 14 minutes after each, still in
    for minutes in (14, 28, 42):
        later(minutes)
        assert web.get(HOME).status_code == 200
    # 16 minutes without a request: out
    later(58)
    response = web.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


# Headers and the Content Security Policy ---------------------------------------------------


def test_art3_2b_every_page_has_the_content_security_policy(web, client_dossier):
    responses = [
        web.get(LOGIN),
        web.get(HOME),
        web.get(dossier_url(client_dossier.id)),
        web.get("/clienten/7a1c0e9e-3f1b-4c55-9a5e-0d6a8f3b2c11/?doel=intake"),  # a 404
        web.get("/api/v1/docs"),
    ]
    for response in responses:
        policy = dict(
            part.split(" ", 1) for part in response["Content-Security-Policy"].split("; ")
        )
        assert policy["default-src"] == "'self'"
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
        assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>\s*[^<\s]|<style|\sstyle=|\son[a-z]+=", re.I)


def test_art3_2b_no_template_has_an_inline_script_style_or_handler():
    """What the policy would block: every script and style is a static file."""
    templates = list(TEMPLATES.glob("*/templates/**/*.html"))
    assert len(templates) > 40
    offending = [str(t) for t in templates if INLINE.search(t.read_text())]
    assert not offending
