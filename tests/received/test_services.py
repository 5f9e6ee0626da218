# SPDX-License-Identifier: EUPL-1.2
"""The recipient's side of a share, through the gate: what waits at a partner and taking it
into its own dossier with its origin, decided by the recipient's own facts (art3.2a,
art3.2c, art4.2, art5.1, art6.1); requesting data from a partner (pull), decided on both
sides; and referrals, which wait in the recipient's intake queue until its caseworkers take
the client in or decline (art3.2c, art5.1)."""

from __future__ import annotations

import datetime

import pytest

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    name_in_consent,
    representative_of,
    signing_along,
    supporting,
)
from tests.consent.conftest import signed_pdf
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.webhooks.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipient_partner():
    return make_partner("Jeugdhulp Elders")


@pytest.fixture
def shared(actor, client_dossier, recipient_partner):
    """The holder shares a school record with the recipient partner (consent to share)."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    school = factories.record(
        actor,
        client_dossier.id,
        category="youth",
        value="Groep 8, De Linde",
        label="youth-label",
    )
    return school, share(
        actor, client_dossier.id, school.id, recipient_partner_id=recipient_partner.id
    )


def share(actor, client_id, item_id, **recipient):
    """A share to a partner that does not support the client yet refers the client for youth
    care there (art5.1); once a caseworker there supports the client, it waits among the
    received shares."""
    if "recipient_partner_id" in recipient:
        recipient.setdefault("referral_domain", "jeugd")
    return services.share_items(
        actor, client_id, item_ids=[item_id], purpose="support-provision", **recipient
    )


def test_art6_1_a_share_to_a_partner_waits_there_for_its_supporting_caseworker(
    partner, client_dossier, recipient_partner, shared
):
    _, result = shared
    bram = supporting(recipient_partner, client_dossier, "bram")
    (waiting,) = services.received_shares(bram, purpose="support-provision")
    assert waiting.id == result.received_share_ids[0]
    assert (waiting.client_id, waiting.category, waiting.label, waiting.version_number) == (
        client_dossier.id,
        "youth",
        "youth-label",
        1,
    )
    assert (waiting.sender, waiting.ground, waiting.purpose) == (
        partner.name,
        "consent",
        "support-provision",
    )
    assert waiting.client_name == client_dossier.subject.full_name
    assert not hasattr(waiting, "value")  # the content stays out until it is taken in
    seen = LogRecord.objects.get(name="ontvangen-gegevens-inzien")
    assert (seen.partner_id, seen.decision) == (str(recipient_partner.id), "allowed")


def test_art3_2c_an_employee_not_supporting_the_client_does_not_see_what_waits(
    client_dossier, recipient_partner, shared
):
    supporting(recipient_partner, client_dossier, "bram")
    stranger = actor_for(make_employee(recipient_partner, "kim"))
    assert services.received_shares(stranger, purpose="support-provision") == []


def test_art3_2a_taking_it_in_records_the_shared_version_with_its_origin(
    actor, partner, client_dossier, recipient_partner, shared
):
    school, result = shared
    # the holder changes the item after sharing: the recipient gets the version that was sent
    services.change_item(
        actor,
        school.id,
        label="youth-label",
        value="Groep 8, De Wegwijzer",
        source="School",
        method="document",
        obtained_on=datetime.date(2026, 2, 1),
        reason="verhuisd",
        purpose="support-provision",
    )
    bram = supporting(recipient_partner, client_dossier, "bram")
    taken = services.accept_received_share(bram, result.received_share_ids[0])
    assert taken.partner_id == recipient_partner.id and taken.id != school.id
    assert taken.current.value == "Groep 8, De Linde"
    assert (taken.current.source, taken.current.method) == (partner.name, "partner")
    received_share = ReceivedShare.objects.get(id=result.received_share_ids[0])
    assert received_share.accepted_item_id == taken.id and received_share.handled_at is not None
    assert services.received_shares(bram, purpose="support-provision") == []
    with pytest.raises(InvalidInput, match="al afgehandeld"):
        services.accept_received_share(bram, result.received_share_ids[0])


def test_art4_2_without_consent_at_the_recipient_nothing_enters_its_dossier(
    client_dossier, recipient_partner, shared
):
    _, result = shared
    bram = supporting(recipient_partner, client_dossier, "bram", consent=False)
    with pytest.raises(ProcessingRefused):
        services.accept_received_share(bram, result.received_share_ids[0])
    assert ReceivedShare.objects.get(id=result.received_share_ids[0]).handled_at is None
    assert LogRecord.objects.filter(
        name="gegeven-vastleggen", partner_id=str(recipient_partner.id), decision="refused"
    ).exists()  # the refusal is logged, though nothing else is kept
    assert not DataItem.objects.filter(partner=recipient_partner).exists()


def test_another_partner_cannot_take_in_what_was_shared_with_someone_else(client_dossier, shared):
    _, result = shared
    elsewhere = supporting(make_partner("Wmo Leersum"), client_dossier, "wim")
    with pytest.raises(NotFound):
        services.accept_received_share(elsewhere, result.received_share_ids[0])
    with pytest.raises(NotFound):
        services.accept_received_share(elsewhere, "not-a-uuid")


def test_a_share_to_a_non_partner_or_veilig_thuis_leaves_nothing_waiting(actor, client_dossier):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    school = factories.record(
        actor, client_dossier.id, category="youth", value="Groep 8", label="youth-label"
    )
    grandmother = services.register_non_partner(actor, name="Oma", kind="family", informed=True)
    name_in_consent(actor, client_dossier.id, grandmother.id)
    result = services.share_items(
        actor,
        client_dossier.id,
        item_ids=[school.id],
        non_partner_id=grandmother.id,
        purpose="support-provision",
    )
    assert result.sent == (school.id,) and result.received_share_ids == ()
    assert not ReceivedShare.objects.exists() and not Notification.objects.exists()


def test_art5_1_a_recipient_declines_what_it_does_not_need_and_nothing_is_recorded(
    client_dossier, recipient_partner, shared
):
    _, result = shared
    bram = supporting(recipient_partner, client_dossier, "bram")
    with pytest.raises(InvalidInput, match="reason"):
        services.decline_received_share(bram, result.received_share_ids[0], reason=" ")
    services.decline_received_share(
        bram,
        result.received_share_ids[0],
        reason="Schoolgegevens zijn voor ons traject niet nodig.",
    )
    received_share = ReceivedShare.objects.get(id=result.received_share_ids[0])
    assert received_share.decline_reason.startswith("Schoolgegevens") and received_share.handled_at
    assert received_share.accepted_item_id is None
    assert not DataItem.objects.filter(partner=recipient_partner).exists()
    assert services.received_shares(bram, purpose="support-provision") == []
    assert LogRecord.objects.filter(name="ontvangen-gegevens-afwijzen", decision="allowed").exists()
    with pytest.raises(InvalidInput, match="al afgehandeld"):
        services.accept_received_share(bram, result.received_share_ids[0])


def test_art3_2c_only_a_supporting_caseworker_may_decline(
    client_dossier, recipient_partner, shared
):
    _, result = shared
    stranger = actor_for(make_employee(recipient_partner, "kim"))
    with pytest.raises(ProcessingRefused):
        services.decline_received_share(stranger, result.received_share_ids[0], reason="niet nodig")
    assert ReceivedShare.objects.get(id=result.received_share_ids[0]).handled_at is None
    assert LogRecord.objects.filter(name="ontvangen-gegevens-afwijzen", decision="refused").exists()


def receipts(actor, item_id):
    return [
        d.receipt for d in services.disclosures_of_item(actor, item_id, purpose="accountability")
    ]


def test_art9_6_the_sender_sees_whether_the_recipient_took_it_in_or_declined(
    actor, client_dossier, recipient_partner, shared
):
    school, first = shared
    second = share(actor, client_dossier.id, school.id, recipient_partner_id=recipient_partner.id)
    grandmother = services.register_non_partner(actor, name="Oma", kind="family", informed=True)
    name_in_consent(actor, client_dossier.id, grandmother.id)
    share(actor, client_dossier.id, school.id, non_partner_id=grandmother.id)
    assert receipts(actor, school.id) == ["waiting", "waiting", ""]
    bram = supporting(recipient_partner, client_dossier, "bram")
    services.accept_received_share(bram, first.received_share_ids[0])
    services.decline_received_share(bram, second.received_share_ids[0], reason="Al bekend.")
    # who holds it now (art9.6: whom to tell of a correction): the one that took it in
    assert receipts(actor, school.id) == ["taken-in", "declined", ""]
    by_client = services.disclosures_of_client(actor, client_dossier.id, purpose="accountability")
    assert [d.receipt for d in by_client] == ["taken-in", "declined", ""]


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


def test_a_pull_is_decided_by_the_holders_consent_and_returns_only_allowed_items(
    actor, partner, client_dossier, requester
):
    school = factories.record(actor, client_dossier.id, category="youth", value="Groep 8, De Linde")
    factories.record(actor, client_dossier.id, category="health", value="ADHD")
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
    factories.record(actor, client_dossier.id, category="youth", value="x")
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
        signed_by_subject_ids=signing_along(client_id),
    )


def test_art5_1_each_requested_category_says_what_became_of_it_and_why(
    actor, partner, client_dossier, requester
):
    factories.record(actor, client_dossier.id, category="youth", value="Groep 8, De Linde")
    factories.record(actor, client_dossier.id, category="health", value="ADHD")
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
    factories.record(actor, client_dossier.id, category="youth", value="Groep 8, De Linde")
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
    factories.record(actor, client_dossier.id, category="youth", value="Groep 8, De Linde")
    factories.record(actor, client_dossier.id, category="welfare", value="Sport bij de club")
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
    factories.record(actor, client_dossier.id, category="youth", value="Groep 8, De Linde")
    factories.record(actor, client_dossier.id, category="welfare", value="Sport bij de club")
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
    factories.record(actor, client_dossier.id, category="youth", value="Groep 8, De Linde")
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
    factories.record(actor, client_dossier.id, category="youth", value="Groep 8, De Linde")
    factories.record(actor, client_dossier.id, category="health", value="ADHD")
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
        signed_by_subject_ids=signing_along(client_dossier.id),
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


@pytest.fixture
def housing():
    return make_partner("Woonstichting Heuvelrug")


@pytest.fixture
def kees(housing):
    return actor_for(make_employee(housing, "kees"))


@pytest.fixture
def referred(actor, client_dossier, housing):
    """Youth care refers Sanne to the housing corporation: contact, household and school."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    items = {
        c: factories.record(
            actor, client_dossier.id, category=c, value=f"{label}: inhoud", label=label
        )
        for c, label in (("contact", "Telefoon"), ("household", "Gezin"), ("youth", "School"))
    }
    result = services.share_items(
        actor,
        client_dossier.id,
        item_ids=[i.id for i in items.values()],
        recipient_partner_id=housing.id,
        purpose="support-provision",
        referral_domain="wonen",
    )
    return items, result


