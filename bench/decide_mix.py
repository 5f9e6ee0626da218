# SPDX-License-Identifier: EUPL-1.2
"""The requests decide() and Cedar are measured on: a seeded, realistic mix, and random
pairs that ignore realism (the corners of the rules).

The mix is seeded: ``--requests`` distinct request/fact pairs (2,000 by default) over both
protocol versions, 1-5 categories each: routine consults and records by assigned caseworkers
with consent, shares with and without written consent for health, refused and withdrawn
consents, art4.6 justifications, unassigned actors, missing purposes, unacknowledged
employees, categories beyond the matrix, professional secrecy on shares, ... Under the rules
of decision 10: shares with a partner mostly go to one that supports the client in the
sender's domain (``Facts.recipient_support``), a few are referrals (``referral_domain``) or go
to a partner that supports the client elsewhere or not at all (art5.1); safety and integrated
support mostly rest on a Meldcode case or a household plan (``Facts.purpose_grounds``), some on
nothing; caseworkers of a partner the client was referred to consult who the client is
(``Facts.referred_to``, art3.2c); consents to share name non-partners, or only partners
(art4.3, art7).
"""

from __future__ import annotations

import random
from dataclasses import replace

from cedar_translation import CONSENT_SLOTS

from zorgvuldig.protocol import (
    Category,
    Consent,
    ConsentScope,
    ConsentState,
    Domain,
    ExceptionGround,
    Facts,
    Justification,
    LegalBasis,
    Operation,
    ProtocolVersion,
    Purpose,
    PurposeGround,
    RecipientKind,
    Request,
)
from zorgvuldig.protocol.loader import load_all
from zorgvuldig.protocol.vocabulary import DOMAINS_BY_LEGAL_BASIS

BASES = (LegalBasis.YOUTH_ACT, LegalBasis.WMO_2015, LegalBasis.PARTICIPATION_ACT)


PURPOSES = (
    Purpose.SUPPORT_PROVISION,
    Purpose.ASSESSMENT,
    Purpose.INTEGRATED_SUPPORT,
    Purpose.SAFETY,
    Purpose.ACCOUNTABILITY,
)


OPERATIONS = (
    Operation.CONSULT,
    Operation.RECORD,
    Operation.USE,
    Operation.CHANGE,
    Operation.REQUEST,
    Operation.DESTROY,
)


TEXTS = ("Zonder deze gegevens geen passende hulp.", "Acuut gevaar voor het kind.", "   ")


# art5.1: the fact the gate finds for a purpose wider than the ordinary support, as a rule
FACT_GROUNDS = {
    Purpose.SAFETY: PurposeGround.MELDCODE_CASE,
    Purpose.INTEGRATED_SUPPORT: PurposeGround.HOUSEHOLD_PLAN,
}


# scenario: weight (per cent of the mix)
SCENARIOS = {
    "routine": 34,  # consults, records, ... by an assigned caseworker, consent given
    "share": 10,  # shares to partners supporting the client, referrals, with and without
    # written consent for health
    "refused-withdrawn": 8,
    "narrowed": 4,  # consents narrowed to categories or recipients
    "art4.6": 6,  # without consent or informing, on a stated ground
    "not-informed": 3,
    "unassigned": 5,  # not assigned, another law, or the household's director
    "missing-purpose-basis": 3,
    "unacknowledged": 3,
    "not-necessary": 6,
    "secrecy": 4,  # professional secrecy on shares
    "blocked": 2,  # art9.4: items blocked at the data subject's request
    "non-partner": 3,  # art7: shares with a non-partner, informed of the protocol or not
    "veilig-thuis": 3,  # art8.2: answering Veilig Thuis about a report
    "intake": 3,  # recording that opens a trajectory
    "referral-intake": 2,  # art3.2c: the intake queue of a partner the client was referred to
    "oversight": 1,  # the privacy officer consults for accountability
    "no-access": 1,  # not committed, no version, not an employee
}


