# SPDX-License-Identifier: EUPL-1.2
"""The demo region shows the exchanges (art4-art8), read back through the gate services."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from zorgvuldig.demo import exchanges, region
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.verify import verify

pytestmark = pytest.mark.django_db
SUPPORT = "support-provision"


@pytest.fixture
def demo(demo_region):
    """The demo region, loaded once for this module (the tests only read)."""


def actor(username: str):
    return actor_for(Employee.objects.get(user__username=username))


def client_id(who, surname: str, purpose: str = SUPPORT, given: str = ""):
    """The hand-made client with this surname, found as ``who`` may find it."""
    (found,) = [
        c
        for c in services.search_clients(who, purpose=purpose, name=surname)
        if c.full_name.startswith(given)
    ]
    return found.id


def received(who, client, categories, purpose: str = SUPPORT) -> dict[str, list]:
    """Per item label (at ``who``'s partner): who received it, from its disclosure records."""
    return {
        item.current.label: services.disclosures_of_item(who, item.id, purpose=purpose)
        for item in services.consult_items(who, client, categories=categories, purpose=purpose)
    }


def lines(disclosures) -> set[tuple[str, str, str]]:
    return {(d.recipient, d.recipient_person, d.ground) for d in disclosures}


def test_shares_among_partners_go_with_consent_to_named_persons(demo):
    kees, fatima = actor("kees"), actor("fatima")
    petra = received(kees, client_id(kees, "Leeuwen"), ["housing", "household"])
    # art5.1: the referral to the debt counsellors carried the household, not the housing
    assert lines(petra["Woonsituatie"]) == {(region.WELFARE, "Eva Bakker", "consent")}
    assert lines(petra["Gezinssamenstelling"]) == {(region.DEBT, "Lotte de Graaf", "consent")}
    daan = received(fatima, client_id(fatima, "Leeuwen"), ["youth", "contact"])
    assert daan["Hulpvraag"] == []  # welfare's intake does not need it (art5.1)
    assert lines(daan["Telefoonnummer moeder"]) == {
        (region.WELFARE, "Eva Bakker, jongerenwerker", "consent")
    }
    sent = petra["Woonsituatie"] + daan["Telefoonnummer moeder"]
    assert all(d.recipient_kind == "partner" for d in sent)


def test_referrals_wait_in_the_intake_queue_of_the_recipient(demo):
    eva, lotte = actor("eva"), actor("lotte")
    assert {
        (r.client_name, r.domain, r.sender, tuple(r.categories)) for r in services.intake_queue(eva)
    } == {
        ("Daan van Leeuwen", "welzijn", region.YOUTH, ("contact",)),
        ("Johanna Maria Willems", "welzijn", region.WMO, ("contact",)),
    }
    (petra,) = services.intake_queue(lotte)
    assert (petra.client_name, petra.domain, petra.categories) == (
        "Petra van Leeuwen",
        "werk-en-inkomen",
        ("household",),
    )


def test_the_category_the_client_refused_to_share_stayed_behind_with_its_reason(demo):
    jeroen = actor("jeroen")
    johanna = client_id(jeroen, "Willems")
    sent = received(jeroen, johanna, ["contact", "welfare"])
    assert lines(sent["Adres"]) == {(region.WELFARE, "Eva Bakker, ontmoetingsgroep", "consent")}
    assert sent["Hulpvraag"] == []  # refused (art4.3): it did not leave
    share = next(
        r
        for r in services.client_log(jeroen, johanna, purpose=SUPPORT)
        if r.name == "gegevens-delen"
    )
    assert share.decision == "partial" and "art4.3" in share.articles
    (welfare,) = services.consult_items(jeroen, johanna, categories=["welfare"], purpose=SUPPORT)
    (row,) = services.preview_share(  # the reason, as the share page shows it
        jeroen,
        johanna,
        item_ids=[welfare.id],
        recipient_partner_id=actor("eva").partner_id,
        purpose=SUPPORT,
        referral_domain="welzijn",
    )
    assert not row.allowed and row.articles == ("art4.3",)
    assert "geweigerd" in row.explanation


def test_a_data_request_brings_the_debts_to_the_municipality_with_their_origin(demo):
    marloes, lotte = actor("marloes"), actor("lotte")
    mohamed = client_id(marloes, "Bouzid")
    (debts,) = services.consult_items(
        marloes, mohamed, categories=["finances-debts"], purpose=SUPPORT
    )
    assert debts.current.source == region.DEBT and debts.current.method == "partner"
    held = received(lotte, mohamed, ["finances-debts"])
    assert lines(held["Schuldenoverzicht"]) == {(region.MUNICIPALITY, "", "consent")}
    assert any(
        r.name == "gegevens-opvragen" and r.decision == "allowed"
        for r in services.client_log(marloes, mohamed, purpose=SUPPORT)
    )


def test_non_partners_informed_before_they_receive_and_one_addressed(demo):
    eva, jeroen = actor("eva"), actor("jeroen")
    (grandmother,) = services.list_non_partners(eva)
    assert grandmother.name == "Oma Van Leeuwen" and grandmother.informed_at is not None
    network = received(eva, client_id(eva, "Leeuwen"), ["welfare"])["Afspraken netwerk"]
    (disclosure,) = network
    assert (disclosure.recipient, disclosure.recipient_kind, disclosure.ground) == (
        "Oma Van Leeuwen",
        "non-partner",
        "consent",
    )
    (broker,) = services.list_non_partners(jeroen)
    assert broker.name == exchanges.NON_INFORMED and broker.informed_at is None
    (addressed,) = services.non_partner_addresses(jeroen, broker.id)
    assert addressed.what_happened and addressed.addressed_by


def test_the_meldcode_case_goes_through_five_steps_to_a_report_to_veilig_thuis(demo):
    fatima = actor("fatima")
    sanne = client_id(fatima, "Vries", purpose="safety")
    names = [r.name for r in services.client_log(fatima, sanne, purpose="safety")]
    for step in ("signalen", "consult", "conversation", "weigh", "decide"):
        assert f"meldcode-{step}" in names
    (case,) = services.safety_cases(fatima, sanne, purpose="safety")
    assert [s.step for s in case.steps] == ["signals", "consult", "conversation", "weigh", "decide"]
    assert case.next_step is None
    assert [s.taken_by for s in case.steps] == [
        "Fatima El Amrani",
        "Ingrid Vermeulen",  # the aandachtsfunctionaris consults and weighs
        "Fatima El Amrani",
        "Ingrid Vermeulen",
        "Fatima El Amrani",
    ]
    days = [s.taken_on for s in case.steps]
    assert days == sorted(set(days))  # one step after another, on days of their own
    weighed, decided = case.steps[3], case.steps[4]
    assert weighed.acute_or_structural_unsafety is True
    assert decided.report_to_veilig_thuis is True
    assert decided.report_reference == exchanges.REPORT_REFERENCE


def test_veilig_thuis_received_what_it_needs_without_consent_in_the_officers_register(demo):
    fatima = actor("fatima")
    sanne = client_id(fatima, "Vries", purpose="safety")
    sent = received(fatima, sanne, exchanges.VEILIG_THUIS_CATEGORIES, purpose="safety")
    assert set(sent) == {
        "Telefoonnummer ouder",
        "School",
        "Diagnose",
        "Signalen kindermishandeling",
    }
    veilig_thuis = f"Veilig Thuis (melding {exchanges.REPORT_REFERENCE})"
    expected = {(veilig_thuis, exchanges.VEILIG_THUIS_PERSON, "art8.2")}  # no consent needed
    assert {label: lines(d) for label, d in sent.items()} == dict.fromkeys(sent, expected)
    (entry,) = [e for e in services.exceptions_register(actor("sophie")) if e.article == "art8.2"]
    assert entry.client_name == "Sanne de Vries" and "Veilig Thuis" in entry.text
    assert entry.legal_basis == "jeugdwet"
    # The municipality's privacy officer sees only the municipality's processings.
    assert not [e for e in services.exceptions_register(actor("pieter")) if e.article == "art8.2"]


def test_the_director_sees_the_exchanges_about_the_household(demo):
    marloes = actor("marloes")
    (household,) = services.directed_households(marloes)
    overview = services.household_overview(marloes, household.id)
    assert overview.household.name == "Huishouden Van Leeuwen"
    assert {
        (x.member, x.category, x.sender, x.recipient, x.ground) for x in overview.exchanges
    } == {
        ("Petra van Leeuwen", "housing", region.HOUSING, region.WELFARE, "consent"),
        ("Petra van Leeuwen", "household", region.HOUSING, region.DEBT, "consent"),
        ("Daan van Leeuwen", "contact", region.YOUTH, region.WELFARE, "consent"),
        ("Petra van Leeuwen", "welfare", region.WELFARE, "non-partner", "consent"),
    }


def test_the_processing_log_is_intact_after_loading(demo):
    report = verify()
    assert report.ok, report.problem
    assert report.records > 0
    out = io.StringIO()
    call_command("log", "verify", stdout=out)
    assert "intact" in out.getvalue()
