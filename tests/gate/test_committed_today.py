# SPDX-License-Identifier: EUPL-1.2
"""One answer to "is this partner committed to the protocol on this day" (art1), however it is
asked: the gate's SQL (a share, the facts of every processing), the model (a data request, the
pages' lists of partners) and the partner services (directors, the API's partner list)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgvuldig.gate import facts, facts_sql
from zorgvuldig.partners import services as partner_services
from zorgvuldig.partners.models import Partner, PartnerKind, ProtocolCommitment

VERSIONS = ["regio-utrecht-zuidoost-2015", "regio-utrecht-zuidoost-avg-2018"]
START = datetime.date(2014, 6, 1)
# a narrow range too, so that two commitments start on one day: the later recorded wins
days = st.one_of(st.integers(0, 4), st.integers(0, 3000)).map(
    lambda n: START + datetime.timedelta(days=n)
)
periods = st.lists(
    st.tuples(days, st.one_of(st.none(), st.integers(0, 900)), st.sampled_from(VERSIONS)),
    max_size=4,
)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(commitments=periods, day=days)
def test_art1_every_way_of_asking_gives_the_same_commitment(commitments, day):
    partner = Partner.objects.create(
        name=f"Partner {Partner.objects.count()}", kind=PartnerKind.PRIVATE
    )
    for starts_on, length, version in commitments:
        ends_on = None if length is None else starts_on + datetime.timedelta(days=length)
        ProtocolCommitment.objects.create(
            partner=partner, protocol_version=version, starts_on=starts_on, ends_on=ends_on
        )
    by_model = partner.commitment_on(day)
    raw = by_model.protocol_version if by_model is not None else None
    assert facts_sql.committed_version(partner.id, day) == raw
    # and the version that applies that day (a version applies from its effective date)
    applies = facts.version_of(partner.id, day)
    assert partner_services.committed_version(partner, day) == (applies and applies.id)
