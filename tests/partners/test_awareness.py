# SPDX-License-Identifier: EUPL-1.2
"""Staying aware of the protocol (art3.2d, art3.2e): an acknowledgement lapses after the
months the version sets, a new one is kept beside it, and the privacy officer sees who
acknowledged what, when, and who is due."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.apiclient import as_employee, problem
from tests.conftest import make_employee, sign_in
from zorgvuldig.core.errors import NotAllowed, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.partners.acknowledgements import acknowledgement_overview
from zorgvuldig.partners.models import ProtocolAcknowledgement, Role
from zorgvuldig.partners.services import acknowledge, actor_for, has_acknowledged
from zorgvuldig.protocol import awareness, loader

D = datetime.date


def _acknowledged_months_ago(employee, months: int) -> None:
    then = timezone.now() - datetime.timedelta(days=31 * months)
    ProtocolAcknowledgement.objects.filter(employee=employee).update(acknowledged_at=then)


def test_art3_2e_an_acknowledgement_lapses_on_the_day_the_months_have_passed():
    assert awareness.due_on(D(2026, 1, 31), 12) == D(2027, 1, 31)
    assert not awareness.lapsed(D(2026, 1, 31), 12, D(2027, 1, 30))
    assert awareness.lapsed(D(2026, 1, 31), 12, D(2027, 1, 31))
    assert not awareness.lapsed(D(2010, 1, 1), None, D(2027, 1, 31))  # the version asks none
    for version in loader.load_all().values():  # both versions ask it yearly
        assert version.reacknowledge_months == 12


@pytest.mark.django_db
def test_art3_2e_after_a_year_the_gate_refuses_until_the_employee_acknowledges_again(
    actor, caseworker, client_dossier
):
    services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    _acknowledged_months_ago(caseworker, 13)
    assert not has_acknowledged(caseworker)
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    assert "art3.2e" in refused.value.decision.articles
    assert "verlopen" in refused.value.decision.explanation
    acknowledge(caseworker)
    assert ProtocolAcknowledgement.objects.filter(employee=caseworker).count() == 2  # both kept
    assert has_acknowledged(caseworker)
    services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    acknowledge(caseworker)  # still standing: nothing new
    assert ProtocolAcknowledgement.objects.filter(employee=caseworker).count() == 2


@pytest.mark.django_db
def test_art3_2d_never_acknowledged_is_refused_under_art3_2d_not_3_2e(partner, client_dossier):
    newcomer = make_employee(partner, "nina", acknowledged=False)
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_dossier(
            actor_for(newcomer), client_dossier.id, purpose="support-provision"
        )
    assert "art3.2d" in refused.value.decision.articles
    assert "art3.2e" not in refused.value.decision.articles


@pytest.mark.django_db
def test_art3_2e_the_privacy_officer_sees_who_acknowledged_when_and_who_is_due(partner, caseworker):
    officer = make_employee(partner, "petra", role=Role.PRIVACY_OFFICER)
    lapsed = make_employee(partner, "lars")
    _acknowledged_months_ago(lapsed, 13)
    make_employee(partner, "nina", acknowledged=False)
    overview = acknowledgement_overview(actor_for(officer))
    assert overview.protocol_version and overview.reacknowledge_months == 12
    states = {row.display_name: row.state for row in overview.employees}
    assert states == {
        "Nina Test": "never",
        "Lars Test": "lapsed",
        "Anna Test": "current",
        "Petra Test": "current",
    }
    assert [row.display_name for row in overview.employees][:2] == ["Nina Test", "Lars Test"]
    anna = next(r for r in overview.employees if r.display_name == "Anna Test")
    assert anna.due_on == awareness.due_on(timezone.localdate(anna.acknowledged_at), 12)
    assert len(anna.history) == 1
    with pytest.raises(NotAllowed):
        acknowledgement_overview(actor_for(caseworker))
    # the same through the API (partners:read) and on the page
    body = as_employee(officer).get("/protocol-acknowledgements").json()
    assert {e["displayName"]: e["state"] for e in body["employees"]} == states
    problem(as_employee(caseworker).get("/protocol-acknowledgements"), 403)


@pytest.mark.django_db
def test_art3_2e_the_pages_show_the_overview_and_the_lapsed_acknowledgement(
    client, partner, caseworker
):
    officer = make_employee(partner, "petra", role=Role.PRIVACY_OFFICER)
    sign_in(client, officer.user)
    page = client.get("/protocol/bevestigingen/")
    assert page.status_code == 200 and 'data-state="current"' in page.content.decode()
    sign_in(client, caseworker.user)
    assert client.get("/protocol/bevestigingen/").status_code == 403
    _acknowledged_months_ago(caseworker, 13)
    asked = client.get("/protocol/")
    assert "data-lapsed" in asked.content.decode()
    client.post("/protocol/", {"next": "/"})
    assert has_acknowledged(caseworker)