def _necessary(
    version: ProtocolVersion, purpose: Purpose, domain: Domain | None, basis: LegalBasis
) -> frozenset[Category]:
    domains = [domain] if domain else DOMAINS_BY_LEGAL_BASIS[basis]
    return frozenset().union(*(version.necessary(purpose, d) for d in domains))


def _pick(rng: random.Random, pool, n: int) -> tuple[Category, ...]:
    pool = sorted(pool)
    return tuple(rng.sample(pool, min(n, len(pool))))


def one_pair(rng: random.Random, versions: list[ProtocolVersion]) -> tuple[Request, Facts]:
    """A request and its facts: a routine case, bent by one scenario."""
    version = rng.choice(versions)
    basis = rng.choices(BASES, weights=(40, 45, 15))[0]
    domain = rng.choice(sorted(DOMAINS_BY_LEGAL_BASIS[basis]))
    if rng.random() < 0.1:
        domain = None
    purpose = rng.choices(PURPOSES, weights=(50, 22, 16, 8, 4))[0]
    operation = rng.choices(OPERATIONS, weights=(55, 22, 8, 8, 5, 2))[0]
    count = rng.choices((1, 2, 3, 4, 5), weights=(25, 30, 25, 12, 8))[0]
    necessary = _necessary(version, purpose, domain, basis)
    request = Request(
        actor_id=f"employee-{rng.randrange(400)}",
        partner_id=f"partner-{rng.randrange(12)}",
        operation=operation,
        categories=_pick(rng, necessary, count),
        purpose=purpose,
        legal_basis=basis,
        domain=domain,
    )
    consents = [
        Consent(ConsentScope.RECORD_REQUEST, ConsentState.GIVEN, written=rng.random() < 0.3)
    ]
    if rng.random() < 0.6:
        consents.append(Consent(ConsentScope.SHARE, ConsentState.GIVEN, written=rng.random() < 0.5))
    facts = Facts(
        version=version,
        actor_is_employee=True,
        partner_committed=True,
        acknowledged_current_version=True,
        assigned_legal_bases=frozenset({basis}),
        informed=True,
        consents=tuple(consents),
    )
    if rng.random() < 0.15:  # also assigned under a second law
        facts = replace(facts, assigned_legal_bases=frozenset({basis, rng.choice(BASES)}))
    if purpose in FACT_GROUNDS and rng.random() < 0.88:  # a Meldcode case, a household plan
        facts = replace(facts, purpose_grounds=frozenset({FACT_GROUNDS[purpose]}))
    scenario = rng.choices(list(SCENARIOS), weights=list(SCENARIOS.values()))[0]
    return BEND[scenario](rng, request, facts, version)


def _share(rng, request, facts, version, health=None):
    """A share with a partner: mostly one that supports the client in the sender's domain (for
    integrated support, in the domains the household plan brings together), a few referrals
    to a domain in which the recipient is to support the client, a few to a partner that
    supports the client elsewhere only or not at all (art5.1)."""
    health = rng.random() < 0.5 if health is None else health
    categories = list(request.categories)
    if health and Category.HEALTH not in categories:
        categories = [*categories[:4], Category.HEALTH]
    share = Consent(ConsentScope.SHARE, ConsentState.GIVEN, written=rng.random() < 0.6)
    consents = [c for c in facts.consents if c.scope is not ConsentScope.SHARE]
    if rng.random() < 0.9:
        consents.append(share)
    domain = request.domain if not health else rng.choice((Domain.CARE, Domain.YOUTH))
    basis = (
        request.legal_basis
        if not health
        else (LegalBasis.WMO_2015 if domain is Domain.CARE else LegalBasis.YOUTH_ACT)
    )
    own = domain or rng.choice(sorted(DOMAINS_BY_LEGAL_BASIS[basis]))
    others = [d for d in sorted(Domain) if d is not own]
    support, referral = frozenset(), None
    what = rng.random()
    if what < 0.8:
        extra = (
            rng.randint(1, 3)
            if request.purpose is Purpose.INTEGRATED_SUPPORT
            else (int(rng.random() < 0.2))
        )
        support = frozenset({own, *rng.sample(others, extra)})
    elif what < 0.86:  # the recipient supports the client, but in another domain
        support = frozenset({rng.choice(others)})
    elif what < 0.96:  # a referral: what intake and assessment there need
        referral = rng.choice(others)
        carried = _necessary(version, request.purpose, domain, basis) & version.referral_needs(
            referral
        )
        if carried:
            categories = list(_pick(rng, carried, rng.randint(1, 3)))
            if rng.random() < 0.2:  # and something the referral does not carry
                categories += _pick(rng, set(Category) - carried, 1)
    request = replace(
        request,
        operation=Operation.SHARE,
        categories=tuple(categories),
        recipient=f"partner-{rng.randrange(12)}" if rng.random() < 0.97 else None,
        domain=domain,
        legal_basis=basis,
        referral_domain=referral,
    )
    return request, replace(
        facts,
        consents=tuple(consents),
        assigned_legal_bases=facts.assigned_legal_bases | {basis},
        recipient_support=support,
    )


