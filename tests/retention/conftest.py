# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the retention tests: a dossier whose support ended, its privacy officer."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import make_employee
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for

D = datetime.date


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
