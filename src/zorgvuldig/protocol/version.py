# SPDX-License-Identifier: EUPL-1.2
"""A protocol version: everything that can differ between regions or laws, as data.

The code holds no region's numbers: a version file (TOML, under ``versions/``) sets the
consent scopes, the categories that need written consent, the necessity matrix, deadlines,
retention, ages, the order of representatives, and the date from which it applies.
:mod:`zorgvuldig.protocol.loader` loads and validates the files.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from zorgvuldig.protocol.consent import ConsentScope, ExceptionGround
from zorgvuldig.protocol.grounds import PurposeGround
from zorgvuldig.protocol.vocabulary import (
    Category,
    Domain,
    LegalBasis,
    Operation,
    PartnerKind,
    Purpose,
)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A period: weeks, or calendar months; ``extension_months`` where the law allows more;
    ``moves_off_closed_days``: a deadline on a weekend or public holiday moves to the next
    working day (:mod:`zorgvuldig.protocol.deadlines`)."""

    weeks: int = 0
    months: int = 0
    extension_months: int = 0
    moves_off_closed_days: bool = False


class Counting(StrEnum):
    """How a retention period is counted from the day the support ended (art5.2)."""

    # the protocol's default reading: support ended on any day of 2021, five years: kept
    # through 31 December 2026, due from 1 January 2027
    END_OF_YEAR = "end-of-year"
    # from the day itself: ended 15 March 2020, ten years: kept through 15 March 2030
    FROM_END_DATE = "from-end-date"


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """A retention period for a kind of record: the protocol's own (art5.2) or one the law
    prescribes, with its source. A statutory rule covers the records of the partner kinds,
    legal bases and categories it names (no categories: every category)."""

    code: str
    record: str
    years: int
    counting: Counting
    source: str
    partner_kinds: frozenset[PartnerKind] = frozenset(PartnerKind)
    legal_bases: frozenset[LegalBasis] = frozenset(LegalBasis)
    categories: frozenset[Category] = frozenset()

    def covers(self, partner_kind: PartnerKind, basis: LegalBasis, category: Category) -> bool:
        return (
            partner_kind in self.partner_kinds
            and basis in self.legal_bases
            and (not self.categories or category in self.categories)
        )


@dataclass(frozen=True, slots=True)
class Retention:
    """art5.2: the protocol's period, the longer statutory periods that win over it, and the
    anonymised statistics kept of what is destroyed (cells of fewer people are suppressed)."""

    protocol: RetentionRule
    statutory: tuple[RetentionRule, ...]
    statistics_threshold: int
    # the categories whose destroyed items are first counted in the anonymised statistics
    anonymised_categories: frozenset[Category]


@dataclass(frozen=True, slots=True)
class Representation:
    """art10: who exercises a data subject's rights, by age and capacity."""

    joint_from_age: int  # from this age representative and data subject together
    alone_from_age: int  # from this age the data subject alone
    # art10.2: for a data subject judged unable, in this order (a tier may hold several kinds)
    incapacity_order: tuple[tuple[str, ...], ...]


# The kinds of processing a version may hold back from the resident's own view (art9.3):
# under the Meldcode (art8), for or with Veilig Thuis (art8.2), and those whose showing a
# partner decided would harm the resident or others (art9.3).
HELD_BACK_KINDS = frozenset({"meldcode", "veilig-thuis", "harm"})


@dataclass(frozen=True, slots=True)
class ProtocolVersion:
    id: str
    title: str
    law: str
    effective_from: datetime.date
    purposes: frozenset[Purpose]
    # art4.2 / art4.3: the consent each operation needs (None: no consent, e.g. destroy)
    consent_scope: dict[Operation, ConsentScope | None]
    # categories that rest on the legal basis alone (who the client is, to administer support)
    consent_exempt: frozenset[Category]
    # art4.4: categories that need a signed form, for these operations
    written_consent: frozenset[Category]
    written_consent_operations: frozenset[Operation]
    # art4.1: operations that need the client informed first
    informing_operations: frozenset[Operation]
    # art4.6: the grounds on which data is processed without consent
    exception_grounds: frozenset[ExceptionGround]
    # art4.6 grounds that also stand in for informing (art4.1) where informing would endanger
    exception_grounds_without_informing: frozenset[ExceptionGround]
    # art5.1: purpose -> domain -> the categories necessary for it
    necessity: dict[Purpose, dict[Domain, frozenset[Category]]]
    # art2 / art5.1: purposes wider than the ordinary support, and the facts one of which
    # each needs (a purpose absent here needs none)
    purpose_grounds: dict[Purpose, frozenset[PurposeGround]]
    # art5.1: what a referral to a partner that does not support the client yet carries:
    # what these purposes need in the domain of the referral (intake and assessment)
    referral_purposes: frozenset[Purpose]
    # art8.2: what Veilig Thuis may receive without consent
    veilig_thuis_categories: frozenset[Category]
    # art9.5: the answer to a data subject's request
    rights_deadline: Deadline
    # rights beyond art9 (AVG art. 18, 20, 21)
    extra_rights: frozenset[str]
    retention: Retention
    representation: Representation
    # AVG art. 33: hours to notify the Autoriteit Persoonsgegevens of a breach (None: not set)
    breach_notification_hours: int | None
    # art3.2e: months after which an employee acknowledges the version again (None: never)
    reacknowledge_months: int | None = None
    # art9.3, the resident's own view (decision 25): the kinds of processing held back from
    # it until the partner releases them (``HELD_BACK_KINDS``)
    resident_held_back: frozenset[str] = frozenset()

    def necessary(self, purpose: Purpose, domain: Domain) -> frozenset[Category]:
        return self.necessity.get(purpose, {}).get(domain, frozenset())

    def referral_needs(self, domain: Domain) -> frozenset[Category]:
        """art5.1: what a partner needs of a client referred to it for support in ``domain``."""
        return frozenset().union(*(self.necessary(p, domain) for p in self.referral_purposes))
