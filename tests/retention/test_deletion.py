# SPDX-License-Identifier: EUPL-1.2
"""The set-based deletion of the destruction path (art5.2): it follows every foreign key's
``on_delete`` as Django's collector does, and a batch's dossiers are logged together, each
client's record naming the categories of their own data."""

from __future__ import annotations

import datetime

import pytest
from django.db.models import ProtectedError
from django.utils import timezone

from tests import factories
from tests.conftest import inform_and_consent, make_employee, next_bsn
from tests.retention.conftest import end_support
from zorgvuldig.clients.models import Client, SupportTrajectory
from zorgvuldig.consent.models import ConsentDecision, Informing
from zorgvuldig.dossier.models import Annotation, DataItem
from zorgvuldig.gate import services
from zorgvuldig.gate.context import gate_open
from zorgvuldig.gate.services.retention.deletion import Ids, among, delete_rows
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.retention.models import DestructionList, ListEntry, RetentionHold


@pytest.fixture
def hold(officer, client_dossier):
    with gate_open():
        return RetentionHold.objects.create(
            client_id=client_dossier.id,
            partner_id=officer.partner_id,
            reason="Nazorg",
            decided_by_id=officer.employee_id,
            review_on=datetime.date(2030, 1, 1),
        )


def test_a_row_that_a_protecting_key_names_is_not_deleted(client_dossier, hold):
    with gate_open(), pytest.raises(ProtectedError, match="still names these rows"):
        delete_rows(Client.objects.filter(id=client_dossier.id))
    with gate_open():
        assert Client.objects.filter(id=client_dossier.id).exists()
        assert RetentionHold.objects.filter(id=hold.id).exists()


def test_deleting_cascades_and_empties_the_keys_that_ask_for_it(
    actor, officer, client_dossier, hold
):
    with gate_open():
        drawn = DestructionList.objects.create(
            number=1, partner_id=actor.partner_id, due_by=timezone.localdate(),
            author_id=actor.employee_id,
        )  # fmt: skip
        entry = ListEntry.objects.create(
            list=drawn, client_id=client_dossier.id, pseudonym="p", domain="jeugd",
            rule="art5.2", period=2004, kept_through=datetime.date(2009, 12, 31),
        )  # fmt: skip
        mine = {"client_id": client_dossier.id}
        for model in (Annotation, ConsentDecision, Informing, DataItem, SupportTrajectory):
            delete_rows(model.objects.filter(**mine))
        assert delete_rows(Client.objects.filter(id=client_dossier.id)) == 1
        assert not RetentionHold.objects.filter(id=hold.id).exists()  # CASCADE
        entry.refresh_from_db()
        assert entry.client_id is None  # SET_NULL


def test_among_asks_for_the_same_rows_as_in(actor, client_dossier):
    other = services.register_client(
        actor, bsn=next_bsn(), given_names="Tim", surname="Bos",
        birth_date=datetime.date(2011, 1, 1), domain="jeugd", legal_basis="jeugdwet",
        purpose="intake",
    )  # fmt: skip
    with gate_open():
        ids = Ids([client_dossier.id, other.id])
        found = among(Client.objects.all(), "id", ids)
        assert set(found.values_list("id", flat=True)) == {client_dossier.id, other.id}
        # twice with the same ids, and as a subquery of another statement
        nested = SupportTrajectory.objects.filter(client__in=among(Client.objects.all(), "id", ids))
        assert nested.count() == 2
        assert not among(Client.objects.all(), "id", []).exists()


def _second_client(actor):
    """Tim, 13, with his father as legal representative, informed, consent given."""
    tim = services.register_client(
        actor, bsn=next_bsn(), given_names="Tim", surname="Bos",
        birth_date=datetime.date(2013, 1, 1), domain="jeugd", legal_basis="jeugdwet",
        purpose="intake",
    )  # fmt: skip
    father = services.add_relation(
        actor, tim.id, kind="legal-representative", bsn=next_bsn(), given_names="Henk",
        surname="Bos", birth_date=datetime.date(1980, 3, 3), purpose="intake",
    )  # fmt: skip
    inform_and_consent(actor, tim.id, representative_id=father.related.id)
    return tim


def test_art5_2_a_batch_is_logged_together_each_record_with_its_own_categories(
    actor, partner, officer, client_dossier
):
    factories.record(actor, client_dossier.id, "youth", "Zit in groep 8")
    tim = _second_client(actor)
    factories.record(actor, tim.id, "youth", "Groep 7")
    factories.record(actor, tim.id, "household", "Woont bij vader")
    for client in (client_dossier, tim):
        end_support(client)
    reviewer = actor_for(make_employee(partner, "rob"))
    drawn = services.draft_destruction_list(actor, due_by=timezone.localdate())
    services.complete_review(reviewer, drawn.id, destroy_rest=True)
    services.approve_list(officer, drawn.id)
    done = services.run_destruction_list(drawn.id, now=timezone.now() + datetime.timedelta(8))
    assert done.destroyed == 2
    records = {
        r.subject_pseudonym: r
        for r in LogRecord.objects.filter(name="dossier-vernietigen", decision="allowed")
    }
    sanne = records[subject_pseudonym(str(client_dossier.subject.id))]
    other = records[subject_pseudonym(str(tim.subject.id))]
    assert "youth" in sanne.categories and "household" not in sanne.categories
    assert "youth" in other.categories and "household" in other.categories
    assert sanne.trace_id == other.trace_id  # one processing of the batch, logged together
