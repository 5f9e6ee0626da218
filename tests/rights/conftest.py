# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the rights' tests."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import make_employee, make_partner
from zorgvuldig.partners.models import ProtocolCommitment
from zorgvuldig.partners.services import actor_for
from zorgvuldig.protocol import loader

VAVG = loader.load_all()["regio-utrecht-zuidoost-avg-2018"]


@pytest.fixture
def avg_actor(db):
    """An employee of a partner bound to the AVG variant since 25 May 2018."""
    partner = make_partner("Sociaal Team Heuvelrug", committed=False)
    ProtocolCommitment.objects.create(
        partner=partner, protocol_version=VAVG.id, starts_on=datetime.date(2018, 5, 25)
    )
    return actor_for(make_employee(partner, "avg"))