def _refused_withdrawn(rng, request, facts, version):
    if rng.random() < 0.4:
        request, facts = _share(rng, request, facts, version)
    scope = version.consent_scope[request.operation] or ConsentScope.RECORD_REQUEST
    state = rng.choice((ConsentState.REFUSED, ConsentState.WITHDRAWN))
    narrowed = frozenset(rng.sample(sorted(request.categories), 1)) if rng.random() < 0.4 else None
    consents = [c for c in facts.consents if c.scope is not scope or narrowed]
    consents.append(Consent(scope, state, categories=narrowed, written=rng.random() < 0.3))
    return request, replace(facts, consents=tuple(consents))


def _narrowed(rng, request, facts, version):
    request, facts = _share(rng, request, facts, version, health=False)
    categories = frozenset(rng.sample(sorted(Category), rng.randint(1, 5)))
    recipients = frozenset({request.recipient or "partner-0", f"partner-{rng.randrange(12)}"})
    if rng.random() < 0.3:  # the consent form also names a non-partner
        recipients |= {f"non-partner-{rng.randrange(30)}"}
    narrowed = Consent(
        ConsentScope.SHARE,
        ConsentState.GIVEN,
        categories=categories if rng.random() < 0.7 else None,
        recipients=recipients if rng.random() < 0.6 else None,
        written=rng.random() < 0.5,
    )
    consents = [c for c in facts.consents if c.scope is not ConsentScope.SHARE]
    consents.append(narrowed)
    if rng.random() < 0.3:  # the client withdrew the share with one partner
        consents.append(
            Consent(
                ConsentScope.SHARE,
                ConsentState.WITHDRAWN,
                recipients=frozenset({f"partner-{rng.randrange(12)}"}),
            )
        )
    return request, replace(
        facts, consents=tuple(consents), recipient_names=_names(narrowed.recipients)
    )


def _names(recipients) -> tuple[tuple[str, str], ...]:
    """The names of the recipients a narrowed consent names, as the gate hands them over."""
    return tuple((r, f"Organisatie {r}") for r in sorted(recipients or ()))


def _art4_6(rng, request, facts, version):
    if rng.random() < 0.4:
        request, facts = _share(rng, request, facts, version)
    ground = rng.choice(sorted(ExceptionGround))
    text = rng.choices(TEXTS, weights=(45, 45, 10))[0]
    request = replace(request, justification=Justification(ground, text))
    scope = version.consent_scope[request.operation]
    what = rng.random()
    if what < 0.4:  # consent not yet asked
        facts = replace(facts, consents=tuple(c for c in facts.consents if c.scope is not scope))
    elif what < 0.8:  # refused or withdrawn
        facts = replace(
            facts,
            consents=tuple(
                c
                if c.scope is not scope
                else replace(c, state=rng.choice((ConsentState.REFUSED, ConsentState.WITHDRAWN)))
                for c in facts.consents
            ),
        )
    else:  # not informed either: recording or requesting in a crisis
        request = replace(request, operation=rng.choice((Operation.RECORD, Operation.REQUEST)))
        facts = replace(facts, informed=False, consents=())
    return request, facts


def _not_informed(rng, request, facts, version):
    request = replace(request, operation=rng.choice((Operation.RECORD, Operation.REQUEST)))
    return request, replace(facts, informed=False)


