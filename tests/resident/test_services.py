# SPDX-License-Identifier: EUPL-1.2
"""The resident's own view through the gate (decision 25): every processing of their data,
what is held back (art9.3) or never shown, the art9.1 answer when nothing is processed,
consents and their withdrawal (art4.5), and whose view a resident may open (art10.1)."""

from __future__ import annotations

import pytest

from tests import factories
from tests.conftest import inform_and_consent, next_bsn
from tests.resident.conftest import years_ago
from zorgvuldig.clients.models import Subject
from zorgvuldig.consent.models import ConsentDecision
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.processing_log import verify
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def _share(actor, client, desk):
    item = factories.record(actor, client.id, category="housing", value="Trap naar boven")
    return services.share_items(
        actor,
        client.id,
        item_ids=[item.id],
        recipient_partner_id=desk.id,
        purpose="support-provision",
    )


def test_art9_1_the_resident_sees_a_share_with_its_recipient_article_and_role(
    actor, adult, wmo_desk
):
    client, bsn = adult
    _share(actor, client, wmo_desk)
    me = services.resident_by_bsn(bsn)
    assert me.subject_id == client.subject.id and me.name == "Joost Bakker"
    log = services.resident_processings(me.subject_id)
    shared = next(e for e in log.entries if e.name == "gegevens-delen")
    assert shared.partner == "Jeugdteam Heuvelrug" and shared.by == "caseworker"
    assert shared.recipients == ("Wmo-loket Heuvelrug",) and shared.operation == "share"
    assert shared.articles and shared.purpose == "support-provision"
    # organisations and roles, never an employee
    assert all("anna" not in str(e) and "wim" not in str(e) for e in log.entries)


def test_art9_1_reading_the_view_is_logged_but_not_listed_to_the_resident(actor, adult):
    _, bsn = adult
    me = services.resident_by_bsn(bsn)
    before = LogRecord.objects.count()
    first = services.resident_processings(me.subject_id)
    views = LogRecord.objects.filter(name="eigen-verwerkingen-raadplegen")
    assert views.count() == 1 and LogRecord.objects.count() == before + 1
    assert views.get().actor_id.startswith("resident:") and views.get().articles == "art9.1"
    again = services.resident_processings(me.subject_id)
    assert [e.id for e in again.entries] == [e.id for e in first.entries]
    # what happened since the newest row: nothing new, and nothing logged for reading nothing
    newest = max(e.id for e in first.entries)
    count = LogRecord.objects.count()
    assert services.resident_processings(me.subject_id, after=newest).entries == ()
    assert LogRecord.objects.count() == count
    assert verify.verify().ok


def test_art9_1_a_resident_zorgvuldig_knows_nothing_of_is_told_nothing_is_processed(db):
    before = LogRecord.objects.count()
    me = services.resident_by_bsn(next_bsn())
    assert me.subject_id is None and me.name == "" and len(me.bsn_ending) == 3
    assert LogRecord.objects.count() == before


def test_a_malformed_bsn_is_refused_with_nothing_written(db):
    before = LogRecord.objects.count()
    with pytest.raises(InvalidInput) as error:
        services.resident_by_bsn("123456789")
    assert "bsn" in error.value.errors
    assert LogRecord.objects.count() == before


def test_art9_3_meldcode_and_veilig_thuis_are_held_back_until_released(actor, client_dossier):
    sanne = client_dossier.subject.id
    signal = factories.record(actor, client_dossier.id, category="safety-signals", value="Signalen")
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[signal.id],
        report_reference="VT-2026-7",
        purpose="safety",
    )
    log = services.resident_processings(sanne)
    assert not any(e.name == "gegevens-delen" for e in log.entries)
    assert not any(e.purpose == "safety" for e in log.entries)
    trace = (
        LogRecord.objects.filter(subject_pseudonym=subject_pseudonym(sanne), name="gegevens-delen")
        .latest("id")
        .trace_id
    )
    services.release_to_resident_view(actor, client_dossier.id, trace_id=trace, kind="veilig-thuis")
    released = [
        e for e in services.resident_processings(sanne).entries if e.name == "gegevens-delen"
    ]
    assert len(released) == 1
    assert released[0].held_back == "veilig-thuis" and released[0].released_at is not None
    assert released[0].held_since is not None and released[0].recipients == ("Veilig Thuis",)


def test_art9_3_a_processing_the_partner_holds_back_is_not_shown_until_released(
    actor, adult, wmo_desk
):
    client, _ = adult
    _share(actor, client, wmo_desk)
    trace = LogRecord.objects.filter(name="gegevens-delen").latest("id").trace_id
    services.hold_from_resident_view(actor, client.id, trace_id=trace, reason="Schaadt hem nu")
    entries = services.resident_processings(client.subject.id).entries
    assert not any(e.name == "gegevens-delen" for e in entries)
    services.release_to_resident_view(actor, client.id, trace_id=trace, kind="harm")
    shown = [
        e
        for e in services.resident_processings(client.subject.id).entries
        if e.name == "gegevens-delen"
    ]
    assert shown[0].held_back == "harm" and shown[0].held_since <= shown[0].released_at


def test_a_hold_names_a_processing_of_this_client_or_is_refused(actor, adult):
    client, _ = adult
    with pytest.raises(InvalidInput) as error:
        services.hold_from_resident_view(actor, client.id, trace_id="0" * 32, reason="x")
    assert "traceId" in error.value.errors


