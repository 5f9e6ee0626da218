# SPDX-License-Identifier: EUPL-1.2
"""Informing, consent, necessity and secrecy: art4.1-art4.6, art5.1, art6.1, art6.2.

Every test runs against both protocol versions: they agree on these rules.
"""

from __future__ import annotations

import pytest

from tests.protocol.support import JUSTIFIED, RISK, V2015, VAVG, facts, request, share
from zorgvuldig.protocol import (
    Category,
    Consent,
    ConsentScope,
    ConsentState,
    Domain,
    ExceptionGround,
    Justification,
    Obligation,
    Operation,
    Purpose,
    PurposeGround,
    decide,
)

pytestmark = pytest.mark.parametrize("version", [V2015, VAVG], ids=lambda v: v.id)

RECORD_YOUTH = request(operation=Operation.RECORD, categories=(Category.YOUTH,))
WRITTEN_SHARE = (
    Consent(ConsentScope.RECORD_REQUEST, ConsentState.GIVEN),
    Consent(ConsentScope.SHARE, ConsentState.GIVEN, written=True),
)


def test_art4_1_nothing_is_recorded_before_the_client_is_informed(version):
    decision = decide(RECORD_YOUTH, facts(version, informed=False))
    assert decision.articles == ("art4.1",)
    assert "geïnformeerd" in decision.explanation
    assert decide(RECORD_YOUTH, facts(version)).allowed


def test_art4_1_who_the_client_is_may_be_recorded_to_inform_at_all(version):
    intake = request(
        operation=Operation.RECORD, purpose=Purpose.INTAKE, categories=(Category.IDENTIFICATION,)
    )
    assert decide(intake, facts(version, informed=False, consents=())).allowed


def test_art4_1_a_serious_risk_waives_informing_first_but_is_annotated(version):
    decision = decide(
        request(operation=Operation.RECORD, categories=(Category.YOUTH,), justification=RISK),
        facts(version, informed=False),
    )
    assert decision.allowed
    assert "art4.6" in decision.articles
    assert Obligation.ANNOTATE_DOSSIER in decision.obligations
    # "necessary and unavoidable" stands in for consent, not for informing
    necessary = request(
        operation=Operation.RECORD, categories=(Category.YOUTH,), justification=JUSTIFIED
    )
    assert not decide(necessary, facts(version, informed=False)).allowed


@pytest.mark.parametrize("state", [ConsentState.REFUSED, ConsentState.NOT_ASKED])
def test_art4_2_recording_and_requesting_need_consent(version, state):
    consents = (
        () if state is ConsentState.NOT_ASKED else (Consent(ConsentScope.RECORD_REQUEST, state),)
    )
    for operation in (Operation.RECORD, Operation.REQUEST, Operation.CONSULT):
        decision = decide(
            request(operation=operation, categories=(Category.YOUTH,)),
            facts(version, consents=consents),
        )
        assert decision.articles == ("art4.2",), operation
        assert (
            "geweigerd" if state is ConsentState.REFUSED else "nog niet gevraagd"
        ) in decision.explanation


def test_art4_3_sharing_needs_consent_to_share(version):
    only_record = (Consent(ConsentScope.RECORD_REQUEST, ConsentState.GIVEN),)
    decision = decide(share(Category.YOUTH), facts(version, consents=only_record))
    assert decision.articles == ("art4.3",)
    assert decide(share(Category.YOUTH), facts(version)).allowed


def test_art4_3_consent_narrowed_to_recipients_and_categories(version):
    narrowed = (
        Consent(
            ConsentScope.SHARE,
            ConsentState.GIVEN,
            categories=frozenset({Category.CONTACT}),
            recipients=frozenset({"p2"}),
        ),
    )
    assert decide(share(Category.CONTACT), facts(version, consents=narrowed)).allowed
    assert not decide(
        share(Category.CONTACT, recipient="p3"), facts(version, consents=narrowed)
    ).allowed
    partial = decide(share(Category.CONTACT, Category.YOUTH), facts(version, consents=narrowed))
    assert partial.status == "partial"
    assert partial.allowed_categories == (Category.CONTACT,)


def test_art4_4_medical_share_needs_written_consent(version):
    decision = decide(share(Category.HEALTH), facts(version))
    assert decision.articles == ("art4.4",)
    assert decision.explanation == (
        "Geweigerd: voor het delen van medische gegevens is schriftelijke toestemming nodig "
        "(art. 4 lid 4). Voeg het ondertekende toestemmingsformulier toe, of leg vast waarom "
        "delen noodzakelijk en onvermijdelijk is (art. 4 lid 6)."
    )
    allowed = decide(share(Category.HEALTH), facts(version, consents=WRITTEN_SHARE))
    assert allowed.allowed and "art4.4" in allowed.articles


def test_art4_4_medical_request_needs_written_consent_but_consulting_does_not(version):
    req = request(operation=Operation.REQUEST, categories=(Category.HEALTH,))
    assert decide(req, facts(version)).articles == ("art4.4",)
    consult = request(operation=Operation.CONSULT, categories=(Category.HEALTH,))
    assert decide(consult, facts(version)).allowed


