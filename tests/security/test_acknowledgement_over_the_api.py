# SPDX-License-Identifier: EUPL-1.2
"""art3.2c, art3.2d: a token reaches no more than the pages do. The pages send an employee who
has not acknowledged the protocol in force to acknowledge it first; the functions of a role
that do not pass ``decide()`` (the privacy officer's queue of requests and incidents, the
destruction lists) refuse such an employee's token too (403), where they gave the data before.
Found by the authorisation matrix."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.apiclient import as_employee, problem
from tests.conftest import make_employee
from tests.rights.test_requests import register
from tests.security.world import former_client_due
from zorgvuldig.gate import services
from zorgvuldig.partners.models import ProtocolAcknowledgement, Role

pytestmark = pytest.mark.django_db


def _forget_acknowledgement(employee):
    ProtocolAcknowledgement.objects.filter(employee=employee).delete()
    return as_employee(employee)


def test_art3_2c_an_officer_who_has_not_acknowledged_gets_no_queue_and_no_incident(
    partner, actor, client_dossier
):
    officer = make_employee(partner, "petra", role=Role.PRIVACY_OFFICER)
    register(actor, client_dossier)
    incident = services.report_incident(
        actor,
        nature="wrong-recipient",
        summary="Een brief is naar een verkeerd adres gestuurd.",
        discovered_at=timezone.now() - datetime.timedelta(hours=1),
    )
    api = as_employee(officer)
    assert api.get("/subject-requests").status_code == 200  # acknowledged: the queue
    assert api.get(f"/incidents/{incident.id}").status_code == 200
    api = _forget_acknowledgement(officer)
    for path in ("/subject-requests", "/incidents", f"/incidents/{incident.id}"):
        assert "bevestigd" in problem(api.get(path), 403)["detail"], path


def test_art3_2c_records_staff_who_have_not_acknowledged_get_no_destruction_list(
    partner, caseworker, actor
):
    former_client_due(actor)
    drawn = services.draft_destruction_list(actor, due_by=timezone.localdate())
    reviewer = make_employee(partner, "rob")
    api = as_employee(reviewer)
    assert "Bos" in api.get(f"/destruction-lists/{drawn.id}").content.decode()
    api = _forget_acknowledgement(reviewer)
    for path in ("/destruction-lists", f"/destruction-lists/{drawn.id}"):
        body = problem(api.get(path), 403)
        assert "bevestigd" in body["detail"] and "Bos" not in str(body), path