def test_a_resident_never_sees_another_persons_data(actor, adult, client_dossier):
    client, bsn = adult
    # a processing that concerns Joost and someone else (a relation) would reveal her case
    services.add_relation(
        actor,
        client_dossier.id,
        kind="sibling",
        bsn=bsn,
        given_names="Joost",
        surname="Bakker",
        birth_date=client.subject.birth_date,
        purpose="intake",
    )
    factories.record(actor, client_dossier.id, category="youth", value="Over Sanne")
    entries = services.resident_processings(client.subject.id).entries
    assert not any(e.name == "relatie-vastleggen" for e in entries)
    sanne = subject_pseudonym(client_dossier.subject.id)
    shown_traces = set(
        LogRecord.objects.filter(id__in=[e.id for e in entries]).values_list("trace_id", flat=True)
    )
    assert not LogRecord.objects.filter(trace_id__in=shown_traces, subject_pseudonym=sanne).exists()
    # nor can he open her view
    with pytest.raises(NotFound):
        services.resident_processings(client.subject.id, client_dossier.subject.id)


def test_art4_5_the_resident_withdraws_a_consent_and_the_next_share_is_refused(
    actor, adult, wmo_desk
):
    client, bsn = adult
    me = services.resident_by_bsn(bsn)
    found = services.resident_consents(me.subject_id)
    share = next(d for d in found[0].in_force if d.scope == "share")
    withdrawn = services.resident_withdraw_consent(me.subject_id, share.id)
    assert withdrawn.state == "withdrawn" and withdrawn.given_by_subject_id == client.subject.id
    assert withdrawn.recorded_by == "de betrokkene zelf, met DigiD"
    record = LogRecord.objects.filter(name="toestemming-intrekken").latest("id")
    assert record.articles == "art4.5" and record.actor_id.startswith("resident:")
    assert not any(
        d.scope == "share" for d in services.resident_consents(me.subject_id)[0].in_force
    )
    with pytest.raises(ProcessingRefused):
        _share(actor, client, wmo_desk)
    refused = [
        e
        for e in services.resident_processings(me.subject_id).entries
        if e.name == "gegevens-delen"
    ]
    assert refused[0].decision == "refused"


def test_art4_5_withdrawing_a_consent_that_is_not_the_residents_own_writes_nothing(
    actor, adult, client_dossier
):
    client, _ = adult
    others = ConsentDecision.objects.filter(client_id=client_dossier.id).first()
    before = (ConsentDecision.objects.count(), LogRecord.objects.count())
    with pytest.raises(NotFound):
        services.resident_withdraw_consent(client.subject.id, others.id)
    with pytest.raises(NotFound):  # nor for her, whom he does not represent
        services.resident_withdraw_consent(client.subject.id, others.id, client_dossier.subject.id)
    assert (ConsentDecision.objects.count(), LogRecord.objects.count()) == before


def _child(actor, parent_bsn, born):
    child = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Lotte",
        surname="Bakker",
        birth_date=born,
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    parent = services.add_relation(
        actor,
        child.id,
        kind="parent",
        bsn=parent_bsn,
        given_names="Joost",
        surname="Bakker",
        birth_date=__import__("datetime").date(1980, 3, 4),
        purpose="intake",
    )
    return child, parent.related.id


def test_art10_1_a_parent_sees_a_child_of_11_but_not_the_same_child_at_16(actor, adult):
    _, bsn = adult
    child, parent_id = _child(actor, bsn, years_ago(11, days=30))
    whose = services.resident_viewables(parent_id)
    assert [v.subject_id for v in whose][1:] == [child.subject.id]
    log = services.resident_processings(parent_id, child.subject.id)
    assert any(e.name == "client-aanmelden" for e in log.entries)
    # five years on, the same child is 16: she alone exercises her rights (art10.1)
    Subject.objects.filter(id=child.subject.id).update(birth_date=years_ago(16, days=30))
    assert [v.subject_id for v in services.resident_viewables(parent_id)][1:] == []
    with pytest.raises(NotFound):
        services.resident_processings(parent_id, child.subject.id)
    # and at 14 not alone either: the child signs with the parent
    Subject.objects.filter(id=child.subject.id).update(birth_date=years_ago(14))
    assert len(services.resident_viewables(parent_id)) == 1


def test_art10_1_a_representative_without_authority_sees_nothing(actor, registered_client):
    """A family member recorded beside a client of 14 represents no one."""
    uncle = services.add_relation(
        actor,
        registered_client.id,
        kind="sibling",
        bsn=next_bsn(),
        given_names="Kees",
        surname="de Vries",
        birth_date=__import__("datetime").date(1970, 1, 1),
        purpose="intake",
    )
    assert len(services.resident_viewables(uncle.related.id)) == 1
    before = LogRecord.objects.count()
    with pytest.raises(NotFound):
        services.resident_processings(uncle.related.id, registered_client.subject.id)
    with pytest.raises(NotFound):
        services.resident_consents(uncle.related.id, registered_client.subject.id)
    assert LogRecord.objects.count() == before


def test_art10_1_a_parent_withdraws_for_a_child_of_11(actor, adult):
    _, bsn = adult
    child, parent_id = _child(actor, bsn, years_ago(11, days=30))
    inform_and_consent(actor, child.id, representative_id=parent_id)
    found = services.resident_consents(parent_id, child.subject.id)
    consent = found[0].in_force[0]
    withdrawn = services.resident_withdraw_consent(parent_id, consent.id, child.subject.id)
    assert withdrawn.state == "withdrawn" and withdrawn.given_by_subject_id == parent_id
