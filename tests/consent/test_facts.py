# SPDX-License-Identifier: EUPL-1.2
"""consent_facts(): what decide() learns of informing and consent (art4.1-art4.5)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

from tests.conftest import make_employee, make_partner
from tests.consent.conftest import ORGANISATIONS, signed_pdf, signed_png
from zorgvuldig.gate import services
from zorgvuldig.gate.consent_facts import consent_facts
from zorgvuldig.partners.services import actor_for
from zorgvuldig.protocol import in_force
from zorgvuldig.protocol.consent import Consent, ConsentScope, ConsentState
from zorgvuldig.protocol.vocabulary import Category

FEB = datetime.date(2024, 2, 1)
MAR = datetime.date(2024, 3, 1)
APR = datetime.date(2024, 4, 1)
TODAY = datetime.date.today()
RR, SHARE = ConsentScope.RECORD_REQUEST, ConsentScope.SHARE
GIVEN, REFUSED, WITHDRAWN = ConsentState.GIVEN, ConsentState.REFUSED, ConsentState.WITHDRAWN


def decide_(actor, client_id, scope="record-request", state="given", day=FEB, **kwargs):
    if state == "withdrawn":
        return services.withdraw_consent(
            actor, client_id, scope=scope, decided_on=day, purpose="support-provision", **kwargs
        )
    return services.record_consent(
        actor,
        client_id,
        scope=scope,
        state=state,
        decided_on=day,
        purpose="support-provision",
        **kwargs,
    )


@pytest.mark.django_db
def test_art4_1_not_informed_and_nothing_asked_is_no_fact_at_all(partner, adult):
    assert consent_facts(adult.id, partner.id, TODAY) == (False, ())


@pytest.mark.django_db
def test_art4_1_informed_counts_for_the_partner_that_informed_from_that_day(actor, partner, adult):
    other = make_partner("Wijkteam Zeist")
    services.record_informing(
        actor,
        adult.id,
        organisations=ORGANISATIONS,
        informed_on=MAR,
        how="conversation",
        purpose="intake",
    )
    assert consent_facts(adult.id, partner.id, MAR)[0] is True
    assert consent_facts(adult.id, partner.id, FEB)[0] is False
    assert consent_facts(adult.id, other.id, TODAY)[0] is False


@pytest.mark.django_db
def test_art4_2_the_latest_decision_per_key_is_in_force(actor, partner, informed):
    decide_(actor, informed.id, state="given", day=FEB)
    decide_(actor, informed.id, state="refused", day=MAR)
    decide_(actor, informed.id, scope="share", categories=["contact"], day=FEB)
    decide_(actor, informed.id, scope="share", categories=["health"], state="refused", day=FEB)
    informed_, consents = consent_facts(informed.id, partner.id, TODAY)
    assert informed_ is True
    assert set(consents) == {
        Consent(RR, REFUSED),
        Consent(SHARE, GIVEN, categories=frozenset({Category.CONTACT})),
        Consent(SHARE, REFUSED, categories=frozenset({Category.HEALTH})),
    }
    # On an earlier day the earlier answer was in force.
    assert Consent(RR, GIVEN) in consent_facts(informed.id, partner.id, FEB)[1]


@pytest.mark.django_db
def test_art4_2_consent_is_given_to_a_partner_not_to_the_region(actor, informed):
    decide_(actor, informed.id)
    other = make_partner("Wijkteam Zeist")
    assert consent_facts(informed.id, other.id, TODAY) == (False, ())


@pytest.mark.django_db
def test_art4_3_recipients_narrow_a_consent_to_share(actor, partner, informed):
    housing = make_partner("Heuvelrug Wonen")
    decide_(actor, informed.id, scope="share", recipients=[str(housing.id)])
    (consent,) = consent_facts(informed.id, partner.id, TODAY)[1]
    assert consent.recipients == frozenset({str(housing.id)})
    assert consent.covers(Category.CONTACT, str(housing.id))
    assert not consent.covers(Category.CONTACT, str(partner.id))


@pytest.mark.django_db
@pytest.mark.parametrize("form", [signed_pdf, signed_png])
def test_art4_4_a_decision_with_its_signed_form_is_written(actor, partner, informed, form):
    decide_(actor, informed.id, scope="share", categories=["health"], document=form())
    decide_(actor, informed.id, scope="record-request", categories=["health"])
    consents = consent_facts(informed.id, partner.id, TODAY)[1]
    assert {(c.scope, c.written) for c in consents} == {(SHARE, True), (RR, False)}


@pytest.mark.django_db
def test_art4_4_a_refusal_keeps_its_form_but_gives_nothing(actor, partner, informed):
    decide_(actor, informed.id, scope="share", state="refused", document=signed_pdf())
    (consent,) = consent_facts(informed.id, partner.id, TODAY)[1]
    assert (consent.state, consent.written) == (REFUSED, True)


@pytest.mark.django_db
def test_art4_5_a_withdrawal_is_in_force_from_its_day(actor, partner, informed):
    decide_(actor, informed.id, scope="share", day=FEB)
    decide_(actor, informed.id, scope="share", state="withdrawn", day=MAR)
    assert consent_facts(informed.id, partner.id, FEB)[1] == (Consent(SHARE, GIVEN),)
    assert consent_facts(informed.id, partner.id, MAR)[1] == (Consent(SHARE, WITHDRAWN),)
    assert consent_facts(informed.id, partner.id, TODAY)[1] == (Consent(SHARE, WITHDRAWN),)


@pytest.mark.django_db
def test_art4_5_withdrawing_a_whole_scope_withdraws_its_narrowed_consents(actor, partner, informed):
    decide_(actor, informed.id, scope="share", categories=["contact"], day=FEB)
    decide_(actor, informed.id, scope="share", categories=["housing"], day=FEB)
    decide_(actor, informed.id, scope="record-request", day=FEB)
    decide_(actor, informed.id, scope="share", state="withdrawn", day=MAR)
    consents = consent_facts(informed.id, partner.id, TODAY)[1]
    assert set(consents) == {Consent(RR, GIVEN), Consent(SHARE, WITHDRAWN)}


@pytest.mark.django_db
def test_art4_5_consent_given_again_after_a_withdrawal_is_in_force(actor, partner, informed):
    decide_(actor, informed.id, day=FEB)
    decide_(actor, informed.id, state="withdrawn", day=MAR)
    decide_(actor, informed.id, day=APR)
    assert consent_facts(informed.id, partner.id, TODAY)[1] == (Consent(RR, GIVEN),)


@pytest.mark.django_db
def test_consent_facts_are_cheap(actor, partner, informed, django_assert_num_queries):
    for day in (FEB, MAR, APR):
        decide_(actor, informed.id, scope="share", categories=["contact"], day=day)
    with django_assert_num_queries(1):
        consent_facts(informed.id, partner.id, TODAY)


@pytest.mark.django_db
def test_a_colleague_of_the_same_partner_sees_the_same_consents(actor, partner, informed):
    decide_(actor, informed.id)
    colleague = make_employee(partner, "bram")
    assert actor_for(colleague).partner_id == partner.id
    assert consent_facts(informed.id, partner.id, TODAY)[1] == (Consent(RR, GIVEN),)


# The rule of in_force.latest, pure -------------------------------------------------------------


def d(scope, categories=None, recipients=None, name=""):
    return SimpleNamespace(scope=scope, categories=categories, recipients=recipients, name=name)


def test_latest_keeps_one_decision_per_key_in_order():
    a, b = d("share", ["health", "contact"], name="a"), d("share", ["contact", "health"], name="b")
    c = d("record-request", name="c")
    assert in_force.latest([a, c, b]) == [c, b]


def test_latest_a_whole_scope_decision_replaces_the_narrowed_ones_of_that_scope_only():
    narrow = d("share", ["health"])
    elsewhere = d("record-request", ["health"])
    whole = d("share")
    assert in_force.latest([narrow, elsewhere, whole]) == [elsewhere, whole]


def test_latest_a_narrowed_decision_after_a_whole_one_stands_beside_it():
    whole, narrow = d("share"), d("share", ["health"])
    assert in_force.latest([whole, narrow]) == [whole, narrow]
    recipients_only = d("share", None, ["p1"])
    assert in_force.latest([whole, recipients_only]) == [whole, recipients_only]
