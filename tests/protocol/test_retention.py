# SPDX-License-Identifier: EUPL-1.2
"""The retention date of art5.2 and its explanation: the protocol's five years, the law's
longer periods, holds, open support and identification data."""

from __future__ import annotations

import datetime
import tomllib

import pytest

from tests.protocol.support import V2015, VAVG
from zorgvuldig.protocol import Category, Domain, LegalBasis
from zorgvuldig.protocol.loader import BUILT_IN, VersionError, parse
from zorgvuldig.protocol.retention import (
    Hold,
    Retained,
    State,
    Support,
    dossier_retention,
    retention,
)
from zorgvuldig.protocol.vocabulary import PartnerKind

D = datetime.date
ENDED = D(2021, 3, 10)


def _kept(
    basis=LegalBasis.WMO_2015,
    ended=ENDED,
    kind=PartnerKind.PRIVATE,
    category=Category.WELFARE,
    **more,
) -> Retained:
    supports = more.pop("supports", (Support(basis, Domain.CARE, D(2019, 1, 7), ended),))
    return Retained(category, kind, D(2019, 1, 8), supports, **more)


@pytest.mark.parametrize("ended", [D(2021, 1, 1), D(2021, 6, 30), D(2021, 12, 31)])
def test_art5_2_support_ended_in_2021_is_kept_through_31_december_2026(ended):
    kept = _kept(ended=ended)
    on_the_last_day = retention(V2015, kept, D(2026, 12, 31))
    assert on_the_last_day.state is State.KEPT
    assert on_the_last_day.kept_through == D(2026, 12, 31)
    assert on_the_last_day.winner.rule.code == "art5.2"
    assert on_the_last_day.explanation.startswith("Bewaren tot en met 31-12-2026.")
    assert "5 jaar na het jaar waarin de ondersteuning eindigde (2021)" in (
        on_the_last_day.explanation
    )


def test_art5_2_and_is_due_from_1_january_2027():
    outcome = retention(V2015, _kept(), D(2027, 1, 1))
    assert outcome.state is State.DUE and outcome.due_on == D(2027, 1, 1)


def test_art5_2_an_open_trajectory_beside_a_closed_one_keeps_everything():
    closed = Support(LegalBasis.WMO_2015, Domain.CARE, D(2008, 1, 1), D(2009, 1, 1))
    still_open = Support(LegalBasis.WMO_2015, Domain.CARE, D(2020, 1, 1), None)
    outcome = retention(V2015, _kept(supports=(closed, still_open)), D(2026, 12, 3))
    assert outcome.state is State.OPEN and outcome.kept_through is None
    assert "traject open" in outcome.explanation
    # only the closed one: long due
    assert retention(V2015, _kept(supports=(closed,)), D(2026, 12, 3)).state is State.DUE


def test_art5_2_nothing_of_a_client_with_open_support_elsewhere_is_due():
    outcome = retention(V2015, _kept(ended=D(2000, 1, 1), client_supported=True), D(2026, 12, 3))
    assert outcome.state is State.OPEN


def test_art5_2_the_latest_trajectory_to_end_decides():
    early = Support(LegalBasis.WMO_2015, Domain.CARE, D(2010, 1, 1), D(2012, 5, 1))
    late = Support(LegalBasis.WMO_2015, Domain.CARE, D(2018, 1, 1), D(2022, 2, 1))
    outcome = retention(V2015, _kept(supports=(early, late)), D(2026, 12, 3))
    assert outcome.kept_through == D(2027, 12, 31)


@pytest.mark.parametrize(
    ("kind", "basis", "category", "code", "through"),
    [
        # a youth-care provider: Jeugdwet art. 7.3.8, twenty years from the end of the care
        ("private", "jeugdwet", "youth", "jeugdwet-7.3.8", D(2040, 3, 15)),
        # the municipality: the selection list, per provision
        ("municipality", "jeugdwet", "youth", "selectielijst-2020-8.1.2", D(2040, 3, 15)),
        ("municipality", "wmo-2015", "welfare", "selectielijst-2020-8.1.1", D(2035, 3, 15)),
        (
            "municipality",
            "participatiewet",
            "finances-debts",
            "selectielijst-2020-8.1",
            D(2030, 3, 15),
        ),
    ],
)
def test_art5_2_a_longer_statutory_period_wins(kind, basis, category, code, through):
    kept = _kept(LegalBasis(basis), D(2020, 3, 15), PartnerKind(kind), Category(category))
    outcome = retention(VAVG, kept, D(2026, 12, 3))
    assert outcome.winner.rule.code == code and outcome.kept_through == through
    assert outcome.state is State.KEPT
    assert "een langere wettelijke termijn gaat voor de vijf jaar van het protocol" in (
        outcome.explanation
    )
    # the protocol's five years still show, beside what won
    assert "Ook van toepassing: Gegevens in het sociaal domein: 5 jaar" in outcome.explanation


