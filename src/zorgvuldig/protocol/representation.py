# SPDX-License-Identifier: EUPL-1.2
"""Who may answer a request for consent for a client (art4.2-art4.5 with art10). Pure.

Until the rights of art10 are worked out in full (their own issue), the rule is kept simple:

- under 16 (the protocol's age from which the data subject decides alone, art10.1): the legal
  representative decides: a legal representative, a guardian (voogd) or a parent (with
  parental authority, as recorded); not the client alone. From 12 to 15 art10.1 wants the
  representative and the client together: the representative's decision is recorded, and the
  note says how the client was involved;
- from 16: the client decides; a legal representative, guardian, curator or mentor may
  decide instead only where the partner judges the client unable to (art10.2), and the note
  must say why.

``ALONE_FROM_AGE`` and the kinds are the region's 2015 text; they are parameters so that a
protocol version with other numbers can pass its own.
"""

from __future__ import annotations

from zorgvuldig.protocol.authority import age_on

__all__ = ["ALONE_FROM_AGE", "CLIENT", "age_on", "check", "representative_required"]

CLIENT = "client"  # the role of a client who decides for themselves
ALONE_FROM_AGE = 16
UNDER_AGE_REPRESENTATIVES = ("legal-representative", "guardian", "parent")
INCAPACITY_REPRESENTATIVES = ("legal-representative", "guardian", "curator", "mentor")


def representative_required(age: int, alone_from_age: int = ALONE_FROM_AGE) -> bool:
    return age < alone_from_age


def check(
    age: int,
    role: str,
    note: str,
    *,
    alone_from_age: int = ALONE_FROM_AGE,
    under_age: tuple[str, ...] = UNDER_AGE_REPRESENTATIVES,
    incapacity: tuple[str, ...] = INCAPACITY_REPRESENTATIVES,
) -> dict[str, str]:
    """What is wrong with ``role`` (``client`` or a kind of relation) deciding for a client of
    ``age``: a mapping of field name to Dutch message, empty when it is allowed."""
    field = "givenBySubjectId"
    if representative_required(age, alone_from_age):
        if role == CLIENT:
            return {
                field: f"De cliënt is jonger dan {alone_from_age} jaar: de wettelijk "
                "vertegenwoordiger beslist over toestemming (art. 10 lid 1). Kies de "
                "vertegenwoordiger; leg zo nodig eerst de relatie vast."
            }
        if role not in under_age:
            return {
                field: f"Voor een cliënt jonger dan {alone_from_age} jaar beslist de wettelijk "
                "vertegenwoordiger, een voogd of een ouder met gezag (art. 10 lid 1)."
            }
        return {}
    if role == CLIENT:
        return {}
    if role not in incapacity:
        return {
            field: f"Een cliënt van {alone_from_age} jaar of ouder beslist zelf (art. 10 lid 1); "
            "alleen een wettelijk vertegenwoordiger, voogd, curator of mentor kan namens de "
            "cliënt beslissen (art. 10 lid 2)."
        }
    if not note.strip():
        return {
            "note": "Leg vast waarom de cliënt niet zelf kan beslissen en de vertegenwoordiger "
            "dat doet (art. 10 lid 2)."
        }
    return {}
