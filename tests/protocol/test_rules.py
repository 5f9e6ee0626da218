# SPDX-License-Identifier: EUPL-1.2
"""The rules of the foundation: art1, art2, art3.2c, art3.2d, art5.1 (empty request).

Every test runs against both protocol versions: they agree on these rules.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.protocol.support import V2015, VAVG, facts, request
from zorgvuldig.protocol import Category, LegalBasis, Operation, Purpose, decide
from zorgvuldig.protocol.decision import article_label

pytestmark = pytest.mark.parametrize("version", [V2015, VAVG], ids=lambda v: v.id)


def test_allowed_when_every_rule_holds(version):
    decision = decide(request(), facts(version))
    assert decision.allowed and decision.status == "allowed"
    assert decision.allowed_categories == (Category.IDENTIFICATION, Category.YOUTH)
    assert {"art1", "art2", "art3.2c", "art3.2d", "art5.1"} <= set(decision.articles)
    assert decision.explanation.startswith("Toegestaan")


def test_art2_processing_without_purpose_is_refused(version):
    decision = decide(request(purpose=None), facts(version))
    assert not decision.allowed and decision.status == "refused"
    assert decision.articles == ("art2",)
    assert "geen doel" in decision.explanation


def test_art2_purpose_outside_the_version_is_refused(version):
    narrow = replace(version, purposes=frozenset({Purpose.INTAKE}))
    decision = decide(request(), facts(narrow))
    assert decision.articles == ("art2",)
    assert "valt niet onder" in decision.explanation


def test_art2_processing_without_legal_basis_is_refused(version):
    decision = decide(request(legal_basis=None), facts(version))
    assert decision.articles == ("art2",)
    assert "Wmo 2015, Jeugdwet of Participatiewet" in decision.explanation


def test_art2_legal_basis_must_carry_the_actors_support(version):
    decision = decide(request(legal_basis=LegalBasis.WMO_2015), facts(version))
    assert decision.articles == ("art2",)
    assert "Jeugdwet" in decision.explanation  # says which basis would allow it


def test_art1_partner_not_committed_is_refused(version):
    decision = decide(request(), facts(version, partner_committed=False))
    assert decision.articles == ("art1",)


def test_art1_no_protocol_version_in_force_is_refused(version):
    decision = decide(request(), facts(None))
    assert decision.articles == ("art1",)


def test_art3_2d_employee_without_acknowledgement_reaches_nothing(version):
    decision = decide(request(), facts(version, acknowledged_current_version=False))
    assert decision.articles == ("art3.2d",)
    assert "bevestig" in decision.explanation


def test_art3_2c_employee_not_assigned_is_refused(version):
    decision = decide(request(), facts(version, assigned_legal_bases=frozenset()))
    assert decision.articles == ("art3.2c",)
    assert "toewijzen" in decision.explanation  # the remedy


def test_art3_2c_without_access_the_missing_legal_basis_is_not_the_reason(version):
    decision = decide(request(legal_basis=None), facts(version, assigned_legal_bases=frozenset()))
    assert decision.articles == ("art3.2c",)


def test_art3_2c_household_director_reaches_the_client(version):
    director = facts(version, assigned_legal_bases=frozenset(), household_director=True)
    assert decide(request(), director).allowed


def test_art3_2c_service_identity_reaches_no_personal_data(version):
    decision = decide(request(), facts(version, actor_is_employee=False))
    assert decision.articles == ("art3.2c",)


def test_art3_2c_intake_opens_access_only_for_recording_under_its_own_basis(version):
    opening = facts(
        version, assigned_legal_bases=frozenset(), opening_trajectory=LegalBasis.YOUTH_ACT
    )
    intake = request(
        operation=Operation.RECORD, purpose=Purpose.INTAKE, categories=(Category.IDENTIFICATION,)
    )
    assert decide(intake, opening).allowed
    assert not decide(
        request(
            operation=Operation.RECORD,
            purpose=Purpose.INTAKE,
            categories=(Category.IDENTIFICATION,),
            legal_basis=LegalBasis.WMO_2015,
        ),
        opening,
    ).allowed
    assert not decide(request(categories=(Category.IDENTIFICATION,)), opening).allowed


def test_art5_1_a_request_without_categories_is_refused(version):
    decision = decide(request(categories=()), facts(version))
    assert not decision.allowed
    assert "art5.1" in decision.articles
    assert "alle gegevens" in decision.explanation


def test_every_refusal_says_what_would_allow_it(version):
    decision = decide(
        request(purpose=None, legal_basis=None), facts(version, acknowledged_current_version=False)
    )
    for outcome in decision.outcomes:
        assert outcome.refusals and all(r.remedy for r in outcome.refusals)
    assert decision.explanation.count("Geweigerd") == 3


@pytest.mark.parametrize(
    ("article", "label"),
    [
        ("art2", "art. 2"),
        ("art4.6", "art. 4 lid 6"),
        ("art3.2c", "art. 3 lid 2 onder c"),
    ],
)
def test_articles_are_cited_as_the_protocol_cites_itself(version, article, label):
    assert article_label(article) == label


def test_art3_2c_privacy_officer_consults_for_accountability_only(version):
    officer = facts(version, assigned_legal_bases=frozenset(), privacy_officer=True)
    oversight = request(purpose=Purpose.ACCOUNTABILITY, categories=(Category.IDENTIFICATION,))
    assert decide(oversight, officer).allowed
    assert not decide(request(categories=(Category.IDENTIFICATION,)), officer).allowed
    changing = request(
        purpose=Purpose.ACCOUNTABILITY,
        operation=Operation.CHANGE,
        categories=(Category.IDENTIFICATION,),
    )
    assert not decide(changing, officer).allowed
    assert not decide(oversight, facts(version, assigned_legal_bases=frozenset())).allowed
