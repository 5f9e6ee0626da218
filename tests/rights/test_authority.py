# SPDX-License-Identifier: EUPL-1.2
"""Who may exercise a data subject's rights (art10), the pure rule, around every boundary."""

from __future__ import annotations

import datetime

import pytest

from zorgvuldig.protocol import loader
from zorgvuldig.protocol.authority import Incapacity, Person, Relative, age_on, authority

RULES = loader.load_all()["regio-utrecht-zuidoost-2015"].representation
D = datetime.date
BORN = D(2010, 6, 15)  # 12 on 15 June 2022, 16 on 15 June 2026
YOUTH = Person("youth", BORN)
MOTHER = Relative(Person("mother", D(1980, 1, 1)), "parent")
GUARDIAN = Relative(Person("guardian", D(1975, 1, 1)), "guardian")
JUDGED = Incapacity(D(2025, 9, 1), "Fatima Yilmaz", "Overziet de gevolgen niet (dementie).")


def options(found) -> set[frozenset[str]]:
    return set(found.options)


@pytest.mark.parametrize(
    ("day", "expected", "age"),
    [
        (D(2022, 6, 14), {frozenset({"mother"})}, 11),  # the day before the 12th birthday
        (D(2022, 6, 15), {frozenset({"mother", "youth"})}, 12),  # on it
        (D(2022, 6, 16), {frozenset({"mother", "youth"})}, 12),  # the day after
        (D(2026, 6, 14), {frozenset({"mother", "youth"})}, 15),  # the day before the 16th
        (D(2026, 6, 15), {frozenset({"youth"})}, 16),  # on it
        (D(2026, 6, 16), {frozenset({"youth"})}, 16),  # the day after
    ],
)
def test_art10_1_who_acts_at_each_age_boundary(day, expected, age):
    found = authority(YOUTH, [MOTHER], RULES, day)
    assert options(found) == expected and found.age == age and found.articles == ("art10.1",)


def test_art10_1_from_12_to_15_the_representative_alone_is_not_enough_nor_the_youth_alone():
    found = authority(YOUTH, [MOTHER], RULES, D(2024, 12, 2))
    assert not found.allows({"mother"}) and not found.allows({"youth"})
    assert found.allows({"mother", "youth"})
    assert "beiden tekenen" in found.missing({"mother"})
    assert found.missing({"mother", "youth"}) == ""


def test_art10_1_under_12_any_one_legal_representative_acts_and_the_child_does_not():
    found = authority(YOUTH, [MOTHER, GUARDIAN], RULES, D(2020, 1, 1))
    assert options(found) == {frozenset({"mother"}), frozenset({"guardian"})}
    assert not found.allows({"youth"})


def test_art10_1_a_minor_without_a_recorded_representative_cannot_act_and_is_told_what_to_record():
    found = authority(
        YOUTH, [Relative(Person("aunt", D(1990, 1, 1)), "sibling")], RULES, D(2020, 1, 1)
    )
    assert found.options == () and not found.allows({"youth", "aunt"})
    assert "Leg de relatie vast" in found.explanation


@pytest.mark.parametrize(
    ("day", "age"),
    [
        (D(2027, 2, 28), 10),  # a year without 29 February: not yet on the 28th
        (D(2027, 3, 1), 11),  # but on 1 March
        (D(2028, 2, 28), 11),  # a leap year: the day before the birthday
        (D(2028, 2, 29), 12),  # on the birthday itself
    ],
)
def test_art10_1_born_on_29_february_a_year_older_on_1_march_in_other_years(day, age):
    assert age_on(D(2016, 2, 29), day) == age


def test_art10_1_the_29_february_rule_decides_who_acts():
    # born 29 February 2012: 16 on 29 February 2028 (a leap year)
    leapling = Person("leapling", D(2012, 2, 29))
    assert options(authority(leapling, [MOTHER], RULES, D(2028, 2, 28))) == {
        frozenset({"mother", "leapling"})
    }
    assert options(authority(leapling, [MOTHER], RULES, D(2028, 2, 29))) == {
        frozenset({"leapling"})
    }
    # born 29 February 2008: 16 on 29 February 2024 (a leap year)
    born_2008 = Person("b", D(2008, 2, 29))
    assert options(authority(born_2008, [MOTHER], RULES, D(2024, 2, 28))) == {
        frozenset({"mother", "b"})
    }
    assert options(authority(born_2008, [MOTHER], RULES, D(2024, 2, 29))) == {frozenset({"b"})}
    # 12 and 16 years after a 29 February are leap years again; 18 years are not: a child born
    # on 29 February 2008 may act for a parent judged unable from 1 March 2026 (art10.2)
    child = Relative(Person("leapling-child", D(2008, 2, 29)), "child")
    parent = Person("parent", D(1970, 5, 5))
    assert authority(parent, [child], RULES, D(2026, 2, 28), incapacity=JUDGED).options == ()
    assert options(authority(parent, [child], RULES, D(2026, 3, 1), incapacity=JUDGED)) == {
        frozenset({"leapling-child"})
    }


