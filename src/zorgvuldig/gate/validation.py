# SPDX-License-Identifier: EUPL-1.2
"""Checks of input that the gate does before anything is decided or written."""

from __future__ import annotations

import uuid

from django.conf import settings
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn

from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.protocol import (
    Category,
    Domain,
    ExceptionGround,
    Justification,
    LegalBasis,
    Purpose,
    SupportEnding,
)
from zorgvuldig.protocol.vocabulary import DOMAINS_BY_LEGAL_BASIS

_BSN_ERRORS = {
    InvalidLength: "een BSN bestaat uit 9 cijfers",
    InvalidFormat: "een BSN bestaat alleen uit cijfers",
    InvalidChecksum: "het nummer voldoet niet aan de elfproef",
}


def bsn(value: str, field: str = "bsn") -> str:
    """A valid BSN (nine digits passing the elfproef), compacted, or :class:`InvalidInput`."""
    if not (value or "").strip():
        raise InvalidInput({field: "Een BSN is verplicht."})
    try:
        return stdnum_bsn.validate(value)
    except StdnumError as error:
        reason = next((m for kind, m in _BSN_ERRORS.items() if isinstance(error, kind)), "")
        raise InvalidInput({field: f"Geen geldig BSN: {reason or 'onbekende fout'}."}) from None


def _enum(enum, value, field: str, what: str):
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise InvalidInput({field: f"Onbekend(e) {what} '{value}'; kies uit: {allowed}"}) from None


def purpose(value, field: str = "purpose") -> Purpose:
    if value in (None, ""):
        raise InvalidInput(
            {field: "Een doel is verplicht: elke verwerking dient een doel (art. 2)."}
        )
    return _enum(Purpose, value, field, "doel")


def legal_basis(value, field: str = "legalBasis") -> LegalBasis:
    if value in (None, ""):
        raise InvalidInput({field: "Een wettelijke grondslag is verplicht (art. 2)."})
    return _enum(LegalBasis, value, field, "grondslag")


def domain(value, field: str = "domain") -> Domain:
    return _enum(Domain, value, field, "domein")


def municipality(value, field: str = "municipality") -> str:
    """A municipality of ``ZORGVULDIG_MUNICIPALITIES`` by its CBS code; none: the first."""
    known = settings.ZORGVULDIG_MUNICIPALITIES
    if value in (None, ""):
        return next(iter(known))
    if value not in known:
        allowed = ", ".join(f"{code} ({name})" for code, name in known.items())
        raise InvalidInput({field: f"Onbekende gemeente '{value}'; kies uit: {allowed}"})
    return value


def support_ending(value, field: str = "ending") -> SupportEnding:
    if value in (None, ""):
        raise InvalidInput(
            {field: "Zeg hoe de ondersteuning eindigde (voor de statistiek, art. 5)."}
        )
    return _enum(SupportEnding, value, field, "afloop")


def categories(values, field: str = "categories") -> tuple[Category, ...]:
    if not values:
        raise InvalidInput({field: "Noem de gegevenscategorieën die nodig zijn (art. 5 lid 1)."})
    return tuple(dict.fromkeys(_enum(Category, v, field, "categorie") for v in values))


def domain_fits_basis(dom: Domain, basis: LegalBasis) -> None:
    if dom not in DOMAINS_BY_LEGAL_BASIS[basis]:
        raise InvalidInput(
            {"legalBasis": f"Het domein '{dom.value}' valt niet onder de {basis.value}."}
        )


def text(value: str | None, field: str, max_length: int, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput({field: "Dit veld is verplicht."})
    if len(value) > max_length:
        raise InvalidInput({field: f"Maximaal {max_length} tekens."})
    return value


def justification(ground, text, field: str = "justification") -> Justification | None:
    """art4.6: a ground and a written justification, or None when neither is given."""
    if ground in (None, "") and not (text or "").strip():
        return None
    if ground in (None, ""):
        raise InvalidInput(
            {
                f"{field}Ground": "Kies de grond: noodzakelijk en onvermijdelijk, "
                "of een ernstig risico (art. 4 lid 6)."
            }
        )
    reason = (text or "").strip()
    if not reason:
        raise InvalidInput(
            {
                field: "Schrijf op waarom verwerken zonder toestemming nodig is "
                "(art. 4 lid 6); een lege toelichting is geen toelichting."
            }
        )
    if len(reason) > 2000:
        raise InvalidInput({field: "Maximaal 2000 tekens."})
    return Justification(_enum(ExceptionGround, ground, f"{field}Ground", "grond"), reason)


def reference(value, field: str) -> uuid.UUID:
    """The id ``value`` refers to; not an id at all is bad input naming ``field``."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput({field: "Geen geldige verwijzing."}) from None
