# SPDX-License-Identifier: EUPL-1.2
"""Requesting data from a partner (pull): decided on both sides, only allowed items come back."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import inform_and_consent, make_employee, make_partner, representative_of
from tests.consent.conftest import signed_pdf
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def requester(client_dossier):
    """A second youth-care organisation that also supports the client, with consent."""
    other = actor_for(make_employee(make_partner("Jeugdhulp Elders"), "bram"))
    services.register_client(
        other,
        bsn=client_dossier.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client_dossier.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
    )
    inform_and_consent(
        other, client_dossier.id, representative_id=representative_of(client_dossier.id)
    )
    return other


def record(actor, client_id, category, value):
    return services.record_item(
        actor,
        client_id,
        category=category,
        label=category,
        value=value,
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )


def test_a_pull_is_decided_by_the_holders_consent_and_returns_only_allowed_items(
    actor, partner, client_dossier, requester
):
    school = record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    record(actor, client_dossier.id, "health", "ADHD")
    # the holder has no consent to share yet: nothing comes back, and that is logged
    nothing = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth"],
        purpose="support-provision",
    )
    assert nothing.received == () and "art. 4 lid 3" in nothing.explanation
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    result = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth", "health"],
        purpose="support-provision",
    )
    (received,) = result.received  # health: the requester has no signed form (art4.4)
    assert (received.category, received.current.value) == ("youth", "Groep 8, De Linde")
    assert (received.current.source, received.current.method) == ("Jeugdteam Heuvelrug", "partner")
    assert Disclosure.objects.get().item_id == school.id
    request_log = LogRecord.objects.filter(
        trace_id=result.request_trace_id, name="gegevens-opvragen"
    )
    assert request_log.first().decision == "partial"
    assert LogRecord.objects.filter(trace_id=result.share_trace_id, name="gegevens-delen").exists()


def test_bad_pull_requests_are_refused_before_anything_moves(
    actor, partner, client_dossier, requester
):
    record(actor, client_dossier.id, "youth", "x")
    with pytest.raises(NotFound):
        services.request_items(
            requester,
            client_dossier.id,
            holder_partner_id="6f1c1f1e-0000-4000-8000-000000000000",
            categories=["youth"],
            purpose="support-provision",
        )
    with pytest.raises(InvalidInput):
        services.request_items(
            requester,
            client_dossier.id,
            holder_partner_id=partner.id,
            categories=[],
            purpose="support-provision",
        )
    uninvolved = make_partner("Woonstichting")
    with pytest.raises(InvalidInput) as error:
        services.request_items(
            requester,
            client_dossier.id,
            holder_partner_id=uninvolved.id,
            categories=["youth"],
            purpose="support-provision",
        )
    assert "ondersteunt deze cliënt niet" in error.value.errors["holderPartnerId"]
    with pytest.raises(ProcessingRefused):  # art5.1 on the requester's side
        services.request_items(
            requester,
            client_dossier.id,
            holder_partner_id=partner.id,
            categories=["work-income"],
            purpose="support-provision",
        )
    assert not Disclosure.objects.exists()


def answers_of(result) -> dict[str, object]:
    """The answer per requested category, by its code."""
    return {answer.category: answer for answer in result.categories}


def share_consent(actor, client_id, categories=None):
    """The holder's consent to share (art4.3), for ``categories`` only when given."""
    services.record_consent(
        actor,
        client_id,
        scope="share",
        state="given",
        decided_on=datetime.date.today(),
        purpose="intake",
        categories=categories,
        given_by_subject_id=representative_of(client_id),
    )


def test_art5_1_each_requested_category_says_what_became_of_it_and_why(
    actor, partner, client_dossier, requester
):
    record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    record(actor, client_dossier.id, "health", "ADHD")
    share_consent(actor, client_dossier.id)
    result = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["work-income", "youth", "welfare", "health", "housing"],
        purpose="support-provision",
    )
    assert [a.category for a in result.categories] == [
        "work-income",
        "youth",
        "welfare",
        "health",
        "housing",
    ]
    answers = answers_of(result)
    for needless in ("work-income", "housing"):  # not needed for youth support (art5.1)
        answer = answers[needless]
        assert (answer.status, answer.refused_by, answer.articles) == (
            "refused",
            "requester",
            ("art5.1",),
        )
        assert "niet nodig" in answer.reason and "(art. 5 lid 1)" in answer.reason
        assert answer.items_received == 0
    health = answers["health"]  # no signed form on the requester's side (art4.4)
    assert (health.status, health.refused_by, health.articles) == (
        "refused",
        "requester",
        ("art4.4",),
    )
    assert "schriftelijke toestemming" in health.reason
    welfare = answers["welfare"]  # the holder has none: no refusal
    assert (welfare.status, welfare.refused_by, welfare.articles) == ("not-held", "", ())
    assert "Jeugdteam Heuvelrug heeft van deze soort geen gegevens" in welfare.reason
    youth = answers["youth"]
    assert (youth.status, youth.refused_by, youth.items_received, youth.reason) == (
        "sent",
        "",
        1,
        "",
    )
    assert result.status == "partly-sent"
    assert len(result.received) == 1 and Disclosure.objects.count() == 1


