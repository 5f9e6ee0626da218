# SPDX-License-Identifier: EUPL-1.2
"""art3.2c, decision 22: the data protection officer (FG) oversees the partner's processing.
They read its registers (the queue of requests of data subjects and its counts, the incidents
and each incident with the clients it affected, the acknowledgements of the protocol), as the
privacy officer does, and change nothing: every step is refused, on the pages (403, no form)
and in the API (403), and nothing is written."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.apiclient import as_employee, problem
from tests.conftest import make_employee, representative_of, sign_in
from tests.incidents.conftest import ago
from zorgvuldig.core.errors import NotAllowed, NotFound
from zorgvuldig.gate import services
from zorgvuldig.incidents.models import AffectedClient, Incident
from zorgvuldig.partners.acknowledgements import acknowledgement_overview
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import SubjectRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(partner):
    return actor_for(make_employee(partner, "pim", role=Role.PRIVACY_OFFICER))


@pytest.fixture
def fg_employee(partner):
    """Femke, the FG of the Jeugdteam."""
    return make_employee(partner, "femke", role=Role.DATA_PROTECTION_OFFICER)


@pytest.fixture
def fg(fg_employee):
    return actor_for(fg_employee)


@pytest.fixture
def open_request(actor, client_dossier):
    """An overview asked by Sanne's mother and Sanne, received ten days ago."""
    return services.register_request(
        actor,
        client_dossier.id,
        kind="overview",
        requested_by_subject_id=representative_of(client_dossier.id),
        signed_by_subject_ids=[client_dossier.subject.id],
        identity_method="in-person",
        received_on=timezone.localdate() - datetime.timedelta(days=10),
    )


@pytest.fixture
def attached(actor, officer, registered_client):
    """Anna's report of a letter to the wrong address, with Pim's awareness and Sanne
    attached to it."""
    reported = services.report_incident(
        actor,
        nature="wrong-recipient",
        summary="Een brief over de ondersteuning is naar een verkeerd adres gestuurd.",
        discovered_at=ago(3),
        categories=["identification", "youth"],
        people_affected=1,
    )
    services.record_awareness(
        officer, reported.id, aware_at=ago(2), reason="De brief noemt naam en ondersteuning."
    )
    return services.add_affected_client(officer, reported.id, registered_client.id)


def test_art3_2c_the_fg_reads_the_queue_but_changes_nothing(fg, actor, open_request):
    (line,) = services.open_requests(fg)
    assert line.request.id == open_request.id and line.request.client_name == "Sanne de Vries"
    consult = LogRecord.objects.get(name="verzoeken-betrokkenen-raadplegen")
    assert (consult.actor_id, consult.decision) == (str(fg.employee_id), "allowed")
    counts = services.request_counts(fg, year=timezone.localdate().year)
    assert sum(m.received for m in counts.months) == 1
    # handling a request is the privacy officer's: the FG reaches none of its steps
    with pytest.raises(NotFound):
        services.subject_request(fg, open_request.id)
    with pytest.raises(NotFound):
        services.pause_request(fg, open_request.id, reason="Verduidelijking gevraagd.")
    with pytest.raises(NotFound):
        services.withdraw_request(fg, open_request.id)
    assert SubjectRequest.objects.get(id=open_request.id).state == "received"
    # a caseworker reads no queue, not even with a request of their own client in it
    with pytest.raises(NotAllowed):
        services.open_requests(actor)
    with pytest.raises(NotAllowed):
        services.request_counts(actor)


def test_art3_2c_the_fg_reads_the_incidents_but_changes_nothing(fg, attached, registered_client):
    (line,) = services.incident_register(fg)
    assert line.id == attached.id and line.clients_affected == 1
    seen = services.incident(fg, attached.id)
    assert not seen.handled  # they read it; its privacy officer handles it
    assert [a.client_name for a in seen.affected] == ["Sanne de Vries"]
    consult = LogRecord.objects.get(name="incident-raadplegen", actor_id=str(fg.employee_id))
    assert consult.decision == "allowed" and consult.purpose == "accountability"
    assert services.notification_answers(fg, attached.id)  # the answers of the form, read
    (affected,) = seen.affected
    steps = [
        lambda: services.update_incident(fg, attached.id, measures="Adres gecontroleerd."),
        lambda: services.record_awareness(fg, attached.id, aware_at=ago(1), reason="Later."),
        lambda: services.record_notification(
            fg, attached.id, kind="final", reported_at=ago(1), ap_reference="AP-1"
        ),
        lambda: services.exempt_notification(fg, attached.id, reason="Geen risico."),
        lambda: services.add_affected_client(fg, attached.id, registered_client.id),
        lambda: services.detach_affected_client(fg, attached.id, affected.id, reason="Fout."),
        lambda: services.decide_subject_information(
            fg, attached.id, outcome="no-high-risk", reason="Geen hoog risico."
        ),
        lambda: services.close_incident(fg, attached.id, measures="Adres gecontroleerd."),
    ]
    for step in steps:
        with pytest.raises(NotAllowed, match="verandert er niets aan"):
            step()
    found = Incident.objects.get(id=attached.id)
    assert found.closed_at is None and found.measures == "" and not found.exempt_at
    assert found.aware_at == attached.aware_at and not found.phases.exists()
    assert AffectedClient.objects.filter(incident=found).count() == 1


