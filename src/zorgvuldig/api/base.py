# SPDX-License-Identifier: EUPL-1.2
"""The NinjaAPI of zorgvuldig, fitted to the Dutch API Design Rules (Logius).

- every response carries the ``API-Version`` header with the full version (/core/version-header);
- the OpenAPI document names the server ``/api/v1`` (major version in the URI) and lists the
  paths relative to it, kebab-case and without trailing slashes;
- every operation documents its 400 and, where they can happen, 401, 403 and 404 as
  ``application/problem+json`` with status, title and detail (/core/error-handling);
- every 2xx response documents the ``API-Version`` header.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.openapi import get_schema
from ninja.openapi.docs import Swagger
from ninja.schema import NinjaGenerateJsonSchema

from zorgvuldig.api import API_VERSION, API_VERSION_HEADER, scopes
from zorgvuldig.api.problems import PROBLEM_CONTENT_TYPE
from zorgvuldig.api.schemas import problems as schemas

SERVER_URL = "/api/v1"

INFO = {
    "description": (
        "De REST API van zorgvuldig: het *Privacy Protocol Sociaal Domein regio Utrecht "
        "Zuidoost*, door software gehandhaafd. Elke verwerking van persoonsgegevens gaat door "
        "één poort die het protocol raadpleegt, de verwerking in het verwerkingenlog vastlegt "
        "(ook een weigering) en pas dan de gegevens aanraakt. Elke verwerking noemt een doel "
        "(`purpose`) en rust op een wettelijke grondslag (`legalBasis`): Wmo 2015, Jeugdwet of "
        "Participatiewet (art. 2).\n\n"
        "Authenticatie: een API-token per applicatie (`Authorization: Bearer zv_…`), gebonden "
        "aan een partner en aan een medewerker of een service-identiteit. Fouten komen als "
        "`application/problem+json` (RFC 9457); ongeldige velden staan in `invalidParams`. "
        "Een BSN staat nooit in een URI: zoeken op BSN is een POST."
    ),
    "contact": {
        "name": "Gemeente Utrechtse Heuvelrug, team zorgvuldig",
        "email": "privacy@heuvelrug.nl",
        "url": "https://www.heuvelrug.nl",
    },
    "license": {
        "name": "EUPL-1.2",
        "url": "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
    },
}

TAGS = [
    {
        "name": "Partners",
        "description": "Partners en hun deelname aan het protocol, en de medewerkers van uw "
        "eigen organisatie (art. 1, art. 3 lid 2 onder c).",
    },
    {"name": "Clients", "description": "Cliënten, betrokkenen en hun relaties (art. 1, art. 2)."},
    {
        "name": "Support trajectories",
        "description": "Ondersteuningstrajecten en de hulpverleners die toegang hebben "
        "(art. 3 lid 2 onder c).",
    },
    {
        "name": "Data items",
        "description": "Gegevens met hun herkomst en geschiedenis (art. 3 lid 2 onder a).",
    },
    {
        "name": "Consent",
        "description": "Informeren van de cliënt en toestemming: vastleggen en opvragen, delen, "
        "het ondertekende formulier en intrekken (art. 4).",
    },
    {
        "name": "Exchanges",
        "description": "Gegevens delen met partners, niet-partners en Veilig Thuis, wie een "
        "gegeven ontving, niet-partners en hun informatie, en het vrijgeven uit "
        "beroepsgeheim (art. 5 lid 1, art. 6, art. 7, art. 8 lid 2).",
    },
    {
        "name": "Integrated support and safety",
        "description": "Gegevens opvragen bij een partner, de meldcode huiselijk geweld en "
        "kindermishandeling, en het plan en de uitwisseling van een huishouden "
        "(art. 1, art. 4 lid 2, art. 8 lid 1).",
    },
    {
        "name": "Oversight",
        "description": "Wat het protocol nu toestaat, en het register van verwerkingen zonder "
        "toestemming voor de privacyfunctionaris (art. 4 lid 6).",
    },
    {
        "name": "Processing log",
        "description": "Het verwerkingenlog van een cliënt (Logboek Dataverwerkingen).",
    },
]

VERSION_HEADER = {
    "description": "De volledige versie van de API (semver).",
    "schema": {"type": "string"},
    "example": API_VERSION,
}

# Operations that do not pass the gate, and so are never refused by the protocol.
NOT_REFUSABLE = {"listPartners", "getPartner", "listEmployees"}

# Operations for the functional administrator only: their 403 is the role, not the protocol.
ADMINISTRATOR_ONLY = {"recordCommitment", "endCommitment"}
# Operations that ask for the employee's second factor again (decision 23): their 429 is also
# the sign-in lockout after too many wrong codes (art3.2b, decision 19).
LOCKED_OUT = (
    " Of: te vaak een verkeerde code of een verkeerd wachtwoord, en de gebruikersnaam van de "
    "medewerker is vanaf dit adres geblokkeerd (ook voor het inloggen); `Retry-After` zegt "
    "na hoeveel seconden het zeker weer kan."
)
SECOND_FACTOR_AGAIN = {"breakGlass"}
ADMINISTRATOR_ONLY_403 = (
    "Alleen een functioneel beheerder (rol `administrator`) mag dit; er is niets vastgelegd."
)

ERROR_RESPONSES = {
    "400": (
        "Ongeldige invoer; `invalidParams` noemt elk ongeldig veld en waarom.",
        "InvalidInputProblem",
    ),
    "401": ("Geen, een onbekend of een ingetrokken API-token.", "Problem"),
    "403": (
        "Het protocol weigert de verwerking: de weigering staat in het verwerkingenlog, met de "
        "artikelen, het trace-id en de uitkomst per categorie; of uw rol geeft deze functie "
        "niet, dan is niets gelezen en ontbreken die drie.",
        "ForbiddenProblem",
    ),
    "404": ("Bestaat niet, of niet bij uw organisatie.", "Problem"),
}


def _with_version_header(view):
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response[API_VERSION_HEADER] = API_VERSION
        return response

    return wrapper


def _problem_schemas() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for model in (schemas.Problem, schemas.InvalidInputProblem, schemas.RefusalProblem):
        schema = model.model_json_schema(
            ref_template="#/components/schemas/{model}",
            by_alias=True,
            mode="serialization",
            schema_generator=NinjaGenerateJsonSchema,
        )
        found.update(schema.pop("$defs", {}))
        found[model.__name__] = schema
    # a 403: a refusal by the protocol (RefusalProblem), or by the role, which names no
    # articles because nothing was asked of the protocol (NotAllowed)
    forbidden = copy.deepcopy(found["RefusalProblem"])
    forbidden["required"] = list(found["Problem"]["required"])
    forbidden["description"] = (
        "Een weigering: door het protocol met `articles`, `traceId` en `outcomes`, of door uw "
        "rol zonder die drie."
    )
    found["ForbiddenProblem"] = forbidden
    return found


def _error_response(status: str, schema_name: str, description: str = "") -> dict[str, Any]:
    return {
        "description": description or ERROR_RESPONSES[status][0],
        "headers": {API_VERSION_HEADER: {"$ref": f"#/components/headers/{API_VERSION_HEADER}"}},
        "content": {
            PROBLEM_CONTENT_TYPE: {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


def _rate_limited() -> dict[str, Any]:
    response = _error_response("429", "Problem", RATE_LIMITED)
    response["headers"]["Retry-After"] = {
        "description": "Na hoeveel seconden het token weer verzoeken mag doen",
        "schema": {"type": "integer"},
    }
    return response


def _drop_property_titles(schema: dict[str, Any]) -> None:
    """Pydantic titles every property after its name ("Birthdate"); the name says it better."""
    for spec in schema.get("properties", {}).values():
        spec.pop("title", None)


RATE_LIMITED = (
    "Te veel verzoeken met dit token deze minuut; `Retry-After` zegt na hoeveel seconden het "
    "weer kan."
)


def finish_openapi(document: dict[str, Any], areas: dict[str, str]) -> dict[str, Any]:
    """Fit ninja's generated document to the API Design Rules (see the module docstring), and
    name in each operation's security requirement the scope it needs (``areas``: the area
    of each operation id, :mod:`.scopes`)."""
    document["servers"] = [{"url": SERVER_URL, "description": "Deze omgeving, API versie 1"}]
    document["info"].update(INFO)
    document["tags"] = TAGS
    components = document.setdefault("components", {})
    components.setdefault("schemas", {}).update(_problem_schemas())
    components["headers"] = {API_VERSION_HEADER: VERSION_HEADER}
    for schema in components["schemas"].values():
        _drop_property_titles(schema)
    header_ref = {API_VERSION_HEADER: {"$ref": f"#/components/headers/{API_VERSION_HEADER}"}}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                parameter["schema"].pop("title", None)
            responses = {str(code): response for code, response in operation["responses"].items()}
            for status, response in responses.items():
                if status[0] in "23":
                    response["headers"] = dict(header_ref)
            errors = ["400"]
            if operation["operationId"] in ADMINISTRATOR_ONLY:
                admin_only = _error_response("403", "Problem", ADMINISTRATOR_ONLY_403)
                responses.setdefault("403", admin_only)
            if operation.get("security"):
                area = areas[operation["operationId"]]
                operation["security"] = [{"ApiTokenAuth": [scopes.required(area, method)]}]
                responses.setdefault("429", _rate_limited())
                if operation["operationId"] in SECOND_FACTOR_AGAIN:
                    responses["429"]["description"] = RATE_LIMITED + LOCKED_OUT
                errors.append("401")
                if operation["operationId"] not in NOT_REFUSABLE:
                    errors.append("403")
            if "{" in path:
                errors.append("404")
            for status in errors:
                responses.setdefault(status, _error_response(status, ERROR_RESPONSES[status][1]))
            operation["responses"] = dict(sorted(responses.items()))
    return document


class ZorgvuldigApi(NinjaAPI):
    """NinjaAPI with the API-Version header and an OpenAPI document after the ADR."""

    _openapi_document: dict[str, Any] | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.operation_areas: dict[str, str] = {}  # operation id -> its area (.scopes)

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        response[API_VERSION_HEADER] = API_VERSION
        return response

    def create_temporal_response(self, request: HttpRequest) -> HttpResponse:
        response = super().create_temporal_response(request)
        response[API_VERSION_HEADER] = API_VERSION
        return response

    def get_openapi_schema(self, *, path_prefix=None, path_params=None) -> dict[str, Any]:
        # Paths are relative to the server URL (/api/v1), whatever the mount point.
        if self._openapi_document is None:
            self._openapi_document = finish_openapi(
                dict(get_schema(api=self, path_prefix="")), self.operation_areas
            )
        return copy.deepcopy(self._openapi_document)


def make_api(**kwargs) -> ZorgvuldigApi:
    return ZorgvuldigApi(
        title="zorgvuldig",
        version=API_VERSION,
        openapi_url="/openapi.json",
        docs_url="/docs",
        docs=Swagger(settings={"persistAuthorization": False, "tryItOutEnabled": False}),
        docs_decorator=_with_version_header,
        servers=[{"url": SERVER_URL}],
        **kwargs,
    )
