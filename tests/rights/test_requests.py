# SPDX-License-Identifier: EUPL-1.2
"""The register of data subjects' requests: authority (art10), deadlines (art9.5), steps."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.conftest import make_employee, next_bsn, representative_of
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import deadlines, loader
from zorgvuldig.rights.models import RequestPause, SubjectRequest

V2015 = loader.load_all()["regio-utrecht-zuidoost-2015"]
VAVG = loader.load_all()["regio-utrecht-zuidoost-avg-2018"]
TODAY = timezone.localdate


def days_ago(n: int) -> datetime.date:
    return TODAY() - datetime.timedelta(days=n)


@pytest.fixture
def officer(partner):
    return actor_for(make_employee(partner, "pim", role=Role.PRIVACY_OFFICER))


def register(actor, client, **overrides):
    """An overview requested by Sanne (14) and her mother together, received 10 days ago."""
    given = {
        "kind": "overview",
        "signed_by_subject_ids": [client.subject.id],
        "identity_method": "in-person",
        "identity_note": "Paspoort en ID-kaart getoond.",
        "received_on": days_ago(10),
    }
    if "requested_by_subject_id" not in overrides:
        given["requested_by_subject_id"] = representative_of(client.id)
    return services.register_request(actor, client.id, **(given | overrides))


def test_art10_1_a_14_year_old_s_request_needs_the_representative_and_the_youth(
    actor, client_dossier
):
    mother = representative_of(client_dossier.id)
    with pytest.raises(InvalidInput) as alone:
        register(actor, client_dossier, signed_by_subject_ids=[])
    assert "beiden tekenen" in alone.value.errors["signedBySubjectIds"]
    with pytest.raises(InvalidInput):
        register(
            actor,
            client_dossier,
            requested_by_subject_id=client_dossier.subject.id,
            signed_by_subject_ids=[],
        )
    assert not SubjectRequest.objects.exists()
    request = register(actor, client_dossier)
    assert request.authority == ("art10.1",)
    assert {s.role for s in request.signed_by} == {"client", "legal-representative"}
    assert request.requested_by.subject_id == mother and request.state == "received"
    # art9.5 as written in 2015: four weeks after receipt
    assert request.due_on == days_ago(10) + datetime.timedelta(weeks=4)
    assert request.protocol_version == V2015.id


def test_art10_1_who_may_act_names_the_people_who_sign_together(actor, client_dossier):
    found = services.who_may_act(actor, client_dossier.id)
    assert found.age == 14 and found.articles == ("art10.1",)
    ((first, second),) = found.options
    assert (first.role, second.role) == ("legal-representative", "client")
    assert second.name == "Sanne de Vries"
    record = LogRecord.objects.filter(name="vertegenwoordiging-raadplegen").get()
    assert record.articles == "art10.1" and record.decision == "allowed"


@pytest.fixture
def adult(actor):
    client = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Gerrit",
        surname="Jansen",
        birth_date=datetime.date(1948, 3, 1),
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    curator = services.add_relation(
        actor,
        client.id,
        kind="curator",
        bsn=next_bsn(),
        given_names="Ineke",
        surname="Bos",
        birth_date=datetime.date(1970, 4, 4),
        purpose="intake",
    )
    spouse = services.add_relation(
        actor,
        client.id,
        kind="spouse",
        bsn=next_bsn(),
        given_names="Truus",
        surname="Jansen",
        birth_date=datetime.date(1950, 6, 6),
        purpose="intake",
    )
    return client, curator.related.id, spouse.related.id


def test_art10_2_for_someone_judged_unable_the_curator_acts_and_not_the_client(actor, adult):
    client, curator, spouse = adult
    assert register(
        actor, client, requested_by_subject_id=client.subject.id, signed_by_subject_ids=[]
    ).authority == ("art10.1",)
    SubjectRequest.objects.all().delete()
    with pytest.raises(InvalidInput):
        services.judge_incapacity(actor, client.id, judged_on=days_ago(30), reason=" ")
    judged = services.judge_incapacity(
        actor, client.id, judged_on=days_ago(30), reason="Overziet de gevolgen niet (dementie)."
    )
    assert judged.judged_unable and [[p.role for p in o] for o in judged.options] == [["curator"]]
    with pytest.raises(InvalidInput) as refused:
        register(actor, client, requested_by_subject_id=client.subject.id, signed_by_subject_ids=[])
    assert "art. 10 lid 2" in refused.value.errors["signedBySubjectIds"]
    with pytest.raises(InvalidInput):  # the spouse comes only without a curator
        register(actor, client, requested_by_subject_id=spouse, signed_by_subject_ids=[])
    request = register(actor, client, requested_by_subject_id=curator, signed_by_subject_ids=[])
    assert request.authority == ("art10.2",)


def test_art10_2_an_unwilling_representative_makes_way_for_the_next_in_order(actor, adult):
    client, curator, spouse = adult
    services.judge_incapacity(actor, client.id, judged_on=days_ago(30), reason="Dementie.")
    found = services.record_representative_stance(
        actor, client.id, curator, kind="unwilling", reason="Wil dit niet voor hem doen."
    )
    assert [[p.role for p in o] for o in found.options] == [["spouse"]]
    # on the day of receipt the rule counts what was recorded by then: 10 days ago the curator
    # had not yet said no
    with pytest.raises(InvalidInput):
        register(actor, client, requested_by_subject_id=spouse, signed_by_subject_ids=[])
    request = register(
        actor, client, requested_by_subject_id=spouse, signed_by_subject_ids=[], received_on=TODAY()
    )
    assert request.requested_by.role == "spouse"


def test_a_limited_representative_cannot_sign_and_the_reason_is_named(actor, client_dossier):
    mother = representative_of(client_dossier.id)
    with pytest.raises(InvalidInput):
        services.record_representative_stance(
            actor, client_dossier.id, mother, kind="forbidden", reason="x"
        )
    with pytest.raises(NotFound):
        services.record_representative_stance(
            actor, client_dossier.id, client_dossier.id, kind="limited", reason="x"
        )
    found = services.record_representative_stance(
        actor, client_dossier.id, mother, kind="limited", reason="Zwaarwegend belang: geweld."
    )
    assert found.options == () and "art10.3" in found.articles
    assert [(x.name, x.reason) for x in found.limited] == [
        ("Marieke de Vries", "Zwaarwegend belang: geweld.")
    ]
    with pytest.raises(InvalidInput):
        register(actor, client_dossier, received_on=TODAY())
    record = LogRecord.objects.filter(name="vertegenwoordiger-beperken").first()
    assert record.articles == "art10.3"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"received_on": TODAY() + datetime.timedelta(days=1)}, "receivedOn"),
        ({"received_on": "2026-02-30"}, "receivedOn"),
        ({"kind": "everything"}, "kind"),
        ({"kind": "portability"}, "kind"),  # an AVG right; this partner keeps the 2015 text
        ({"identity_method": "a phone call"}, "identityMethod"),
        ({"kind": "deletion"}, "itemIds"),
        ({"kind": "deletion", "item_ids": ["not-an-id"]}, "itemIds"),
        (
            {"kind": "deletion", "item_ids": ["6f1c6f53-4b5e-4d7a-9d55-9c0f3c1c2d11"]},
            "itemIds",
        ),
        ({"kind": "correction", "item_ids": []}, "details"),
        (
            {"requested_by_subject_id": "6f1c6f53-4b5e-4d7a-9d55-9c0f3c1c2d11"},
            "requestedBySubjectId",
        ),
        ({"requested_by_subject_id": "nobody"}, "requestedBySubjectId"),
    ],
)
def test_bad_requests_are_refused_naming_the_field_and_nothing_is_written(
    actor, client_dossier, overrides, field
):
    with pytest.raises(InvalidInput) as error:
        register(actor, client_dossier, **overrides)
    assert field in error.value.errors
    assert not SubjectRequest.objects.exists()
    assert not LogRecord.objects.filter(name="verzoek-betrokkene-vastleggen").exists()


def test_a_correction_names_items_and_what_they_should_say(actor, client_dossier):
    item = services.record_item(
        actor,
        client_dossier.id,
        category="contact",
        label="Telefoon",
        value="06-12345678",
        source="moeder",
        method="conversation",
        obtained_on=TODAY(),
        purpose="intake",
    )
    with pytest.raises(InvalidInput) as error:
        register(actor, client_dossier, kind="correction", item_ids=[item.id])
    assert "details" in error.value.errors
    request = register(
        actor, client_dossier, kind="correction", item_ids=[item.id], details="Nummer is 06-1111"
    )
    assert request.item_ids == (item.id,) and request.details == "Nummer is 06-1111"


def test_a_second_identical_request_while_one_is_open_is_refused(actor, client_dossier):
    register(actor, client_dossier)
    with pytest.raises(InvalidInput) as error:
        register(actor, client_dossier)
    assert "loopt al" in error.value.errors["kind"]
    assert SubjectRequest.objects.count() == 1
    register(actor, client_dossier, kind="inspection")  # another kind is another request
    assert SubjectRequest.objects.count() == 2


def test_a_pause_moves_the_deadline_by_the_days_paused(actor, client_dossier):
    request = register(actor, client_dossier)
    with pytest.raises(InvalidInput):
        services.pause_request(actor, request.id, reason="")
    paused = services.pause_request(actor, request.id, reason="Kopie legitimatie gevraagd.")
    assert paused.state == "waiting" and paused.paused
    with pytest.raises(InvalidInput):
        services.pause_request(actor, request.id, reason="Nogmaals.")
    RequestPause.objects.update(started_on=days_ago(5))  # the requester answered 5 days later
    resumed = services.resume_request(actor, request.id)
    assert resumed.state == "in-progress" and not resumed.paused
    assert resumed.due_on == request.due_on + datetime.timedelta(days=5)
    with pytest.raises(InvalidInput):
        services.resume_request(actor, request.id)
    names = list(LogRecord.objects.order_by("id").values_list("name", flat=True))
    assert names[-2:] == ["verzoek-betrokkene-pauzeren", "verzoek-betrokkene-hervatten"]


def test_under_the_avg_a_month_extendable_once_when_announced_before_the_first_deadline(
    avg_actor, partner
):
    client = services.register_client(
        avg_actor,
        bsn=next_bsn(),
        given_names="Noor",
        surname="Bakker",
        birth_date=datetime.date(1990, 1, 1),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )
    received = days_ago(20)
    request = register(
        avg_actor,
        client,
        requested_by_subject_id=client.subject.id,
        signed_by_subject_ids=[],
        received_on=received,
        kind="portability",
    )
    assert request.due_on == deadlines.due_date(received, VAVG.rights_deadline)
    assert deadlines.add_months(received, 1) <= request.due_on
    with pytest.raises(InvalidInput):
        services.extend_request(avg_actor, request.id, reason=" ")
    with pytest.raises(InvalidInput):
        services.extend_request(
            avg_actor,
            request.id,
            reason="Veel gegevens.",
            announced_on=received - datetime.timedelta(days=1),
        )
    extended = services.extend_request(
        avg_actor, request.id, reason="Veel gegevens bij drie teams."
    )
    assert extended.extended_on == TODAY() and extended.extension_reason.startswith("Veel")
    assert extended.due_on == deadlines.due_date(received, VAVG.rights_deadline, extended=True)
    with pytest.raises(InvalidInput) as twice:
        services.extend_request(avg_actor, request.id, reason="Nog eens.")
    assert "al verlengd" in twice.value.errors["announcedOn"]
    late = register(
        avg_actor,
        client,
        requested_by_subject_id=client.subject.id,
        signed_by_subject_ids=[],
        received_on=days_ago(70),
    )
    with pytest.raises(InvalidInput) as too_late:
        services.extend_request(avg_actor, late.id, reason="Te laat.")
    assert "vóór het einde van de eerste termijn" in too_late.value.errors["announcedOn"]


def test_the_2015_text_has_no_extension(actor, client_dossier):
    request = register(actor, client_dossier)
    with pytest.raises(InvalidInput) as error:
        services.extend_request(actor, request.id, reason="Veel werk.")
    assert "geen verlenging" in error.value.errors["announcedOn"]


def test_a_withdrawn_request_is_kept_and_takes_no_more_steps(actor, client_dossier):
    request = register(actor, client_dossier)
    withdrawn = services.withdraw_request(actor, request.id)
    assert withdrawn.state == "withdrawn" and withdrawn.withdrawn_on == TODAY()
    with pytest.raises(InvalidInput):
        services.pause_request(actor, request.id, reason="Te laat.")
    assert services.subject_request(actor, request.id).state == "withdrawn"
    register(actor, client_dossier)  # a new request may follow


def test_the_privacy_officer_s_queue_orders_by_due_date_with_urgency(
    actor, officer, client_dossier
):
    overdue = register(actor, client_dossier, received_on=days_ago(40))
    on_time = register(actor, client_dossier, kind="inspection", received_on=days_ago(1))
    with pytest.raises(NotAllowed):
        services.open_requests(actor)
    queue = services.open_requests(officer)
    assert [line.request.id for line in queue] == [overdue.id, on_time.id]
    assert [line.urgency for line in queue] == ["overdue", "on-time"]
    assert queue[0].days_left == (overdue.due_on - TODAY()).days < 0
    services.pause_request(officer, on_time.id, reason="Verduidelijking gevraagd.")
    assert [line.urgency for line in services.open_requests(officer)] == ["overdue", "paused"]
    services.resume_request(officer, on_time.id)
    later = services.open_requests(officer, today=on_time.due_on - datetime.timedelta(days=3))
    assert [line.urgency for line in later] == ["overdue", "due-this-week"]
    assert later[1].days_left == 3


def test_someone_who_does_not_handle_the_client_is_answered_as_if_there_were_none(
    partner, client_dossier
):
    stranger = actor_for(make_employee(partner, "kees"))
    with pytest.raises(NotFound):
        register(stranger, client_dossier)
    with pytest.raises(NotFound):
        services.who_may_act(stranger, client_dossier.id)
    refused = LogRecord.objects.get(name="verzoek-betrokkene-vastleggen")
    assert refused.decision == "refused" and refused.articles == "art3.2c"
    assert not SubjectRequest.objects.exists()
