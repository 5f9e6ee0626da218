"""Integrated support: the director sees the one plan and coordinates the exchanges (art1)."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import inform_and_consent, make_employee, make_partner
from zorgvuldig.gate import services
from zorgvuldig.gate.errors import NotAllowed, ProcessingRefused
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def test_the_director_sees_the_plan_and_the_exchanges_and_keeps_the_plan(actor, client_dossier):
    from zorgvuldig.clients.models import Relation

    mother = Relation.objects.get(
        subject__client__id=client_dossier.id, kind="legal-representative"
    )
    municipality = make_partner("Gemeente")
    director = actor_for(make_employee(municipality, "marloes"))
    household = services.create_household(
        actor,
        client_dossier.id,
        name="Gezin De Vries",
        member_client_ids=[],
        director_id=director.employee_id,
        plan="Schoolgang herstellen.",
    )
    inform_and_consent(
        actor, client_dossier.id, representative_id=mother.related_id, scopes=("share",)
    )
    school = services.record_item(
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
    wmo = make_partner("Wmo Langbroek")
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[school.id],
        recipient_partner_id=wmo.id,
        purpose="support-provision",
        referral_domain="jeugd",  # Wmo Langbroek does not support Sanne yet (art5.1)
    )

    with pytest.raises(ProcessingRefused) as refused:  # the director's organisation, too,
        services.household_overview(director, household.id)  # informs and asks consent
    assert refused.value.decision.articles == ("art4.2",)
    inform_and_consent(
        director, client_dossier.id, representative_id=mother.related_id, legal_basis="jeugdwet"
    )
    overview = services.household_overview(director, household.id)
    assert overview.household.plan == "Schoolgang herstellen."
    (line,) = overview.exchanges
    assert (line.member, line.category, line.sender, line.recipient) == (
        "Sanne de Vries",
        "youth",
        "Jeugdteam Heuvelrug",
        "Wmo Langbroek",
    )
    updated = services.update_household_plan(
        director, household.id, plan="Schoolgang herstellen; huur regelen."
    )
    assert updated.plan.endswith("huur regelen.")
    assert LogRecord.objects.filter(name="huishouden-coordineren", decision="allowed").exists()
    assert LogRecord.objects.filter(name="plan-bijwerken").exists()


def test_only_the_director_coordinates(actor, client_dossier):
    director = actor_for(make_employee(make_partner("Gemeente"), "marloes"))
    household = services.create_household(
        actor,
        client_dossier.id,
        name="Gezin",
        member_client_ids=[],
        director_id=director.employee_id,
        plan="Plan",
    )
    with pytest.raises(NotAllowed):
        services.household_overview(actor, household.id)
    with pytest.raises(NotAllowed):
        services.update_household_plan(actor, household.id, plan="Ander plan")


def test_art3_2c_the_director_finds_the_households_members_under_the_law_of_their_support(
    actor, client_dossier
):
    municipality = make_partner("Gemeente")
    director = actor_for(make_employee(municipality, "marloes"))
    colleague = actor_for(make_employee(municipality, "kees"))
    services.create_household(
        actor,
        client_dossier.id,
        name="Gezin De Vries",
        director_id=director.employee_id,
        plan="Schoolgang herstellen.",
    )
    # no trajectory of their own: the director works under the law of the client's support
    (found,) = services.search_clients(director, purpose="integrated-support", name="Vries")
    assert found.id == client_dossier.id
    record = LogRecord.objects.filter(name="client-zoeken", actor_id=str(director.employee_id))
    assert record.get().legal_basis == "jeugdwet"
    assert services.search_clients(colleague, purpose="integrated-support", name="Vries") == []