def _unassigned(rng, request, facts, version):
    what = rng.random()
    if what < 0.45:
        return request, replace(facts, assigned_legal_bases=frozenset())
    if what < 0.75:  # assigned, but under another law
        other = rng.choice([b for b in BASES if b is not request.legal_basis])
        return request, replace(facts, assigned_legal_bases=frozenset({other}))
    return request, replace(facts, assigned_legal_bases=frozenset(), household_director=True)


def _missing_purpose_basis(rng, request, facts, version):
    if rng.random() < 0.65:
        return replace(request, purpose=None), facts
    return replace(request, legal_basis=None, domain=rng.choice((request.domain, None))), facts


def _unacknowledged(rng, request, facts, version):
    return request, replace(facts, acknowledged_current_version=False)


def _not_necessary(rng, request, facts, version):
    necessary = _necessary(version, request.purpose, request.domain, request.legal_basis)
    extra = _pick(rng, set(Category) - necessary, rng.randint(1, 2))
    categories = (*request.categories, *extra)[-5:]
    if rng.random() < 0.2:  # "all data"
        categories = tuple(Category)[:5]
    return replace(request, categories=categories), facts


def _secrecy(rng, request, facts, version):
    request, facts = _share(rng, request, facts, version)
    secret = frozenset(rng.sample(sorted(request.categories), 1))
    return request, replace(facts, professional_secrecy=secret)


def _blocked(rng, request, facts, version):
    """art9.4: one of the categories holds only blocked items; sometimes a report."""
    if rng.random() < 0.5:
        request, facts = _share(rng, request, facts, version)
    blocked = frozenset(rng.sample(sorted(request.categories), 1))
    return request, replace(facts, blocked=blocked)


def _non_partner(rng, request, facts, version):
    """art7: family, the network or an uncommitted professional receives a share; the leaflet
    with the protocol's main lines was handed over, or not yet. It receives on consent only
    where the consent names it (art4.3): mostly it does, some consents name partners only or
    another non-partner."""
    request, facts = _share(rng, request, facts, version, health=rng.random() < 0.2)
    recipient = f"non-partner-{rng.randrange(30)}"
    request = replace(
        request, recipient_kind=RecipientKind.NON_PARTNER, recipient=recipient, referral_domain=None
    )
    consents = [c for c in facts.consents if c.scope is not ConsentScope.SHARE]
    what, named = rng.random(), None
    if what < 0.6:
        named = frozenset({recipient, *(["partner-3"] if rng.random() < 0.3 else [])})
    elif what < 0.7:
        named = frozenset({f"non-partner-{rng.randrange(30, 40)}"})
    if what < 0.95:  # given: naming it, another, or no one (every partner, no non-partner)
        consents.append(
            Consent(
                ConsentScope.SHARE, ConsentState.GIVEN, recipients=named, written=rng.random() < 0.6
            )
        )
    return request, replace(
        facts,
        recipient_informed=rng.random() < 0.75,
        consents=tuple(consents),
        recipient_support=frozenset(),
        recipient_names=_names(named),
    )


def _veilig_thuis(rng, request, facts, version):
    """art8.2: Veilig Thuis asks about a report; what its task needs goes, without consent
    where needed; the rest, and items under secrecy, stay."""
    request, facts = _share(rng, request, facts, version, health=rng.random() < 0.4)
    wanted = sorted(version.veilig_thuis_categories)
    categories = _pick(rng, wanted, rng.randint(1, 4))
    if rng.random() < 0.3:  # and something it does not need
        categories = (*categories, *_pick(rng, set(Category) - set(wanted), 1))
    request = replace(
        request,
        recipient_kind=RecipientKind.VEILIG_THUIS,
        recipient="veilig-thuis",
        categories=categories[:5],
        purpose=Purpose.SAFETY,
        referral_domain=None,
    )
    facts = replace(facts, recipient_support=frozenset())
    what = rng.random()
    if what < 0.4:  # no consent to share, or none at all, or not even informed
        facts = replace(
            facts, consents=tuple(c for c in facts.consents if c.scope is not ConsentScope.SHARE)
        )
    elif what < 0.55:
        facts = replace(facts, consents=(), informed=False)
    elif what < 0.7:  # under a professional's secrecy
        facts = replace(
            facts, professional_secrecy=frozenset(rng.sample(sorted(request.categories), 1))
        )
    return request, facts


