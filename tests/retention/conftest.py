# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the retention tests: a dossier whose support ended, its privacy officer; and for
the pages, a region like the demo's: dossiers due, one kept on a hold, a list of them."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import inform_and_consent, make_employee, next_bsn
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.partners.services import actor_for

D = datetime.date
DAY = datetime.timedelta(days=1)
HOLD_REASON = "Zijn dochter krijgt nog ondersteuning; wat toen is afgesproken is daarvoor nodig."


def end_support(client):
    """The client's support at the fixtures' partner ran from 1 February 2000 to 1 March 2004,
    when its goals were reached; what is in the dossier was recorded on 1 June 2002."""
    opened, closed, recorded = D(2000, 2, 1), D(2004, 3, 1), D(2002, 6, 1)
    SupportTrajectory.objects.filter(client_id=client.id).update(
        opened_on=opened, closed_on=closed, ending="goals-reached"
    )
    DataItem.objects.filter(client_id=client.id).update(
        created_at=timezone.make_aware(datetime.datetime.combine(recorded, datetime.time(10)))
    )


@pytest.fixture
def officer(partner):
    """The partner's privacy officer: the one who handles dossiers whose support ended."""
    return actor_for(make_employee(partner, "petra", role=Role.PRIVACY_OFFICER))


@pytest.fixture
def youth_item(actor, client_dossier):
    return factories.record(actor, client_dossier.id, "youth", "Zit in groep 8")


def former_client(actor, given_names: str, surname: str, note: str):
    """A client whose youth support at the actor's partner ended in 2004, with one report."""
    client = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names=given_names,
        surname=surname,
        birth_date=datetime.date(1985, 4, 2),
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    inform_and_consent(actor, client.id)
    factories.record(actor, client.id, "youth", note)
    end_support(client)
    return client


@pytest.fixture
def petra(partner) -> Employee:
    """The partner's privacy officer."""
    return make_employee(partner, "petra", role=Role.PRIVACY_OFFICER)


@pytest.fixture
def rob(partner) -> Employee:
    """A second caseworker: the one who reviews what Anna draws up."""
    return make_employee(partner, "rob")


@pytest.fixture
def region(actor, petra, client_dossier, youth_item):
    """As in the demo: Sanne's dossier and two more whose support ended in 2004, so due now,
    and a fourth (Lars) kept on a hold of the privacy officer. Returns the clients by name."""
    end_support(client_dossier)
    clients = {"Sanne": client_dossier}
    for given, surname, note in (
        ("Jesse", "Bos", "Maatjesproject afgerond"),
        ("Iris", "Kok", "Ondersteuning bij school afgerond"),
        ("Lars", "Dekker", "Mantelzorgondersteuning voor zijn dochter"),
    ):
        clients[given] = former_client(actor, given, surname, note)
    services.place_hold(
        actor_for(petra),
        clients["Lars"].id,
        reason=HOLD_REASON,
        review_on=timezone.localdate() + 180 * DAY,
    )
    return clients


@pytest.fixture
def drawn(actor, region):
    """Anna's list of the three dossiers that are due (Lars is held)."""
    return services.draft_destruction_list(actor, due_by=timezone.localdate())
