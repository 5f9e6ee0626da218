# SPDX-License-Identifier: EUPL-1.2
"""Incidents on the pages (art3.2f; GDPR art. 33 and 34), through Django's test client: the
report form any employee uses, the privacy officer's register and the incident page with its
clock, phases, answers of the AP's form, clients affected, decision on telling them and
closing; the municipality's view with counts. What the pages add to the services is checked:
the gate's errors in the form that was sent (a 400, nothing written), and that the URLs hold no
personal data."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client as WebClient
from django.utils import timezone

from tests.conftest import next_bsn, sign_in
from tests.incidents.conftest import ago
from tests.incidents.test_services import written
from tests.web.test_pages import text_of
from zorgvuldig.clients.models import Client
from zorgvuldig.gate import services
from zorgvuldig.incidents.models import (
    AffectedClient,
    DetachedClient,
    Incident,
    IncidentNotice,
    NotificationPhase,
)
from zorgvuldig.partners.models import Employee
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db

REGISTER = "/incidenten/"
REPORT = "/incidenten/melden/"


def browse(username: str) -> WebClient:
    session = WebClient()
    sign_in(session, Employee.objects.get(user__username=username).user)
    return session


def page_url(incident_id) -> str:
    return f"/incidenten/{incident_id}/"


def local(moment: datetime.datetime) -> str:
    """A time as the browser's picker sends it (the organisation's zone, minutes)."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def step(session, incident_id, name: str, **fields):
    data = {"stap": name, **{f"{name}-{k}": v for k, v in fields.items()}}
    return session.post(page_url(incident_id), data)


def test_art3_2f_any_employee_reports_an_incident_on_the_form(web, officer, municipality):
    register = web.get(REGISTER)
    assert register.status_code == 200
    assert f'href="{REPORT}"' in register.content.decode()
    assert 'id="register"' not in register.content.decode()  # a caseworker has no register
    assert web.get(REPORT).status_code == 200
    sent = web.post(
        REPORT,
        {
            "nature": "lost-or-stolen",
            "summary": "Laptop in de trein laten liggen.",
            "discovered_at": local(ago(1)),
            "categories": ["identification", "health"],
            "people_affected": "40",
        },
        follow=True,
    )
    assert sent.redirect_chain[-1][0] == REGISTER
    found = Incident.objects.get()
    assert (found.nature, found.categories, found.people_affected) == (
        "lost-or-stolen",
        ["identification", "health"],
        40,
    )
    assert timezone.is_aware(found.discovered_at)
    assert IncidentNotice.objects.filter(employee__user__username="gerda").exists()
    assert "Incident 1 " in text_of(sent)


def test_art3_2f_a_report_without_a_discovery_time_is_said_in_the_form(web, officer, municipality):
    before = written()
    sent = web.post(REPORT, {"nature": "hacking", "summary": "Phishingmail geopend."})
    assert sent.status_code == 400
    page = sent.content.decode()
    assert re.search(r'id="id_discovered_at_error".*?ontdekt', page, re.S)
    assert written() == before
    future = web.post(
        REPORT,
        {"nature": "hacking", "summary": "x", "discovered_at": local(ago(-3))},
    )
    assert future.status_code == 400
    assert "toekomst" in future.content.decode()
    assert written() == before


