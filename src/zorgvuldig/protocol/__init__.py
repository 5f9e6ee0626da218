# SPDX-License-Identifier: EUPL-1.2
"""The rules of the privacy protocol as a pure function.

This package imports nothing from Django or the rest of the project (an import-linter
contract checks it): a request and the facts gathered for it go in, a decision comes out.
Protocol versions are data files under ``versions/``.
"""

from zorgvuldig.protocol.consent import (
    Consent,
    ConsentScope,
    ConsentState,
    ExceptionGround,
    Justification,
)
from zorgvuldig.protocol.decision import Access, CategoryOutcome, Decision, Obligation
from zorgvuldig.protocol.grounds import PURPOSE_GROUNDS, PurposeGround
from zorgvuldig.protocol.request import Facts, RecipientKind, Request
from zorgvuldig.protocol.rules import decide
from zorgvuldig.protocol.version import ProtocolVersion
from zorgvuldig.protocol.vocabulary import (
    CATEGORIES,
    DOMAINS,
    LEGAL_BASES,
    OPERATIONS,
    PURPOSES,
    SPECIAL_CATEGORIES,
    SUPPORT_ENDINGS,
    Category,
    Domain,
    LegalBasis,
    Operation,
    Purpose,
    SupportEnding,
)

__all__ = [
    "CATEGORIES",
    "DOMAINS",
    "LEGAL_BASES",
    "OPERATIONS",
    "PURPOSES",
    "PURPOSE_GROUNDS",
    "SPECIAL_CATEGORIES",
    "SUPPORT_ENDINGS",
    "Access",
    "Category",
    "CategoryOutcome",
    "Consent",
    "ConsentScope",
    "ConsentState",
    "Decision",
    "Domain",
    "ExceptionGround",
    "Facts",
    "Justification",
    "LegalBasis",
    "Obligation",
    "Operation",
    "ProtocolVersion",
    "Purpose",
    "PurposeGround",
    "RecipientKind",
    "Request",
    "SupportEnding",
    "decide",
]
