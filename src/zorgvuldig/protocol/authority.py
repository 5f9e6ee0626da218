# SPDX-License-Identifier: EUPL-1.2
"""Who may exercise a data subject's rights, and whose signatures a request or a consent
needs (art10). Pure: one rule for consent (art4.2-art4.5) and for the rights of art9.

- Under ``joint_from_age`` (12): the legal representative(s) (art10.1). One of them suffices:
  parents with joint authority each represent the child.
- From ``joint_from_age`` up to ``alone_from_age`` (12 to 15): a representative and the data
  subject together; both sign (art10.1).
- From ``alone_from_age`` (16): the data subject alone (art10.1), unless the partner recorded a
  judgement that they are unable to exercise the rights; then the first tier of the version's
  ``incapacity_order`` in which someone is recorded and willing acts, each of them alone
  (art10.2). Siblings and children count only when adult (``adult_age``, 18).
- The partner may limit or refuse what a representative does where weighty interests of the
  data subject oppose it (art10.3); a representative so limited is left out, with the reason.

Ages are counted on the day of the request. Someone born on 29 February reaches the next age on
1 March in a year without a 29 February (the day after 28 February, when the year is not yet
full; see decision 0012).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from zorgvuldig.protocol.version import Representation

UNDER_AGE_KINDS = ("legal-representative", "guardian", "parent")
ADULT_ONLY_KINDS = ("sibling", "child")
ADULT_AGE = 18

# every kind of relation, most formal first: one person recorded as both parent and legal
# representative acts as the legal representative
KIND_WORDS = {
    "legal-representative": "wettelijk vertegenwoordiger",
    "guardian": "voogd",
    "curator": "curator",
    "mentor": "mentor",
    "spouse": "echtgenoot of partner",
    "parent": "ouder",
    "sibling": "meerderjarige broer of zus",
    "child": "meerderjarig kind",
}
REPRESENTATIVE_KINDS = tuple(KIND_WORDS)


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Age in whole years on ``day`` (born 29 February: a year older on 1 March in other years)."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the rule may name: the data subject or someone related to them."""

    id: str
    birth_date: datetime.date


@dataclass(frozen=True, slots=True)
class Relative:
    """A relation recorded for the data subject; ``unwilling``: recorded as not wishing to act
    (art10.2); ``limited``: the partner's reason for limiting or refusing them (art10.3)."""

    person: Person
    kind: str
    unwilling: bool = False
    limited: str = ""


@dataclass(frozen=True, slots=True)
class Incapacity:
    """The partner's recorded judgement that a data subject of 16 or older cannot exercise the
    rights or oversee their consequences (art10.2)."""

    judged_on: datetime.date
    judged_by: str
    reason: str


@dataclass(frozen=True, slots=True)
class Authority:
    """Who may act: ``options`` are the sets of people who together may act (any one set
    suffices); empty when nobody may (then ``explanation`` says what to record)."""

    options: tuple[frozenset[str], ...]
    articles: tuple[str, ...]
    explanation: str
    age: int
    # the relatives left out under art10.3, with the partner's reason
    limited: tuple[tuple[str, str], ...] = ()

    def allows(self, signers: Iterable[str]) -> bool:
        signed = set(signers)
        return any(option <= signed for option in self.options)

    def missing(self, signers: Iterable[str]) -> str:
        """Empty when ``signers`` may act; else, in Dutch, who else must sign or why nobody may."""
        if self.allows(signers):
            return ""
        return self.explanation


def _willing(relatives: Iterable[Relative], kinds: Iterable[str], day: datetime.date):
    kinds = tuple(kinds)
    for r in relatives:
        if r.kind not in kinds or r.unwilling or r.limited:
            continue
        if r.kind in ADULT_ONLY_KINDS and age_on(r.person.birth_date, day) < ADULT_AGE:
            continue
        yield r


def authority(
    subject: Person,
    relatives: Iterable[Relative],
    rules: Representation,
    day: datetime.date,
    incapacity: Incapacity | None = None,
) -> Authority:
    """art10: who may exercise ``subject``'s rights on ``day`` and whose signatures it needs."""
    relatives = tuple(relatives)
    if incapacity is not None and incapacity.judged_on > day:
        incapacity = None  # judged later: on ``day`` the subject still counted as able
    age = age_on(subject.birth_date, day)
    limited = tuple(sorted((r.person.id, r.limited) for r in relatives if r.limited))
    cited_limit = ("art10.3",) if limited else ()
    if age >= rules.alone_from_age and incapacity is None:
        return Authority(
            (frozenset({subject.id}),),
            ("art10.1",),
            f"Vanaf {rules.alone_from_age} jaar oefent de betrokkene de rechten zelf uit en "
            "tekent hij of zij zelf (art. 10 lid 1).",
            age,
        )
    if age >= rules.alone_from_age:
        for tier in rules.incapacity_order:
            found = list(_willing(relatives, tier, day))
            if found:
                words = " of ".join(KIND_WORDS.get(k, k) for k in tier)
                return Authority(
                    tuple(frozenset({r.person.id}) for r in found),
                    ("art10.2", *cited_limit),
                    f"De partner oordeelde op {incapacity.judged_on:%d-%m-%Y} dat de betrokkene "
                    f"dit niet zelf kan; dan handelt de {words} (art. 10 lid 2).",
                    age,
                    limited,
                )
        return Authority(
            (),
            ("art10.2", *cited_limit),
            "De betrokkene kan dit volgens het oordeel van de partner niet zelf, en er is "
            "niemand vastgelegd die volgens art. 10 lid 2 namens hem of haar kan handelen "
            "(vertegenwoordiger; dan echtgenoot of partner; dan ouder, meerderjarige broer of "
            "zus of meerderjarig kind). Leg de relatie vast.",
            age,
            limited,
        )
    representatives = list(_willing(relatives, UNDER_AGE_KINDS, day))
    if not representatives:
        return Authority(
            (),
            ("art10.1", *cited_limit),
            f"De betrokkene is jonger dan {rules.alone_from_age} jaar en er is geen "
            "wettelijk vertegenwoordiger, voogd of ouder met gezag vastgelegd die mag "
            "handelen (art. 10 lid 1). Leg de relatie vast.",
            age,
            limited,
        )
    if age >= rules.joint_from_age:
        return Authority(
            tuple(frozenset({r.person.id, subject.id}) for r in representatives),
            ("art10.1", *cited_limit),
            f"Van {rules.joint_from_age} tot {rules.alone_from_age} jaar handelen de "
            "wettelijk vertegenwoordiger en de betrokkene samen: beiden tekenen "
            "(art. 10 lid 1).",
            age,
            limited,
        )
    return Authority(
        tuple(frozenset({r.person.id}) for r in representatives),
        ("art10.1", *cited_limit),
        f"Onder de {rules.joint_from_age} jaar handelt de wettelijk vertegenwoordiger "
        "(een ouder met gezag of de voogd) (art. 10 lid 1).",
        age,
        limited,
    )
