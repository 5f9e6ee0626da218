# SPDX-License-Identifier: EUPL-1.2
"""What an API token may be used for (art3.2c): a scope per area of the API, to read or to
write, and how many requests a token may make (AVG art. 32).

Every router of :mod:`zorgvuldig.api.routers` names its area; an operation needs
``<area>:read`` for GET and ``<area>:write`` for everything else. A token holds the scopes its
application was given, no more: the gate still decides every processing by the protocol, a
scope only narrows what the application can ask for. The OpenAPI document names the scope of
each operation in its security requirement.
"""

from __future__ import annotations

AREAS: dict[str, str] = {
    "partners": "partners, hun deelname aan het protocol en de eigen medewerkers",
    "clients": "cliënten, betrokkenen, relaties en ondersteuningstrajecten",
    "dossier": "gegevens in het dossier en hun geschiedenis",
    "consent": "informeren en toestemming",
    "exchange": "delen, opvragen, niet-partners en Veilig Thuis",
    "received": "ontvangen gegevens en aanmeldingen",
    "meldcode": "de meldcode huiselijk geweld en kindermishandeling",
    "households": "huishoudens en hun plan",
    "rights": "verzoeken van betrokkenen",
    "retention": "bewaren en vernietigen",
    "incidents": "incidenten en datalekken",
    "oversight": "het register van verwerkingen zonder toestemming",
    "emergency": "noodtoegang (het glas breken) en de beoordeling ervan",
    "log": "het verwerkingenlog van een cliënt",
    "webhooks": "abonnementen op meldingen",
}
ACCESS = ("read", "write")
SCOPES: frozenset[str] = frozenset(f"{area}:{access}" for area in AREAS for access in ACCESS)
ALL = "all"  # on the command line: every scope
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def required(area: str, method: str) -> str:
    """The scope an operation of ``area`` with HTTP ``method`` needs."""
    return f"{area}:{'read' if method.upper() in SAFE_METHODS else 'write'}"


def checked(values) -> list[str]:
    """The scopes ``values`` names, sorted; ``all`` for every one. ValueError names the
    scopes that do not exist, and which do."""
    values = list(values or ())
    if ALL in values:
        return sorted(SCOPES)
    unknown = sorted(set(values) - SCOPES)
    if unknown:
        raise ValueError(
            f"Onbekende scope(s): {', '.join(unknown)}. Kies uit: {', '.join(sorted(SCOPES))} "
            f"(of '{ALL}')."
        )
    if not values:
        raise ValueError("Geef een token ten minste één scope (of 'all').")
    return sorted(set(values))