ADULT = Person("adult", D(1950, 3, 1))
CURATOR = Relative(Person("curator", D(1970, 1, 1)), "curator")
SPOUSE = Relative(Person("spouse", D(1952, 1, 1)), "spouse")
DAUGHTER = Relative(Person("daughter", D(1980, 1, 1)), "child")
GRANDSON_AS_CHILD = Relative(Person("minor-child", D(2010, 1, 1)), "child")
BROTHER = Relative(Person("brother", D(1955, 1, 1)), "sibling")
PARENT = Relative(Person("parent", D(1925, 1, 1)), "parent")


@pytest.mark.parametrize(
    ("relatives", "expected", "step"),
    [
        ([CURATOR, SPOUSE, DAUGHTER], {frozenset({"curator"})}, "the representative first"),
        ([SPOUSE, DAUGHTER], {frozenset({"spouse"})}, "without one, the spouse or partner"),
        (
            [Relative(SPOUSE.person, "spouse", unwilling=True), DAUGHTER, BROTHER, PARENT],
            {frozenset({"daughter"}), frozenset({"brother"}), frozenset({"parent"})},
            "an unwilling spouse: a parent, an adult brother or sister, or an adult child",
        ),
        ([DAUGHTER], {frozenset({"daughter"})}, "without a spouse: an adult child"),
        ([GRANDSON_AS_CHILD, PARENT], {frozenset({"parent"})}, "a child under 18 does not count"),
        ([GRANDSON_AS_CHILD], set(), "nobody who may act"),
    ],
)
def test_art10_2_the_order_of_who_acts_for_someone_judged_unable(relatives, expected, step):
    found = authority(ADULT, relatives, RULES, D(2026, 12, 2), incapacity=JUDGED)
    assert options(found) == expected, step
    assert "art10.2" in found.articles
    assert not found.allows({"adult"})  # the subject judged unable does not act alone
    if not expected:
        assert "Leg de relatie vast" in found.explanation


def test_art10_2_a_child_becomes_able_to_act_for_a_parent_on_the_18th_birthday():
    child = Relative(Person("child", D(2008, 12, 2)), "child")
    assert authority(ADULT, [child], RULES, D(2026, 12, 1), incapacity=JUDGED).options == ()
    assert options(authority(ADULT, [child], RULES, D(2026, 12, 2), incapacity=JUDGED)) == {
        frozenset({"child"})
    }


def test_art10_2_without_a_judgement_the_adult_acts_alone_whoever_is_recorded():
    found = authority(ADULT, [CURATOR, SPOUSE], RULES, D(2026, 12, 2))
    assert options(found) == {frozenset({"adult"})} and found.articles == ("art10.1",)
    # a judgement recorded after the day of the request does not count for that day
    earlier = authority(ADULT, [CURATOR], RULES, D(2025, 8, 31), incapacity=JUDGED)
    assert options(earlier) == {frozenset({"adult"})}


def test_a_representative_the_partner_limited_is_left_out_with_the_reason():
    limited = Relative(CURATOR.person, "curator", limited="Belangen van cliënt en curator botsen.")
    found = authority(ADULT, [limited, SPOUSE], RULES, D(2026, 12, 2), incapacity=JUDGED)
    assert options(found) == {frozenset({"spouse"})}
    assert found.articles == ("art10.2", "art10.3")
    assert found.limited == (("curator", "Belangen van cliënt en curator botsen."),)
    minor = authority(
        YOUTH, [Relative(MOTHER.person, "parent", limited="Geweld.")], RULES, D(2020, 1, 1)
    )
    assert minor.options == () and "art10.3" in minor.articles


def test_the_ages_come_from_the_version():
    from dataclasses import replace

    other = replace(RULES, joint_from_age=14, alone_from_age=18)
    assert options(authority(YOUTH, [MOTHER], other, D(2024, 6, 14))) == {frozenset({"mother"})}
    assert options(authority(YOUTH, [MOTHER], other, D(2027, 6, 15))) == {
        frozenset({"mother", "youth"})
    }
