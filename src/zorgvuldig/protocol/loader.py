# SPDX-License-Identifier: EUPL-1.2
"""Load and validate protocol version files (TOML).

A file that is wrong is refused as a whole, with an error that names the file, the key and
the problem (``regio-2015.toml: necessity.assessment.jeugd: unknown category 'helth'``), so
that no half-read version ever decides anything.
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Iterable, Mapping
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from zorgvuldig.protocol.authority import REPRESENTATIVE_KINDS
from zorgvuldig.protocol.breaches import STATUTORY_HOURS
from zorgvuldig.protocol.consent import ConsentScope, ExceptionGround
from zorgvuldig.protocol.grounds import PurposeGround
from zorgvuldig.protocol.statutory import MINIMUMS
from zorgvuldig.protocol.version import (
    HELD_BACK_KINDS,
    Counting,
    Deadline,
    ProtocolVersion,
    Representation,
    Retention,
    RetentionRule,
)
from zorgvuldig.protocol.vocabulary import (
    Category,
    Domain,
    LegalBasis,
    Operation,
    PartnerKind,
    Purpose,
)

BUILT_IN = Path(__file__).with_name("versions")
E = TypeVar("E", bound=StrEnum)
RELATION_KINDS = frozenset(REPRESENTATIVE_KINDS)


class VersionError(ValueError):
    """A protocol version file that cannot be used; the message names file, key and problem."""

    def __init__(self, source: str, key: str, problem: str):
        self.source, self.key, self.problem = source, key, problem
        super().__init__(f"{source}: {key}: {problem}" if key else f"{source}: {problem}")


class _Reader:
    """Typed access to a parsed file, every error naming the file and the dotted key."""

    def __init__(self, source: str, data: Mapping[str, Any]):
        self.source, self.data = source, data

    def error(self, key: str, problem: str) -> VersionError:
        return VersionError(self.source, key, problem)

    def get(self, key: str, kind: type | tuple[type, ...]) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise self.error(key, "missing")
            node = node[part]
        if not isinstance(node, kind) or (isinstance(node, bool) and kind is int):
            expected = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise self.error(key, f"must be a {expected}, not {type(node).__name__}")
        return node

    def number(self, key: str, minimum: int = 0) -> int:
        value = self.get(key, int)
        if value < minimum:
            raise self.error(key, f"must be at least {minimum}")
        return value

    def text(self, key: str) -> str:
        value = self.get(key, str).strip()
        if not value:
            raise self.error(key, "must not be empty")
        return value

    def code(self, enum: type[E], key: str, value: Any) -> E:
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise self.error(
                key, f"unknown {_what(enum)} {value!r}; expected one of {allowed}"
            ) from None

    def codes(self, enum: type[E], key: str, values: Any = None) -> frozenset[E]:
        values = self.get(key, list) if values is None else values
        if not isinstance(values, list):
            raise self.error(key, "must be a list")
        return frozenset(self.code(enum, key, v) for v in values)


def _what(enum: type) -> str:
    return {
        Category: "category",
        Domain: "domain",
        Operation: "operation",
        Purpose: "purpose",
        LegalBasis: "legal basis",
        ConsentScope: "consent scope",
        ExceptionGround: "exception ground",
        PurposeGround: "purpose ground",
        PartnerKind: "partner kind",
        Counting: "counting",
    }.get(enum, enum.__name__)


def _consent_scope(r: _Reader) -> dict[Operation, ConsentScope | None]:
    table = r.get("consent.scope_of_operation", dict)
    scopes: dict[Operation, ConsentScope | None] = {}
    for name, value in table.items():
        key = f"consent.scope_of_operation.{name}"
        operation = r.code(Operation, key, name)
        scopes[operation] = None if value == "none" else r.code(ConsentScope, key, value)
    missing = sorted(o.value for o in Operation if o not in scopes)
    if missing:
        raise r.error("consent.scope_of_operation", f"no scope for {', '.join(missing)}")
    return scopes


def _necessity(
    r: _Reader, purposes: frozenset[Purpose]
) -> dict[Purpose, dict[Domain, frozenset[Category]]]:
    table = r.get("necessity", dict)
    matrix: dict[Purpose, dict[Domain, frozenset[Category]]] = {}
    for name in table:
        purpose = r.code(Purpose, f"necessity.{name}", name)
        if purpose not in purposes:
            raise r.error(f"necessity.{name}", "purpose not listed in version.purposes")
        row = r.get(f"necessity.{name}", dict)
        common = r.codes(Category, f"necessity.{name}.all", row.get("all", []))
        for domain_name in row:
            if domain_name != "all":
                r.code(Domain, f"necessity.{name}.{domain_name}", domain_name)
        matrix[purpose] = {
            domain: common
            | r.codes(Category, f"necessity.{name}.{domain.value}", row.get(domain.value, []))
            for domain in Domain
        }
    missing = sorted(p.value for p in purposes if p not in matrix)
    if missing:
        raise r.error("necessity", f"no row for purpose {', '.join(missing)}")
    return matrix


def _purpose_grounds(
    r: _Reader, purposes: frozenset[Purpose]
) -> dict[Purpose, frozenset[PurposeGround]]:
    """art2, art5.1: ``safety = ["meldcode-case", ...]``; each purpose listed needs one."""
    grounds: dict[Purpose, frozenset[PurposeGround]] = {}
    for name in r.get("purpose_grounds", dict):
        key = f"purpose_grounds.{name}"
        purpose = r.code(Purpose, key, name)
        if purpose not in purposes:
            raise r.error(key, "purpose not listed in version.purposes")
        grounds[purpose] = r.codes(PurposeGround, key)
        if not grounds[purpose]:
            raise r.error(key, "must name at least one ground (leave the purpose out for none)")
    return grounds


def _referral_purposes(r: _Reader, purposes: frozenset[Purpose]) -> frozenset[Purpose]:
    found = r.codes(Purpose, "referral.purposes")
    if not found:
        raise r.error("referral.purposes", "must name at least one purpose")
    if not found <= purposes:
        raise r.error("referral.purposes", "must be among version.purposes")
    return found


def _deadline(r: _Reader) -> Deadline:
    table = r.get("rights.deadline", dict)
    unknown = set(table) - {"weeks", "months", "extension_months", "moves_off_closed_days"}
    if unknown:
        raise r.error("rights.deadline", f"unknown key {sorted(unknown)[0]!r}")
    deadline = Deadline(
        **{k: r.number(f"rights.deadline.{k}") for k in table if k != "moves_off_closed_days"},
        moves_off_closed_days=r.get("rights.deadline.moves_off_closed_days", bool),
    )
    if not (deadline.weeks or deadline.months):
        raise r.error("rights.deadline", "set weeks or months")
    return deadline


def _retention(r: _Reader) -> Retention:
    """art5.2: the protocol's period, and the longer ones of the law (``[[retention.statutory]]``),
    none of them shorter than the law's minimum for the same records."""
    protocol = RetentionRule(
        code="art5.2",
        record="Gegevens in het sociaal domein",
        years=r.number("retention.years", 1),
        counting=r.code(Counting, "retention.counting", r.get("retention.counting", str)),
        source="Privacy protocol Sociaal Domein, art. 5 lid 2",
    )
    rules = tuple(_statutory(r, index) for index in range(len(r.get("retention.statutory", list))))
    codes = [rule.code for rule in rules]
    if duplicate := next((c for c in codes if codes.count(c) > 1), None):
        raise r.error("retention.statutory", f"code {duplicate!r} is used twice")
    for minimum in MINIMUMS:
        _check_minimum(r, minimum, (protocol, *rules))
    threshold = r.number("retention.statistics_threshold", 2)
    return Retention(
        protocol=protocol,
        statutory=rules,
        statistics_threshold=threshold,
        anonymised_categories=r.codes(Category, "retention.anonymised_categories"),
    )


