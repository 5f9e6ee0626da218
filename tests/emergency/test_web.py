# SPDX-License-Identifier: EUPL-1.2
"""The pages of breaking the glass (art3.2c; decision 23): offered where the dossier is
refused, the form with its reason, explanation and code, the privacy officer's list and
review."""

from __future__ import annotations

import pytest

from tests.conftest import app_code, app_of, sign_in
from tests.emergency.conftest import break_glass, written
from zorgvuldig.clients.models import EmergencyAccess
from zorgvuldig.partners.models import Employee

pytestmark = pytest.mark.django_db


def web_of(client, username: str):
    return sign_in(client, Employee.objects.get(user__username=username).user)


def test_art3_2c_a_refused_dossier_offers_to_break_the_glass(client, colleague, client_dossier):
    web = web_of(client, "bram")
    dossier = f"/clienten/{client_dossier.id}/?doel=support-provision"
    refused = web.get(dossier)
    assert refused.status_code == 403
    page = refused.content.decode()
    glass = f"/clienten/{client_dossier.id}/noodtoegang/?doel=support-provision"
    assert "data-break-glass" in page and glass in page
    form = web.get(glass)
    assert form.status_code == 200 and 'name="reason"' in form.content.decode()
    # bad input: the form again with the gate's errors, nothing written
    before = written()
    wrong = web.post(glass, {"reason": "", "explanation": "", "code": "000000"})
    assert wrong.status_code == 400
    text = wrong.content.decode()
    assert "Kies de reden" in text and "Leg uit waarom" in text
    assert written() == before
    bad_code = web.post(glass, {"reason": "danger", "explanation": "Acuut.", "code": "000000"})
    assert bad_code.status_code == 400 and "klopt niet" in bad_code.content.decode()
    assert written() == before
    app_of(Employee.objects.get(user__username="bram").user).throttle_reset()  # django-otp waits
    done = web.post(
        glass, {"reason": "danger", "explanation": "Acuut gevaar.", "code": app_code("bram")}
    )
    assert done.status_code == 302 and done["Location"] == dossier
    opened = web.get(dossier)
    assert opened.status_code == 200
    assert 'data-why="emergency"' in opened.content.decode()


def test_art3_2c_the_glass_is_not_offered_to_a_role_that_may_not_break_it(
    client, client_dossier, officer
):
    web = web_of(client, "pim")
    page = web.get(f"/clienten/{client_dossier.id}/?doel=support-provision")
    assert page.status_code == 403 and "data-break-glass" not in page.content.decode()
    assert web.get(f"/clienten/{client_dossier.id}/noodtoegang/").status_code == 403


def test_art3_2c_the_privacy_officer_reviews_on_the_page(client, bram, client_dossier, officer, fg):
    opened = break_glass(bram, client_dossier)
    web = web_of(client, "pim")
    listing = web.get("/noodtoegang/").content.decode()
    assert f'data-use="{opened.id}"' in listing and "Sanne de Vries" in listing
    page = f"/noodtoegang/{opened.id}/"
    assert "paniek" in web.get(page).content.decode()
    missing = web.post(page, {"justified": "ja", "note": ""})
    assert missing.status_code == 400 and "Licht uw oordeel toe" in missing.content.decode()
    done = web.post(page, {"justified": "nee", "note": "De crisisdienst was bereikbaar."})
    assert done.status_code == 302
    use = EmergencyAccess.objects.get(id=opened.id)
    assert use.justified is False and use.reviewed_by.user.username == "pim"
    # the FG reads, reviews nothing; a caseworker sees nothing
    client.logout()
    fg_web = web_of(client, "femke")
    assert f'data-use="{opened.id}"' in fg_web.get("/noodtoegang/").content.decode()
    assert fg_web.post(page, {"justified": "ja", "note": "x"}).status_code == 403
    client.logout()
    assert web_of(client, "bram").get("/noodtoegang/").status_code == 403
