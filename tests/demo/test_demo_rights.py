# SPDX-License-Identifier: EUPL-1.2
"""The demo region shows the requests of data subjects (art9, art10), read back through the
gate services."""

from __future__ import annotations

import pytest

from tests.demo.test_demo_exchanges import actor, client_id
from zorgvuldig.gate import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_region):
    """The demo region, loaded once for this module (the tests only read)."""


def test_art9_1_sanne_s_overview_waits_in_the_privacy_officer_s_queue(demo):
    (line,) = services.open_requests(actor("sophie"))
    assert line.request.kind == "overview" and line.request.client_name == "Sanne de Vries"
    assert {s.role for s in line.request.signed_by} == {"client", "legal-representative"}
    assert line.urgency == "on-time" and line.days_left > 0
    overview = services.subject_overview(actor("sophie"), line.request.id)
    assert any(r.recipient_kind == "veilig-thuis" for r in overview.recipients)


def test_art9_6_petra_s_correction_waits_for_the_earlier_recipients(demo):
    kees = actor("kees")
    (request,) = services.client_requests(kees, client_id(kees, "Leeuwen", given="Petra"))
    assert (request.kind, request.state, request.outcome) == (
        "correction",
        "carried-out",
        "granted",
    )
    told = {n.recipient for n in services.request_notices(kees, request.id)}
    # the rent arrears went to welfare only: the debt counsellors' referral left them behind
    assert told == {"Welzijn Heuvelrug Zuidoost"}


def test_art9_5_mohamed_s_deletion_is_refused_with_a_letter(demo):
    marloes = actor("marloes")
    (request,) = services.client_requests(marloes, client_id(marloes, "Bouzid"))
    assert (request.state, request.outcome, request.refusal_ground) == (
        "closed",
        "refused",
        "legal-duty",
    )
    assert services.refusal_letter_pdf(marloes, request.id).startswith(b"%PDF")
