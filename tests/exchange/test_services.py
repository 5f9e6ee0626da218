# SPDX-License-Identifier: EUPL-1.2
"""Sharing through the gate: what leaves, what stays, and the disclosure records
(art5.1, art6.1, art6.2, art7, art8.2); and the names of people outside any client's support
that pass the gate and its log too: the non-partners a partner keeps (art7) and the
households a director directs (art1)."""

from __future__ import annotations

import datetime

import pytest

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    name_in_consent,
    next_bsn,
    representative_of,
    supporting,
)
from zorgvuldig.clients.models import Household
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.exchange.models import Disclosure, NonPartner
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log import verify
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def may_share(actor, client_dossier):
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    return client_dossier


@pytest.fixture
def youth_care(registered_client):
    """A partner that supports the client in youth care too: a share there carries what its
    own support needs (art5.1)."""
    recipient = make_partner("Jeugdhulp Langbroek")
    supporting(recipient, registered_client, "wim", consent=False)
    return recipient


def test_art6_1_allowed_items_leave_with_a_disclosure_record_refused_ones_stay(
    actor, may_share, youth_care
):
    youth = factories.record(actor, may_share.id, category="youth", value="Groep 8")
    health = factories.record(
        actor, may_share.id, category="health", value="ADHD"
    )  # no signed form: art4.4
    result = services.share_items(
        actor,
        may_share.id,
        item_ids=[youth.id, health.id],
        recipient_partner_id=youth_care.id,
        recipient_person="J. van Dijk",
        purpose="support-provision",
    )
    assert result.sent == (youth.id,) and result.withheld == (health.id,)
    assert "schriftelijke toestemming" in result.explanation
    (disclosure,) = Disclosure.objects.all()
    assert (disclosure.item_id, disclosure.version_number, disclosure.recipient_partner_id) == (
        youth.id,
        1,
        youth_care.id,
    )
    assert (disclosure.ground, disclosure.purpose, disclosure.recipient_person) == (
        "consent",
        "support-provision",
        "J. van Dijk",
    )
    log = LogRecord.objects.get(name="gegevens-delen", trace_id=result.trace_id)
    assert log.decision == "partial" and disclosure.trace_id == result.trace_id
    (who,) = services.disclosures_of_item(actor, youth.id, purpose="accountability")
    assert who.recipient == youth_care.name and who.version_number == 1


def test_art4_3_nothing_is_shared_without_consent_to_share(actor, client_dossier, youth_care):
    youth = factories.record(actor, client_dossier.id, category="youth", value="x")
    with pytest.raises(ProcessingRefused) as refused:
        services.share_items(
            actor,
            client_dossier.id,
            item_ids=[youth.id],
            recipient_partner_id=youth_care.id,
            purpose="support-provision",
        )
    assert refused.value.decision.articles == ("art4.3",)
    assert not Disclosure.objects.exists()


def test_art7_a_non_partner_gets_nothing_before_it_was_informed(actor, may_share):
    contact = factories.record(actor, may_share.id, category="contact", value="06-1")
    grandma = services.register_non_partner(actor, name="Oma de Vries", kind="family")
    with pytest.raises(ProcessingRefused) as refused:
        services.share_items(
            actor,
            may_share.id,
            item_ids=[contact.id],
            non_partner_id=grandma.id,
            purpose="support-provision",
        )
    assert refused.value.decision.articles == ("art7",)
    services.inform_non_partner(actor, grandma.id)
    name_in_consent(actor, may_share.id, grandma.id)  # art7: named, not "every partner"
    result = services.share_items(
        actor,
        may_share.id,
        item_ids=[contact.id],
        non_partner_id=grandma.id,
        purpose="support-provision",
    )
    assert result.sent == (contact.id,)
    assert Disclosure.objects.get().recipient_non_partner_id == grandma.id


def test_art8_2_veilig_thuis_receives_without_consent_and_the_dossier_notes_it(
    actor, client_dossier
):
    signal = factories.record(
        actor, client_dossier.id, category="safety-signals", value="Blauwe plekken gezien"
    )
    result = services.share_items(
        actor,
        client_dossier.id,
        item_ids=[signal.id],
        report_reference="VT-2026-0042",
        purpose="safety",
    )
    assert result.sent == (signal.id,)  # no consent to share was ever asked
    disclosure = Disclosure.objects.get()
    assert (disclosure.ground, disclosure.report_reference) == ("art8.2", "VT-2026-0042")
    assert Annotation.objects.filter(client_id=client_dossier.id, article="art8.2").exists()
    assert LogRecord.objects.get(name="gegevens-delen").foreign_operation == "VT-2026-0042"