def _intake(rng, request, facts, version):
    basis = request.legal_basis
    necessary = _necessary(version, Purpose.INTAKE, request.domain, basis)
    request = replace(
        request,
        operation=Operation.RECORD,
        purpose=Purpose.INTAKE,
        categories=_pick(rng, necessary, rng.randint(1, 3)),
    )
    opening = basis if rng.random() < 0.8 else rng.choice(BASES)
    return request, replace(
        facts,
        assigned_legal_bases=frozenset(),
        opening_trajectory=opening,
        informed=rng.random() < 0.9,
    )


def _referral_intake(rng, request, facts, version):
    """art3.2c: a caseworker of a partner to which the client was referred sees, in its intake
    queue, who the client is; a few ask for more, or under another law."""
    basis = request.legal_basis
    referred = rng.choice(sorted(DOMAINS_BY_LEGAL_BASIS[basis]))
    categories, what = (Category.IDENTIFICATION,), rng.random()
    if what < 0.12:  # more than who the client is: not on the referral alone
        categories = (Category.IDENTIFICATION, Category.CONTACT)
    elif what < 0.2:  # under a law that does not carry the domain of the referral
        basis = rng.choice([b for b in BASES if b is not basis])
    request = replace(
        request,
        operation=Operation.CONSULT,
        purpose=Purpose.INTAKE,
        categories=categories,
        legal_basis=basis,
        domain=referred if basis is request.legal_basis and rng.random() < 0.5 else None,
    )
    return request, replace(
        facts,
        assigned_legal_bases=frozenset(),
        referred_to=frozenset({referred}),
        purpose_grounds=frozenset(),
        informed=rng.random() < 0.5,
    )


def _oversight(rng, request, facts, version):
    necessary = _necessary(version, Purpose.ACCOUNTABILITY, request.domain, request.legal_basis)
    request = replace(
        request,
        operation=rng.choices((Operation.CONSULT, Operation.CHANGE), weights=(9, 1))[0],
        purpose=Purpose.ACCOUNTABILITY,
        categories=_pick(rng, necessary, 1),
    )
    return request, replace(facts, assigned_legal_bases=frozenset(), privacy_officer=True)


def _no_access(rng, request, facts, version):
    what = rng.random()
    if what < 0.4:
        return request, replace(facts, partner_committed=False)
    if what < 0.7:
        return request, replace(facts, version=None)
    return request, replace(facts, actor_is_employee=False)


BEND = {
    "routine": lambda rng, request, facts, version: (request, facts),
    "share": _share,
    "refused-withdrawn": _refused_withdrawn,
    "narrowed": _narrowed,
    "art4.6": _art4_6,
    "not-informed": _not_informed,
    "unassigned": _unassigned,
    "missing-purpose-basis": _missing_purpose_basis,
    "unacknowledged": _unacknowledged,
    "not-necessary": _not_necessary,
    "secrecy": _secrecy,
    "blocked": _blocked,
    "non-partner": _non_partner,
    "veilig-thuis": _veilig_thuis,
    "intake": _intake,
    "referral-intake": _referral_intake,
    "oversight": _oversight,
    "no-access": _no_access,
}


def make_mix(count: int, seed: int) -> list[tuple[Request, Facts]]:
    """``count`` distinct request/fact pairs, both protocol versions."""
    rng = random.Random(seed)
    versions = sorted(load_all().values(), key=lambda v: v.id)
    mix, seen = [], set()
    while len(mix) < count:
        request, facts = one_pair(rng, versions)
        if not request.categories:
            continue
        key = repr((request, replace(facts, version=None), getattr(facts.version, "id", None)))
        if key not in seen:
            seen.add(key)
            mix.append((request, facts))
    return mix


