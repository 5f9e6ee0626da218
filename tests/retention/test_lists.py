# SPDX-License-Identifier: EUPL-1.2
"""Destruction lists (art5.2): drawn up, reviewed by a second person, approved by the privacy
officer, cooled off, carried out through the one destruction path, and accounted for."""

from __future__ import annotations

import datetime
import io

import pypdf
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.conftest import make_employee, make_partner, supporting
from tests.retention.conftest import end_support
from zorgvuldig.clients.models import Client, Subject, SupportTrajectory
from zorgvuldig.consent.models import ConsentDecision
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.retention.models import DestroyedDossier, DestructionList, ListEntry

DAY = datetime.timedelta(days=1)


@pytest.fixture
def reviewer(partner):
    return actor_for(make_employee(partner, "rob"))


@pytest.fixture
def ended(client_dossier, youth_item):
    end_support(client_dossier)
    return client_dossier


def _approved(actor, reviewer, officer):
    drawn = services.draft_destruction_list(actor, due_by=timezone.localdate())
    services.complete_review(reviewer, drawn.id, destroy_rest=True)
    return services.approve_list(officer, drawn.id)


def test_art5_2_a_list_is_reviewed_approved_cooled_off_and_then_destroys_the_dossier(
    actor, reviewer, officer, ended
):
    subject_id = ended.subject.id
    drawn = services.draft_destruction_list(actor, due_by=timezone.localdate())
    assert (drawn.number, drawn.state, drawn.entries, drawn.author) == (1, "review", 1, "Anna Test")
    (entry,) = services.destruction_list(reviewer, drawn.id).page
    assert entry.client_name == "Sanne de Vries" and entry.rule == "jeugdwet-7.3.8"
    assert (entry.domain, entry.period, entry.kept_through) == (
        "jeugd",
        2004,
        datetime.date(2024, 3, 1),
    )
    services.review_entry(reviewer, drawn.id, entry.id, review="destroy")
    services.complete_review(reviewer, drawn.id)
    approved = services.approve_list(officer, drawn.id)
    assert approved.state == "approved" and approved.approver == "Petra Test"
    assert approved.cooling_off_until == approved.approved_at + 7 * DAY
    # during the cooling-off nothing happens
    with pytest.raises(InvalidInput, match="bedenktijd loopt nog"):
        services.run_destruction_list(drawn.id)
    assert DataItem.objects.filter(client_id=ended.id).exists()

    done = services.run_destruction_list(drawn.id, now=timezone.now() + 8 * DAY)
    assert (done.state, done.destroyed, done.kept, done.pending) == ("done", 1, 0, 0)
    assert len(done.page) == 0 and len(services.destruction_list(officer, drawn.id).page) == 1
    # nothing of Sanne is left: not her items, notes, consents, trajectories, nor herself
    assert not DataItem.objects.filter(client_id=ended.id).exists()
    assert not DataItemVersion.objects.filter(item__client_id=ended.id).exists()
    assert not Annotation.objects.filter(client_id=ended.id).exists()
    assert not ConsentDecision.objects.filter(client_id=ended.id).exists()
    assert not SupportTrajectory.objects.filter(client_id=ended.id).exists()
    assert not Client.objects.filter(id=ended.id).exists()
    assert not Subject.objects.filter(id=subject_id).exists()
    # the list keeps the pseudonym only; the ledger says what to destroy again after a restore
    (kept_entry,) = ListEntry.objects.all()
    assert kept_entry.client_id is None and kept_entry.pseudonym == subject_pseudonym(
        str(subject_id)
    )
    assert DestroyedDossier.objects.get().whole_client
    assert LogRecord.objects.filter(name="dossier-vernietigen", decision="allowed").count() == 1
    call_command("log", "verify", stdout=io.StringIO())  # the log still verifies
    with pytest.raises(NotFound):
        services.retention_of_dossier(officer, ended.id)
    # the record of destruction: counts and people, no client
    text = "".join(
        p.extract_text()
        for p in pypdf.PdfReader(io.BytesIO(services.destruction_record(officer, drawn.id))).pages
    )
    assert "Verklaring van vernietiging" in text and "jeugdwet-7.3.8" in text
    assert "Rob Test" in text and "Petra Test" in text and "Sanne" not in text
    # run again: nothing changes
    assert services.run_destruction_list(drawn.id).destroyed == 1