def _statutory(r: _Reader, index: int) -> RetentionRule:
    key = f"retention.statutory[{index}]"
    table = r.get("retention.statutory", list)[index]
    if not isinstance(table, Mapping):
        raise r.error(key, "must be a table")
    unknown = set(table) - {
        "code", "record", "years", "counting", "source", "partner_kinds", "legal_bases",
        "categories",
    }  # fmt: skip
    if unknown:
        raise r.error(key, f"unknown key {sorted(unknown)[0]!r}")
    rule = _Reader(r.source, {"rule": table})
    try:
        return RetentionRule(
            code=rule.text("rule.code"),
            record=rule.text("rule.record"),
            years=rule.number("rule.years", 1),
            counting=rule.code(Counting, "rule.counting", rule.get("rule.counting", str)),
            source=rule.text("rule.source"),
            partner_kinds=_scope(rule, PartnerKind, "partner_kinds"),
            legal_bases=_scope(rule, LegalBasis, "legal_bases"),
            categories=_scope(rule, Category, "categories", every=frozenset()),
        )
    except VersionError as error:
        raise r.error(error.key.replace("rule", key, 1), error.problem) from None


def _scope(rule: _Reader, enum: type[E], name: str, every: frozenset | None = None) -> frozenset:
    """The codes a statutory rule names under ``name``; left out: all of them (``every``)."""
    if name not in rule.data["rule"]:
        return frozenset(enum) if every is None else every
    codes = rule.codes(enum, f"rule.{name}")
    if not codes:
        raise rule.error(f"rule.{name}", "must not be empty (leave it out for all)")
    return codes


