# SPDX-License-Identifier: EUPL-1.2
"""art3.2c: the roles of a partner's employees and what each reaches through the gate
(decision 22); the dossier names them with their reason."""

from __future__ import annotations

import datetime
from dataclasses import astuple

import pytest

from tests.conftest import make_employee, make_partner, sign_in
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.core.errors import NotAllowed, ProcessingRefused
from zorgvuldig.gate import services, validation
from zorgvuldig.partners.models import ROLE_ACCESS, Employee, Role, access_of
from zorgvuldig.partners.services import actor_for, why_not_director
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 1, 5)


def assign(employee: Employee, client) -> None:
    SupportTrajectory.objects.get(client_id=client.id).caseworkers.add(employee)


def consult(employee: Employee, client, purpose="support-provision"):
    return services.consult_dossier(
        actor_for(employee), client.id, purpose=purpose, legal_basis="jeugdwet"
    )


def test_art3_2c_every_role_is_described_in_the_one_table():
    assert set(ROLE_ACCESS) == set(Role)
    assert access_of("no-such-role") == access_of(None)  # an unknown role reaches nothing
    assert not any(astuple(access_of(None)))


@pytest.mark.parametrize(
    "role", [Role.ADMINISTRATOR, Role.INCIDENT_REPORTER, Role.DATA_PROTECTION_OFFICER]
)
def test_art3_2c_a_role_without_casework_is_refused_even_when_assigned(
    partner, client_dossier, role
):
    employee = make_employee(partner, "bram", role=role)
    assign(employee, client_dossier)
    with pytest.raises(ProcessingRefused) as refused:
        consult(employee, client_dossier)
    assert "art3.2c" in refused.value.decision.articles
    record = LogRecord.objects.filter(name="dossier-raadplegen").latest("start_time")
    assert (record.actor_id, record.decision) == (str(employee.id), "refused")
    # nor is such an employee listed as having access through the assignment
    dossier = consult(Employee.objects.get(user__username="anna"), client_dossier)
    assert ("Bram Test", "assigned") not in {(a.name, a.why) for a in dossier.access}


@pytest.mark.parametrize("role", [Role.TEAM_LEAD, Role.DIRECTOR, Role.VEILIG_THUIS_LIAISON])
def test_art3_2c_a_role_in_the_support_reaches_its_assigned_clients_only(
    partner, client_dossier, role
):
    employee = make_employee(partner, "tamara", role=role)
    with pytest.raises(ProcessingRefused) as refused:
        consult(employee, client_dossier)
    assert "niet betrokken bij de ondersteuning" in refused.value.decision.explanation
    assign(employee, client_dossier)
    assert consult(employee, client_dossier).items is not None


def test_art3_2c_a_team_lead_and_a_director_may_direct_a_household_an_fg_not(partner):
    assert why_not_director(make_employee(partner, "tamara", role=Role.TEAM_LEAD)) is None
    assert why_not_director(make_employee(partner, "ruud", role=Role.DIRECTOR)) is None
    fg = make_employee(partner, "femke", role=Role.DATA_PROTECTION_OFFICER)
    assert "Alleen een hulpverlener kan regisseur zijn" in why_not_director(fg)


def _note_without_consent(actor, client):
    services.record_item(
        actor,
        client.id,
        category="youth",
        label="Signaal",
        value="Verzuim",
        source="School",
        method="partner",
        obtained_on=DAY,
        purpose="assessment",
        justification=validation.justification("serious-risk", "Kind komt ondervoed op school."),
    )


def test_art3_2c_the_privacy_officer_sees_no_dossier_content_without_a_request(
    partner, actor, client_dossier
):
    _note_without_consent(actor, client_dossier)
    officer = make_employee(partner, "petra", role=Role.PRIVACY_OFFICER)
    own = services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    assert own.relations and own.annotations  # the caseworker sees the notes and relations
    seen = consult(officer, client_dossier, purpose="accountability")
    assert [i.category for i in seen.items] == ["identification"] or not seen.items
    assert seen.relations == () and seen.annotations == () and seen.households == ()
    assert seen.subject.full_name  # who the client is, for accountability
    # while a request of the data subject is open, the officer handling it sees them
    services.register_request(
        actor,
        client_dossier.id,
        kind="overview",
        requested_by_subject_id=own.relations[0].related.id,
        signed_by_subject_ids=[client_dossier.subject.id],
        identity_method="in-person",
        identity_note="Paspoort getoond.",
        received_on=datetime.date.today(),
    )
    handling = consult(officer, client_dossier, purpose="accountability")
    assert handling.relations and handling.annotations
    assert {(a.name, a.why) for a in handling.access} >= {("Petra Test", "privacy-officer-request")}


