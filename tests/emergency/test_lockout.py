# SPDX-License-Identifier: EUPL-1.2
"""A wrong code at breaking the glass counts towards the sign-in lockout (art3.2b, art3.2c;
decisions 19 and 23): exactly as a wrong code at signing in, per username and address, on the
page and over the API. Five failures lock the username out: the glass is refused (429) and so
is signing in; a right code after fewer failures forgets them, as a complete sign-in does.
Nothing is granted or written on a wrong code, nor while locked out.

The new texts are checked in English (``Accept-Language: en``), as their Dutch comes with the
translations."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt

from tests.apiclient import as_employee, invalid_fields, problem
from tests.conftest import app_code, app_of, sign_in
from tests.emergency.conftest import written
from zorgvuldig.clients.models import EmergencyAccess
from zorgvuldig.partners.models import Employee

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def wrong_code(username="bram") -> str:
    """A six-digit code that none of the user's app's codes of now is."""
    valid = {app_code(username, steps_ahead=step) for step in (-1, 0, 1)}
    return next(c for c in (f"{n:06d}" for n in range(1000)) if c not in valid)


def glass_form(code: str) -> dict[str, str]:
    return {"reason": "danger", "explanation": "Acuut gevaar thuis.", "code": code}


def glass_body(code: str) -> dict[str, str]:
    return {"reason": "crisis", "explanation": "Crisisdienst, 's nachts.", "code": code}


def user(username="bram"):
    return Employee.objects.get(user__username=username).user


def failures(username="bram") -> int:
    return sum(
        AccessAttempt.objects.filter(username=username).values_list(
            "failures_since_start", flat=True
        )
    )


def locked_out_page(response) -> bool:
    page = response.content.decode()
    return response.status_code == 429 and 'id="locked-out"' in page


def log_in(http, username="bram", password=PASSWORD):
    return http.post("/inloggen/", {"username": username, "password": password})


@pytest.fixture
def glass(client_dossier):
    return f"/clienten/{client_dossier.id}/noodtoegang/?doel=support-provision"


def test_art3_2b_five_wrong_codes_at_the_glass_lock_the_username_out(
    client, colleague, glass, signin_log
):
    web = sign_in(client, colleague.user)
    before = written()
    for _ in range(4):
        refused = web.post(glass, glass_form(wrong_code()))
        assert refused.status_code == 400 and "klopt niet" in refused.content.decode()
    assert failures() == 4 and written() == before
    fifth = web.post(glass, glass_form(wrong_code()), **EN)
    assert locked_out_page(fifth)
    page = fifth.content.decode()
    assert 'id="emergency-refused"' in page and "No emergency access has been given" in page
    assert "blocked for 15 minutes" in page
    assert "_auth_user_id" not in client.session  # logged out, as at sign-in
    assert "Sign-in of bram locked out after 5 failed attempts, for 15 minutes" in signin_log
    # nothing granted, nothing written: no access, no log record, no e-mail
    assert written() == before and not EmergencyAccess.objects.exists()
    # signing in is refused too, the right password as well
    assert locked_out_page(log_in(client))


def test_art3_2b_while_locked_out_the_glass_is_refused_even_with_the_right_code(
    client, colleague, glass
):
    """Locked out by wrong passwords from this address, a session still open elsewhere in
    the same browser cannot break the glass: refused before anything, nothing written."""
    web = sign_in(client, colleague.user)
    other = type(client)()
    for _ in range(5):
        log_in(other, password="wrong-password")
    assert locked_out_page(log_in(other))
    before = written()
    refused = web.post(glass, glass_form(app_code("bram")), **EN)
    assert locked_out_page(refused)
    assert 'id="emergency-refused"' in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert written() == before and not EmergencyAccess.objects.exists()


def test_art3_2b_wrong_codes_at_the_glass_and_at_sign_in_count_together(client, colleague, glass):
    web = sign_in(client, colleague.user)
    for _ in range(4):
        assert web.post(glass, glass_form(wrong_code())).status_code == 400
    web.post("/uitloggen/")
    client.logout()
    assert locked_out_page(log_in(client, password="wrong-password"))


def test_art3_2b_a_right_code_at_the_glass_forgets_the_failures(client, colleague, glass):
    web = sign_in(client, colleague.user)
    for _ in range(4):
        assert web.post(glass, glass_form(wrong_code())).status_code == 400
    app_of(colleague.user).throttle_reset()  # django-otp's wait after a wrong code
    done = web.post(glass, glass_form(app_code("bram")))
    assert done.status_code == 302, done.content
    assert EmergencyAccess.objects.filter(employee=colleague).count() == 1
    assert failures() == 0
    # four more failures do not lock out: the earlier four are forgotten
    for _ in range(4):
        assert not locked_out_page(log_in(type(client)(), password="wrong-password"))


def test_art3_2b_no_code_at_the_glass_is_not_counted(client, colleague, glass):
    web = sign_in(client, colleague.user)
    refused = web.post(glass, glass_form(""))
    assert refused.status_code == 400 and "Geef de code" in refused.content.decode()
    assert failures() == 0


def test_art3_2c_a_role_that_may_not_break_the_glass_counts_no_failure(client, officer, glass):
    """Refused before the code is looked at: nothing counts."""
    web = sign_in(client, user("pim"))
    assert web.post(glass, glass_form(wrong_code("pim"))).status_code == 403
    assert failures("pim") == 0


def test_art3_2b_wrong_codes_at_the_glass_over_the_api_lock_out(
    client, colleague, client_dossier, signin_log
):
    api = as_employee(colleague)
    path = f"/clients/{client_dossier.id}/emergency-accesses"
    before = written()
    for _ in range(4):
        assert "code" in invalid_fields(api.post(path, glass_body(wrong_code())))
    assert written() == before
    locked = problem(api.post(path, glass_body(wrong_code())), 429)
    assert "geen noodtoegang" in locked["detail"] and "15 minuten" in locked["detail"]
    assert "Sign-in of bram locked out after 5 failed attempts, for 15 minutes" in signin_log
    # while locked out the right code is refused too, and signing in
    app_of(colleague.user).throttle_reset()
    again = api.post(path, glass_body(app_code("bram")))
    problem(again, 429)
    assert int(again["Retry-After"]) == 15 * 60
    assert written() == before and not EmergencyAccess.objects.exists()
    assert locked_out_page(log_in(client))


def test_art3_2b_a_right_code_over_the_api_forgets_the_failures(colleague, client_dossier):
    api = as_employee(colleague)
    path = f"/clients/{client_dossier.id}/emergency-accesses"
    for _ in range(4):
        assert "code" in invalid_fields(api.post(path, glass_body(wrong_code())))
    assert failures() == 4
    app_of(colleague.user).throttle_reset()
    made = api.post(path, glass_body(app_code("bram")))
    assert made.status_code == 201, made.content
    assert failures() == 0