def test_art5_1_a_share_to_a_partner_that_does_not_support_the_client_is_refused_unreferred(
    actor, client_dossier, housing
):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    school = factories.record(
        actor, client_dossier.id, category="youth", value="School: inhoud", label="School"
    )
    with pytest.raises(ProcessingRefused) as refused:
        services.share_items(
            actor,
            client_dossier.id,
            item_ids=[school.id],
            recipient_partner_id=housing.id,
            purpose="support-provision",
        )
    assert refused.value.decision.articles == ("art5.1",)
    assert "verwijs" in refused.value.decision.explanation.lower()
    assert not Disclosure.objects.exists() and not ReceivedShare.objects.exists()
    assert LogRecord.objects.get(name="gegevens-delen").decision == "refused"


def test_art5_1_a_referral_carries_what_intake_and_assessment_there_need(referred, housing):
    items, result = referred
    assert set(result.sent) == {items["contact"].id, items["household"].id}
    assert result.withheld == (items["youth"].id,)
    assert "ontvanger" in result.explanation
    assert set(ReceivedShare.objects.values_list("referral_domain", flat=True)) == {"wonen"}


def test_art5_1_the_preview_shows_a_referral_as_such(actor, client_dossier, referred, housing):
    items, _ = referred
    rows = services.preview_share(
        actor,
        client_dossier.id,
        item_ids=[i.id for i in items.values()],
        recipient_partner_id=housing.id,
        purpose="support-provision",
        referral_domain="wonen",
    )
    assert {r.referral_domain for r in rows} == {"wonen"}
    assert {r.category: r.allowed for r in rows} == {
        "contact": True,
        "household": True,
        "youth": False,
    }
    plain = services.preview_share(
        actor,
        client_dossier.id,
        item_ids=[items["contact"].id],
        recipient_partner_id=housing.id,
        purpose="support-provision",
    )
    assert [(r.allowed, r.referral_domain, r.articles) for r in plain] == [(False, "", ("art5.1",))]