def test_art5_2_every_rule_that_applies_is_named():
    outcome = retention(
        VAVG,
        _kept(LegalBasis.PARTICIPATION_ACT, D(2020, 3, 15), PartnerKind.MUNICIPALITY,
              Category.FINANCES),
        D(2026, 12, 3),
    )  # fmt: skip
    assert {p.rule.code for p in outcome.periods} == {
        "art5.2",
        "selectielijst-2020-8.1",
        "selectielijst-2020-19.1.1",
    }
    assert "BW 2:10" in outcome.explanation


def test_art5_2_a_period_from_the_end_date_of_29_february():
    outcome = retention(
        VAVG,
        _kept(LegalBasis.PARTICIPATION_ACT, D(2020, 2, 29), PartnerKind.MUNICIPALITY),
        D(2026, 12, 3),
    )
    assert outcome.kept_through == D(2030, 2, 28)


def test_art5_2_a_hold_keeps_the_item_until_its_review_date_then_it_is_due_again():
    hold = Hold("Broer nog in behandeling", "Bea Bos", D(2027, 6, 30))
    kept = _kept(holds=(hold,))
    held = retention(V2015, kept, D(2027, 3, 1))
    assert held.state is State.HELD and held.hold == hold
    assert held.kept_through == D(2027, 6, 30) and held.winner.kept_through == D(2026, 12, 31)
    assert "Broer nog in behandeling (besloten door Bea Bos, herzien uiterlijk 30-6-2027)" in (
        held.explanation
    )
    assert retention(V2015, kept, D(2027, 6, 30)).state is State.HELD
    lapsed = retention(V2015, kept, D(2027, 7, 1))
    assert lapsed.state is State.DUE and lapsed.hold is None
    assert lapsed.lapsed_holds == (hold,) and lapsed.due_on == D(2027, 1, 1)
    assert "is op 30-6-2027 niet herzien en houdt niets meer vast" in lapsed.explanation


def test_art5_2_a_hold_shorter_than_the_period_changes_nothing():
    hold = Hold("Nazorg", "Bea Bos", D(2026, 1, 1))
    outcome = retention(V2015, _kept(holds=(hold,)), D(2025, 6, 1))
    assert outcome.state is State.KEPT and outcome.hold is None
    assert outcome.kept_through == D(2026, 12, 31)


def test_art5_2_an_item_without_a_trajectory_counts_from_the_day_it_was_recorded():
    kept = Retained(Category.CONTACT, PartnerKind.MUNICIPALITY, D(2019, 5, 1), ())
    outcome = retention(VAVG, kept, D(2026, 12, 3))
    # only rules for every law apply: the protocol's, not the Wmo's fifteen years
    assert outcome.kept_through == D(2024, 12, 31) and outcome.state is State.DUE


def test_art5_2_identification_data_stays_while_other_data_stays():
    items = {
        "name": _kept(category=Category.IDENTIFICATION),
        "care": _kept(LegalBasis.YOUTH_ACT, D(2021, 3, 10), category=Category.YOUTH),
    }
    outcomes = dossier_retention(VAVG, items, D(2027, 2, 1))
    assert outcomes["care"].kept_through == D(2041, 3, 10)
    assert outcomes["name"].kept_through == D(2041, 3, 10)
    assert outcomes["name"].follows_identity == D(2041, 3, 10)
    assert outcomes["name"].state is State.KEPT
    assert "Identificatiegegevens blijven zolang" in outcomes["name"].explanation
    # with other data still in open support, identification has no date either
    items["care"] = _kept(
        supports=(Support(LegalBasis.YOUTH_ACT, Domain.YOUTH, D(2021, 1, 1), None),)
    )
    assert dossier_retention(VAVG, items, D(2027, 2, 1))["name"].state is State.OPEN


def _version(edit) -> VersionError:
    data = tomllib.loads((BUILT_IN / "regio-utrecht-zuidoost-2015.toml").read_text())
    edit(data["retention"])
    with pytest.raises(VersionError) as error:
        parse(data, "regio.toml")
    return error.value


def test_art5_2_a_version_that_keeps_youth_care_records_shorter_than_the_law_is_refused():
    def shorten(retention):
        retention["statutory"][0]["years"] = 15

    error = _version(shorten)
    assert error.source == "regio.toml" and error.key == "retention"
    assert "15 years, shorter than the 20 years of Jeugdwet art. 7.3.8" in error.problem


def test_art5_2_a_version_without_the_laws_period_is_refused():
    def drop_wmo(retention):
        retention["statutory"] = [
            r for r in retention["statutory"] if r["code"] != "selectielijst-2020-8.1.1"
        ]

    error = _version(drop_wmo)
    assert "(municipality, wmo-2015, " in error.problem
    assert "5 years, shorter than the 15 years of Selectielijst gemeenten" in error.problem


def test_art5_2_the_law_counted_from_the_end_of_the_year_is_never_shorter():
    def to_end_of_year(retention):
        for rule in retention["statutory"]:
            rule["counting"] = "end-of-year"

    parse_ok = tomllib.loads((BUILT_IN / "regio-utrecht-zuidoost-2015.toml").read_text())
    to_end_of_year(parse_ok["retention"])
    assert parse(parse_ok, "regio.toml").retention.statutory[0].counting == "end-of-year"
