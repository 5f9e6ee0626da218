# SPDX-License-Identifier: EUPL-1.2
"""The one gate: decide, perform, log and annotate in one transaction (decision 0001)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    next_bsn,
    representative_of,
)
from zorgvuldig.clients.models import Client, Subject, SupportTrajectory
from zorgvuldig.core.errors import InvalidInput, ProcessingRefused
from zorgvuldig.dossier.models import DataItem, DataItemVersion
from zorgvuldig.gate import services
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Category, LegalBasis, Operation, Purpose

pytestmark = pytest.mark.django_db


def records_for(client_id):
    subject_id = Client.objects.get(id=client_id).subject_id
    return LogRecord.objects.filter(subject_pseudonym=subject_pseudonym(subject_id)).order_by("id")


def test_intake_records_client_trajectory_and_log(actor, registered_client):
    client_dossier = registered_client
    trajectory = SupportTrajectory.objects.get(client_id=client_dossier.id)
    assert trajectory.legal_basis == "jeugdwet"
    assert list(trajectory.caseworkers.values_list("id", flat=True)) == [actor.employee_id]
    (record,) = records_for(client_dossier.id)
    assert (record.name, record.operation, record.decision) == (
        "client-aanmelden",
        "record",
        "allowed",
    )
    assert record.processing_activity_id == "jeugdwet-jeugdhulp"
    assert record.actor_id == str(actor.employee_id)
    assert record.purpose == "intake" and record.legal_basis == "jeugdwet"
    assert len(record.trace_id) == 32 and len(record.span_id) == 16


def test_art3_2c_consult_by_employee_of_another_partner_is_refused_and_logged(client_dossier):
    other = make_employee(make_partner("Thuiszorg Elders"), "bram")
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_dossier(
            actor_for(other), client_dossier.id, purpose="support-provision", legal_basis="jeugdwet"
        )
    assert refused.value.decision.articles == ("art3.2c",)
    last = records_for(client_dossier.id).last()
    assert (last.decision, last.articles, last.actor_id) == ("refused", "art3.2c", str(other.id))
    assert last.trace_id == refused.value.trace_id


def test_art3_2d_employee_without_acknowledgement_is_refused(partner, client_dossier):
    newcomer = make_employee(partner, "noor", acknowledged=False)
    trajectory = SupportTrajectory.objects.get(client_id=client_dossier.id)
    trajectory.caseworkers.add(newcomer)
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_dossier(
            actor_for(newcomer), client_dossier.id, purpose="support-provision"
        )
    assert refused.value.decision.articles == ("art3.2d",)


def test_art1_employee_of_a_non_partner_cannot_take_in_a_client():
    outsider = make_employee(make_partner("Niet gecommitteerd B.V.", committed=False), "erik")
    with pytest.raises(ProcessingRefused) as refused:
        services.register_client(
            actor_for(outsider),
            bsn=next_bsn(),
            given_names="Piet",
            surname="Klaassen",
            birth_date=datetime.date(1970, 1, 1),
            domain="zorg",
            legal_basis="wmo-2015",
        )
    assert "art1" in refused.value.decision.articles
    assert not Client.objects.exists()
    assert LogRecord.objects.count() == 0  # no subject was created, so nobody to log about


def test_art2_missing_purpose_is_bad_input_and_nothing_is_written(actor):
    with pytest.raises(InvalidInput) as error:
        services.register_client(
            actor,
            bsn=next_bsn(),
            given_names="Piet",
            surname="Klaassen",
            birth_date=datetime.date(1970, 1, 1),
            domain="zorg",
            legal_basis="wmo-2015",
            purpose="",
        )
    assert "purpose" in error.value.errors
    assert not Subject.objects.exists() and not LogRecord.objects.exists()


def test_art2_domain_must_fall_under_the_legal_basis(actor):
    with pytest.raises(InvalidInput) as error:
        services.register_client(
            actor,
            bsn=next_bsn(),
            given_names="Piet",
            surname="Klaassen",
            birth_date=datetime.date(1970, 1, 1),
            domain="jeugd",
            legal_basis="participatiewet",
        )
    assert "legalBasis" in error.value.errors
    assert not Subject.objects.exists()


def test_art2_consult_without_any_support_of_the_client_is_refused(client_dossier, partner):
    colleague = make_employee(partner, "kim")  # same partner, not assigned
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_dossier(
            actor_for(colleague), client_dossier.id, purpose="support-provision"
        )
    assert refused.value.decision.articles == ("art3.2c",)  # no assignment, so no basis either


def test_art3_2c_without_a_named_law_the_gate_takes_that_of_the_actors_support(
    actor, client_dossier
):
    services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    last = records_for(client_dossier.id).last()
    assert (last.decision, last.legal_basis) == ("allowed", "jeugdwet")
    assert last.processing_activity_id == "jeugdwet-jeugdhulp"


def test_art3_2c_supported_under_two_laws_the_actor_names_the_one(actor, client_dossier):
    wmo = SupportTrajectory.objects.create(
        client_id=client_dossier.id,
        partner_id=actor.partner_id,
        domain="zorg",
        legal_basis="wmo-2015",
        opened_on=datetime.date.today(),
    )
    wmo.caseworkers.add(actor.employee_id)
    before = records_for(client_dossier.id).count()
    with pytest.raises(InvalidInput) as unnamed:
        services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    assert "meer dan één wet" in unnamed.value.errors["legalBasis"]
    assert records_for(client_dossier.id).count() == before  # bad input: nothing is logged
    services.consult_dossier(
        actor, client_dossier.id, purpose="support-provision", legal_basis="wmo-2015"
    )
    assert records_for(client_dossier.id).last().legal_basis == "wmo-2015"


@pytest.mark.parametrize(
    ("bsn", "reason"),
    [
        ("123456789", "elfproef"),
        ("12345678", "elfproef"),
        ("abcdefghi", "cijfers"),
        ("", "verplicht"),
    ],
)
def test_invalid_bsn_is_refused_with_the_field_named(actor, bsn, reason):
    with pytest.raises(InvalidInput) as error:
        services.register_client(
            actor,
            bsn=bsn,
            given_names="Piet",
            surname="Klaassen",
            birth_date=datetime.date(1970, 1, 1),
            domain="zorg",
            legal_basis="wmo-2015",
        )
    assert reason in error.value.errors["bsn"]
    assert not Subject.objects.exists() and not LogRecord.objects.exists()


def test_known_bsn_with_other_birth_date_is_refused(actor, registered_client):
    client_dossier = registered_client
    with pytest.raises(InvalidInput) as error:
        services.register_client(
            actor,
            bsn=client_dossier.subject.bsn,
            given_names="Sanne",
            surname="de Vries",
            birth_date=datetime.date(2011, 1, 1),
            domain="jeugd",
            legal_basis="jeugdwet",
        )
    assert "birthDate" in error.value.errors
    assert SupportTrajectory.objects.count() == 1
    assert LogRecord.objects.count() == 1  # the first intake only: nothing written


def test_art3_2a_items_keep_origin_and_every_version(actor, client_dossier):
    item = services.record_item(
        actor,
        client_dossier.id,
        category="contact",
        label="Telefoon",
        value="06-11111111",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    changed = services.change_item(
        actor,
        item.id,
        label="Telefoon",
        value="06-22222222",
        source="Vader",
        method="conversation",
        obtained_on=datetime.date(2026, 2, 1),
        reason="Nieuw nummer",
        purpose="support-provision",
    )
    assert [v.value for v in changed.history] == ["06-22222222", "06-11111111"]
    assert changed.current.source == "Vader" and changed.current.reason == "Nieuw nummer"
    assert changed.history[1].source == "Moeder"
    assert DataItemVersion.objects.filter(item_id=item.id).count() == 2
    names = list(records_for(client_dossier.id).values_list("name", flat=True))
    assert names[-2:] == ["gegeven-vastleggen", "gegeven-wijzigen"]


def test_art6_1_items_of_another_partner_stay_out_of_the_dossier(actor, client_dossier):
    services.record_item(
        actor,
        client_dossier.id,
        category="youth",
        label="School",
        value="De Linde",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    other = make_employee(make_partner("Wmo-aanbieder"), "jeroen")
    services.register_client(
        actor_for(other),
        bsn=client_dossier.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client_dossier.subject.birth_date,
        domain="zorg",
        legal_basis="wmo-2015",
    )
    theirs = services.consult_dossier(
        actor_for(other), client_dossier.id, purpose="support-provision"
    )
    assert theirs.items == ()
    assert [t.legal_basis for t in theirs.trajectories] == ["wmo-2015"]
    ours = services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    assert [i.current.value for i in ours.items] == ["De Linde"]


def test_consult_logs_one_record_per_data_subject(actor, client_dossier):
    relation = services.add_relation(
        actor,
        client_dossier.id,
        kind="parent",
        bsn=next_bsn(),
        given_names="Marieke",
        surname="de Vries",
        birth_date=datetime.date(1985, 3, 3),
        purpose="assessment",
    )
    services.record_item(
        actor,
        client_dossier.id,
        subject_id=relation.related.id,
        category="contact",
        label="Telefoon moeder",
        value="06-33333333",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    dossier = services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    consults = LogRecord.objects.filter(name="dossier-raadplegen")
    assert {r.subject_pseudonym for r in consults} == {
        subject_pseudonym(client_dossier.subject.id),
        subject_pseudonym(relation.related.id),
        subject_pseudonym(representative_of(client_dossier.id)),
    }
    assert len({r.trace_id for r in consults}) == 1
    assert {r.kind for r in dossier.relations} == {"parent", "legal-representative"}


def test_closed_trajectory_ends_access(actor, client_dossier):
    trajectory = SupportTrajectory.objects.get(client_id=client_dossier.id)
    SupportTrajectory.objects.filter(id=trajectory.id).update(opened_on=datetime.date(2025, 1, 1))
    services.close_trajectory(
        actor,
        trajectory.id,
        closed_on=datetime.date(2026, 1, 1),
        ending="goals-reached",
        purpose="support-provision",
    )
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    assert "art3.2c" in refused.value.decision.articles


def test_art3_2c_household_director_reaches_the_members(actor, client_dossier):
    director = make_employee(make_partner("Gemeente"), "marloes")
    services.create_household(
        actor,
        client_dossier.id,
        name="Gezin De Vries",
        member_client_ids=[],
        director_id=director.id,
        plan="Eén plan",
    )
    # the director's own organisation informs and asks consent too (art4.1, art4.2)
    inform_and_consent(
        actor_for(director),
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        legal_basis="jeugdwet",
    )
    dossier = services.consult_dossier(
        actor_for(director), client_dossier.id, purpose="integrated-support", legal_basis="jeugdwet"
    )
    assert dossier.households[0].plan == "Eén plan"


def test_assigning_an_employee_of_another_partner_is_refused(actor, client_dossier):
    other = make_employee(make_partner("Elders"), "bram")
    trajectory = SupportTrajectory.objects.get(client_id=client_dossier.id)
    with pytest.raises(InvalidInput) as error:
        services.assign_caseworker(
            actor, trajectory.id, employee_id=other.id, purpose="support-provision"
        )
    assert "employeeId" in error.value.errors
    assert trajectory.caseworkers.count() == 1


def test_failure_while_performing_keeps_nothing_and_logs_an_error(actor, client_dossier):
    def perform(decision):
        DataItem.objects.create(
            client_id=client_dossier.id,
            subject_id=client_dossier.subject.id,
            category="contact",
            partner_id=actor.partner_id,
        )
        raise RuntimeError("disk full")

    processing = Processing(
        name="test",
        actor=actor,
        operation=Operation.RECORD,
        categories=(Category.CONTACT,),
        purpose=Purpose.ASSESSMENT,
        legal_basis=LegalBasis.YOUTH_ACT,
        client_id=client_dossier.id,
    )
    with pytest.raises(RuntimeError):
        process(processing, perform)
    assert not DataItem.objects.exists()
    last = records_for(client_dossier.id).last()
    assert (last.name, last.status, last.decision) == ("test", "error", "allowed")


def test_refused_processing_never_performs(client_dossier):
    outsider = make_employee(make_partner("Elders"), "bram")
    performed = []
    processing = Processing(
        name="test",
        actor=actor_for(outsider),
        operation=Operation.CONSULT,
        categories=(Category.CONTACT,),
        purpose=Purpose.ASSESSMENT,
        legal_basis=LegalBasis.YOUTH_ACT,
        client_id=client_dossier.id,
    )
    with pytest.raises(ProcessingRefused):
        process(processing, lambda d: performed.append(d) or Performed(None))
    assert performed == []


def test_art3_2b_bsn_and_values_are_encrypted_at_rest(actor, client_dossier):
    services.record_item(
        actor,
        client_dossier.id,
        category="health",
        label="Diagnose",
        value="ADHD",
        source="Huisarts",
        method="document",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT bsn, bsn_index FROM clients_subject")
        stored_bsn, index = cursor.fetchone()
        cursor.execute("SELECT value FROM dossier_dataitemversion")
        (stored_value,) = cursor.fetchone()
    assert client_dossier.subject.bsn not in stored_bsn + index
    assert "ADHD" not in stored_value
    assert (
        services.search_clients(actor, purpose="support-provision", bsn=client_dossier.subject.bsn)[
            0
        ].id
        == client_dossier.id
    )


def test_art5_1_listing_trajectories_consults_identification_only(actor, client_dossier):
    services.record_item(
        actor,
        client_dossier.id,
        category="health",
        label="Diagnose",
        value="ADHD",
        source="Huisarts",
        method="document",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
    (trajectory,) = services.list_trajectories(
        actor, client_dossier.id, purpose="support-provision"
    )
    assert trajectory.legal_basis == "jeugdwet"
    assert records_for(client_dossier.id).last().categories == "identification"
    services.list_relations(actor, client_dossier.id, purpose="support-provision")
    assert records_for(client_dossier.id).last().categories == "identification"


def test_item_about_an_unrelated_or_malformed_subject_is_refused(actor, client_dossier):
    for subject_id in ["not-a-uuid", "6f1c1f1e-0000-4000-8000-000000000000"]:
        with pytest.raises(InvalidInput) as error:
            services.record_item(
                actor,
                client_dossier.id,
                subject_id=subject_id,
                category="contact",
                label="x",
                value="y",
                source="z",
                method="conversation",
                obtained_on=datetime.date(2026, 1, 5),
                purpose="assessment",
            )
        assert "subjectId" in error.value.errors
    assert not DataItem.objects.exists()


def test_annotations_a_processing_asks_for_land_in_the_dossier_with_its_trace(
    actor, client_dossier
):
    processing = Processing(
        name="test",
        actor=actor,
        operation=Operation.USE,
        categories=(Category.CONTACT,),
        purpose=Purpose.SUPPORT_PROVISION,
        legal_basis=LegalBasis.YOUTH_ACT,
        client_id=client_dossier.id,
    )
    outcome = process(
        processing, lambda d: Performed(None, annotations=[("art4.6", "Noodzakelijk omdat ...")])
    )
    notes = services.consult_dossier(
        actor, client_dossier.id, purpose="support-provision"
    ).annotations
    (note,) = [n for n in notes if n.article == "art4.6"]
    assert (note.article, note.text, note.trace_id) == (
        "art4.6",
        "Noodzakelijk omdat ...",
        outcome.trace_id,
    )


@pytest.mark.parametrize("malformed", ["not-a-uuid", "123", ""])
def test_a_malformed_id_is_not_found_not_a_crash(actor, malformed):
    from zorgvuldig.core.errors import NotFound

    with pytest.raises(NotFound):
        services.consult_dossier(actor, malformed, purpose="support-provision")
    with pytest.raises(NotFound):
        services.item_history(actor, malformed, purpose="support-provision")
    with pytest.raises(NotFound):
        services.close_trajectory(
            actor,
            malformed,
            closed_on=datetime.date(2026, 1, 1),
            ending="goals-reached",
            purpose="support-provision",
        )