def test_art3_2c_the_fg_reads_the_acknowledgements(fg, actor, partner):
    overview = acknowledgement_overview(fg)
    assert {row.display_name for row in overview.employees} >= {"Anna Test", "Femke Test"}
    with pytest.raises(NotAllowed, match="functionaris gegevensbescherming"):
        acknowledgement_overview(actor)


def test_art3_2d_an_fg_who_has_not_acknowledged_reads_no_queue_and_no_incident(
    partner, open_request, attached
):
    newcomer = actor_for(
        make_employee(partner, "fleur", role=Role.DATA_PROTECTION_OFFICER, acknowledged=False)
    )
    for read in (services.open_requests, services.incident_register):
        with pytest.raises(NotAllowed, match="niet bevestigd"):
            read(newcomer)
    with pytest.raises(NotAllowed, match="niet bevestigd"):
        services.incident(newcomer, attached.id)
    assert not LogRecord.objects.filter(actor_id=str(newcomer.employee_id)).exists()


def test_art3_2c_the_fg_sees_the_same_pages_without_the_forms(
    client, fg_employee, open_request, attached
):
    web = sign_in(client, fg_employee.user)
    menu = web.get(reverse("web:home")).content.decode()
    for name in (
        "rights_queue",
        "acknowledgements",
        "exceptions_register",
        "emergency_accesses",
        "incidents",
    ):
        assert f'href="{reverse(f"web:{name}")}"' in menu, name
    queue = web.get(reverse("web:rights_queue"))
    assert queue.status_code == 200 and "Sanne de Vries" in queue.content.decode()
    assert reverse("web:subject_request", args=[open_request.id]) not in queue.content.decode()
    assert "data-read-only" in queue.content.decode()
    register = web.get(reverse("web:incidents"))
    assert f'data-incident="{attached.id}"' in register.content.decode()
    page = web.get(reverse("web:incident", args=[attached.id]))
    text = page.content.decode()
    assert page.status_code == 200 and "Sanne de Vries" in text and "data-read-only" in text
    assert 'name="stap"' not in text and "<form" not in text.split('id="klok"')[1]
    assert web.get(reverse("web:acknowledgements")).status_code == 200
    sent = web.post(
        reverse("web:incident", args=[attached.id]),
        {"stap": "afsluiten", "afsluiten-measures": "Adres gecontroleerd."},
    )
    assert sent.status_code == 403 and "verandert er niets aan" in sent.content.decode()
    assert Incident.objects.get(id=attached.id).closed_at is None


def test_art3_2c_the_privacy_officer_still_sees_the_forms(client, officer, attached):
    web = sign_in(client, Employee.objects.get(id=officer.employee_id).user)
    text = web.get(reverse("web:incident", args=[attached.id])).content.decode()
    assert 'name="stap"' in text and "data-read-only" not in text


def test_art3_2c_the_fg_reads_the_registers_over_the_api(fg_employee, open_request, attached):
    api = as_employee(fg_employee)
    (line,) = api.get("/subject-requests").json()
    assert line["request"]["id"] == str(open_request.id)
    assert api.get("/subject-request-counts").status_code == 200
    assert [i["id"] for i in api.get("/incidents").json()] == [str(attached.id)]
    body = api.get(f"/incidents/{attached.id}").json()
    assert body["handled"] is False and len(body["affected"]) == 1
    assert api.get("/protocol-acknowledgements").status_code == 200
    problem(api.patch(f"/incidents/{attached.id}", {"measures": "Adres gecontroleerd."}), 403)
    assert Incident.objects.get(id=attached.id).measures == ""
