# SPDX-License-Identifier: EUPL-1.2
"""Informing and consent as decide() sees them (art4).

The consent registry (``zorgvuldig.consent``) keeps the full history; the gate hands decide()
the consents in force at the moment of the processing, one :class:`Consent` per scope (and,
where the client narrowed it, per set of categories or recipients).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from zorgvuldig.protocol.vocabulary import Category


class ConsentScope(StrEnum):
    """What a consent is for."""

    RECORD_REQUEST = "record-request"  # art4.2: vastleggen en opvragen
    SHARE = "share"  # art4.3: delen met anderen


class ConsentState(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # art4.5
    NOT_ASKED = "not-asked"


class ExceptionGround(StrEnum):
    """The grounds of art4.6 on which data is processed without consent."""

    NECESSARY = "necessary-unavoidable"  # noodzakelijk en onvermijdelijk voor de ondersteuning
    SERIOUS_RISK = "serious-risk"  # ernstige risico's voor gezondheid of veiligheid


@dataclass(frozen=True, slots=True)
class Consent:
    """A client's answer for one scope, as in force now.

    ``categories`` / ``recipients`` narrow a given consent (None: not narrowed): consent to
    share contact data with the housing corporation only, say. ``written`` says that a signed
    consent form is in the dossier (art4.4).
    """

    scope: ConsentScope
    state: ConsentState
    categories: frozenset[Category] | None = None
    recipients: frozenset[str] | None = None
    written: bool = False

    def covers(self, category: Category, recipient: str | None, *, partner: bool = True) -> bool:
        """Whether this consent is about ``category`` shared with ``recipient``.

        A consent that names no recipients covers every partner, never a non-partner
        (``partner=False``: a family member, the social network, an uncommitted
        organisation), who must be named in the consent itself (art4.3, art7).
        """
        if self.categories is not None and category not in self.categories:
            return False
        if recipient is None:
            return True
        if self.recipients is None:
            return partner
        return recipient in self.recipients


@dataclass(frozen=True, slots=True)
class Justification:
    """art4.6: why processing without consent is necessary, in the caseworker's words."""

    ground: ExceptionGround
    text: str