def _check_minimum(r: _Reader, minimum: RetentionRule, rules: tuple[RetentionRule, ...]) -> None:
    """The records ``minimum`` covers are kept at least as long by one of ``rules`` (counted
    from the end of the year is never shorter than counted from the day)."""
    for kind in sorted(minimum.partner_kinds):
        for basis in sorted(minimum.legal_bases):
            for category in sorted(minimum.categories or Category):
                if not any(
                    rule.covers(kind, basis, category) and _at_least(rule, minimum)
                    for rule in rules
                ):
                    longest = max(
                        rule.years for rule in rules if rule.covers(kind, basis, category)
                    )
                    raise r.error(
                        "retention",
                        f"keeps {minimum.record.lower()} ({kind}, {basis}, {category}) "
                        f"{longest} years, shorter than the {minimum.years} years of "
                        f"{minimum.source}",
                    )


def _at_least(rule: RetentionRule, minimum: RetentionRule) -> bool:
    if rule.years != minimum.years:
        return rule.years > minimum.years
    return rule.counting in (minimum.counting, Counting.END_OF_YEAR)


def _representation(r: _Reader) -> Representation:
    joint, alone = (
        r.number("representation.joint_from_age", 0),
        r.number("representation.alone_from_age", 0),
    )
    if joint > alone:
        raise r.error("representation.joint_from_age", "must not be above alone_from_age")
    tiers = []
    for index, tier in enumerate(r.get("representation.incapacity_order", list)):
        key = f"representation.incapacity_order[{index}]"
        if not isinstance(tier, list) or not tier:
            raise r.error(key, "must be a non-empty list of relation kinds")
        unknown = [kind for kind in tier if kind not in RELATION_KINDS]
        if unknown:
            raise r.error(key, f"unknown relation kind {unknown[0]!r}")
        tiers.append(tuple(tier))
    return Representation(joint, alone, tuple(tiers))


