# SPDX-License-Identifier: EUPL-1.2
"""How long a data item is kept, and why (art5.2). Pure.

Every rule of the version that covers the item is applied to every support trajectory it was
recorded in; the latest end wins:

- the protocol: at most five years, counted from the year the support ended (the version says
  how: to 31 December of the fifth year after that year, or from the day itself);
- the longer periods the law prescribes per kind of partner, legal basis and category (the
  Selectielijst gemeenten 2020, the Jeugdwet): where they are longer, the law decides;
- a hold, where careful support needs longer: it keeps the item up to its review date; a hold
  whose review date passed without renewal keeps nothing;
- nothing is due while a trajectory of the client is open, and the client's identification
  data stays while any other data of theirs stays (:func:`dossier_retention`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from zorgvuldig.protocol.deadlines import add_months
from zorgvuldig.protocol.version import Counting, ProtocolVersion, Retention, RetentionRule
from zorgvuldig.protocol.vocabulary import Category, Domain, LegalBasis, PartnerKind

K = TypeVar("K")
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Support:
    """A support trajectory as retention sees it."""

    legal_basis: LegalBasis
    domain: Domain
    opened_on: datetime.date
    closed_on: datetime.date | None


@dataclass(frozen=True, slots=True)
class Hold:
    """art5.2: kept longer because careful support needs it, until ``review_on``."""

    reason: str
    decided_by: str
    review_on: datetime.date


@dataclass(frozen=True, slots=True)
class Retained:
    """What is kept: a data item or a document, of one partner, about one client."""

    category: Category
    partner_kind: PartnerKind
    recorded_on: datetime.date
    # the trajectories it was recorded in (none: it counts from the day it was recorded)
    supports: tuple[Support, ...]
    holds: tuple[Hold, ...] = ()
    # a trajectory of the client, at any partner, is open: nothing of theirs is destroyed
    client_supported: bool = False


class State(StrEnum):
    OPEN = "open"  # support goes on: no date yet
    KEPT = "kept"  # a period still runs
    HELD = "held"  # the periods ended; a hold keeps it
    DUE = "due"  # may be destroyed from ``due_on``


@dataclass(frozen=True, slots=True)
class Period:
    """One rule applied to one trajectory: kept through ``kept_through``."""

    rule: RetentionRule
    ended_on: datetime.date
    kept_through: datetime.date
    support: Support | None = None  # None: counted from the day the item was recorded


@dataclass(frozen=True, slots=True)
class Outcome:
    state: State
    kept_through: datetime.date | None
    periods: tuple[Period, ...] = ()
    winner: Period | None = None
    hold: Hold | None = None  # the hold that keeps it longer than the periods
    lapsed_holds: tuple[Hold, ...] = ()
    # identification data that stays as long as the client's other data (kept through then)
    follows_identity: datetime.date | None = None

    @property
    def due_on(self) -> datetime.date | None:
        """The first day it may be destroyed."""
        return None if self.kept_through is None else self.kept_through + DAY

    @property
    def explanation(self) -> str:
        return explain(self)


def kept_through(rule: RetentionRule, ended_on: datetime.date) -> datetime.date:
    """The last day ``rule`` keeps what belongs to support that ended on ``ended_on``."""
    if rule.counting is Counting.END_OF_YEAR:
        return datetime.date(ended_on.year + rule.years, 12, 31)
    return add_months(ended_on, 12 * rule.years)


def applies(rule: RetentionRule, kind: PartnerKind, basis: LegalBasis | None, category) -> bool:
    """Whether ``rule`` covers the records; without a trajectory only a rule for every law."""
    if basis is None:
        return rule.legal_bases == frozenset(LegalBasis) and rule.covers(
            kind, LegalBasis.WMO_2015, category
        )
    return rule.covers(kind, basis, category)


# per version's retention (by identity, the object kept with it): the rules that apply to a
# (partner kind, legal basis, category), worked out once; a plan asks it for millions of items
_APPLYING: dict[int, tuple[Retention, dict]] = {}


def _applying(rules: Retention, kind: PartnerKind, basis, category) -> tuple[RetentionRule, ...]:
    """The rules of ``rules`` that cover the records (:func:`applies`), the protocol's first."""
    known = _APPLYING.get(id(rules))
    if known is None or known[0] is not rules:
        known = _APPLYING[id(rules)] = (rules, {})
    key = (kind, basis, category)
    found = known[1].get(key)
    if found is None:
        found = known[1][key] = tuple(
            rule
            for rule in (rules.protocol, *rules.statutory)
            if applies(rule, kind, basis, category)
        )
    return found


