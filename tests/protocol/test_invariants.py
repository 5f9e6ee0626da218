# SPDX-License-Identifier: EUPL-1.2
"""Invariants of the protocol, over generated requests and facts (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.protocol.support import V2015, VAVG
from zorgvuldig.protocol import (
    Category,
    Consent,
    ConsentScope,
    ConsentState,
    Domain,
    ExceptionGround,
    Facts,
    Justification,
    LegalBasis,
    Obligation,
    Operation,
    Purpose,
    RecipientKind,
    Request,
    decide,
)
from zorgvuldig.protocol.vocabulary import DOMAINS_BY_LEGAL_BASIS

versions = st.sampled_from([V2015, VAVG])
categories = st.sampled_from(Category)
justifications = st.none() | st.builds(
    Justification,
    ground=st.sampled_from(ExceptionGround),
    text=st.sampled_from(["", " ", "Nodig."]),
)
requests = st.builds(
    Request,
    actor_id=st.just("e"),
    partner_id=st.just("p"),
    operation=st.sampled_from(Operation),
    categories=st.lists(categories, unique=True, max_size=5).map(tuple),
    purpose=st.none() | st.sampled_from(Purpose),
    legal_basis=st.none() | st.sampled_from(LegalBasis),
    domain=st.none() | st.sampled_from(Domain),
    recipient=st.none() | st.sampled_from(["p2", "p3"]),
    justification=justifications,
    recipient_kind=st.sampled_from(RecipientKind),
)
consents = st.builds(
    Consent,
    scope=st.sampled_from(ConsentScope),
    state=st.sampled_from([ConsentState.GIVEN, ConsentState.REFUSED, ConsentState.WITHDRAWN]),
    categories=st.none() | st.frozensets(categories, min_size=1, max_size=3),
    recipients=st.none() | st.frozensets(st.sampled_from(["p2", "p3"]), min_size=1),
    written=st.booleans(),
)
facts = st.builds(
    Facts,
    version=versions,
    actor_is_employee=st.booleans(),
    partner_committed=st.booleans(),
    acknowledged_current_version=st.booleans(),
    assigned_legal_bases=st.frozensets(st.sampled_from(LegalBasis)),
    household_director=st.booleans(),
    opening_trajectory=st.none() | st.sampled_from(LegalBasis),
    informed=st.booleans(),
    consents=st.lists(consents, max_size=4).map(tuple),
    professional_secrecy=st.frozensets(categories, max_size=3),
    blocked=st.frozensets(categories, max_size=2),
    recipient_informed=st.booleans(),
)

PROPERTY = settings(max_examples=400, deadline=None)


def _justified(request: Request) -> bool:
    j = request.justification
    return j is not None and bool(j.text.strip())


@PROPERTY
@given(requests, facts)
def test_decide_is_deterministic_and_every_decision_names_an_article(request, facts):
    first, second = decide(request, facts), decide(request, facts)
    assert first == second and first.explanation == second.explanation
    assert first.articles
    assert all(o.articles for o in first.outcomes)
    assert [o.category for o in first.outcomes] == list(request.categories)


@PROPERTY
@given(requests, facts)
def test_nothing_is_allowed_without_purpose_basis_acknowledgement_and_commitment(request, facts):
    if decide(request, facts).allowed_categories:
        assert request.purpose is not None and request.legal_basis is not None
        assert facts.version is not None and facts.partner_committed
        assert facts.actor_is_employee and facts.acknowledged_current_version


@PROPERTY
@given(requests, facts)
def test_art4_4_no_medical_data_requested_or_shared_without_written_form_unless_art4_6(
    request, facts
):
    decision = decide(request, facts)
    if Category.HEALTH in decision.allowed_categories and request.operation in (
        Operation.REQUEST,
        Operation.SHARE,
    ):
        written = any(
            c.written
            and c.state is ConsentState.GIVEN
            and c.covers(Category.HEALTH, request.recipient)
            for c in facts.consents
        )
        assert written or (
            _justified(request) and Obligation.ANNOTATE_DOSSIER in decision.obligations
        )


@PROPERTY
@given(requests, facts)
def test_art4_5_withdrawn_consent_always_refuses_unless_art4_6(request, facts):
    decision = decide(request, facts)
    version = facts.version
    if version is None or not decision.allowed_categories:
        return
    scope = version.consent_scope[request.operation]
    for category in decision.allowed_categories:
        withdrawn = any(
            c.scope is scope
            and c.state is ConsentState.WITHDRAWN
            and c.covers(category, request.recipient)
            for c in facts.consents
        )
        art8_2 = (
            request.operation is Operation.SHARE
            and request.recipient_kind is RecipientKind.VEILIG_THUIS
        )
        if withdrawn and category not in version.consent_exempt and not art8_2:
            outcome = next(o for o in decision.outcomes if o.category is category)
            assert "art4.6" in outcome.articles and _justified(request)


@PROPERTY
@given(requests, facts)
def test_art5_1_allowed_categories_never_exceed_the_matrix(request, facts):
    decision = decide(request, facts)
    if not decision.allowed_categories:
        return
    if (
        request.operation is Operation.SHARE
        and request.recipient_kind is RecipientKind.VEILIG_THUIS
    ):
        assert set(decision.allowed_categories) <= facts.version.veilig_thuis_categories  # art8.2
        return
    domains = [request.domain] if request.domain else DOMAINS_BY_LEGAL_BASIS[request.legal_basis]
    matrix = frozenset().union(*(facts.version.necessary(request.purpose, d) for d in domains))
    assert set(decision.allowed_categories) <= matrix


@PROPERTY
@given(requests, facts)
def test_art6_2_secret_items_never_leave(request, facts):
    decision = decide(request, facts)
    if request.operation is Operation.SHARE:
        assert not set(decision.allowed_categories) & facts.professional_secrecy
        assert not decision.allowed_categories or request.recipient is not None


@PROPERTY
@given(requests, facts)
def test_art9_4_nothing_blocked_is_processed_but_for_veilig_thuis(request, facts):
    decision = decide(request, facts)
    if request.recipient_kind is not RecipientKind.VEILIG_THUIS or (
        request.operation is not Operation.SHARE
    ):
        assert not set(decision.allowed_categories) & facts.blocked


@PROPERTY
@given(requests, facts)
def test_art7_nothing_goes_to_an_uninformed_non_partner(request, facts):
    decision = decide(request, facts)
    if (
        request.operation is Operation.SHARE
        and request.recipient_kind is RecipientKind.NON_PARTNER
        and not facts.recipient_informed
    ):
        assert not decision.allowed_categories
