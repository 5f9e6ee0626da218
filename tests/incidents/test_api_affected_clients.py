# SPDX-License-Identifier: EUPL-1.2
"""The clients an incident affected, by hand, through the API (art3.2f; decision 18): POST
/incidents/{incidentId}/affected-clients by `clientId` or by `bsn`, and POST
/incidents/{incidentId}/affected-clients/{affectedId}/detachment with the reason, as the
incident page has them. Bad input names its field and writes nothing; another partner's
incident is not found."""

from __future__ import annotations

import pytest

from tests.apiclient import as_employee, invalid_fields, problem
from tests.conftest import make_employee, make_partner, next_bsn
from tests.incidents.test_services import written
from zorgvuldig.clients.models import Client
from zorgvuldig.gate import services
from zorgvuldig.incidents.models import AffectedClient, DetachedClient
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def api_of(username: str):
    return as_employee(Employee.objects.get(user__username=username))


def affected_path(incident) -> str:
    return f"/incidents/{incident.id}/affected-clients"


def detachment_path(incident, affected_id) -> str:
    return f"/incidents/{incident.id}/affected-clients/{affected_id}/detachment"


def elsewhere_officer():
    return as_employee(
        make_employee(make_partner("Wmo Amerongen"), "otto", role=Role.PRIVACY_OFFICER)
    )


def test_art3_2f_the_privacy_officer_attaches_a_client_by_bsn_over_the_api(
    officer, breach, client_dossier
):
    pim = api_of("pim")
    added = pim.post(affected_path(breach), {"bsn": client_dossier.subject.bsn})
    assert added.status_code == 201, added.content
    (shown,) = added.json()["affected"]
    assert (shown["clientId"], shown["foundBy"]) == (str(client_dossier.id), "manual")
    assert LogRecord.objects.filter(name="incident-betrokkene-koppelen", decision="allowed")
    again = pim.post(affected_path(breach), {"bsn": client_dossier.subject.bsn})
    assert "staat al bij het incident" in invalid_fields(again)["bsn"]
    assert AffectedClient.objects.count() == 1


def test_art3_2f_a_bsn_that_is_invalid_or_of_nobody_here_is_a_400_on_bsn_and_writes_nothing(
    officer, breach, processed
):
    pim = api_of("pim")
    before = written()
    invalid = pim.post(affected_path(breach), {"bsn": "123456789"})
    assert "bsn" in invalid_fields(invalid)
    short = pim.post(affected_path(breach), {"bsn": "123"})
    assert "Geen geldig BSN" in invalid_fields(short)["bsn"]
    nobody = pim.post(affected_path(breach), {"bsn": next_bsn()})
    assert "geen dossier van een cliënt met dit BSN" in invalid_fields(nobody)["bsn"]
    assert written() == before
    # another partner's client is answered alike; the attempt is logged for them as refused
    olaf = Client.objects.get(subject__given_names="Olaf")
    theirs = pim.post(affected_path(breach), {"bsn": olaf.subject.bsn})
    assert "geen dossier van een cliënt met dit BSN" in invalid_fields(theirs)["bsn"]
    assert AffectedClient.objects.count() == 0
    refused = LogRecord.objects.get(name="incident-betrokkene-koppelen", decision="refused")
    assert refused.subject_pseudonym == subject_pseudonym(str(olaf.subject.id))


def test_art3_2f_attaching_takes_a_client_id_or_a_bsn_one_of_them(officer, breach, client_dossier):
    pim = api_of("pim")
    before = written()
    neither = invalid_fields(pim.post(affected_path(breach), {}))
    both = invalid_fields(
        pim.post(
            affected_path(breach),
            {"clientId": str(client_dossier.id), "bsn": client_dossier.subject.bsn},
        )
    )
    for fields in (neither, both):
        assert {"clientId", "bsn"} <= set(fields) and "één van beide" in fields["bsn"]
    assert written() == before


def test_art3_2f_another_partners_incident_is_not_found_over_the_api(
    officer, breach, client_dossier
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    affected = AffectedClient.objects.get()
    otto = elsewhere_officer()
    before = written()
    logged = LogRecord.objects.count()
    problem(otto.post(affected_path(breach), {"bsn": client_dossier.subject.bsn}), 404)
    problem(otto.post(detachment_path(breach, affected.id), {"reason": "Verkeerd."}), 404)
    # nothing but the refused attempts in the log (decision 1: refused attempts are logged)
    attempts = list(LogRecord.objects.order_by("id")[logged:])
    assert attempts and {r.decision for r in attempts} == {"refused"}
    assert written() == before | {"LogRecord": logged + len(attempts)}
    assert AffectedClient.objects.count() == 1 and not DetachedClient.objects.exists()
    # a caseworker reports incidents, does not handle them
    problem(api_of("anna").post(detachment_path(breach, affected.id), {"reason": "x"}), 403)


def test_art3_2f_a_client_attached_by_mistake_is_taken_off_over_the_api_with_why(
    officer, breach, client_dossier
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    affected = AffectedClient.objects.get()
    pim = api_of("pim")
    before = written()
    missing = pim.post(detachment_path(breach, affected.id), {})
    assert "reason" in invalid_fields(missing)
    blank = pim.post(detachment_path(breach, affected.id), {"reason": " "})
    assert "niet door het incident" in invalid_fields(blank)["reason"]
    problem(pim.post(detachment_path(breach, 999_999), {"reason": "Verkeerd."}), 404)
    assert written() == before and not DetachedClient.objects.exists()
    done = pim.post(detachment_path(breach, affected.id), {"reason": "Verkeerde cliënt gekozen."})
    assert done.status_code == 201, done.content
    assert done.json()["affected"] == []
    kept = DetachedClient.objects.get()
    assert (kept.reason, kept.found_by) == ("Verkeerde cliënt gekozen.", "manual")
    assert LogRecord.objects.filter(name="incident-betrokkene-ontkoppelen", decision="allowed")


def test_art3_2f_a_client_whose_letter_went_out_stays_on_the_incident_over_the_api(
    officer, breach, letter_sent
):
    affected = letter_sent
    before = written()
    stays = api_of("pim").post(detachment_path(breach, affected.id), {"reason": "Toch niet."})
    assert "al een brief" in invalid_fields(stays)["affectedId"]
    assert written() == before and AffectedClient.objects.count() == 1
