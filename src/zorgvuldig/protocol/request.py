"""What goes into decide(): the request for a processing and the facts gathered for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from zorgvuldig.protocol.vocabulary import Category, LegalBasis, Operation, Purpose


@dataclass(frozen=True, slots=True)
class Request:
    """A processing someone wants to do.

    ``purpose`` and ``legal_basis`` may be None: art2 refuses such a request, and it is the
    rules, not the caller, that say so (the refusal is logged like every decision).
    """

    actor_id: str
    partner_id: str
    operation: Operation
    categories: tuple[Category, ...]
    purpose: Purpose | None
    legal_basis: LegalBasis | None


@dataclass(frozen=True, slots=True)
class Facts:
    """What the gate found in the database for this request; decide() reads nothing else."""

    # The actor is a person employed by a partner (not a service identity).
    actor_is_employee: bool
    # art1: the actor's partner is committed to the protocol on the day of the processing.
    partner_committed: bool
    # art3.2d: the actor has acknowledged the protocol version in force.
    acknowledged_current_version: bool
    # art3.2c: legal bases of the active support trajectories of this client to which the
    # actor is assigned as caseworker.
    assigned_legal_bases: frozenset[LegalBasis] = field(default_factory=frozenset)
    # art3.2c: the actor is the director (regisseur) of a household the client belongs to.
    household_director: bool = False
    # art3.2c: this very processing opens a support trajectory (intake) under this legal basis,
    # assigning the actor to it.
    opening_trajectory: LegalBasis | None = None