def test_art6_2_secret_items_stay_unless_released(actor, may_share, youth_care):
    secret = factories.record(
        actor, may_share.id, category="youth", value="x", professional_secrecy=True
    )
    with pytest.raises(ProcessingRefused) as refused:
        services.share_items(
            actor,
            may_share.id,
            item_ids=[secret.id],
            recipient_partner_id=youth_care.id,
            purpose="support-provision",
        )
    assert refused.value.decision.articles == ("art6.2",)
    services.release_secrecy(
        actor,
        secret.id,
        recipient=str(youth_care.id),
        reason="Voor de indicatie",
        purpose="support-provision",
    )
    result = services.share_items(
        actor,
        may_share.id,
        item_ids=[secret.id],
        recipient_partner_id=youth_care.id,
        purpose="support-provision",
    )
    assert result.sent == (secret.id,)


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "other-client",
        "unknown-partner",
        "uncommitted",
        "no-recipient",
        "vt-blank-reference",
        "unknown-purpose",
    ],
)
def test_bad_input_sends_nothing(actor, may_share, youth_care, case):
    item = factories.record(actor, may_share.id, category="youth", value="x")
    kwargs = {
        "item_ids": [item.id],
        "recipient_partner_id": youth_care.id,
        "purpose": "support-provision",
    }
    expected = InvalidInput
    if case == "empty":
        kwargs["item_ids"] = []
    elif case == "other-client":
        other = services.register_client(
            actor,
            bsn=next_bsn(),
            given_names="Piet",
            surname="Jansen",
            birth_date=datetime.date(1980, 1, 1),
            domain="jeugd",
            legal_basis="jeugdwet",
        )
        inform_and_consent(actor, other.id)
        kwargs["item_ids"] = [
            item.id,
            factories.record(actor, other.id, category="youth", value="x").id,
        ]
    elif case == "unknown-partner":
        kwargs["recipient_partner_id"] = "6f1c1f1e-0000-4000-8000-000000000000"
        expected = NotFound
    elif case == "uncommitted":
        kwargs["recipient_partner_id"] = make_partner("Particulier B.V.", committed=False).id
    elif case == "no-recipient":
        kwargs["recipient_partner_id"] = None
    elif case == "vt-blank-reference":
        kwargs.update(recipient_partner_id=None, report_reference="   ")
    elif case == "unknown-purpose":
        kwargs["purpose"] = "marketing"
    with pytest.raises(expected):
        services.share_items(actor, may_share.id, **kwargs)
    assert not Disclosure.objects.exists()
    assert not LogRecord.objects.filter(name="gegevens-delen").exists()


def test_the_preview_shows_per_item_what_would_go_and_sends_nothing(actor, may_share, youth_care):
    youth = factories.record(actor, may_share.id, category="youth", value="x")
    health = factories.record(actor, may_share.id, category="health", value="x")
    rows = {
        r.item_id: r
        for r in services.preview_share(
            actor,
            may_share.id,
            item_ids=[youth.id, health.id],
            recipient_partner_id=youth_care.id,
            purpose="support-provision",
        )
    }
    assert rows[youth.id].allowed and not rows[health.id].allowed
    assert rows[health.id].articles == ("art4.4",)
    assert "ondertekende toestemmingsformulier" in rows[health.id].explanation
    assert not Disclosure.objects.exists()
    assert LogRecord.objects.filter(name="delen-voorbereiden").exists()
    assert not LogRecord.objects.filter(name="gegevens-delen").exists()


def test_art7_a_partner_records_addressing_a_non_partner(actor):
    neighbour = services.register_non_partner(
        actor, name="Buurman Jansen", kind="network", informed=True
    )
    assert (
        services.address_non_partner(
            actor,
            neighbour.id,
            addressed_on=datetime.date(2026, 11, 1),
            what_happened="Vertelde verder wat hij hoorde.",
        )
        == 1
    )
    with pytest.raises(InvalidInput):
        services.address_non_partner(
            actor, neighbour.id, addressed_on=datetime.date(2026, 11, 1), what_happened="  "
        )


def test_art8_2_the_privacy_officer_sees_what_veilig_thuis_received(partner, actor, client_dossier):
    from tests.conftest import make_employee
    from zorgvuldig.partners.models import Role
    from zorgvuldig.partners.services import actor_for

    signal = factories.record(actor, client_dossier.id, category="safety-signals", value="Signaal")
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[signal.id],
        report_reference="VT-2026-0042",
        purpose="safety",
    )
    officer = actor_for(make_employee(partner, "pieter", role=Role.PRIVACY_OFFICER))
    (entry,) = services.exceptions_register(officer)
    assert entry.article == "art8.2" and "Veilig Thuis" in entry.text