def retention(version: ProtocolVersion, kept: Retained, today: datetime.date) -> Outcome:
    """How long ``kept`` is kept under ``version`` on ``today``, with every rule that applied."""
    if kept.client_supported or any(s.closed_on is None for s in kept.supports):
        return Outcome(State.OPEN, None)
    ends = [(s, s.legal_basis, s.closed_on) for s in kept.supports] or [
        (None, None, kept.recorded_on)
    ]
    periods = tuple(
        Period(rule, ended, kept_through(rule, ended), support)
        for support, basis, ended in ends
        for rule in _applying(version.retention, kept.partner_kind, basis, kept.category)
    )
    winner = max(periods, key=lambda p: (p.kept_through, p.rule is version.retention.protocol))
    active = [h for h in kept.holds if h.review_on >= today]
    lapsed = tuple(h for h in kept.holds if h.review_on < today)
    hold = max(active, key=lambda h: h.review_on, default=None)
    if hold is not None and hold.review_on <= winner.kept_through:
        hold = None  # the periods keep it longer than the hold
    last = hold.review_on if hold else winner.kept_through
    if last < today:
        state = State.DUE
    else:
        state = State.HELD if hold and winner.kept_through < today else State.KEPT
    return Outcome(state, last, periods, winner, hold, lapsed)


def dossier_retention(
    version: ProtocolVersion, items: Mapping[K, Retained], today: datetime.date
) -> dict[K, Outcome]:
    """:func:`retention` of every item of one client at one partner, where the client's
    identification data is kept as long as the longest kept of their other data."""
    outcomes = {key: retention(version, kept, today) for key, kept in items.items()}
    others = [o for k, o in outcomes.items() if items[k].category != Category.IDENTIFICATION]
    if not others:
        return outcomes
    if any(o.kept_through is None for o in others):
        latest = None
    else:
        latest = max(o.kept_through for o in others)
    for key, outcome in outcomes.items():
        if items[key].category != Category.IDENTIFICATION or outcome.kept_through is None:
            continue
        if latest is None:
            outcomes[key] = Outcome(State.OPEN, None, outcome.periods, outcome.winner)
        elif latest > outcome.kept_through:
            state = State.DUE if latest < today else State.KEPT
            outcomes[key] = Outcome(
                state,
                latest,
                outcome.periods,
                outcome.winner,
                outcome.hold,
                outcome.lapsed_holds,
                follows_identity=latest,
            )
    return outcomes


def _day(day: datetime.date) -> str:
    return f"{day.day}-{day.month}-{day.year}"


def _period(period: Period) -> str:
    rule = period.rule
    counted = (
        f"na het jaar waarin de ondersteuning eindigde ({period.ended_on.year})"
        if rule.counting is Counting.END_OF_YEAR
        else f"na het einde van de ondersteuning ({_day(period.ended_on)})"
    )
    return f"{rule.record}: {rule.years} jaar {counted}, {rule.source}"


def explain(outcome: Outcome) -> str:
    """A Dutch explanation: which rules applied, which one won, and why."""
    if outcome.state is State.OPEN:
        return (
            "Nog geen vernietigingsdatum: de ondersteuning van de cliënt loopt nog, en zolang "
            "een traject open is wordt niets vernietigd (art. 5 lid 2)."
        )
    winner = outcome.winner
    if winner is None:  # a closed support always has the protocol's period
        raise AssertionError("a closed support without the protocol's period")
    sentences = [f"Bewaren tot en met {_day(outcome.kept_through)}."]
    if outcome.follows_identity:
        sentences.append(
            "Identificatiegegevens blijven zolang er andere gegevens van de cliënt bewaard worden."
        )
    if outcome.hold:
        hold = outcome.hold
        sentences.append(
            f"Langer bewaard omdat zorgvuldige ondersteuning dat vraagt (art. 5 lid 2): "
            f"{hold.reason} (besloten door {hold.decided_by}, herzien uiterlijk "
            f"{_day(hold.review_on)})."
        )
    protocol = winner.rule.code == "art5.2"
    sentences.append(
        f"Doorslaggevend: {_period(winner)}"
        + (
            "."
            if protocol
            else "; een langere wettelijke termijn gaat voor de vijf jaar van het protocol "
            "(art. 5 lid 2)."
        )
    )
    others = [p for p in dict.fromkeys(outcome.periods) if p != winner]
    if others:
        sentences.append("Ook van toepassing: " + "; ".join(map(_period, others)) + ".")
    for hold in outcome.lapsed_holds:
        sentences.append(
            f"Een bewaarbesluit ({hold.reason}) is op {_day(hold.review_on)} niet herzien en "
            "houdt niets meer vast."
        )
    return " ".join(sentences)
