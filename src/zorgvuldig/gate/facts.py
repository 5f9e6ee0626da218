# SPDX-License-Identifier: EUPL-1.2
"""Gather the facts decide() needs for one actor and one client (and nothing more)."""

from __future__ import annotations

import uuid

from django.db.models import Q
from django.utils import timezone

from zorgvuldig.clients.models import EmergencyAccess, Household, SupportTrajectory
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.exchange.models import NonPartner, ReceivedShare, SafetyCase
from zorgvuldig.gate import facts_sql
from zorgvuldig.gate.consent_facts import consents_in_force
from zorgvuldig.partners.models import Partner, Role, access_of
from zorgvuldig.protocol import (
    Category,
    ConsentScope,
    Domain,
    Facts,
    LegalBasis,
    Operation,
    ProtocolVersion,
    Purpose,
    PurposeGround,
    RecipientKind,
    awareness,
    loader,
)
from zorgvuldig.rights.codes import OPEN_STATES
from zorgvuldig.rights.models import SubjectRequest


def active_trajectories(day, **narrowed):
    """Support trajectories open on ``day`` (opened on or before it, not closed before it),
    narrowed by ``narrowed`` (``client_id=``, ``partner_id=``, ...)."""
    return SupportTrajectory.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=day), opened_on__lte=day, **narrowed
    )


def gather(
    actor: Actor,
    client_id,
    opening_trajectory: LegalBasis | None = None,
    item_ids=(),
    recipient: str | None = None,
    recipient_informed: bool = False,
    *,
    operation: Operation | None = None,
    purpose: Purpose | None = None,
    recipient_kind: RecipientKind = RecipientKind.PARTNER,
    establishes_ground: PurposeGround | None = None,
) -> tuple[Facts, dict[LegalBasis, frozenset[Domain]]]:
    """The facts for decide(), and the domains of the actor's support of the client per law.

    ``item_ids``: the items the processing names (a share, a change, a history): of which
    categories every item is blocked (art9.4) and, with ``recipient``, under a professional's
    secrecy not released for that recipient (art6.2); for a partner receiving a share, in
    which domains it supports the client (art5.1). ``purpose`` and
    ``operation`` say which further facts are needed: the ground of a purpose wider than the
    ordinary support (art5.1), a referral for an intake (art3.2c), the names of the
    recipients a narrowed consent covers (art4.3). ``establishes_ground``: the ground this
    processing itself lays (opening a Meldcode case, art8.1; forming a household, art1).
    """
    today = timezone.localdate()
    found = (
        facts_sql.processing_facts(actor.employee_id, actor.partner_id, client_id, today)
        if actor.employee_id
        else None
    )
    employee = found and found.employee
    if employee is None or employee[0] != actor.partner_id:
        nobody = Facts(
            version=None,
            actor_is_employee=False,
            partner_committed=False,
            acknowledged_current_version=False,
        )
        return nobody, {}
    _, role, committed_to, acknowledged_on, director = employee
    version = loader.in_force(committed_to, today) if committed_to is not None else None
    lapsed = bool(
        version
        and acknowledged_on
        and awareness.lapsed(acknowledged_on, version.reacknowledge_months, today)
    )
    domains: dict[LegalBasis, set[Domain]] = {}
    for basis, domain in found.assigned:
        domains.setdefault(LegalBasis(basis), set()).add(Domain(domain))
    informed, consents = found.informed, consents_in_force(found.consents)
    sharing = operation is Operation.SHARE
    secrecy, blocked = withheld_categories(item_ids, recipient)
    can = access_of(role)
    officer = role == Role.PRIVACY_OFFICER
    facts = Facts(
        version=version,
        actor_is_employee=True,
        partner_committed=committed_to is not None,
        acknowledged_current_version=(
            committed_to is not None and acknowledged_on is not None and not lapsed
        ),
        acknowledgement_lapsed=lapsed,
        assigned_legal_bases=frozenset(domains),
        household_director=director,
        opening_trajectory=opening_trajectory,
        privacy_officer=officer,
        casework=can.casework,
        data_protection_officer=role == Role.DATA_PROTECTION_OFFICER,
        handles_request=officer and open_request(actor, client_id),
        emergency_access=(can.breaks_glass and not domains and emergency_access(actor, client_id)),
        meldcode_liaison=(
            can.meldcode
            and client_id is not None
            and open_safety_cases(client_id, actor.partner_id).exists()
        ),
        professional_secrecy=secrecy,
        blocked=blocked,
        recipient_informed=recipient_informed,
        informed=informed,
        consents=consents,
        recipient_support=(
            recipient_support(client_id, recipient, purpose)
            if sharing and recipient_kind is RecipientKind.PARTNER and recipient
            else frozenset()
        ),
        purpose_grounds=(
            purpose_grounds(actor, client_id, director, establishes_ground)
            if version is not None and purpose in version.purpose_grounds
            else frozenset()
        ),
        referred_to=(
            referred_to(actor, client_id)
            if purpose is Purpose.INTAKE and operation is Operation.CONSULT
            else frozenset()
        ),
        recipient_names=recipient_names(consents) if sharing else (),
    )
    return facts, {basis: frozenset(ds) for basis, ds in domains.items()}