def test_art4_5_withdrawn_consent_refuses_every_later_processing(version):
    withdrawn = (
        Consent(ConsentScope.RECORD_REQUEST, ConsentState.WITHDRAWN),
        Consent(ConsentScope.SHARE, ConsentState.WITHDRAWN, written=True),
    )
    assert decide(RECORD_YOUTH, facts(version, consents=withdrawn)).articles == ("art4.5",)
    assert decide(share(Category.HEALTH), facts(version, consents=withdrawn)).articles == (
        "art4.5",
    )
    assert "ingetrokken" in decide(RECORD_YOUTH, facts(version, consents=withdrawn)).explanation


def test_art4_5_a_narrower_refusal_wins_over_a_general_consent(version):
    consents = (
        Consent(ConsentScope.SHARE, ConsentState.GIVEN),
        Consent(ConsentScope.SHARE, ConsentState.WITHDRAWN, categories=frozenset({Category.YOUTH})),
    )
    decision = decide(share(Category.CONTACT, Category.YOUTH), facts(version, consents=consents))
    assert decision.allowed_categories == (Category.CONTACT,)


@pytest.mark.parametrize(
    "consents",
    [
        (),
        (Consent(ConsentScope.SHARE, ConsentState.REFUSED),),
        (Consent(ConsentScope.SHARE, ConsentState.WITHDRAWN),),
    ],
)
def test_art4_6_without_consent_only_with_a_justification_and_an_annotation(version, consents):
    refused = decide(share(Category.HEALTH, Category.YOUTH), facts(version, consents=consents))
    assert not refused.allowed
    decision = decide(
        share(Category.HEALTH, Category.YOUTH, justification=JUSTIFIED),
        facts(version, consents=consents),
    )
    assert decision.allowed
    assert "art4.6" in decision.articles
    assert decision.obligations == (Obligation.ANNOTATE_DOSSIER,)
    assert JUSTIFIED.text in decision.annotation
    assert "art. 4 lid 6" in decision.annotation and "medische gegevens" in decision.annotation


@pytest.mark.parametrize("text", ["", "   \n"])
def test_art4_6_a_blank_justification_is_no_justification(version, text):
    blank = Justification(ExceptionGround.NECESSARY, text)
    decision = decide(share(Category.YOUTH, justification=blank), facts(version, consents=()))
    assert not decision.allowed and decision.obligations == ()


def test_art4_6_does_not_stand_in_for_access_necessity_or_secrecy(version):
    unassigned = facts(version, assigned_legal_bases=frozenset(), consents=())
    assert not decide(share(Category.YOUTH, justification=RISK), unassigned).allowed
    not_needed = share(Category.WORK_INCOME, justification=RISK)
    assert not decide(not_needed, facts(version, consents=())).allowed
    secret = facts(version, consents=(), professional_secrecy=frozenset({Category.HEALTH}))
    assert not decide(share(Category.HEALTH, justification=RISK), secret).allowed


def test_art5_1_categories_beyond_the_necessity_matrix_are_refused(version):
    decision = decide(
        request(categories=(Category.YOUTH, Category.WORK_INCOME, Category.JUSTICE)), facts(version)
    )
    assert decision.allowed_categories == (Category.YOUTH,)
    assert decision.status == "partial"
    outcome = {o.category: o for o in decision.outcomes}
    assert outcome[Category.WORK_INCOME].articles == ("art5.1",)
    assert "niet nodig" in decision.explanation


def test_art5_1_the_matrix_depends_on_purpose_and_domain(version):
    income = request(categories=(Category.WORK_INCOME,), domain=Domain.WORK_INCOME)
    assert decide(income, facts(version)).articles == ("art2",)  # not a youth-act domain
    safety = request(categories=(Category.SAFETY_SIGNALS, Category.JUSTICE), purpose=Purpose.SAFETY)
    with_case = facts(version, purpose_grounds=frozenset({PurposeGround.MELDCODE_CASE}))
    assert decide(safety, with_case).allowed
    accountability = request(categories=(Category.YOUTH,), purpose=Purpose.ACCOUNTABILITY)
    assert not decide(accountability, facts(version)).allowed


def test_art6_1_nothing_is_shared_without_a_recipient(version):
    decision = decide(share(Category.CONTACT, recipient=None), facts(version))
    assert decision.articles == ("art6.1",)


def test_art6_2_professional_secrecy_holds_even_with_consent(version):
    secret = facts(
        version, consents=WRITTEN_SHARE, professional_secrecy=frozenset({Category.HEALTH})
    )
    decision = decide(share(Category.HEALTH, Category.CONTACT), secret)
    assert decision.allowed_categories == (Category.CONTACT,)
    health = next(o for o in decision.outcomes if o.category is Category.HEALTH)
    assert health.articles == ("art6.2",)
    assert "beroepsgeheim" in decision.explanation
    # consulting within the partner is not affected
    assert decide(request(categories=(Category.HEALTH,)), secret).allowed