def test_art5_2_the_author_neither_reviews_nor_approves_their_own_list(actor, officer, ended):
    drawn = services.draft_destruction_list(officer, due_by=timezone.localdate())
    with pytest.raises(InvalidInput, match="beoordeelt haar niet zelf"):
        services.complete_review(officer, drawn.id, destroy_rest=True)
    services.complete_review(actor, drawn.id, destroy_rest=True)
    with pytest.raises(InvalidInput, match="keurt haar niet zelf goed"):
        services.approve_list(officer, drawn.id)
    with pytest.raises(NotAllowed, match="Alleen de privacy officer"):
        services.approve_list(actor, drawn.id)


def test_art5_2_an_unapproved_list_is_not_carried_out(actor, ended):
    drawn = services.draft_destruction_list(actor, due_by=timezone.localdate())
    with pytest.raises(InvalidInput, match="Alleen een goedgekeurde lijst"):
        services.run_destruction_list(drawn.id, now=timezone.now() + 30 * DAY)
    assert DataItem.objects.filter(client_id=ended.id).exists()


def test_art5_2_a_review_must_decide_every_dossier(actor, reviewer, ended):
    drawn = services.draft_destruction_list(actor, due_by=timezone.localdate())
    with pytest.raises(InvalidInput, match="Nog 1 dossier"):
        services.complete_review(reviewer, drawn.id)


def test_art5_2_a_keep_on_review_is_a_hold_and_the_run_keeps_the_dossier(
    actor, reviewer, officer, ended
):
    drawn = services.draft_destruction_list(actor, due_by=timezone.localdate())
    (entry,) = services.destruction_list(reviewer, drawn.id).page
    with pytest.raises(InvalidInput):
        services.review_entry(reviewer, drawn.id, entry.id, review="keep", reason="")
    services.review_entry(
        reviewer,
        drawn.id,
        entry.id,
        review="keep",
        reason="Zaak bij de rechter",
        keep_until=timezone.localdate() + 400 * DAY,
    )
    services.complete_review(reviewer, drawn.id)
    services.approve_list(officer, drawn.id)
    done = services.run_destruction_list(drawn.id, now=timezone.now() + 8 * DAY)
    assert (done.destroyed, done.kept) == (0, 1)
    assert ListEntry.objects.get().kept_because == "kept-on-review"
    assert DataItem.objects.filter(client_id=ended.id).exists()


def test_art5_2_a_hold_placed_after_approval_keeps_the_dossier_with_a_logged_reason(
    actor, reviewer, officer, ended
):
    approved = _approved(actor, reviewer, officer)
    services.place_hold(
        officer, ended.id, reason="Broer meldt zich aan", review_on=timezone.localdate() + 60 * DAY
    )
    done = services.run_destruction_list(approved.id, now=timezone.now() + 8 * DAY)
    assert (done.destroyed, done.kept) == (0, 1)
    assert ListEntry.objects.get().kept_because == "hold"
    refused = LogRecord.objects.get(name="dossier-vernietigen")
    assert refused.decision == "refused" and refused.articles == "art5.2"
    assert DataItem.objects.filter(client_id=ended.id).exists()


def test_art5_2_support_that_opened_again_keeps_the_dossier(actor, reviewer, officer, ended):
    approved = _approved(actor, reviewer, officer)
    SupportTrajectory.objects.filter(client_id=ended.id).update(closed_on=None)
    done = services.run_destruction_list(approved.id, now=timezone.now() + 8 * DAY)
    assert ListEntry.objects.get().kept_because == "open-support" and done.kept == 1


def test_art5_2_a_list_returned_in_its_cooling_off_is_not_carried_out(
    actor, reviewer, officer, ended
):
    approved = _approved(actor, reviewer, officer)
    with pytest.raises(InvalidInput, match="reden"):
        services.return_list(officer, approved.id, reason=" ")
    returned = services.return_list(officer, approved.id, reason="Verkeerde peildatum")
    assert returned.state == "returned" and returned.returned_reason == "Verkeerde peildatum"
    with pytest.raises(InvalidInput, match="Alleen een goedgekeurde lijst"):
        services.run_destruction_list(approved.id, now=timezone.now() + 30 * DAY)
    with pytest.raises(InvalidInput, match="Alleen de opsteller"):
        services.resubmit_list(reviewer, approved.id)
    assert services.resubmit_list(actor, approved.id).state == "review"


def test_art5_2_a_dossier_is_on_one_list_at_a_time_and_an_empty_list_is_refused(actor, ended):
    services.draft_destruction_list(actor, due_by=timezone.localdate())
    with pytest.raises(InvalidInput, match="niets van uw organisatie te vernietigen"):
        services.draft_destruction_list(actor, due_by=timezone.localdate())