def emergency_access(actor: Actor, client_id) -> bool:
    """art3.2c: the actor broke the glass for the client, and the access has not expired
    (decision 23); asked only of an employee who is not assigned to the client."""
    if client_id is None:
        return False
    now = timezone.now()
    return EmergencyAccess.objects.filter(
        employee_id=actor.employee_id,
        partner_id=actor.partner_id,
        client_id=client_id,
        started_at__lte=now,
        expires_at__gt=now,
    ).exists()


def open_request(actor: Actor, client_id) -> bool:
    """art9, art10: a request of the client's data subject is open at the actor's partner."""
    return client_id is not None and (
        SubjectRequest.objects.filter(
            client_id=client_id, partner_id=actor.partner_id, state__in=OPEN_STATES
        ).exists()
    )


def recipient_support(client_id, partner_id, purpose: Purpose | None = None) -> frozenset[Domain]:
    """art5.1: the domains in which partner ``partner_id`` supports the client today (none for
    an id that names no partner). For integrated support, a partner that takes part in a
    household plan of the client (its director's organisation, say) supports what the plan
    brings together: the client's support in every domain, at any partner (art1)."""
    try:
        partner_id = uuid.UUID(str(partner_id))
    except ValueError:
        return frozenset()
    if client_id is None:
        return frozenset()
    narrowed = {"client_id": client_id, "partner_id": partner_id}
    if purpose is Purpose.INTEGRATED_SUPPORT and planned_households(client_id, partner_id).exists():
        del narrowed["partner_id"]
    return frozenset(
        Domain(d)
        for d in active_trajectories(timezone.localdate(), **narrowed).values_list(
            "domain", flat=True
        )
    )


def planned_households(client_id, partner_id):
    """art1: the households of the client in whose one plan ``partner_id`` takes part (named
    in the plan, or the organisation of the household's director)."""
    return Household.objects.filter(members__client__id=client_id).filter(
        Q(partners__id=partner_id) | Q(director__partner_id=partner_id)
    )


def open_safety_cases(client_id, partner_id):
    """art8.1: the Meldcode cases of the partner about the client that are still running,
    through their five steps and the follow-up of the decision, until closed."""
    return SafetyCase.objects.filter(
        client_id=client_id, partner_id=partner_id, closed_on__isnull=True
    )


def purpose_grounds(
    actor: Actor, client_id, director: bool, establishes: PurposeGround | None = None
) -> frozenset[PurposeGround]:
    """art2, art5.1: which of the facts that a purpose wider than the ordinary support may
    rest on hold for this actor and client (see the version's ``purpose_grounds``), with the
    one the processing itself ``establishes``."""
    held = {establishes} - {None}
    if client_id is not None and open_safety_cases(client_id, actor.partner_id).exists():
        held.add(PurposeGround.MELDCODE_CASE)
    if director or (
        client_id is not None and planned_households(client_id, actor.partner_id).exists()
    ):
        held.add(PurposeGround.HOUSEHOLD_PLAN)
    return frozenset(held)


