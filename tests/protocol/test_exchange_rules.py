# SPDX-License-Identifier: EUPL-1.2
"""Non-partners (art7) and Veilig Thuis (art8.2), in both protocol versions."""

from __future__ import annotations

import pytest

from tests.protocol.support import V2015, VAVG, facts, request, share
from zorgvuldig.protocol import (
    Category,
    Consent,
    ConsentScope,
    ConsentState,
    Obligation,
    Operation,
    RecipientKind,
    decide,
)

pytestmark = pytest.mark.parametrize("version", [V2015, VAVG], ids=lambda v: v.id)
VT = RecipientKind.VEILIG_THUIS
# consent to share that names the non-partner "oma" (art4.3, art7)
NAMING_OMA = (
    Consent(ConsentScope.RECORD_REQUEST, ConsentState.GIVEN),
    Consent(ConsentScope.SHARE, ConsentState.GIVEN, recipients=frozenset({"oma"})),
)


def test_art7_a_non_partner_is_informed_before_it_receives_anything(version):
    to_family = share(Category.CONTACT, recipient="oma", recipient_kind=RecipientKind.NON_PARTNER)
    refused = decide(to_family, facts(version, consents=NAMING_OMA))
    assert refused.articles == ("art7",)
    assert "folder" in refused.explanation
    informed = facts(version, recipient_informed=True, consents=NAMING_OMA)
    assert decide(to_family, informed).allowed


def test_art7_a_non_partner_falls_under_the_same_consent_rules(version):
    to_family = share(Category.CONTACT, recipient="oma", recipient_kind=RecipientKind.NON_PARTNER)
    only_record = facts(version, recipient_informed=True, consents=facts(version).consents[:1])
    assert decide(to_family, only_record).articles == ("art4.3",)


def test_art8_2_veilig_thuis_gets_what_its_task_needs_without_consent(version):
    request = share(
        Category.SAFETY_SIGNALS,
        Category.YOUTH,
        Category.WORK_INCOME,
        recipient="veilig-thuis",
        recipient_kind=VT,
    )
    decision = decide(request, facts(version, consents=()))
    assert decision.allowed_categories == (Category.SAFETY_SIGNALS, Category.YOUTH)
    income = next(o for o in decision.outcomes if o.category is Category.WORK_INCOME)
    assert income.articles == ("art8.2",)
    assert decision.obligations == (Obligation.ANNOTATE_DOSSIER,)
    assert decision.annotation_article == "art8.2"
    assert (
        "Veilig Thuis" in decision.annotation and "signalen over veiligheid" in decision.annotation
    )


def test_art8_2_professional_secrecy_still_holds_for_veilig_thuis(version):
    request = share(Category.HEALTH, recipient="veilig-thuis", recipient_kind=VT)
    secret = facts(version, professional_secrecy=frozenset({Category.HEALTH}))
    assert decide(request, secret).articles == ("art6.2",)


def test_art8_2_access_rules_still_apply(version):
    request = share(Category.SAFETY_SIGNALS, recipient="veilig-thuis", recipient_kind=VT)
    assert decide(request, facts(version, assigned_legal_bases=frozenset())).articles == (
        "art3.2c",
    )


def test_art9_4_a_blocked_category_is_refused_for_every_operation_but_a_report(version):
    blocked = facts(version, blocked=frozenset({Category.CONTACT}))
    for operation in (Operation.CONSULT, Operation.CHANGE, Operation.RECORD):
        decision = decide(request(operation=operation, categories=(Category.CONTACT,)), blocked)
        assert not decision.allowed and decision.articles == ("art9.4",), operation
        assert "afgeschermd" in decision.explanation
    decision = decide(share(Category.CONTACT, Category.YOUTH), blocked)
    assert decision.allowed_categories == (Category.YOUTH,)
    report = share(Category.SAFETY_SIGNALS, recipient="veilig-thuis", recipient_kind=VT)
    signals = facts(version, blocked=frozenset({Category.SAFETY_SIGNALS}))
    assert decide(report, signals).allowed  # art8.2: a report protects others