def test_art5_2_a_long_list_is_written_and_logged_a_part_at_a_time_under_one_trace(
    actor, region, monkeypatch
):
    """Memory stays flat however long a list is: its dossiers are written and their clients
    logged a part at a time (here two), in one transaction and one trace, each client once."""
    from zorgvuldig.gate.services.retention import lists

    monkeypatch.setattr(lists, "_PART", 2)
    drawn = services.draft_destruction_list(actor, due_by=timezone.localdate())
    due = ("Sanne", "Jesse", "Iris")
    assert drawn.entries == 3
    assert set(ListEntry.objects.filter(list_id=drawn.id).values_list("client_id", flat=True)) == {
        region[n].id for n in due
    }
    records = LogRecord.objects.filter(name="vernietigingslijst-opstellen")
    assert sorted(records.values_list("subject_pseudonym", flat=True)) == sorted(
        subject_pseudonym(str(region[n].subject.id)) for n in due
    )
    assert records.values("trace_id").distinct().count() == 1
    assert set(records.values_list("status", "decision", "articles")) == {
        ("ok", "allowed", "art5.2")
    }


@pytest.mark.parametrize("due_by", [None, "2026-12-03", datetime.date(2099, 1, 1)])
def test_a_list_needs_a_real_day_within_a_year(actor, ended, due_by):
    with pytest.raises(InvalidInput) as error:
        services.draft_destruction_list(actor, due_by=due_by)
    assert "dueBy" in error.value.errors


def test_art5_2_destroying_one_partners_dossier_leaves_the_client_elsewhere(
    actor, reviewer, officer, ended
):
    other = supporting(make_partner("Wmo-loket"), ended, "wim")
    SupportTrajectory.objects.filter(client_id=ended.id, partner_id=other.partner_id).update(
        opened_on=datetime.date(2024, 1, 1), closed_on=datetime.date(2025, 1, 1)
    )
    approved = _approved(actor, reviewer, officer)
    services.run_destruction_list(approved.id, now=timezone.now() + 8 * DAY)
    assert not DataItem.objects.filter(client_id=ended.id, partner_id=actor.partner_id).exists()
    assert Client.objects.filter(id=ended.id).exists()
    assert SupportTrajectory.objects.filter(client_id=ended.id).count() == 1
    assert not DestroyedDossier.objects.get().whole_client
    assert ListEntry.objects.get().client_id is None


def test_art5_2_what_a_restore_brings_back_is_destroyed_again(actor, reviewer, officer, ended):
    subject = Subject.objects.get(id=ended.subject.id)
    backup = {
        "subject": {f.attname: getattr(subject, f.attname) for f in Subject._meta.concrete_fields},
        "trajectories": list(SupportTrajectory.objects.filter(client_id=ended.id).values()),
    }
    approved = _approved(actor, reviewer, officer)
    services.run_destruction_list(approved.id, now=timezone.now() + 8 * DAY)
    assert services.reapply_destruction() == 0  # nothing came back
    # a restore from a backup brings Sanne and her trajectory back
    restored = Subject.objects.create(**backup["subject"])
    Client.objects.create(id=ended.id, subject=restored)
    SupportTrajectory.objects.bulk_create(SupportTrajectory(**t) for t in backup["trajectories"])
    assert services.reapply_destruction() == 1
    assert not Client.objects.filter(id=ended.id).exists()
    assert not Subject.objects.filter(id=ended.subject.id).exists()
    again = LogRecord.objects.get(name="dossier-opnieuw-vernietigen")
    assert again.actor_id == "service:retention-reapply" and again.articles == "art5.2"


def test_the_run_command_carries_out_what_is_due_and_says_so(actor, reviewer, officer, ended):
    approved = _approved(actor, reviewer, officer)
    out = io.StringIO()
    call_command("retention", "run", stdout=out, stderr=io.StringIO())
    assert "Geen goedgekeurde lijst om uit te voeren." in out.getvalue()  # cooling off
    DestructionList.objects.update(cooling_off_until=timezone.now() - DAY)
    call_command(
        "retention", "run", "--list", str(approved.number), stdout=out, stderr=io.StringIO()
    )
    assert "Lijst 1: 1 vernietigd, 0 niet vernietigd (Jeugdteam Heuvelrug)." in out.getvalue()
    with pytest.raises(CommandError, match="geen vernietigingslijst 7"):
        call_command("retention", "run", "--list", "7", stdout=out)