def test_art9_1_who_received_a_clients_data_from_this_organisation(actor, may_share, youth_care):
    youth = factories.record(actor, may_share.id, category="youth", value="Groep 8")
    contact = factories.record(actor, may_share.id, category="contact", value="06-12345678")
    welfare = make_partner("Welzijn Heuvelrug")
    eva = supporting(welfare, may_share, "eva")
    for recipient, item in ((youth_care, youth), (welfare, youth), (welfare, contact)):
        services.share_items(
            actor,
            may_share.id,
            item_ids=[item.id],
            recipient_partner_id=recipient.id,
            purpose="support-provision",
        )
    rows = services.disclosures_of_client(actor, may_share.id, purpose="accountability")
    assert [(r.item_id, r.recipient) for r in rows] == [
        (youth.id, youth_care.name),
        (youth.id, welfare.name),
        (contact.id, welfare.name),
    ]
    # another organisation that supports the client sees only its own disclosures
    inform_and_consent(
        eva, may_share.id, representative_id=representative_of(may_share.id), scopes=("share",)
    )
    own = factories.record(eva, may_share.id, category="youth", value="Jongerenwerk")
    services.share_items(
        eva,
        may_share.id,
        item_ids=[own.id],
        recipient_partner_id=youth_care.id,
        purpose="support-provision",
    )
    (theirs,) = services.disclosures_of_client(eva, may_share.id, purpose="accountability")
    assert theirs.item_id == own.id
    assert len(services.disclosures_of_client(actor, may_share.id, purpose="accountability")) == 3


def records_for(subject_id, name: str):
    return list(
        LogRecord.objects.filter(name=name, subject_pseudonym=subject_pseudonym(subject_id))
    )


def assert_logged(subject_id, name: str, operation: str, category: str, purpose: str, article):
    (record,) = records_for(subject_id, name)
    assert (record.operation, record.categories, record.purpose) == (operation, category, purpose)
    assert (record.decision, record.articles, record.status) == ("allowed", article, "ok")
    return record


def test_art7_registering_a_non_partner_is_logged_for_that_person(actor):
    grandma = services.register_non_partner(actor, name="Oma de Vries", kind="family")
    record = assert_logged(
        grandma.id,
        "niet-partner-vastleggen",
        "record",
        "identification",
        "support-provision",
        "art7",
    )
    assert record.actor_id == actor.log_id and record.partner_id == str(actor.partner_id)


def test_art7_informing_and_addressing_a_non_partner_are_logged(actor):
    neighbour = services.register_non_partner(actor, name="Buurman Jan", kind="network")
    services.inform_non_partner(actor, neighbour.id)
    services.address_non_partner(
        actor, neighbour.id, addressed_on=datetime.date(2026, 1, 5), what_happened="Doorverteld"
    )
    (address,) = services.non_partner_addresses(actor, neighbour.id)
    assert address.what_happened == "Doorverteld"
    for name, operation in (
        ("niet-partner-informeren", "change"),
        ("niet-partner-aanspreken", "record"),
        ("niet-partner-aanspreken-raadplegen", "consult"),
    ):
        assert_logged(neighbour.id, name, operation, "identification", "support-provision", "art7")


def test_art7_listing_the_non_partners_is_a_consult_logged_for_each(actor):
    grandma = services.register_non_partner(actor, name="Oma", kind="family")
    broker = services.register_non_partner(actor, name="Makelaar", kind="organisation")
    other = actor_for(make_employee(make_partner("Elders"), "bram"))
    services.register_non_partner(other, name="Tante", kind="family")
    listed = services.list_non_partners(actor, purpose="assessment")
    assert [n.name for n in listed] == ["Oma", "Makelaar"]
    for non_partner in (grandma, broker):
        assert_logged(
            non_partner.id,
            "niet-partners-raadplegen",
            "consult",
            "identification",
            "assessment",
            "art7",
        )
    assert LogRecord.objects.filter(name="niet-partners-raadplegen").count() == 2
    assert verify.verify().ok


def test_art2_a_non_partner_processing_without_a_valid_purpose_writes_nothing(actor):
    with pytest.raises(InvalidInput) as error:
        services.register_non_partner(actor, name="Oma", kind="family", purpose="nieuwsgierigheid")
    assert "purpose" in error.value.errors
    assert not NonPartner.objects.exists() and not LogRecord.objects.exists()


def test_art1_the_director_finding_the_households_is_logged_for_every_member(actor, client_dossier):
    director = make_employee(make_partner("Gemeente"), "marloes")
    household = services.create_household(
        actor,
        client_dossier.id,
        name="Gezin De Vries",
        member_subject_ids=[representative_of(client_dossier.id)],
        director_id=director.id,
        plan="Eén plan",
    )
    (found,) = services.directed_households(actor_for(director))
    assert found.name == "Gezin De Vries"
    members = list(Household.objects.get(id=household.id).members.values_list("id", flat=True))
    assert len(members) == 2  # Sanne and her mother
    for member in members:
        assert_logged(
            member,
            "geregisseerde-huishoudens-raadplegen",
            "consult",
            "household",
            "integrated-support",
            "art1",
        )