def referred_to(actor: Actor, client_id) -> frozenset[Domain]:
    """art3.2c: the domains in which the client waits, referred by a partner, for intake at
    the actor's organisation (:func:`zorgvuldig.gate.services.received.referrals.intake_queue`)."""
    if client_id is None:
        return frozenset()
    return frozenset(
        Domain(d)
        for d in ReceivedShare.objects.filter(
            client_id=client_id, recipient_partner_id=actor.partner_id, handled_at__isnull=True
        )
        .exclude(referral_domain="")
        .values_list("referral_domain", flat=True)
    )


def recipient_names(consents) -> tuple[tuple[str, str], ...]:
    """art4.3: the names of the recipients that consents to share are narrowed to, by id
    (partners and the partner's own non-partners); none when no consent names any."""
    ids = {r for c in consents if c.scope is ConsentScope.SHARE for r in c.recipients or ()}
    return tuple(sorted(names_of_recipients(ids).items()))


def names_of_recipients(ids) -> dict[str, str]:
    """The names of consent recipients by id: partners (art4.3) and non-partners (art7)."""
    ids = set(map(str, ids))
    if not ids:
        return {}
    names = {str(i): n for i, n in Partner.objects.filter(id__in=ids).values_list("id", "name")}
    names.update((str(n.id), n.name) for n in NonPartner.objects.filter(id__in=ids - set(names)))
    return names


def derived_legal_basis(
    client_id, facts: Facts, support_domains: dict[LegalBasis, frozenset[Domain]]
) -> LegalBasis | None:
    """The law of the actor's own support of the client (the keys of ``support_domains``,
    from :func:`gather`) or, for a household's director, the Veilig Thuis liaison of a Meldcode
    case or who broke the glass, without a trajectory of their own, the law of the client's
    support (:func:`support_basis`; art3.2c).

    None when the actor supports the client under no law at all: decide() then refuses
    (art3.2c) and the refusal is logged. More than one: the actor has to name it.
    """
    bases = sorted(support_domains)
    if len(bases) > 1:
        raise InvalidInput(
            {"legalBasis": "U ondersteunt deze cliënt onder meer dan één wet; kies de grondslag."}
        )
    if bases:
        return bases[0]
    if (
        facts.household_director or facts.meldcode_liaison or facts.emergency_access
    ) and client_id is not None:
        return support_basis(client_id)
    return None


def support_basis(client_id) -> LegalBasis | None:
    """The law under which the client is supported today, at any partner: what a household's
    director works under (art1, art3.2c); more than one: the director names it."""
    bases = set(
        active_trajectories(timezone.localdate(), client_id=client_id).values_list(
            "legal_basis", flat=True
        )
    )
    if len(bases) > 1:
        raise InvalidInput({"legalBasis": "Kies de wet waarop deze integrale ondersteuning rust."})
    return LegalBasis(bases.pop()) if bases else None


def secret_items(item_ids, recipient: str | None) -> set:
    """art6.2: those of these items under a professional's secrecy that are not released for
    ``recipient``; a share leaves them behind, item by item."""
    if not item_ids:
        return set()
    return set(
        DataItem.objects.filter(id__in=item_ids, secrecy_holder__isnull=False)
        .exclude(releases__recipient=recipient or "")
        .values_list("id", flat=True)
    )


def withheld_categories(
    item_ids, recipient: str | None
) -> tuple[frozenset[Category], frozenset[Category]]:
    """The categories of which nothing named may be processed: every item under a
    professional's unreleased secrecy (art6.2), and every item blocked (art9.4)."""
    if not item_ids:
        return frozenset(), frozenset()
    rows = facts_sql.items(item_ids)
    held = [item_id for item_id, _, holder, _ in rows if holder is not None]
    secret = secret_items(held, recipient) if held else set()  # none held: one query
    all_secret: dict[str, bool] = {}
    all_blocked: dict[str, bool] = {}
    for item_id, category, _, blocked in rows:
        all_secret[category] = all_secret.get(category, True) and item_id in secret
        all_blocked[category] = all_blocked.get(category, True) and blocked
    return (
        frozenset(Category(c) for c, every in all_secret.items() if every),
        frozenset(Category(c) for c, every in all_blocked.items() if every),
    )


def version_of(partner_id, day) -> ProtocolVersion | None:
    """The protocol version ``partner_id`` is bound to on ``day``, if one applies."""
    committed_to = facts_sql.committed_version(partner_id, day)
    return loader.in_force(committed_to, day) if committed_to is not None else None
