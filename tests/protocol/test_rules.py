"""The rules of the foundation, one test per requirement id, on the pure decide()."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.protocol import Category, Facts, LegalBasis, Operation, Purpose, Request, decide

REQUEST = Request(
    actor_id="e1",
    partner_id="p1",
    operation=Operation.CONSULT,
    categories=(Category.IDENTIFICATION, Category.YOUTH),
    purpose=Purpose.SUPPORT_PROVISION,
    legal_basis=LegalBasis.YOUTH_ACT,
)
FACTS = Facts(
    actor_is_employee=True,
    partner_committed=True,
    acknowledged_current_version=True,
    assigned_legal_bases=frozenset({LegalBasis.YOUTH_ACT}),
)


def test_allowed_when_every_rule_holds():
    decision = decide(REQUEST, FACTS)
    assert decision.allowed
    assert decision.status == "allowed"
    assert decision.allowed_categories == REQUEST.categories
    assert set(decision.articles) == {"art2", "art3.2c", "art3.2d"}


def test_art2_processing_without_purpose_is_refused():
    decision = decide(replace(REQUEST, purpose=None), FACTS)
    assert not decision.allowed and decision.status == "refused"
    assert decision.articles == ("art2",)
    assert "geen doel" in decision.explanation


def test_art2_processing_without_legal_basis_is_refused():
    decision = decide(replace(REQUEST, legal_basis=None), FACTS)
    assert not decision.allowed
    assert decision.articles == ("art2",)
    assert "Wmo 2015, Jeugdwet of Participatiewet" in decision.explanation


def test_art3_2c_without_access_the_missing_legal_basis_is_not_the_reason():
    decision = decide(
        replace(REQUEST, legal_basis=None), replace(FACTS, assigned_legal_bases=frozenset())
    )
    assert decision.articles == ("art3.2c",)


def test_art2_legal_basis_must_carry_the_actors_support():
    decision = decide(replace(REQUEST, legal_basis=LegalBasis.WMO_2015), FACTS)
    assert not decision.allowed
    assert decision.articles == ("art2",)
    assert "Jeugdwet" in decision.explanation  # says which basis would allow it


def test_art1_partner_not_committed_is_refused():
    decision = decide(REQUEST, replace(FACTS, partner_committed=False))
    assert not decision.allowed
    assert decision.articles == ("art1",)


def test_art3_2d_employee_without_acknowledgement_reaches_nothing():
    decision = decide(REQUEST, replace(FACTS, acknowledged_current_version=False))
    assert not decision.allowed
    assert decision.articles == ("art3.2d",)
    assert "bevestig" in decision.explanation


def test_art3_2c_employee_not_assigned_is_refused():
    decision = decide(REQUEST, replace(FACTS, assigned_legal_bases=frozenset()))
    assert not decision.allowed
    assert decision.articles == ("art3.2c",)
    assert "toewijzen" in decision.explanation  # the remedy


def test_art3_2c_household_director_reaches_the_client():
    facts = replace(FACTS, assigned_legal_bases=frozenset(), household_director=True)
    assert decide(REQUEST, facts).allowed


def test_art3_2c_service_identity_reaches_no_personal_data():
    facts = Facts(
        actor_is_employee=False, partner_committed=True, acknowledged_current_version=True
    )
    decision = decide(REQUEST, facts)
    assert not decision.allowed
    assert "art3.2c" in decision.articles


def test_art3_2c_intake_opens_access_only_for_recording_under_its_own_basis():
    facts = replace(
        FACTS, assigned_legal_bases=frozenset(), opening_trajectory=LegalBasis.YOUTH_ACT
    )
    intake = replace(
        REQUEST,
        operation=Operation.RECORD,
        purpose=Purpose.INTAKE,
        categories=(Category.IDENTIFICATION,),
    )
    assert decide(intake, facts).allowed
    assert not decide(replace(intake, legal_basis=LegalBasis.WMO_2015), facts).allowed
    assert not decide(replace(intake, operation=Operation.CONSULT), facts).allowed


def test_art5_1_a_request_without_categories_is_refused():
    decision = decide(replace(REQUEST, categories=()), FACTS)
    assert not decision.allowed
    assert "art5.1" in decision.articles


def test_every_refusal_says_what_would_allow_it():
    decision = decide(
        replace(REQUEST, purpose=None, legal_basis=None),
        replace(FACTS, acknowledged_current_version=False),
    )
    for outcome in decision.outcomes:
        assert outcome.refusals
        assert all(r.remedy for r in outcome.refusals)
    assert decision.explanation.count("Geweigerd") == 3


requests = st.builds(
    Request,
    actor_id=st.just("e"),
    partner_id=st.just("p"),
    operation=st.sampled_from(Operation),
    categories=st.lists(st.sampled_from(Category), unique=True).map(tuple),
    purpose=st.none() | st.sampled_from(Purpose),
    legal_basis=st.none() | st.sampled_from(LegalBasis),
)
facts = st.builds(
    Facts,
    actor_is_employee=st.booleans(),
    partner_committed=st.booleans(),
    acknowledged_current_version=st.booleans(),
    assigned_legal_bases=st.frozensets(st.sampled_from(LegalBasis)),
    household_director=st.booleans(),
    opening_trajectory=st.none() | st.sampled_from(LegalBasis),
)


@given(requests, facts)
def test_decide_is_deterministic_and_always_names_an_article(request, facts):
    first, second = decide(request, facts), decide(request, facts)
    assert first == second
    assert first.articles
    assert {o.category for o in first.outcomes} == set(request.categories)


@given(requests, facts)
def test_nothing_is_allowed_without_purpose_basis_acknowledgement_and_commitment(request, facts):
    decision = decide(request, facts)
    if decision.allowed_categories:
        assert request.purpose is not None and request.legal_basis is not None
        assert facts.actor_is_employee and facts.partner_committed
        assert facts.acknowledged_current_version


@pytest.mark.parametrize(
    ("article", "label"),
    [
        ("art2", "art. 2"),
        ("art4.6", "art. 4 lid 6"),
        ("art3.2c", "art. 3 lid 2 onder c"),
    ],
)
def test_articles_are_cited_as_the_protocol_cites_itself(article, label):
    from zorgvuldig.protocol.decision import article_label

    assert article_label(article) == label
