# SPDX-License-Identifier: EUPL-1.2
"""Errors as ``application/problem+json`` (RFC 9457), the way the API Design Rules ask.

Every error response has ``type``, ``title``, ``status`` and ``detail``. Invalid input (400)
lists the fields in ``invalidParams`` (name and reason, the extension the Dutch API Design
Rules use); a refusal by the protocol (403) names its articles, the trace id under which the
refusal was logged and the outcome per data category.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.responses import NinjaJSONEncoder

from zorgvuldig.api import API_VERSION, API_VERSION_HEADER
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound, ProcessingRefused

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://zorgvuldig.nl/problems/"

# type (last segment of the URI) and Dutch title per status; the detail says what happened.
PROBLEMS: dict[int, tuple[str, str]] = {
    400: ("invalid-input", "Ongeldige invoer"),
    401: ("unauthenticated", "Niet geauthenticeerd"),
    403: ("processing-refused", "Verwerking geweigerd"),
    404: ("not-found", "Niet gevonden"),
    405: ("method-not-allowed", "Methode niet toegestaan"),
    406: ("not-acceptable", "Niet aanvaardbaar"),
    415: ("unsupported-media-type", "Mediatype niet ondersteund"),
    429: ("too-many-requests", "Te veel verzoeken"),
    500: ("internal-error", "Interne fout"),
}

# Reasons for a field that is missing, where the protocol has a word for it.
MISSING_REASONS = {
    "purpose": "Een doel is verplicht: elke verwerking dient een doel (art. 2).",
    "legalBasis": "Een wettelijke grondslag is verplicht (art. 2).",
    "categories": "Noem de gegevenscategorieën die nodig zijn (art. 5 lid 1).",
}
DATE_REASON = "Geef een geldige datum (JJJJ-MM-DD)."


def problem_type(status: int) -> str:
    return PROBLEM_BASE + PROBLEMS.get(status, ("error", ""))[0]


def problem_response(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    type_: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> HttpResponse:
    """An ``application/problem+json`` response with the API-Version header."""
    body = {
        "type": type_ or problem_type(status),
        "title": title or PROBLEMS.get(status, ("error", "Fout"))[1],
        "status": status,
        "detail": detail,
        **extensions,
    }
    response = HttpResponse(
        json.dumps(body, cls=NinjaJSONEncoder, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    response[API_VERSION_HEADER] = API_VERSION
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def invalid_input(invalid_params: list[dict[str, str]]) -> HttpResponse:
    names = ", ".join(dict.fromkeys(p["name"] for p in invalid_params))
    return problem_response(
        400,
        f"De invoer is ongeldig; controleer: {names}. Er is niets vastgelegd.",
        invalidParams=invalid_params,
    )


# Pydantic's error types, in words a caseworker (and a developer) understands.
def _reason(error: dict[str, Any], name: str) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return MISSING_REASONS.get(name.split(".")[0], "Dit veld is verplicht.")
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"Onbekende waarde; kies uit: {expected}".rstrip(": ")
    if kind == "extra_forbidden":
        return "Onbekend veld; laat het weg of controleer de schrijfwijze (camelCase)."
    if kind.startswith("uuid"):
        return "Geen geldige identificatie (UUID)."
    if kind.startswith("zorgvuldig_"):
        return str(error.get("msg"))
    if kind.startswith("date"):
        return DATE_REASON
    if kind == "string_type":
        return "Geef tekst."
    if kind == "string_too_long":
        return f"Maximaal {ctx.get('max_length')} tekens."
    if kind in ("list_type", "too_short"):
        return "Geef een lijst met ten minste één waarde."
    return str(error.get("msg", "Ongeldige waarde."))


def _param_name(loc: tuple | list) -> str:
    """``("body", "payload", "birthDate")`` -> ``birthDate``; ``("query", "categories", 1)``
    -> ``categories.1``."""
    parts = list(loc)
    source = parts.pop(0) if parts else ""
    if source == "body" and parts:
        parts.pop(0)  # the name of the view's body argument
    elif source == "form" and len(parts) > 1 and parts[0] == "payload":
        parts.pop(0)  # ninja names a multipart form's list items under the argument
    return ".".join(str(p) for p in parts) or ("body" if source == "body" else str(source))


def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    params = []
    for error in exc.errors:
        name = _param_name(error.get("loc", ()))
        code = error.get("type", "invalid")
        params.append({"name": name, "reason": _reason(error, name), "code": code})
    return invalid_input(params)


def gate_invalid_input(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
    return invalid_input(
        [{"name": name, "reason": reason, "code": "invalid"} for name, reason in exc.errors.items()]
    )


def not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
    return problem_response(404, str(exc))


def processing_refused(request: HttpRequest, exc: ProcessingRefused) -> HttpResponse:
    decision = exc.decision
    return problem_response(
        403,
        decision.explanation,
        articles=list(decision.articles),
        traceId=exc.trace_id,
        outcomes=[
            {
                "category": outcome.category.value,
                "allowed": outcome.allowed,
                "articles": list(outcome.articles),
                "refusals": [
                    {"article": r.article, "reason": r.reason, "remedy": r.remedy}
                    for r in outcome.refusals
                ],
            }
            for outcome in decision.outcomes
        ],
    )


def not_allowed(request: HttpRequest, exc: NotAllowed) -> HttpResponse:
    return problem_response(403, str(exc), title="Niet toegestaan")


def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(
        401,
        "Geef een geldig API-token: 'Authorization: Bearer zv_…'. Het token ontbreekt, is "
        "onbekend of ingetrokken.",
        headers={"WWW-Authenticate": 'Bearer realm="zorgvuldig"'},
    )


def http_404(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(404, "Deze bron bestaat niet.")


def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:
        return invalid_input([{"name": "body", "reason": str(exc.message), "code": "parse-error"}])
    return problem_response(exc.status_code, str(exc.message))


def install(api) -> None:
    """Register the problem+json exception handlers on ``api``."""
    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(InvalidInput, gate_invalid_input)
    api.add_exception_handler(NotFound, not_found)
    api.add_exception_handler(ProcessingRefused, processing_refused)
    api.add_exception_handler(NotAllowed, not_allowed)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, http_404)
