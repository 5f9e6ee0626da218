# SPDX-License-Identifier: EUPL-1.2
"""The informing and consent facts decide() needs (art4.1-art4.5).

Called by :func:`zorgvuldig.gate.facts.gather` inside the gate.
"""

from __future__ import annotations

import datetime

from zorgvuldig.gate import facts_sql
from zorgvuldig.protocol import in_force
from zorgvuldig.protocol.consent import Consent, ConsentScope, ConsentState
from zorgvuldig.protocol.vocabulary import Category


class _Row:
    __slots__ = ("categories", "form_id", "recipients", "scope", "state")

    def __init__(self, scope, state, categories, recipients, form_id):
        self.scope = scope
        self.state = state
        self.categories = categories
        self.recipients = recipients
        self.form_id = form_id


def _consent(row: _Row) -> Consent:
    return Consent(
        scope=ConsentScope(row.scope),
        state=ConsentState(row.state),
        categories=None if row.categories is None else frozenset(map(Category, row.categories)),
        recipients=None if row.recipients is None else frozenset(map(str, row.recipients)),
        written=row.form_id is not None,
    )


def consents_in_force(rows) -> tuple[Consent, ...]:
    """The consents in force among consent decisions (:attr:`.facts_sql.FactRows.consents`):
    of the decisions taken on or before the day, in the order they took effect (decision
    date, then the moment recorded), the latest per scope, categories and recipients, where a
    decision about a whole scope replaces every earlier one of that scope
    (:mod:`zorgvuldig.protocol.in_force`). A scope without any decision is absent: not asked.
    ``written`` says a signed form is attached to the decision (art4.4).
    """
    return tuple(_consent(row) for row in in_force.latest(_Row(*values) for values in rows))


def consent_facts(client_id, partner_id, day: datetime.date) -> tuple[bool, tuple[Consent, ...]]:
    """Whether ``partner_id`` informed the client on or before ``day`` (art4.1), and the
    client's consents to that partner in force on ``day`` (art4.2-art4.5); one statement,
    the one :func:`zorgvuldig.gate.facts.gather` runs."""
    if client_id is None:
        return False, ()
    found = facts_sql.processing_facts(None, partner_id, client_id, day)
    return found.informed, consents_in_force(found.consents)