def parse(data: Mapping[str, Any], source: str) -> ProtocolVersion:
    """Build a version from a parsed file; raises :class:`VersionError`."""
    r = _Reader(source, data)
    effective = r.get("version.effective_from", datetime.date)
    if isinstance(effective, datetime.datetime):
        raise r.error("version.effective_from", "must be a date without a time")
    purposes = r.codes(Purpose, "version.purposes")
    grounds = r.codes(ExceptionGround, "consent.exception_grounds")
    waived = r.codes(ExceptionGround, "informing.waived_by_grounds")
    if not waived <= grounds:
        raise r.error("informing.waived_by_grounds", "must be among consent.exception_grounds")
    hours = r.number("incidents.breach_notification_hours")
    if hours > STATUTORY_HOURS:  # art3.2g: the law's maximum, AVG art. 33(1)
        raise r.error(
            "incidents.breach_notification_hours",
            f"must be at most {STATUTORY_HOURS} (AVG art. 33(1)); 0 leaves the law's "
            f"{STATUTORY_HOURS} hours",
        )
    return ProtocolVersion(
        id=r.text("version.id"),
        title=r.text("version.title"),
        law=r.text("version.law"),
        effective_from=effective,
        purposes=purposes,
        consent_scope=_consent_scope(r),
        consent_exempt=r.codes(Category, "consent.exempt_categories"),
        written_consent=r.codes(Category, "consent.written_categories"),
        written_consent_operations=r.codes(Operation, "consent.written_operations"),
        informing_operations=r.codes(Operation, "informing.operations"),
        exception_grounds=grounds,
        exception_grounds_without_informing=waived,
        necessity=_necessity(r, purposes),
        purpose_grounds=_purpose_grounds(r, purposes),
        referral_purposes=_referral_purposes(r, purposes),
        veilig_thuis_categories=r.codes(Category, "veilig_thuis.categories"),
        rights_deadline=_deadline(r),
        extra_rights=frozenset(_extra_rights(r)),
        retention=_retention(r),
        representation=_representation(r),
        breach_notification_hours=hours or None,
        reacknowledge_months=r.number("awareness.reacknowledge_months") or None,
        resident_held_back=frozenset(_held_back(r)),
    )


def _held_back(r: _Reader) -> Iterable[str]:
    """art9.3: what the resident's view holds back; a version without the table holds back
    nothing of the kinds (and so shows everything a resident may see)."""
    if "resident_view" not in r.data:
        return
    for value in r.get("resident_view.held_back", list):
        if value not in HELD_BACK_KINDS:
            raise r.error(
                "resident_view.held_back",
                f"unknown kind {value!r}; expected one of {', '.join(sorted(HELD_BACK_KINDS))}",
            )
        yield value


def _extra_rights(r: _Reader) -> Iterable[str]:
    allowed = {"restriction", "portability", "objection"}
    for value in r.get("rights.extra", list):
        if value not in allowed:
            raise r.error(
                "rights.extra",
                f"unknown right {value!r}; expected one of {', '.join(sorted(allowed))}",
            )
        yield value


def load(path: Path) -> ProtocolVersion:
    """Load one version file; raises :class:`VersionError` naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise VersionError(path.name, "", f"cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise VersionError(path.name, "", f"is not valid TOML ({error})") from None
    version = parse(data, path.name)
    if f"{version.id}.toml" != path.name:
        raise VersionError(path.name, "version.id", f"{version.id!r} does not match the file name")
    return version


def load_all(directory: Path = BUILT_IN) -> Mapping[str, ProtocolVersion]:
    """Every version file in ``directory``, by id; loaded and validated once."""
    return _load_directory(directory.resolve())


@cache
def _load_directory(directory: Path) -> Mapping[str, ProtocolVersion]:
    return {v.id: v for v in map(load, sorted(directory.glob("*.toml")))}


def in_force(
    version_id: str, day: datetime.date, directory: Path = BUILT_IN
) -> ProtocolVersion | None:
    """The version a partner committed to, if it applies on ``day`` (from its effective date:
    the 2015 text from 1 January 2015, inforce)."""
    version = load_all(directory).get(version_id)
    return version if version is not None and version.effective_from <= day else None