def describe(mix, decisions) -> dict:
    statuses = [d.status for d in decisions]
    versions = [f.version.id if f.version else "no version" for _, f in mix]
    return {
        "requests": len(mix),
        "categories": sum(len(r.categories) for r, _ in mix),
        "allowed": statuses.count("allowed"),
        "partial": statuses.count("partial"),
        "refused": statuses.count("refused"),
        "art4_6": sum("art4.6" in d.articles for d in decisions),
        "non_partner": sum(
            r.recipient_kind is RecipientKind.NON_PARTNER and r.operation is Operation.SHARE
            for r, _ in mix
        ),
        "art7": sum("art7" in d.articles for d in decisions),
        "veilig_thuis": sum(
            r.recipient_kind is RecipientKind.VEILIG_THUIS and r.operation is Operation.SHARE
            for r, _ in mix
        ),
        "art8_2": sum("art8.2" in d.articles for d in decisions),
        "blocked": sum(bool(f.blocked) for _, f in mix),
        "art9_4": sum("art9.4" in d.articles for d in decisions),
        "versions": {v: versions.count(v) for v in sorted(set(versions))},
        **for_the_recipient(mix, decisions),
    }


def for_the_recipient(pairs, decisions) -> dict:
    """How often the rules of decision 10 come into play (art3.2c, art4.3, art5.1, art7)."""
    shares = [(r, f) for r, f in pairs if r.operation is Operation.SHARE]
    partner = [(r, f) for r, f in shares if r.recipient_kind is RecipientKind.PARTNER]
    grounded = [
        (f.version.purpose_grounds[r.purpose], f)
        for r, f in pairs
        if f.version is not None and f.version.purpose_grounds.get(r.purpose)
    ]
    intake = [
        d
        for (r, f), d in zip(pairs, decisions, strict=True)
        if r.operation is Operation.CONSULT and r.purpose is Purpose.INTAKE and f.referred_to
    ]
    return {
        "partner_shares": len(partner),
        "referrals": sum(r.referral_domain is not None for r, _ in partner),
        "not_supporting": sum(
            not f.recipient_support and r.referral_domain is None for r, f in partner
        ),
        "grounded": len(grounded),
        "without_ground_fact": sum(not needed & f.purpose_grounds for needed, f in grounded),
        "referral_intake": len(intake),
        "referral_intake_allowed": sum(d.status == "allowed" for d in intake),
        "non_partner_named": sum(
            r.recipient_kind is RecipientKind.NON_PARTNER
            and any(
                c.scope is ConsentScope.SHARE and r.recipient in (c.recipients or ())
                for c in f.consents
            )
            for r, f in shares
        ),
    }


def for_the_recipient_text(n: dict) -> str:
    return (
        f"{n['partner_shares']:,} shares with a partner ({n['referrals']:,} referrals, "
        f"{n['not_supporting']:,} to a partner that does not support the client), "
        f"{n['grounded']:,} requests for a purpose that needs its ground "
        f"({n['without_ground_fact']:,} without the fact recorded), "
        f"{n['referral_intake']:,} intake consults on a referral "
        f"({n['referral_intake_allowed']:,} allowed), {n['non_partner_named']:,} shares with a "
        f"non-partner that a consent names"
    )


