# SPDX-License-Identifier: EUPL-1.2
"""art3.2c: what each role reaches, decided by decide() from the facts of the role (decision 22).

Every test runs against both protocol versions: they agree on these rules.
"""

from __future__ import annotations

import pytest

from tests.protocol.support import V2015, VAVG, facts, request
from zorgvuldig.protocol import (
    Access,
    Category,
    LegalBasis,
    Operation,
    Purpose,
    PurposeGround,
    decide,
)
from zorgvuldig.protocol.request import RecipientKind

pytestmark = pytest.mark.parametrize("version", [V2015, VAVG], ids=lambda v: v.id)

OVERSIGHT = request(purpose=Purpose.ACCOUNTABILITY, categories=(Category.IDENTIFICATION,))


def test_art3_2c_a_role_without_casework_reaches_no_client_even_when_assigned(version):
    # the functional administrator or the incident reporter, put on a trajectory by mistake
    assigned = facts(version, casework=False)
    decision = decide(request(), assigned)
    assert not decision.allowed and decision.articles == ("art3.2c",)
    assert "uw rol geeft geen toegang" in decision.explanation
    assert not decide(OVERSIGHT, assigned).allowed  # no oversight either
    intake = request(operation=Operation.RECORD, purpose=Purpose.INTAKE)
    opening = facts(
        version,
        casework=False,
        assigned_legal_bases=frozenset(),
        opening_trajectory=LegalBasis.YOUTH_ACT,
    )
    assert decide(intake, opening).articles == ("art3.2c",)


def test_art3_2c_a_caseworker_role_reaches_its_assigned_client(version):
    decision = decide(request(), facts(version))
    assert decision.allowed and decision.access == Access.ASSIGNED


def test_art3_2c_the_privacy_officer_sees_who_the_client_is_not_the_content(version):
    officer = facts(version, casework=False, assigned_legal_bases=frozenset(), privacy_officer=True)
    decision = decide(OVERSIGHT, officer)
    assert decision.allowed and decision.access == Access.OVERSIGHT
    content = request(purpose=Purpose.ACCOUNTABILITY, categories=(Category.HEALTH,))
    refused = decide(content, officer)
    assert not refused.allowed and "art3.2c" in refused.articles
    assert "alleen bij de behandeling van een verzoek" in refused.explanation
    # outside accountability the officer takes no part in the support
    support = decide(request(categories=(Category.IDENTIFICATION,)), officer)
    assert support.articles == ("art3.2c",) and "ter verantwoording" in support.explanation


def test_art3_2c_the_privacy_officer_handling_a_request_has_the_request_as_ground(version):
    officer = facts(
        version,
        casework=False,
        assigned_legal_bases=frozenset(),
        privacy_officer=True,
        handles_request=True,
    )
    decision = decide(OVERSIGHT, officer)
    assert decision.allowed and decision.access == Access.REQUEST
    content = decide(
        request(purpose=Purpose.ACCOUNTABILITY, categories=(Category.HEALTH,)), officer
    )
    assert "verzoek" not in content.explanation  # art5.1 decides it, not the role


def test_art3_2c_the_data_protection_officer_oversees_and_changes_nothing(version):
    fg = facts(
        version, casework=False, assigned_legal_bases=frozenset(), data_protection_officer=True
    )
    assert decide(OVERSIGHT, fg).allowed
    content = decide(request(purpose=Purpose.ACCOUNTABILITY, categories=(Category.YOUTH,)), fg)
    assert not content.allowed and "functionaris gegevensbescherming" in content.explanation
    # a request of the data subject gives the FG nothing more
    assert not decide(
        request(purpose=Purpose.ACCOUNTABILITY, categories=(Category.YOUTH,)),
        facts(
            version,
            casework=False,
            assigned_legal_bases=frozenset(),
            data_protection_officer=True,
            handles_request=True,
        ),
    ).allowed
    for operation in (Operation.RECORD, Operation.CHANGE, Operation.SHARE):
        changing = request(
            purpose=Purpose.ACCOUNTABILITY,
            operation=operation,
            categories=(Category.IDENTIFICATION,),
            recipient="p2",
        )
        assert decide(changing, fg).articles == ("art3.2c",)


def test_art3_2c_the_veilig_thuis_liaison_handles_an_open_meldcode_case(version):
    case = frozenset({PurposeGround.MELDCODE_CASE})  # the gate finds the open case
    liaison = facts(
        version, assigned_legal_bases=frozenset(), meldcode_liaison=True, purpose_grounds=case
    )
    consult = request(purpose=Purpose.SAFETY, categories=(Category.IDENTIFICATION,))
    decision = decide(consult, liaison)
    assert decision.allowed and decision.access == Access.MELDCODE
    to_veilig_thuis = request(
        purpose=Purpose.SAFETY,
        operation=Operation.SHARE,
        categories=(Category.IDENTIFICATION,),
        recipient="veilig-thuis",
        recipient_kind=RecipientKind.VEILIG_THUIS,
    )
    assert decide(to_veilig_thuis, liaison).allowed
    # not for the ordinary support, not to another partner, not without a case
    assert decide(request(categories=(Category.IDENTIFICATION,)), liaison).articles == ("art3.2c",)
    to_partner = request(
        purpose=Purpose.SAFETY,
        operation=Operation.SHARE,
        categories=(Category.IDENTIFICATION,),
        recipient="p2",
    )
    assert "art3.2c" in decide(to_partner, liaison).articles
    no_case = facts(version, assigned_legal_bases=frozenset(), purpose_grounds=case)
    assert decide(consult, no_case).articles == ("art3.2c",)
