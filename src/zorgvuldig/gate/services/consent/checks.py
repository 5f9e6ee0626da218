# SPDX-License-Identifier: EUPL-1.2
"""Checks of the input of the consent services (art4), done before anything is decided.

Each raises :class:`~zorgvuldig.core.errors.InvalidInput` naming the field (camelCase, as in
the API) with a Dutch reason.
"""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone

from zorgvuldig.consent.models import InformingMethod
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.exchange.models import NonPartner
from zorgvuldig.gate import validation
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol.authority import REPRESENTATIVE_KINDS
from zorgvuldig.protocol.consent import ConsentScope, ConsentState

MAX_NOTE = 2000

MAX_ORGANISATIONS = 30

MAX_ORGANISATION_LENGTH = 200

# Who may decide for a client, most formal first (art10.1, and the tiers of art10.2).
REPRESENTATIVE_ORDER = REPRESENTATIVE_KINDS

# art4.1 asks to name the organisations "as concretely as possible": these name none.
VAGUE_ORGANISATIONS = frozenset(
    {
        "alle",
        "allen",
        "alle partners",
        "alle organisaties",
        "alle instanties",
        "anderen",
        "andere instanties",
        "andere organisaties",
        "diverse",
        "diverse instanties",
        "iedereen",
        "instanties",
        "organisaties",
        "partners",
        "derden",
        "n.v.t.",
        "nvt",
        "-",
    }
)


def past_date(value, field: str) -> datetime.date:
    """A calendar date, not in the future."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInput({field: "Geef een geldige datum (JJJJ-MM-DD)."})
    if value > timezone.localdate():
        raise InvalidInput({field: "De datum ligt in de toekomst."})
    return value


def organisations(values) -> list[str]:
    """art4.1: the organisations named to the client, each by name, at least one."""
    field = "organisations"
    if isinstance(values, str) or not isinstance(values, list | tuple):
        raise InvalidInput({field: "Geef een lijst met de namen van de organisaties."})
    named = list(
        dict.fromkeys(
            validation.text(v if isinstance(v, str) else None, field, MAX_ORGANISATION_LENGTH)
            for v in values
            if not (isinstance(v, str) and not v.strip())
        )
    )
    if not named:
        raise InvalidInput(
            {
                field: "Noem de organisaties waarmee gegevens kunnen worden "
                "uitgewisseld, zo concreet mogelijk (art. 4 lid 1)."
            }
        )
    if len(named) > MAX_ORGANISATIONS:
        raise InvalidInput({field: f"Noem hoogstens {MAX_ORGANISATIONS} organisaties."})
    vague = [n for n in named if n.casefold() in VAGUE_ORGANISATIONS]
    if vague:
        raise InvalidInput(
            {field: f"'{vague[0]}' is niet concreet: noem de organisaties bij naam (art. 4 lid 1)."}
        )
    return named


def informing_method(value) -> str:
    if value not in InformingMethod.values:
        raise InvalidInput(
            {"how": f"Onbekende manier '{value}'; kies uit: {', '.join(InformingMethod.values)}"}
        )
    return value


def scope(value) -> ConsentScope:
    try:
        return ConsentScope(value)
    except ValueError:
        allowed = ", ".join(s.value for s in ConsentScope)
        raise InvalidInput(
            {"scope": f"Onbekende reikwijdte '{value}'; kies uit: {allowed}"}
        ) from None


def state(value, allowed: tuple[ConsentState, ...]) -> ConsentState:
    try:
        found = ConsentState(value)
    except ValueError:
        found = None
    if found not in allowed:
        if found is ConsentState.WITHDRAWN:
            message = "Een intrekking leg je vast als intrekking (art. 4 lid 5)."
        else:
            message = (
                f"Onbekende toestand '{value}'; kies uit: {', '.join(s.value for s in allowed)}"
            )
        raise InvalidInput({"state": message})
    return found


def categories(values) -> list[str] | None:
    """None: all categories; else the named ones, sorted."""
    if values is None:
        return None
    if isinstance(values, list | tuple) and not values:
        raise InvalidInput(
            {"categories": "Laat de categorieën weg voor alle gegevens, of noem er ten minste één."}
        )
    return sorted(c.value for c in validation.categories(values))


def recipients(values, the_scope: ConsentScope, actor: Actor) -> list[str] | None:
    """None: every partner (never a non-partner: art7); else the ids, sorted, of partners
    and of non-partners known to the actor's organisation (a family member, the network).
    Only consent to share has recipients (art4.3)."""
    field = "recipients"
    if values is None:
        return None
    if the_scope is not ConsentScope.SHARE:
        raise InvalidInput(
            {field: "Ontvangers horen alleen bij toestemming om te delen (art. 4 lid 3)."}
        )
    if isinstance(values, str) or not isinstance(values, list | tuple) or not values:
        raise InvalidInput(
            {
                field: "Laat de ontvangers weg voor iedere partner, of noem ten minste één "
                "partner of niet-partner."
            }
        )
    try:
        ids = {uuid.UUID(str(v)) for v in values}
    except ValueError:
        raise InvalidInput({field: "Geen geldige verwijzing naar een ontvanger."}) from None
    if actor.partner_id in ids:
        raise InvalidInput(
            {
                field: "Uw eigen organisatie is geen ontvanger; noem de partners "
                "waarmee gedeeld wordt."
            }
        )
    known = Partner.objects.filter(id__in=ids).count() + (
        NonPartner.objects.filter(id__in=ids, partner_id=actor.partner_id).count()
    )
    if known != len(ids):
        raise InvalidInput(
            {
                field: "Een of meer ontvangers zijn geen bekende partner of niet-partner van "
                "uw organisatie."
            }
        )
    return sorted(str(i) for i in ids)
