# SPDX-License-Identifier: EUPL-1.2
"""Names of people outside any client's support pass the gate and its log too: the
non-partners a partner keeps (art7) and the households a director directs (art1)."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import make_employee, make_partner, representative_of
from zorgvuldig.clients.models import Household
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.exchange.models import NonPartner
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log import verify
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


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
