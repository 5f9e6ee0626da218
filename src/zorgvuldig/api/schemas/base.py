# SPDX-License-Identifier: EUPL-1.2
"""The building blocks of every body: camelCase on the wire, snake_case in Python.

Responses are built from the frozen values the gate hands out (the ``views`` of each area of
:mod:`zorgvuldig.gate.services`), never from model instances. Requests accept only the
camelCase names and no unknown fields, so that a typo is a 400 that names the field rather
than a value silently ignored.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import validation
from zorgvuldig.protocol import ExceptionGround, LegalBasis

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value):
    """Only a calendar date ``YYYY-MM-DD`` (no timestamps, no times)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("zorgvuldig_date", "Geef een geldige datum (JJJJ-MM-DD).")


Date = Annotated[datetime.date, BeforeValidator(_iso_date)]


def _bsn(value: str) -> str:
    """The elfproef up front, so that a bad BSN is listed with every other invalid field (the
    gate checks it again)."""
    try:
        validation.bsn(value)
    except InvalidInput as error:
        raise PydanticCustomError("zorgvuldig_bsn", next(iter(error.errors.values()))) from None
    return value


Bsn = Annotated[str, AfterValidator(_bsn)]


class Out(BaseModel):
    """A response body: read from the gate's values by attribute, written in camelCase.

    A plain pydantic model, not ninja's ``Schema``: the gate's values are frozen dataclasses,
    read by attribute, so ninja's wrapper for Django objects (managers, files, template-style
    lookups) only costs time: a large overview spent most of its time in it."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


class In(Schema):
    """A request body: camelCase names only, nothing unknown."""

    model_config = ConfigDict(
        alias_generator=to_camel, validate_by_alias=True, validate_by_name=False, extra="forbid"
    )


PurposeField = Field(description="Het doel van de verwerking (art. 2); verplicht.")


LegalBasisField = Field(
    None,
    description="De wettelijke grondslag (art. 2). Weggelaten: de grondslag van uw eigen "
    "lopende traject bij deze cliënt.",
)


JustificationGroundField = Field(
    None,
    description="Alleen bij verwerken zonder toestemming (art. 4 lid 6): "
    "`necessary-unavoidable` (noodzakelijk en onvermijdelijk voor de ondersteuning) of "
    "`serious-risk` (ernstig risico voor de gezondheid of veiligheid van cliënt, hulpverlener "
    "of anderen). Samen met `justification`; weglaten bij toestemming.",
)


JustificationField = Field(
    None,
    max_length=2000,
    description="De schriftelijke onderbouwing waarom verwerken zonder toestemming nodig is "
    "(art. 4 lid 6); verplicht en niet leeg bij `justificationGround`. Wordt als aantekening in "
    "het dossier geschreven en staat in het register van de privacyfunctionaris.",
)


# The fields of the grounds of a request body, each with its type: the legal basis (default
# the caseworker's own trajectory's) and, for a processing without consent, the justification.
OwnLegalBasis = Annotated[LegalBasis | None, LegalBasisField]
JustificationGround = Annotated[ExceptionGround | None, JustificationGroundField]
JustificationText = Annotated[str | None, JustificationField]


class Justified(In):
    """A body whose processing may go without consent (art4.6): its legal basis and, then, the
    ground and written justification (:func:`zorgvuldig.api.routers.common.justified`)."""

    legal_basis: OwnLegalBasis
    justification_ground: JustificationGround
    justification: JustificationText


BsnField = Field(
    description="Burgerservicenummer (elfproef). Alleen in de body, nooit in een URI.",
)