def test_art3_2g_the_incident_page_shows_the_clock_the_phases_and_the_answers(
    officer, breach, client_dossier
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    pim = browse("pim")
    shown = pim.get(page_url(breach.id))
    assert shown.status_code == 200
    page = shown.content.decode()
    assert 'data-clock="running"' in page
    assert re.search(r"(69|70):\d\d", text_of(shown))  # the time left, hours:minutes
    assert 'data-answer="summary"' in page and "Samenvatting van het incident" in page
    assert "Sanne de Vries" in page
    assert f'href="/clienten/{client_dossier.id}/"' in page
    # a notification, late-less, then the register shows its phase
    done = step(pim, breach.id, "melden", kind="provisional", reported_at=local(ago(0.5)))
    assert done.status_code == 302 and done["Location"].endswith("#melding")
    assert NotificationPhase.objects.get().kind == "provisional"
    register = pim.get(REGISTER).content.decode()
    assert f'data-incident="{breach.id}"' in register and 'data-clock="in-time"' in register


def test_art3_2g_a_late_notification_without_reasons_is_said_in_its_form(officer, reported):
    services.update_incident(officer, reported.id, discovered_at=ago(100), started_at=ago(120))
    services.record_awareness(officer, reported.id, aware_at=ago(80), reason="Bevestigd")
    pim = browse("pim")
    before = written()
    sent = step(pim, reported.id, "melden", kind="provisional", reported_at=local(ago(1)))
    assert sent.status_code == 400
    assert re.search(
        r'id="id_melden-delay_reasons_error".*?later dan 72 uur', sent.content.decode(), re.S
    )
    assert written() == before
    assert 'data-clock="overdue"' in sent.content.decode()


def test_art3_2g_the_privacy_officer_takes_the_steps_on_the_page(
    officer, caseworker, reported, client_dossier
):
    pim = browse("pim")
    aware = step(pim, reported.id, "bewust", aware_at=local(ago(2)), reason="Ontvanger belde")
    assert aware.status_code == 302
    found = step(
        pim,
        reported.id,
        "zoeken",
        window_from=local(ago(2)),
        window_to=local(timezone.now()),
        employee=str(caseworker.id),
    )
    assert found.status_code == 302
    told = step(pim, reported.id, "inlichten", outcome="tell", reason="Hoog risico: jeugdhulp")
    assert told.status_code == 302
    shown = services.incident(officer, reported.id)
    assert [a.client_name for a in shown.affected] == ["Sanne de Vries"]
    letter = shown.affected[0].letter
    pdf = pim.get(f"/incidenten/{reported.id}/brieven/{letter.id}/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    failed = pim.post(
        page_url(reported.id),
        {"stap": "brief", "brief": letter.id, f"brief-{letter.id}-status": "failed"},
    )
    assert failed.status_code == 400 and "niet kon worden bezorgd" in failed.content.decode()
    sent = pim.post(
        page_url(reported.id),
        {"stap": "brief", "brief": letter.id, f"brief-{letter.id}-status": "sent"},
    )
    assert sent.status_code == 302
    refused = step(pim, reported.id, "afsluiten", measures="Brief terug, werkwijze aangepast.")
    assert refused.status_code == 400 and "Autoriteit Persoonsgegevens" in refused.content.decode()
    step(pim, reported.id, "melden", kind="final", reported_at=local(ago(1)))
    closed = step(pim, reported.id, "afsluiten", measures="Brief terug, werkwijze aangepast.")
    assert closed.status_code == 302
    page = pim.get(page_url(reported.id)).content.decode()
    assert "data-closed" in page and 'name="stap"' not in page  # nothing left to do


def test_art3_2f_the_municipality_sees_counts_and_a_caseworker_no_incident(
    officer, breach, client_dossier, web
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    gerda = browse("gerda")
    page = gerda.get(page_url(breach.id)).content.decode()
    assert 'data-clients-affected="1"' in page and "Sanne" not in page
    assert 'name="stap"' not in page  # the municipality does not handle it
    assert f'data-incident="{breach.id}"' in gerda.get(REGISTER).content.decode()
    assert web.get(page_url(breach.id)).status_code == 403  # Anna reported, Pim handles
    henk = browse("henk")
    assert henk.get(page_url(breach.id)).status_code == 403


def test_art3_2f_the_urls_of_the_incident_pages_hold_no_personal_data(officer, breach):
    pim = browse("pim")
    page = pim.get(page_url(breach.id)).content.decode()
    links = set(re.findall(r'href="(/incidenten/[^"]*)"', page))
    assert links <= {REGISTER, page_url(breach.id)} | {
        link for link in links if re.fullmatch(r"/incidenten/[0-9a-f-]{36}/brieven/\d+/", link)
    }


def test_art3_2f_the_privacy_officer_attaches_a_client_by_bsn_on_the_page(
    officer, breach, client_dossier, processed
):
    pim = browse("pim")
    assert 'name="koppelen-bsn"' in pim.get(page_url(breach.id)).content.decode()
    done = step(pim, breach.id, "koppelen", bsn=client_dossier.subject.bsn)
    assert done.status_code == 302 and done["Location"].endswith("#betrokkenen")
    attached = AffectedClient.objects.get()
    assert (attached.client_id, attached.found_by) == (client_dossier.id, "manual")
    assert LogRecord.objects.filter(name="incident-betrokkene-koppelen", decision="allowed")
    # twice, a BSN nobody has here, another partner's client: said on the field, nothing added
    elsewhere = Client.objects.get(subject__given_names="Olaf")  # at Wmo Leersum
    for bsn, words in (
        (client_dossier.subject.bsn, "staat al bij het incident"),
        (next_bsn(), "geen dossier van een cliënt met dit BSN"),
        (elsewhere.subject.bsn, "geen dossier van een cliënt met dit BSN"),
        ("123", "Geen geldig BSN"),
    ):
        sent = step(pim, breach.id, "koppelen", bsn=bsn)
        assert sent.status_code == 400
        assert re.search(rf'id="id_koppelen-bsn_error".*?{words}', sent.content.decode(), re.S)
    assert AffectedClient.objects.count() == 1
    # the attempt at the other partner's client is logged for that client, as refused
    assert LogRecord.objects.get(
        name="incident-betrokkene-koppelen", decision="refused"
    ).subject_pseudonym == subject_pseudonym(str(elsewhere.subject.id))


def test_art3_2f_a_wrongly_attached_client_is_taken_off_on_the_page_with_why(
    officer, breach, client_dossier
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    affected = AffectedClient.objects.get()
    pim = browse("pim")
    page = pim.get(page_url(breach.id)).content.decode()
    assert f'name="ontkoppelen-{affected.id}-reason"' in page
    refused = pim.post(page_url(breach.id), {"stap": "ontkoppelen", "betrokkene": affected.id})
    assert refused.status_code == 400
    assert re.search(
        rf'id="id_ontkoppelen-{affected.id}-reason_error".*?niet door het incident',
        refused.content.decode(),
        re.S,
    )
    # nothing written but the page read again (logged for Sanne, as every reading is)
    assert AffectedClient.objects.count() == 1 and not DetachedClient.objects.exists()
    assert not LogRecord.objects.filter(name="incident-betrokkene-ontkoppelen").exists()
    why = "Verkeerde cliënt gekozen: de brief ging over haar buurvrouw."
    done = pim.post(
        page_url(breach.id),
        {
            "stap": "ontkoppelen",
            "betrokkene": affected.id,
            f"ontkoppelen-{affected.id}-reason": why,
        },
    )
    assert done.status_code == 302 and done["Location"].endswith("#betrokkenen")
    assert not AffectedClient.objects.exists()
    detached = DetachedClient.objects.get()
    assert (detached.reason, detached.found_by, detached.detached_by.user.username) == (
        why,
        "manual",
        "pim",
    )
    assert LogRecord.objects.get(name="incident-betrokkene-ontkoppelen").subject_pseudonym == (
        subject_pseudonym(str(client_dossier.subject.id))
    )
    assert "Sanne de Vries" not in pim.get(page_url(breach.id)).content.decode()


def test_art3_2f_only_the_partners_privacy_officer_takes_a_client_off(
    officer, breach, client_dossier, web
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    affected = AffectedClient.objects.get()
    data = {
        "stap": "ontkoppelen",
        "betrokkene": affected.id,
        f"ontkoppelen-{affected.id}-reason": "x",
    }
    gerda = browse("gerda")
    assert (
        f'name="ontkoppelen-{affected.id}-reason"'
        not in gerda.get(page_url(breach.id)).content.decode()
    )
    assert gerda.post(page_url(breach.id), data).status_code == 302  # "cannot be taken now"
    assert (
        gerda.post(
            page_url(breach.id), {"stap": "koppelen", "koppelen-bsn": client_dossier.subject.bsn}
        ).status_code
        == 302
    )
    assert web.post(page_url(breach.id), data).status_code == 403  # Anna, a caseworker
    assert AffectedClient.objects.count() == 1 and not DetachedClient.objects.exists()
