# SPDX-License-Identifier: EUPL-1.2
"""Integrated support: the director sees the one plan and coordinates the exchanges (art1)."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import inform_and_consent, make_employee, make_partner
from zorgvuldig.clients.models import Household
from zorgvuldig.core.errors import InvalidInput, NotAllowed, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.partners.models import ProtocolCommitment, Role
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


def _form(actor, client_dossier, director_id):
    return services.create_household(
        actor, client_dossier.id, name="Gezin", director_id=director_id, plan="Plan"
    )


def _refused_director(actor, client_dossier, director) -> str:
    """The reason the director is refused, after checking that nothing was written."""
    logged = LogRecord.objects.count()
    with pytest.raises(InvalidInput) as error:
        _form(actor, client_dossier, director.id)
    assert set(error.value.errors) == {"directorId"}
    assert not Household.objects.exists()
    assert LogRecord.objects.count() == logged  # refused before anything was decided
    return error.value.errors["directorId"]


@pytest.mark.parametrize("role", [Role.PRIVACY_OFFICER, Role.ADMINISTRATOR])
def test_art3_2c_the_director_is_a_caseworker(actor, client_dossier, role):
    other = make_employee(make_partner("Gemeente"), "pieter", role=role)
    reason = _refused_director(actor, client_dossier, other)
    assert "Alleen een hulpverlener kan regisseur zijn" in reason
    assert "art. 3 lid 2 onder c" in reason


def test_art3_2c_a_director_who_no_longer_works_there_is_refused(actor, client_dossier):
    gone = make_employee(make_partner("Gemeente"), "marloes")
    gone.is_active = False
    gone.save()
    assert "niet actief" in _refused_director(actor, client_dossier, gone)


def test_art3_2d_a_director_who_has_not_acknowledged_the_version_is_refused(actor, client_dossier):
    newcomer = make_employee(make_partner("Gemeente"), "nina", acknowledged=False)
    reason = _refused_director(actor, client_dossier, newcomer)
    assert "nog niet bevestigd" in reason and "art. 3 lid 2 onder d" in reason
    assert "regio-utrecht-zuidoost-2015" in reason


def test_art3_2d_a_director_who_acknowledged_only_an_earlier_version_is_refused(
    actor, client_dossier
):
    municipality = make_partner("Gemeente")
    director = make_employee(municipality, "marloes")  # acknowledged the 2015 version
    ProtocolCommitment.objects.filter(partner=municipality).update(
        ends_on=datetime.date(2018, 5, 24)
    )
    ProtocolCommitment.objects.create(
        partner=municipality,
        protocol_version="regio-utrecht-zuidoost-avg-2018",
        starts_on=datetime.date(2018, 5, 25),
    )
    reason = _refused_director(actor, client_dossier, director)
    assert "regio-utrecht-zuidoost-avg-2018" in reason and "nog niet bevestigd" in reason


def test_art1_a_director_of_an_organisation_not_committed_today_is_refused(actor, client_dossier):
    municipality = make_partner("Gemeente")
    director = make_employee(municipality, "marloes")
    ProtocolCommitment.objects.filter(partner=municipality).update(
        ends_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    reason = _refused_director(actor, client_dossier, director)
    assert "Gemeente" in reason and "gecommitteerd" in reason and "art. 1" in reason
    never = make_employee(make_partner("Buurtteam", committed=False), "olga")
    assert "gecommitteerd" in _refused_director(actor, client_dossier, never)


def test_art3_2c_a_director_who_may_act_forms_the_household(actor, client_dossier):
    director = make_employee(make_partner("Gemeente"), "marloes")
    formed = _form(actor, client_dossier, director.id)
    assert formed.director_id == director.id


def test_art1_the_plan_holds_the_directors_the_forming_and_the_named_organisations(
    actor, partner, client_dossier
):
    municipality = make_partner("Gemeente")
    wmo = make_partner("Wmo Langbroek")
    director = make_employee(municipality, "marloes")
    formed = services.create_household(
        actor,
        client_dossier.id,
        name="Gezin",
        director_id=director.id,
        plan="Plan",
        partner_ids=[wmo.id, municipality.id],
    )
    assert [p.name for p in formed.partners] == ["Gemeente", "Jeugdteam Heuvelrug", "Wmo Langbroek"]
    household = Household.objects.get()
    assert set(household.partners.all()) == {municipality, partner, wmo}


def test_art1_the_plan_names_no_organisation_that_is_no_partner_today(actor, client_dossier):
    director = make_employee(make_partner("Gemeente"), "marloes")
    ended = make_partner("Thuiszorg Gestopt")
    ProtocolCommitment.objects.filter(partner=ended).update(
        ends_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    with pytest.raises(InvalidInput) as error:
        services.create_household(
            actor,
            client_dossier.id,
            name="Gezin",
            director_id=director.id,
            plan="Plan",
            partner_ids=[ended.id],
        )
    assert "Thuiszorg Gestopt" in error.value.errors["partnerIds"]
    assert not Household.objects.exists()
