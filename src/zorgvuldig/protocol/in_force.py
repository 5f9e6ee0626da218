# SPDX-License-Identifier: EUPL-1.2
"""Which consent decisions are in force: the latest answer per scope, categories and recipients.

Pure: it works on any objects with ``scope``, ``categories`` and ``recipients`` attributes (model
instances for the dossier's overview, plain rows for decide()'s facts), given in the order in
which they took effect: by decision date, then by the moment they were recorded.

The rule (art4.2-art4.5):

- a decision applies to a *key*: its scope plus the categories and recipients it names (None:
  all categories, any recipient); the latest decision for a key is in force for that key;
- a decision for a whole scope (no categories, no recipients) replaces every earlier decision
  of that scope, narrowed or not: "I withdraw my consent to share" withdraws each consent to
  share given before (art4.5), and a later "yes to everything" overrides an earlier narrow "no";
- a narrowed decision after a whole-scope one stands next to it: a client who consented to
  share and later withdrew only the sharing of medical data has both in force, the more
  specific one for medical data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class _Decision(Protocol):
    scope: str
    categories: list[str] | None
    recipients: list[str] | None


D = TypeVar("D", bound=_Decision)


def key(decision: _Decision) -> tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]:
    """The scope and the (sorted) categories and recipients a decision is about."""
    categories = decision.categories
    recipients = decision.recipients
    return (
        str(decision.scope),
        None if categories is None else tuple(sorted(map(str, categories))),
        None if recipients is None else tuple(sorted(map(str, recipients))),
    )


def latest(decisions: Iterable[D]) -> list[D]:
    """The decisions in force, from ``decisions`` in the order in which they took effect.

    The result keeps that order (earliest first), one decision per key.
    """
    in_force: dict[tuple, D] = {}
    for decision in decisions:
        scope, categories, recipients = key(decision)
        if categories is None and recipients is None:
            for earlier in [k for k in in_force if k[0] == scope]:
                del in_force[earlier]
        in_force.pop((scope, categories, recipients), None)
        in_force[(scope, categories, recipients)] = decision
    return list(in_force.values())
