# SPDX-License-Identifier: EUPL-1.2
"""The resident's pages (decision 25): signing in through the DigiD mock of
django-digid-eherkenning, who is signed in, the processings, new ones since the page was shown,
the art9.1 answer when nothing is processed, consents and withdrawing one (art4.5), and bad
input answered with a clear error and nothing written."""

from __future__ import annotations

import time

import pytest

from tests import factories
from tests.conftest import next_bsn
from tests.resident.conftest import sign_in_with_digid
from zorgvuldig.consent.models import ConsentDecision
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.web.resident.session import KEY

pytestmark = pytest.mark.django_db


def test_art9_1_a_resident_signs_in_with_the_digid_mock_and_sees_their_processings(
    client, actor, adult
):
    joost, bsn = adult
    factories.record(actor, joost.id, category="housing", value="Trap")
    page = sign_in_with_digid(client, bsn)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Joost Bakker" in text  # who is signed in
    assert 'data-testid="signed-in"' in text
    assert "Jeugdteam Heuvelrug" in text and "art. 4 lid 2" in text
    assert "anna" not in text.lower()  # organisations and roles, never the employee
    assert 'src="/static/web/resident.js"' in text and "<script>" not in text


def test_art9_1_new_processings_come_without_reloading(client, actor, adult):
    joost, bsn = adult
    page = sign_in_with_digid(client, bsn)
    latest = page.context["latest"]
    assert client.get("/mijn/verwerkingen/nieuw/", {"na": latest}).json()["count"] == 0
    factories.record(actor, joost.id, category="housing", value="Lift")
    news = client.get("/mijn/verwerkingen/nieuw/", {"na": latest}).json()
    assert (
        news["count"] == 1 and news["latest"] > latest and "gegeven-vastleggen" not in news["rows"]
    )
    assert "Jeugdteam Heuvelrug" in news["rows"]


def test_art9_1_a_resident_without_data_is_told_nothing_is_processed(client):
    before = LogRecord.objects.count()
    page = sign_in_with_digid(client, next_bsn())
    text = page.content.decode()
    assert 'data-testid="nothing"' in text and "BSN" in text
    assert LogRecord.objects.count() == before


def test_a_malformed_bsn_at_the_acs_signs_nobody_in(client):
    answer = client.get("/digid/acs/", {"bsn": "12345678x"}, follow=True)
    assert answer.redirect_chain[-1][0] == "/mijn/inloggen/"
    assert "DigiD" in answer.content.decode() and KEY not in client.session
    assert client.get("/mijn/").status_code == 302


def test_an_expired_session_is_ended_and_says_so(client, adult, settings):
    _, bsn = adult
    sign_in_with_digid(client, bsn)
    session = client.session
    part = session[KEY]
    part["seen"] = time.time() - 60 * settings.ZORGVULDIG_RESIDENT_IDLE_MINUTES - 1
    session[KEY] = part
    session.save()
    before = LogRecord.objects.count()
    answer = client.get("/mijn/", follow=True)
    assert answer.redirect_chain[-1][0] == "/mijn/inloggen/"
    assert "sessie" in answer.content.decode() or "session" in answer.content.decode()
    assert KEY not in client.session
    assert client.get("/mijn/verwerkingen/nieuw/").status_code == 401
    assert LogRecord.objects.count() == before


def test_a_session_ends_at_the_latest_after_its_longest_time(client, adult, settings):
    _, bsn = adult
    sign_in_with_digid(client, bsn)
    session = client.session
    part = session[KEY]
    part["since"] = time.time() - 60 * settings.ZORGVULDIG_RESIDENT_MAX_MINUTES - 1
    session[KEY] = part
    session.save()
    assert client.get("/mijn/").status_code == 302


def test_art4_5_the_resident_withdraws_a_consent_on_the_page(client, adult):
    joost, bsn = adult
    sign_in_with_digid(client, bsn)
    page = client.get("/mijn/toestemmingen/")
    share = next(d for d in page.context["partners"][0].in_force if d.scope == "share")
    done = client.post(f"/mijn/toestemmingen/{share.id}/intrekken/", follow=True)
    assert done.status_code == 200
    assert ConsentDecision.objects.filter(client_id=joost.id, state="withdrawn").count() == 1


def test_art4_5_withdrawing_someone_elses_consent_on_the_page_writes_nothing(
    client, adult, client_dossier
):
    _, bsn = adult
    sign_in_with_digid(client, bsn)
    theirs = ConsentDecision.objects.filter(client_id=client_dossier.id).first()
    before = (ConsentDecision.objects.count(), LogRecord.objects.count())
    answer = client.post(f"/mijn/toestemmingen/{theirs.id}/intrekken/")
    assert answer.status_code == 302
    assert (ConsentDecision.objects.count(), LogRecord.objects.count()) == before
    assert "niet van u" in client.get(answer.url).content.decode()


def test_art10_1_another_persons_view_is_not_found(client, adult, client_dossier):
    _, bsn = adult
    sign_in_with_digid(client, bsn)
    before = LogRecord.objects.count()
    assert client.get("/mijn/", {"voor": str(client_dossier.subject.id)}).status_code == 404
    answer = client.get("/mijn/verwerkingen/nieuw/", {"voor": str(client_dossier.subject.id)})
    assert answer.status_code == 404
    assert LogRecord.objects.count() == before
