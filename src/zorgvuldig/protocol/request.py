# SPDX-License-Identifier: EUPL-1.2
"""What goes into decide(): the request for a processing and the facts gathered for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from zorgvuldig.protocol.consent import Consent, Justification
from zorgvuldig.protocol.grounds import PurposeGround
from zorgvuldig.protocol.version import ProtocolVersion
from zorgvuldig.protocol.vocabulary import Category, Domain, LegalBasis, Operation, Purpose


class RecipientKind(StrEnum):
    """Who receives a share."""

    PARTNER = "partner"  # committed to the protocol on the day (art1)
    NON_PARTNER = "non-partner"  # family, network, uncommitted professionals (art7)
    VEILIG_THUIS = "veilig-thuis"  # answering Veilig Thuis (AMHK) about a report (art8.2)


@dataclass(frozen=True, slots=True)
class Request:
    """A processing someone wants to do.

    ``purpose`` and ``legal_basis`` may be None: art2 refuses such a request, and it is the
    rules, not the caller, that say so (the refusal is logged like every decision).
    ``domain`` is the support domain it serves (art5.1); ``recipient`` the partner or person a
    share goes to (art6.1); ``justification`` the caseworker's statement under art4.6.
    ``referral_domain``: a share to a partner that is to support the client in this domain
    (a referral, art5.1): it carries what intake and assessment there need.
    """

    actor_id: str
    partner_id: str
    operation: Operation
    categories: tuple[Category, ...]
    purpose: Purpose | None
    legal_basis: LegalBasis | None
    domain: Domain | None = None
    recipient: str | None = None
    justification: Justification | None = None
    recipient_kind: RecipientKind = RecipientKind.PARTNER
    referral_domain: Domain | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    """What the gate found in the database for this request; decide() reads nothing else."""

    # The protocol version the actor's partner is bound to today (None: none applies).
    version: ProtocolVersion | None
    # The actor is a person employed by a partner (not a service identity).
    actor_is_employee: bool
    # art1: the actor's partner is committed to the protocol on the day of the processing.
    partner_committed: bool
    # art3.2d: the actor has acknowledged the protocol version in force (and, art3.2e, not
    # so long ago that the version asks them to acknowledge it again).
    acknowledged_current_version: bool
    # art3.2c: legal bases of the active support trajectories of this client to which the
    # actor is assigned as caseworker.
    assigned_legal_bases: frozenset[LegalBasis] = field(default_factory=frozenset)
    # art3.2c: the actor is the director (regisseur) of a household the client belongs to.
    household_director: bool = False
    # art3.2c: the actor is a privacy officer of the partner, who oversees the processing
    # (accountability) without taking part in the support.
    privacy_officer: bool = False
    # art3.2c: the actor's role takes part in the support (caseworker, director, team lead,
    # Veilig Thuis liaison); other roles reach no client through an assignment.
    casework: bool = True
    # art3.2c: the actor is the partner's data protection officer (FG), who oversees the
    # registers and the log, reaches a client's identification only and changes nothing.
    data_protection_officer: bool = False
    # art3.2c, art9: a request of the client's data subject is open at the actor's partner
    # (read only for a privacy officer, who handles it).
    handles_request: bool = False
    # art3.2c: the actor broke the glass for this client: an emergency access, not expired.
    emergency_access: bool = False
    # art3.2c, art8: the actor is the partner's Veilig Thuis liaison and the partner has an
    # open Meldcode case about the client.
    meldcode_liaison: bool = False
    # art3.2c: this very processing opens a support trajectory (intake) under this legal basis,
    # assigning the actor to it.
    opening_trajectory: LegalBasis | None = None
    # art4.1: the client has been informed by the actor's partner.
    informed: bool = False
    # art4.2-art4.5: the client's consents in force now, at the actor's partner.
    consents: tuple[Consent, ...] = ()
    # art6.2: requested categories holding items under a professional's statutory secrecy
    # that the professional has not released for this processing.
    professional_secrecy: frozenset[Category] = field(default_factory=frozenset)
    # art9.4: requested categories of which every item named is blocked (afgeschermd) at the
    # data subject's request: kept, but no longer processed.
    blocked: frozenset[Category] = field(default_factory=frozenset)
    # art7: the non-partner receiving a share has been informed of the protocol's main lines.
    recipient_informed: bool = False
    # art5.1: the domains in which the partner receiving a share supports the client today
    # (empty: it does not support the client; what it receives is then a referral).
    recipient_support: frozenset[Domain] = field(default_factory=frozenset)
    # art2, art5.1: the facts held for a purpose wider than the ordinary support (a Meldcode
    # case, a household plan naming the actor's organisation); see the version's
    # ``purpose_grounds``. A serious-risk justification and a share to Veilig Thuis are read
    # from the request itself.
    purpose_grounds: frozenset[PurposeGround] = field(default_factory=frozenset)
    # art3.2c, art5.1: the domains in which the client was referred to the actor's
    # organisation by a partner and waits for intake there (its intake queue).
    referred_to: frozenset[Domain] = field(default_factory=frozenset)
    # art4.3: the names of the recipients that narrowed consents name, by id (to say whom a
    # consent covers when it does not cover this recipient).
    recipient_names: tuple[tuple[str, str], ...] = ()
    # art3.2e: the actor acknowledged the version in force, but that has lapsed.
    acknowledgement_lapsed: bool = False