def test_art3_2c_the_data_protection_officer_sees_who_the_client_is_only(
    partner, actor, client_dossier
):
    _note_without_consent(actor, client_dossier)
    fg = make_employee(partner, "femke", role=Role.DATA_PROTECTION_OFFICER)
    seen = consult(fg, client_dossier, purpose="accountability")
    assert seen.relations == () and seen.annotations == ()
    assert all(i.category == "identification" for i in seen.items)
    assert "functionaris gegevensbescherming" in seen.refusal
    with pytest.raises(ProcessingRefused):
        services.record_item(
            actor_for(fg),
            client_dossier.id,
            category="contact",
            label="Telefoon",
            value="06-1",
            source="Cliënt",
            method="conversation",
            obtained_on=DAY,
            purpose="accountability",
            legal_basis="jeugdwet",
        )
    assert ("Femke Test", "data-protection-officer") in {(a.name, a.why) for a in seen.access}


def test_art3_2c_the_veilig_thuis_liaison_reaches_the_client_of_an_open_meldcode_case(
    partner, actor, client_dossier
):
    liaison = make_employee(partner, "ingrid", role=Role.VEILIG_THUIS_LIAISON)
    with pytest.raises(ProcessingRefused):
        consult(liaison, client_dossier, purpose="safety")
    services.open_safety_case(actor, client_dossier.id, signals="Blauwe plekken", taken_on=DAY)
    dossier = services.consult_dossier(actor_for(liaison), client_dossier.id, purpose="safety")
    assert dossier.subject.full_name
    assert ("Ingrid Test", "veilig-thuis-liaison") in {(a.name, a.why) for a in dossier.access}
    with pytest.raises(ProcessingRefused):  # not for the ordinary support
        consult(liaison, client_dossier)


def test_art3_2c_the_dossier_page_names_the_new_roles(client, partner, client_dossier):
    make_employee(partner, "femke", role=Role.DATA_PROTECTION_OFFICER)
    make_employee(partner, "iris", role=Role.INCIDENT_REPORTER)
    web = sign_in(client, Employee.objects.get(user__username="anna").user)
    page = web.get(f"/clienten/{client_dossier.id}/?doel=support-provision").content.decode()
    assert 'data-why="data-protection-officer"' in page and "Femke Test" in page
    assert "Iris" not in page


def test_art3_2c_the_functional_administrator_sets_roles_in_the_admin(client, partner):
    administrator = make_employee(make_partner("Gemeente"), "beheer", role=Role.ADMINISTRATOR)
    administrator.user.is_staff = administrator.user.is_superuser = True
    administrator.user.save()
    employee = make_employee(partner, "tamara")
    web = sign_in(client, administrator.user)
    page = web.get(f"/beheer/partners/employee/{employee.id}/change/").content.decode()
    for role in Role:
        assert f'value="{role.value}"' in page
    answer = web.post(
        f"/beheer/partners/employee/{employee.id}/change/",
        {
            "user": employee.user_id,
            "partner": partner.id,
            "role": Role.TEAM_LEAD.value,
            "is_active": "on",
            "acknowledgements-TOTAL_FORMS": "1",
            "acknowledgements-INITIAL_FORMS": "1",
            "acknowledgements-MIN_NUM_FORMS": "0",
            "acknowledgements-MAX_NUM_FORMS": "1000",
            "acknowledgements-0-id": employee.acknowledgements.get().id,
            "acknowledgements-0-employee": employee.id,
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    employee.refresh_from_db()
    assert employee.role == Role.TEAM_LEAD


def test_art3_2c_the_data_protection_officer_reads_the_register_of_exceptions(
    partner, actor, registered_client
):
    _note_without_consent(actor, registered_client)  # not informed, no consent: art4.6
    fg = actor_for(make_employee(partner, "femke", role=Role.DATA_PROTECTION_OFFICER))
    (entry,) = services.exceptions_register(fg)
    assert entry.client_id == registered_client.id and entry.article == "art4.6"
    reporter = actor_for(make_employee(partner, "iris", role=Role.INCIDENT_REPORTER))
    with pytest.raises(NotAllowed):
        services.exceptions_register(reporter)
