# SPDX-License-Identifier: EUPL-1.2
"""Requests and facts for the rule tests: one allowed baseline that each test bends."""

from __future__ import annotations

from dataclasses import replace

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
    Purpose,
    Request,
)
from zorgvuldig.protocol.loader import load_all

VERSIONS = load_all()
V2015 = VERSIONS["regio-utrecht-zuidoost-2015"]
VAVG = VERSIONS["regio-utrecht-zuidoost-avg-2018"]

GIVEN = (
    Consent(ConsentScope.RECORD_REQUEST, ConsentState.GIVEN),
    Consent(ConsentScope.SHARE, ConsentState.GIVEN),
)
JUSTIFIED = Justification(ExceptionGround.NECESSARY, "Zonder schoolgegevens geen passende hulp.")
RISK = Justification(ExceptionGround.SERIOUS_RISK, "Acuut gevaar voor het kind.")

REQUEST = Request(
    actor_id="e1",
    partner_id="p1",
    operation=Operation.CONSULT,
    categories=(Category.IDENTIFICATION, Category.YOUTH),
    purpose=Purpose.SUPPORT_PROVISION,
    legal_basis=LegalBasis.YOUTH_ACT,
    domain=Domain.YOUTH,
)


def facts(version=V2015, **changes) -> Facts:
    base = Facts(
        version=version,
        actor_is_employee=True,
        partner_committed=True,
        acknowledged_current_version=True,
        assigned_legal_bases=frozenset({LegalBasis.YOUTH_ACT}),
        informed=True,
        consents=GIVEN,
        # the partner a share goes to supports the client in the same domain (art5.1)
        recipient_support=frozenset({Domain.YOUTH}),
    )
    return replace(base, **changes)


def request(**changes) -> Request:
    return replace(REQUEST, **changes)


def share(*categories: Category, **changes) -> Request:
    return request(
        **{"operation": Operation.SHARE, "categories": categories, "recipient": "p2", **changes}
    )
