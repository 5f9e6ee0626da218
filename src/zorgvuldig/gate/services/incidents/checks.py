# SPDX-License-Identifier: EUPL-1.2
"""Checks of an incident's input, before anything is written (decision 1: bad input names its
field, in Dutch, and writes nothing, not even a log record).

Times are time stamps with their zone (aware datetimes), never in the future, and in their
order: an incident starts before it is discovered, and the partner becomes aware that personal
data was affected at or after the discovery; a notification follows the awareness.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.incidents.codes import Encryption, Nature, Severity
from zorgvuldig.protocol import Category

TEXT = 4000  # the longest free text (what happened, consequences, measures, reasons)
EXAMPLE = "bijvoorbeeld 2026-12-01T09:30:00+01:00"


class Errors:
    """The errors of one input, collected so that every wrong field is named at once."""

    def __init__(self):
        self.found: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.found.setdefault(field, message)

    def check(self, check, *args, **kwargs):
        """``check(*args, **kwargs)``, its :class:`InvalidInput` kept; None when it failed."""
        try:
            return check(*args, **kwargs)
        except InvalidInput as error:
            for field, message in error.errors.items():
                self.add(field, message)
            return None

    def raise_any(self) -> None:
        if self.found:
            raise InvalidInput(dict(self.found))


def moment(
    value, field: str, now: datetime.datetime, *, missing: str = ""
) -> datetime.datetime | None:
    """A time stamp with its zone, not in the future; ``missing`` is the error when none is
    given (empty: none is allowed)."""
    if value in (None, ""):
        if missing:
            raise InvalidInput({field: missing})
        return None
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise InvalidInput({field: f"Geef een geldig tijdstip, {EXAMPLE}."}) from None
    if not isinstance(value, datetime.datetime):
        raise InvalidInput({field: f"Geef een geldig tijdstip, {EXAMPLE}."})
    if value.utcoffset() is None:
        raise InvalidInput({field: f"Geef het tijdstip met zijn tijdzone, {EXAMPLE}."})
    if value > now:
        raise InvalidInput({field: "Dit tijdstip ligt in de toekomst."})
    return value


def nature(value, field: str = "nature") -> Nature:
    if value in (None, ""):
        raise InvalidInput({field: "Kies wat er gebeurde (de aard van het incident)."})
    try:
        return Nature(value)
    except ValueError:
        allowed = ", ".join(Nature.values)
        raise InvalidInput(
            {field: f"Onbekende aard van het incident '{value}'; kies uit: {allowed}"}
        ) from None


def nature_other(kind: Nature, value, field: str = "natureOther") -> str:
    text = (value or "").strip() if isinstance(value, str | None) else ""
    if kind == Nature.OTHER and not text:
        raise InvalidInput({field: "Beschrijf in een paar woorden wat er gebeurde (aard: anders)."})
    if len(text) > 200:
        raise InvalidInput({field: "Ten hoogste 200 tekens."})
    return text if kind == Nature.OTHER else ""


def categories(values, field: str = "categories") -> tuple[str, ...]:
    """Codes of the protocol's categories (:class:`~zorgvuldig.protocol.Category`); none is
    allowed (not known yet)."""
    if values in (None, ""):
        return ()
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidInput({field: "Geef een lijst van categorieën."})
    found = []
    for value in values:
        try:
            found.append(Category(value).value)
        except ValueError:
            allowed = ", ".join(c.value for c in Category)
            raise InvalidInput(
                {field: f"Onbekende categorie '{value}'; kies uit: {allowed}"}
            ) from None
    return tuple(c.value for c in Category if c.value in found)  # in the vocabulary's order


def count(value, field: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput({field: "Geef een geheel aantal van 0 of meer."})
    return value


def text(value, field: str, missing: str = "", max_length: int = TEXT) -> str:
    """Free text; ``missing`` is the error when it is empty (empty: it may be)."""
    if value is not None and not isinstance(value, str):
        raise InvalidInput({field: "Geef een tekst."})
    value = (value or "").strip()
    if missing and not value:
        raise InvalidInput({field: missing})
    if len(value) > max_length:
        raise InvalidInput({field: f"Ten hoogste {max_length} tekens."})
    return value


def choice(enum, value, field: str, *, empty: bool = False) -> str:
    if empty and value in (None, ""):
        return ""
    try:
        return enum(value).value
    except ValueError:
        allowed = ", ".join(enum.values)
        raise InvalidInput({field: f"Onbekende waarde '{value}'; kies uit: {allowed}"}) from None


def severity(value, field: str = "severity") -> str:
    return choice(Severity, value, field, empty=True)


def encryption(value, field: str = "encrypted") -> str:
    return choice(Encryption, value, field)


def flag(value, field: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput({field: "Geef ja (true) of nee (false)."})
    return value


SUMMARY_MISSING = (
    "Beschrijf wat er gebeurde, zonder namen of andere persoonsgegevens: de cliënten die het "
    "trof worden aan het incident gekoppeld."
)
DISCOVERED_MISSING = "Geef het tijdstip waarop het incident werd ontdekt."


def in_order(errors: Errors, *, started, discovered, aware, contained) -> None:
    """The times of an incident in their order (each may be None: not known, or not checked)."""
    if started and discovered and started > discovered:
        errors.add("startedAt", "Een incident begint niet na het moment waarop het werd ontdekt.")
    if aware and discovered and aware < discovered:
        errors.add(
            "awareAt",
            "Uw organisatie kan zich niet bewust zijn geworden vóór het incident werd ontdekt.",
        )
    if contained and started and contained < started:
        errors.add("containedAt", "Een incident eindigt niet voordat het begon.")
