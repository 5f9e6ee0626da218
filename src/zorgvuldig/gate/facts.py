"""Gather the facts decide() needs for one actor and one client (and nothing more)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.gate import facts_sql
from zorgvuldig.gate.consent_facts import consents_in_force
from zorgvuldig.gate.context import Actor
from zorgvuldig.gate.errors import InvalidInput
from zorgvuldig.partners.models import Role
from zorgvuldig.protocol import Category, Domain, Facts, LegalBasis, ProtocolVersion, versions


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
) -> tuple[Facts, dict[LegalBasis, frozenset[Domain]]]:
    """The facts for decide(), and the domains of the actor's support of the client per law.

    ``item_ids`` and ``recipient`` are those of a share: which of its items are under a
    professional's secrecy that has not been released for this recipient (art6.2).
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
    _, role, committed_to, acknowledged, director = employee
    version = versions.in_force(committed_to, today) if committed_to is not None else None
    domains: dict[LegalBasis, set[Domain]] = {}
    for basis, domain in found.assigned:
        domains.setdefault(LegalBasis(basis), set()).add(Domain(domain))
    informed, consents = found.informed, consents_in_force(found.consents)
    facts = Facts(
        version=version,
        actor_is_employee=True,
        partner_committed=committed_to is not None,
        acknowledged_current_version=committed_to is not None and acknowledged,
        assigned_legal_bases=frozenset(domains),
        household_director=director,
        opening_trajectory=opening_trajectory,
        privacy_officer=role == Role.PRIVACY_OFFICER,
        professional_secrecy=unreleased_secrecy(item_ids, recipient),
        recipient_informed=recipient_informed,
        informed=informed,
        consents=consents,
    )
    return facts, {basis: frozenset(ds) for basis, ds in domains.items()}


def derived_legal_basis(
    client_id, facts: Facts, support_domains: dict[LegalBasis, frozenset[Domain]]
) -> LegalBasis | None:
    """The law of the actor's own support of the client (the keys of ``support_domains``,
    from :func:`gather`) or, for a household's director without a trajectory of their own,
    the law of the client's support (:func:`support_basis`; art3.2c).

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
    if facts.household_director and client_id is not None:
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


def unreleased_secrecy(item_ids, recipient: str | None) -> frozenset[Category]:
    """art6.2: the categories of which nothing may leave, every item being under secrecy."""
    if not item_ids:
        return frozenset()
    rows = facts_sql.items(item_ids)
    held = [item_id for item_id, _, holder in rows if holder is not None]
    if not held:  # nothing under secrecy: the common case, one query
        return frozenset()
    secret = secret_items(held, recipient)
    by_category: dict[str, bool] = {}
    for item_id, category, _ in rows:
        by_category[category] = by_category.get(category, True) and item_id in secret
    return frozenset(Category(c) for c, all_secret in by_category.items() if all_secret)


def version_of(partner_id, day) -> ProtocolVersion | None:
    """The protocol version ``partner_id`` is bound to on ``day``, if one applies."""
    committed_to = facts_sql.committed_version(partner_id, day)
    return versions.in_force(committed_to, day) if committed_to is not None else None
