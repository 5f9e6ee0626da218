# SPDX-License-Identifier: EUPL-1.2
"""Exchanges decided for the recipient: necessity by the recipient's own support, referrals,
purposes that need their ground, and consent narrowed to named recipients (art3.2c, art4.3,
art5.1, art7), in both protocol versions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.protocol.support import JUSTIFIED, RISK, V2015, VAVG, facts, request, share
from zorgvuldig.protocol import (
    Category,
    Consent,
    ConsentScope,
    ConsentState,
    Domain,
    LegalBasis,
    Operation,
    Purpose,
    PurposeGround,
    RecipientKind,
    decide,
)

pytestmark = pytest.mark.parametrize("version", [V2015, VAVG], ids=lambda v: v.id)
RECORD_GIVEN = Consent(ConsentScope.RECORD_REQUEST, ConsentState.GIVEN)
WRITTEN_SHARE = (RECORD_GIVEN, Consent(ConsentScope.SHARE, ConsentState.GIVEN, written=True))


def _outcome(decision, category):
    return next(o for o in decision.outcomes if o.category is category)


def test_art5_1_a_share_carries_only_what_the_recipients_own_support_needs(version):
    # youth care shares youth and health data with a housing corporation that supports the
    # client in housing: youth care needs them, the housing corporation does not
    to_housing = share(Category.YOUTH, Category.HEALTH, Category.CONTACT)
    decision = decide(
        to_housing,
        facts(version, consents=WRITTEN_SHARE, recipient_support=frozenset({Domain.HOUSING})),
    )
    assert decision.allowed_categories == (Category.CONTACT,)
    youth = _outcome(decision, Category.YOUTH)
    assert youth.articles == ("art5.1",)
    assert "ontvanger" in youth.refusals[0].sentence()
    assert "wonen" in youth.refusals[0].sentence()


def test_art5_1_a_recipient_that_supports_the_client_in_the_same_domain_receives(version):
    to_youth_care = share(Category.YOUTH, Category.HEALTH)
    decision = decide(to_youth_care, facts(version, consents=WRITTEN_SHARE))
    assert decision.allowed_categories == (Category.YOUTH, Category.HEALTH)


def test_art5_1_a_recipient_that_does_not_support_the_client_needs_a_referral(version):
    decision = decide(share(Category.CONTACT), facts(version, recipient_support=frozenset()))
    assert not decision.allowed
    assert decision.articles == ("art5.1",)
    assert "verwijs" in decision.explanation.lower()


def test_art5_1_a_referral_carries_what_intake_and_assessment_in_its_domain_need(version):
    referral = share(
        Category.IDENTIFICATION,
        Category.CONTACT,
        Category.YOUTH,
        Category.HEALTH,
        referral_domain=Domain.HOUSING,
    )
    decision = decide(
        referral, facts(version, consents=WRITTEN_SHARE, recipient_support=frozenset())
    )
    # housing needs who and how to reach for intake; youth care data it does not
    assert decision.allowed_categories == (Category.IDENTIFICATION, Category.CONTACT)
    health = _outcome(decision, Category.HEALTH)
    assert "aanmelding en het onderzoek" in health.refusals[0].sentence()
    # what intake and assessment in housing need is the version's data
    assert version.referral_needs(Domain.HOUSING) == (
        version.necessary(Purpose.INTAKE, Domain.HOUSING)
        | version.necessary(Purpose.ASSESSMENT, Domain.HOUSING)
    )


def test_art5_1_a_referral_never_carries_more_than_the_sender_may_share(version):
    # the housing assessment needs debts; the sender's own purpose in youth care does not
    referral = share(Category.FINANCES, referral_domain=Domain.HOUSING)
    decision = decide(referral, facts(version, recipient_support=frozenset()))
    assert not decision.allowed
    assert decision.articles == ("art5.1",)


def test_art5_1_necessity_by_recipient_applies_to_partners_only(version):
    to_family = share(
        Category.CONTACT,
        recipient="oma",
        recipient_kind=RecipientKind.NON_PARTNER,
        justification=JUSTIFIED,
    )
    found = facts(version, recipient_support=frozenset(), recipient_informed=True)
    assert decide(to_family, found).allowed


def test_art5_1_safety_rests_on_a_fact_the_system_holds(version):
    health = request(
        operation=Operation.RECORD, categories=(Category.HEALTH,), purpose=Purpose.SAFETY
    )
    refused = decide(health, facts(version))
    assert not refused.allowed
    assert refused.articles == ("art5.1",)
    assert "meldcodezaak" in refused.explanation
    assert "ernstig risico" in refused.explanation
    assert "Veilig Thuis" in refused.explanation
    # an open Meldcode case, a serious-risk justification: each is a ground
    case = facts(version, purpose_grounds=frozenset({PurposeGround.MELDCODE_CASE}))
    assert decide(health, case).allowed
    assert decide(replace(health, justification=RISK), facts(version)).allowed
    # a justification on another ground is none for safety
    assert not decide(replace(health, justification=JUSTIFIED), facts(version)).allowed


def test_art5_1_veilig_thuis_asking_is_the_ground_of_its_share_for_safety(version):
    to_vt = share(
        Category.SAFETY_SIGNALS,
        recipient="veilig-thuis",
        recipient_kind=RecipientKind.VEILIG_THUIS,
        purpose=Purpose.SAFETY,
    )
    assert decide(to_vt, facts(version, consents=())).allowed
    # the same purpose for a partner has no such ground
    to_partner = share(Category.SAFETY_SIGNALS, purpose=Purpose.SAFETY)
    assert decide(to_partner, facts(version)).articles == ("art5.1",)


def test_art5_1_integrated_support_rests_on_a_household_plan_naming_the_organisation(version):
    integrated = request(categories=(Category.HOUSEHOLD,), purpose=Purpose.INTEGRATED_SUPPORT)
    refused = decide(integrated, facts(version))
    assert refused.articles == ("art5.1",)
    assert "huishouden" in refused.explanation
    planned = facts(version, purpose_grounds=frozenset({PurposeGround.HOUSEHOLD_PLAN}))
    assert decide(integrated, planned).allowed
    # a Meldcode case is no ground for integrated support
    meldcode = facts(version, purpose_grounds=frozenset({PurposeGround.MELDCODE_CASE}))
    assert not decide(integrated, meldcode).allowed


def test_art5_1_the_ordinary_purposes_need_no_ground(version):
    for purpose in (Purpose.INTAKE, Purpose.ASSESSMENT, Purpose.SUPPORT_PROVISION):
        assert purpose not in version.purpose_grounds
    assert decide(request(), facts(version)).allowed


def test_art4_3_consent_narrowed_to_named_organisations_says_whom_it_covers(version):
    narrowed = (
        RECORD_GIVEN,
        Consent(ConsentScope.SHARE, ConsentState.GIVEN, recipients=frozenset({"p3", "p4"})),
    )
    names = (("p3", "Wooncorporatie Heuvelrug"), ("p4", "Sociaal Team Doorn"))
    decision = decide(
        share(Category.CONTACT, recipient="p2"),
        facts(version, consents=narrowed, recipient_names=names),
    )
    assert decision.articles == ("art4.3",)
    sentence = decision.explanation
    assert "nog niet gevraagd" not in sentence
    assert "Wooncorporatie Heuvelrug" in sentence and "Sociaal Team Doorn" in sentence
    assert "uit te breiden" in sentence
    # a named organisation is covered
    named = share(Category.CONTACT, recipient="p3")
    assert decide(named, facts(version, consents=narrowed, recipient_names=names)).allowed


def test_art4_3_consent_narrowed_to_categories_says_which_it_covers(version):
    narrowed = (
        RECORD_GIVEN,
        Consent(ConsentScope.SHARE, ConsentState.GIVEN, categories=frozenset({Category.CONTACT})),
    )
    decision = decide(share(Category.YOUTH), facts(version, consents=narrowed))
    assert decision.articles == ("art4.3",)
    assert "nog niet gevraagd" not in decision.explanation
    assert "Contactgegevens" in decision.explanation


def test_art7_consent_without_named_recipients_covers_partners_not_non_partners(version):
    to_family = share(Category.CONTACT, recipient="oma", recipient_kind=RecipientKind.NON_PARTNER)
    informed = facts(version, recipient_informed=True)  # consent to share, no recipients named
    refused = decide(to_family, informed)
    assert refused.articles == ("art7",)
    assert "bij naam" in refused.explanation
    # the same consent covers a partner
    assert decide(share(Category.CONTACT), informed).allowed
    # naming the non-partner in the consent, or an art4.6 ground, makes it allowed
    naming = (
        RECORD_GIVEN,
        Consent(ConsentScope.SHARE, ConsentState.GIVEN, recipients=frozenset({"oma"})),
    )
    assert decide(to_family, facts(version, recipient_informed=True, consents=naming)).allowed
    justified = replace(to_family, justification=JUSTIFIED)
    assert decide(justified, informed).allowed


def test_art3_2c_a_referral_lets_the_recipients_caseworker_see_who_the_client_is(version):
    queue = request(
        operation=Operation.CONSULT,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.INTAKE,
        legal_basis=LegalBasis.WMO_2015,
        domain=None,
    )
    nobody = facts(version, assigned_legal_bases=frozenset())
    assert decide(queue, nobody).articles == ("art3.2c",)
    referred = facts(
        version, assigned_legal_bases=frozenset(), referred_to=frozenset({Domain.HOUSING})
    )
    assert decide(queue, referred).allowed
    # only for the intake, only who the client is, only under the law of the referral
    assert not decide(replace(queue, purpose=Purpose.SUPPORT_PROVISION), referred).allowed
    youth_act = request(
        operation=Operation.CONSULT,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.INTAKE,
        legal_basis=LegalBasis.YOUTH_ACT,
        domain=None,
    )
    assert not decide(youth_act, referred).allowed
    more = request(
        operation=Operation.CONSULT,
        categories=(Category.HOUSING,),
        purpose=Purpose.INTAKE,
        legal_basis=LegalBasis.WMO_2015,
        domain=None,
    )
    assert not decide(more, referred).allowed