def random_pair(rng: random.Random, versions: list[ProtocolVersion]) -> tuple[Request, Facts]:
    """A request and facts drawn without regard to realism: the corners of the rules."""

    def maybe(values):
        return None if rng.random() < 0.2 else rng.choice(sorted(values))

    def some(values, most):
        return frozenset(rng.sample(sorted(values), rng.randint(0, most)))

    recipients = ("p2", "p3", "n1", "n2")  # partners and non-partners alike
    consents = tuple(
        Consent(
            rng.choice(sorted(ConsentScope)),
            rng.choice(sorted(ConsentState)),
            categories=(some(Category, 4) or None) if rng.random() < 0.4 else None,
            recipients=(some(recipients, 2) or None) if rng.random() < 0.4 else None,
            written=rng.random() < 0.5,
        )
        for _ in range(rng.randint(0, len(CONSENT_SLOTS)))
    )
    request = Request(
        actor_id="e",
        partner_id="p",
        operation=rng.choice(sorted(Operation)),
        categories=tuple(rng.sample(sorted(Category), rng.randint(1, 5))),
        purpose=maybe(Purpose),
        legal_basis=maybe(LegalBasis),
        domain=maybe(Domain),
        recipient=maybe(recipients),
        justification=None
        if rng.random() < 0.5
        else Justification(rng.choice(sorted(ExceptionGround)), rng.choice(("", " ", "Nodig."))),
        recipient_kind=rng.choice(sorted(RecipientKind)),
        referral_domain=maybe(Domain) if rng.random() < 0.3 else None,
    )
    facts = Facts(
        version=None if rng.random() < 0.05 else rng.choice(versions),
        actor_is_employee=rng.random() < 0.9,
        partner_committed=rng.random() < 0.9,
        acknowledged_current_version=rng.random() < 0.9,
        assigned_legal_bases=some(LegalBasis, 2),
        household_director=rng.random() < 0.2,
        privacy_officer=rng.random() < 0.2,
        opening_trajectory=maybe(LegalBasis) if rng.random() < 0.3 else None,
        informed=rng.random() < 0.7,
        consents=consents,
        professional_secrecy=some(Category, 2) if rng.random() < 0.3 else frozenset(),
        blocked=some(Category, 2) if rng.random() < 0.15 else frozenset(),
        recipient_informed=rng.random() < 0.5,
        recipient_support=some(Domain, 3) if rng.random() < 0.6 else frozenset(),
        purpose_grounds=some(PurposeGround, 2) if rng.random() < 0.5 else frozenset(),
        referred_to=some(Domain, 2) if rng.random() < 0.3 else frozenset(),
    )
    what = rng.random()
    if what < 0.6:  # past the rules for the whole request, to the categories' rules
        basis = rng.choice(sorted(LegalBasis))
        request = replace(
            request,
            purpose=rng.choice(sorted(Purpose)),
            legal_basis=basis,
            domain=maybe(DOMAINS_BY_LEGAL_BASIS[basis]),
        )
        facts = replace(
            facts,
            version=rng.choice(versions),
            actor_is_employee=True,
            partner_committed=True,
            acknowledged_current_version=True,
            assigned_legal_bases=facts.assigned_legal_bases | {basis},
            opening_trajectory=None,
        )
        grounds = facts.version.purpose_grounds.get(request.purpose)
        if grounds and rng.random() < 0.6:  # mostly with a ground for a wider purpose
            facts = replace(
                facts, purpose_grounds=facts.purpose_grounds | {rng.choice(sorted(grounds))}
            )
        if rng.random() < 0.4:  # a share, to any kind of recipient (art5.1, art6, art7, art8.2)
            request = replace(request, operation=Operation.SHARE)
            if rng.random() < 0.5:  # a recipient that supports the client (or a referral)
                facts = replace(
                    facts, recipient_support=facts.recipient_support | {rng.choice(sorted(Domain))}
                )
    elif what < 0.75:  # the intake queue of a partner the client was referred to (art3.2c)
        basis = rng.choice(sorted(LegalBasis))
        categories = (Category.IDENTIFICATION,) if rng.random() < 0.6 else request.categories
        request = replace(
            request,
            operation=Operation.CONSULT if rng.random() < 0.8 else request.operation,
            purpose=Purpose.INTAKE if rng.random() < 0.8 else request.purpose,
            legal_basis=basis,
            categories=categories,
            domain=maybe(DOMAINS_BY_LEGAL_BASIS[basis]) if rng.random() < 0.8 else request.domain,
        )
        facts = replace(
            facts,
            version=rng.choice(versions),
            actor_is_employee=True,
            partner_committed=True,
            acknowledged_current_version=True,
            assigned_legal_bases=some(LegalBasis, 1),
            household_director=False,
            privacy_officer=False,
            opening_trajectory=None,
            referred_to=some(Domain, 2) | ({maybe(DOMAINS_BY_LEGAL_BASIS[basis])} - {None}),
        )
    return request, facts