def test_art5_1_a_request_of_which_nothing_was_refused_is_sent(
    actor, partner, client_dossier, requester
):
    record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    share_consent(actor, client_dossier.id)
    result = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth", "welfare"],
        purpose="support-provision",
    )
    assert [(a.category, a.status) for a in result.categories] == [
        ("youth", "sent"),
        ("welfare", "not-held"),
    ]
    assert result.status == "sent"
    nothing_held = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["welfare"],
        purpose="support-provision",
    )
    assert [(a.category, a.status) for a in nothing_held.categories] == [("welfare", "not-held")]
    assert nothing_held.status == "nothing-sent" and nothing_held.share_trace_id == ""


def test_art4_3_a_category_the_holder_may_not_share_is_refused_by_the_holder(
    actor, partner, client_dossier, requester
):
    record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    record(actor, client_dossier.id, "welfare", "Sport bij de club")
    share_consent(actor, client_dossier.id, categories=["youth"])
    result = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth", "welfare"],
        purpose="support-provision",
    )
    answers = answers_of(result)
    assert (answers["youth"].status, answers["youth"].items_received) == ("sent", 1)
    welfare = answers["welfare"]
    assert (welfare.status, welfare.refused_by, welfare.articles) == (
        "refused",
        "holder",
        ("art4.3",),
    )
    assert "toestemming om te delen geldt niet voor gegevens over welzijn" in welfare.reason
    assert result.status == "partly-sent"
    assert Disclosure.objects.count() == 1
    # why: the holder's own decision on the share, per category; nothing is asked twice
    assert not LogRecord.objects.filter(name="delen-voorbereiden").exists()
    assert LogRecord.objects.get(name="gegevens-delen", partner_id=partner.id).decision == "partial"


def test_art4_3_when_the_holder_may_share_nothing_each_category_says_why(
    actor, partner, client_dossier, requester
):
    record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    record(actor, client_dossier.id, "welfare", "Sport bij de club")
    result = services.request_items(  # the holder has no consent to share at all
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth", "welfare", "housing"],
        purpose="support-provision",
    )
    answers = answers_of(result)
    for category in ("youth", "welfare"):
        answer = answers[category]
        assert (answer.status, answer.refused_by, answer.articles) == (
            "refused",
            "holder",
            ("art4.3",),
        )
        assert "art. 4 lid 3" in answer.reason
    assert (answers["housing"].status, answers["housing"].refused_by) == ("refused", "requester")
    assert result.status == "nothing-sent" and result.received == ()


def test_art6_2_items_under_professional_secrecy_stay_behind_and_the_answer_says_so(
    actor, partner, client_dossier, requester
):
    record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    for category, value in (("youth", "Gesprek"), ("welfare", "Zorgen thuis")):
        services.record_item(
            actor,
            client_dossier.id,
            category=category,
            label=value,
            value=value,
            source="Moeder",
            method="conversation",
            obtained_on=datetime.date(2026, 1, 5),
            purpose="assessment",
            professional_secrecy=True,
        )
    share_consent(actor, client_dossier.id)
    result = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth", "welfare"],
        purpose="support-provision",
    )
    answers = answers_of(result)
    youth = answers["youth"]  # one of two items under secrecy: the other came
    assert (youth.status, youth.refused_by, youth.articles) == (
        "partly-sent",
        "holder",
        ("art6.2",),
    )
    assert (youth.items_received, youth.items_withheld) == (1, 1)
    assert "1 gegeven bleef achter" in youth.reason and "beroepsgeheim" in youth.reason
    welfare = answers["welfare"]  # every item under secrecy: the category is refused
    assert (welfare.status, welfare.refused_by, welfare.articles) == (
        "refused",
        "holder",
        ("art6.2",),
    )
    assert "beroepsgeheim" in welfare.reason and welfare.items_received == 0
    assert result.status == "partly-sent"
    assert [i.current.value for i in result.received] == ["Groep 8, De Linde"]


def test_art4_4_medical_data_needs_a_signed_form_on_the_holders_side_too(
    actor, partner, client_dossier, requester
):
    record(actor, client_dossier.id, "youth", "Groep 8, De Linde")
    record(actor, client_dossier.id, "health", "ADHD")
    share_consent(actor, client_dossier.id)  # given, but no signed form at the holder
    services.record_consent(  # the requester has the signed form to request medical data
        requester,
        client_dossier.id,
        scope="record-request",
        state="given",
        decided_on=datetime.date.today(),
        purpose="intake",
        categories=["health"],
        given_by_subject_id=representative_of(client_dossier.id),
        document=signed_pdf(),
    )
    result = services.request_items(
        requester,
        client_dossier.id,
        holder_partner_id=partner.id,
        categories=["youth", "health"],
        purpose="support-provision",
    )
    health = answers_of(result)["health"]
    assert (health.status, health.refused_by, health.articles) == (
        "refused",
        "holder",
        ("art4.4",),
    )
    assert "voor het delen van medische gegevens is schriftelijke toestemming" in health.reason
    assert answers_of(result)["youth"].status == "sent"
    assert [i.category for i in result.received] == ["youth"]