def test_art3_2c_the_referral_waits_in_the_intake_queue_and_seeing_it_is_logged(
    client_dossier, referred, kees
):
    (waiting,) = services.intake_queue(kees)
    assert (waiting.client_id, waiting.client_name, waiting.domain) == (
        client_dossier.id,
        "Sanne de Vries",
        "wonen",
    )
    assert (waiting.sender, waiting.sender_person) == ("Jeugdteam Heuvelrug", "Anna Test")
    assert set(waiting.categories) == {"contact", "household"}
    assert not hasattr(waiting, "value") and "inhoud" not in repr(waiting)  # never the content
    assert services.received_shares(kees, purpose="support-provision") == []
    seen = LogRecord.objects.get(name="verwijzing-inzien")
    assert (seen.decision, seen.purpose, seen.legal_basis) == ("allowed", "intake", "wmo-2015")


def test_art3_2c_a_referral_is_not_seen_by_another_organisation(referred):
    stranger = actor_for(make_employee(make_partner("Elders"), "piet"))
    assert services.intake_queue(stranger) == []


def test_art3_2c_the_referral_gives_the_intake_no_more_than_who_the_client_is(
    client_dossier, referred, kees
):
    with pytest.raises(ProcessingRefused) as refused:
        services.consult_items(
            kees,
            client_dossier.id,
            categories=["contact"],
            purpose="intake",
            legal_basis="wmo-2015",
        )
    assert "art3.2c" in refused.value.decision.articles
    with pytest.raises(ProcessingRefused):  # nor for any other purpose
        services.consult_items(
            kees,
            client_dossier.id,
            categories=["identification"],
            purpose="assessment",
            legal_basis="wmo-2015",
        )


def test_art3_2c_taking_the_client_in_opens_a_trajectory_and_the_shares_wait_for_them(
    client_dossier, referred, kees, housing
):
    dossier = services.take_in_referral(kees, client_dossier.id, domain="wonen")
    assert dossier.id == client_dossier.id
    (trajectory,) = [
        t
        for t in services.list_trajectories(kees, client_dossier.id, purpose="intake")
        if t.domain == "wonen"
    ]
    assert trajectory.legal_basis == "wmo-2015"
    assert services.intake_queue(kees) == []
    inform_and_consent(
        kees, client_dossier.id, representative_id=representative_of(client_dossier.id)
    )
    waiting = services.received_shares(kees, purpose="support-provision")
    assert {w.category for w in waiting} == {"contact", "household"}
    assert LogRecord.objects.get(name="verwijzing-aannemen").decision == "allowed"
    with pytest.raises(NotFound):  # taken in: no referral waits any more
        services.take_in_referral(kees, client_dossier.id, domain="wonen")


def test_art5_1_declining_a_referral_keeps_who_when_and_why_and_records_nothing(
    client_dossier, referred, kees, housing
):
    with pytest.raises(InvalidInput) as blank:
        services.decline_referral(kees, client_dossier.id, domain="wonen", reason="  ")
    assert "reason" in blank.value.errors
    services.decline_referral(
        kees, client_dossier.id, domain="wonen", reason="Wij bieden geen woonbegeleiding."
    )
    assert services.intake_queue(kees) == []
    deliveries = ReceivedShare.objects.filter(recipient_partner=housing)
    assert all(d.handled_at and d.accepted_item_id is None for d in deliveries)
    assert {d.decline_reason for d in deliveries} == {"Wij bieden geen woonbegeleiding."}
    assert LogRecord.objects.get(name="verwijzing-afwijzen").decision == "allowed"


@pytest.mark.parametrize(
    "change, error",
    [
        ({"domain": "zorg"}, NotFound),  # no referral for that domain
        ({"domain": "ruimtevaart"}, InvalidInput),
        ({"client_id": "not-a-uuid"}, NotFound),
        ({"opened_on": datetime.date(2999, 1, 1)}, InvalidInput),
    ],
)
def test_taking_in_bad_input_is_a_clear_error_and_writes_nothing(
    client_dossier, referred, kees, change, error
):
    kwargs = {"client_id": client_dossier.id, "domain": "wonen", **change}
    client_id = kwargs.pop("client_id")
    with pytest.raises(error):
        services.take_in_referral(kees, client_id, **kwargs)
    assert len(services.intake_queue(kees)) == 1
    assert not LogRecord.objects.filter(name="verwijzing-aannemen").exists()


def test_art5_1_a_referral_goes_only_to_a_partner(actor, client_dossier, referred):
    items, _ = referred
    grandma = services.register_non_partner(actor, name="Oma", kind="family", informed=True)
    with pytest.raises(InvalidInput) as refused:
        services.share_items(
            actor,
            client_dossier.id,
            item_ids=[items["contact"].id],
            non_partner_id=grandma.id,
            purpose="support-provision",
            referral_domain="wonen",
        )
    assert "referralDomain" in refused.value.errors
    with pytest.raises(InvalidInput) as unknown:
        services.share_items(
            actor,
            client_dossier.id,
            item_ids=[items["contact"].id],
            recipient_partner_id=make_partner("Elders").id,
            purpose="support-provision",
            referral_domain="ruimtevaart",
        )
    assert "referralDomain" in unknown.value.errors
