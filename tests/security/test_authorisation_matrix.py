# SPDX-License-Identifier: EUPL-1.2
"""art3.2c: every page and every API operation, asked by every kind of asker, answers as the
table (``matrix.py``) says, and no route is without an entry.

The routes are read from the URL configuration (the pages of ``zorgvuldig.web.urls``, the
operations of the API's OpenAPI document), so a new route, or a new method on a page, fails
here until the table says who may use it. One test per route (pytest-xdist spreads them); it
asks every cell in a savepoint that is rolled back, so that an allowed write changes nothing
for the next cell, collects every mismatch and fails once with their table.

Besides the status, every answer to an asker at partner B is searched for the values of
partner A's dossier: B's own dossier of the client is B's to see, A's never (decision 2).
"""

from __future__ import annotations

import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client as HttpClient
from django.test import override_settings
from django.urls import URLPattern, reverse

from tests.conftest import sign_in
from tests.security import matrix, world
from tests.security.world import Cell
from zorgvuldig.api.urls import api
from zorgvuldig.partners.models import Role
from zorgvuldig.web import urls as web_urls

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PAGE_QUERY = {"doel": "support-provision", "grondslag": "jeugdwet"}
API_QUERY = {"purpose": "support-provision", "legalBasis": "jeugdwet", "categories": "youth"}
METHODS = ("GET", "POST")  # what a page may accept; the table names the ones it does

PAGE_NAMES = [p.name for p in web_urls.urlpatterns if isinstance(p, URLPattern)]
OPENAPI = api.get_openapi_schema(path_prefix="")
OPERATIONS = {
    operation["operationId"]: (method.upper(), path)
    for path, methods in OPENAPI["paths"].items()
    for method, operation in methods.items()
}
PATH_PARAMETER = re.compile(r"{(\w+)}")
ANONYMOUS = "anonymous"

pytestmark = pytest.mark.django_db
OTHER_ACCESS = "token with the other access only"


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@pytest.fixture(scope="module")
def region(django_db_setup, django_db_blocker):
    """The world, built once per module (per xdist worker), in a transaction rolled back after
    it; each cell's request runs in a savepoint inside it."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS),
        transaction.atomic(),
    ):
        built = world.build()
        built.web = {cell: sign_in(HttpClient(), e.user) for cell, e in built.employees.items()}
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def asking(region, db):
    return region


def _in_savepoint(ask, http=None):
    """``ask()`` in a savepoint rolled back after it; the session cookies of ``http`` as they
    were before (a logout or a new session does not carry over to the next route)."""
    # the client replaces a cookie's morsel rather than changing it: a shallow copy will do
    cookies = None
    if http is not None:
        cookies = SimpleCookie()
        dict.update(cookies, http.cookies)
    with transaction.atomic():
        response = ask()
        transaction.set_rollback(True)
    if http is not None:
        http.cookies = cookies
    return response


# --- pages ----------------------------------------------------------------------------------


def page_outcome(response) -> str:
    status = response.status_code
    if status == 401 and response.get("Content-Type", "").startswith("application/json"):
        return matrix.RESIDENT_SIGN_IN  # the resident's poll without a resident's session
    if status in (301, 302):
        target = response["Location"].split("?")[0]
        if target == reverse("web:resident_signin"):
            return matrix.RESIDENT_SIGN_IN
        if target == reverse("web:login"):
            return matrix.LOGIN
        if target == reverse("web:acknowledge"):
            return matrix.ACKNOWLEDGE
        return matrix.ALLOWED
    templates = {t.name for t in response.templates}
    if status == 400 and "web/choose_purpose.html" in templates:
        return f"purpose page ({status})"  # the matrix asked without a valid purpose
    if status == 403:
        return matrix.REFUSED
    if status == 404:
        return matrix.HIDDEN
    if status in (200, 400):
        return matrix.ALLOWED
    return f"status {status}"


def page_url(region, name: str) -> str:
    pattern = next(p for p in web_urls.urlpatterns if getattr(p, "name", None) == name)
    names = matrix.PAGE_PARAMETERS.get(name, {})
    kwargs = {key: region.ids[names.get(key, key)] for key in pattern.pattern.converters}
    return f"{reverse(f'web:{name}', kwargs=kwargs)}?{urlencode(PAGE_QUERY)}"


def page_expected(name: str, rule, asker) -> str:
    if name in matrix.RESIDENT_PAGES:
        return matrix.RESIDENT_SIGN_IN
    if asker == ANONYMOUS and name in matrix.UNCONFIGURED_PAGES:
        return matrix.HIDDEN
    if asker == ANONYMOUS:
        return matrix.ALLOWED if name in matrix.ANONYMOUS_PAGES else matrix.LOGIN
    if name not in matrix.PUBLIC_PAGES and not asker.acknowledged:
        matrix.known(asker)
        return matrix.ACKNOWLEDGE
    return rule(asker)


def _page_askers(region):
    return [ANONYMOUS, *region.employees]


# --- the API --------------------------------------------------------------------------------


def api_outcome(response) -> str:
    status = response.status_code
    if status == 401:
        return matrix.UNAUTHENTICATED
    if status == 403:
        body = response.json()
        if "articles" not in body and "scope" in body["detail"]:
            return matrix.SCOPE
        return matrix.REFUSED
    if status == 404:
        return matrix.HIDDEN
    if status == 400 and any(p["name"] == "employee" for p in response.json()["invalidParams"]):
        # a role refused as if it were invalid input: expected of no cell (403 is the answer)
        return "refused as input (400, employee)"
    if 200 <= status < 300 or status in (400, 409, 422):
        return matrix.ALLOWED
    return f"status {status}"


def api_request(region, operation_id: str, token: str | None):
    method, path = OPERATIONS[operation_id]
    names = matrix.OPERATION_PARAMETERS.get(operation_id, {})

    def value(match):
        key = _snake(match.group(1))
        return region.ids[names.get(key, key)]

    address = "/api/v1" + PATH_PARAMETER.sub(value, path)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    http = HttpClient()
    if method == "GET":
        return lambda: http.get(address, API_QUERY, headers=headers)
    query = f"?{urlencode(API_QUERY)}"
    send = getattr(http, method.lower())
    return lambda: send(address + query, {}, content_type="application/json", headers=headers)


def api_askers(region):
    return [ANONYMOUS, OTHER_ACCESS, *region.tokens]


def api_expected(operation_id: str, rule, asker) -> str:
    if asker == ANONYMOUS:
        return matrix.UNAUTHENTICATED
    if asker == OTHER_ACCESS:
        return matrix.SCOPE
    return rule(asker)


# --- the tests ------------------------------------------------------------------------------


def _leaks(region, asker, response) -> bool:
    """Whether an answer to an asker at B holds a value of A's dossier of the client."""
    if not isinstance(asker, Cell) or asker.same_partner:
        return False
    content = getattr(response, "content", b"")
    return any(secret.encode() in content for secret in region.secrets_of_a)


def _report(route: str, mismatches: list[tuple[str, str, str]]) -> str:
    width = max(len(who) for who, _, _ in mismatches)
    rows = "\n".join(
        f"  {who:<{width}}  expected {expected:<12} got {got}" for who, expected, got in mismatches
    )
    return f"{route}: {len(mismatches)} cell(s) answer otherwise than the table says\n{rows}"


def _expected(expectation, route, rule, asker) -> str:
    try:
        return expectation(route, rule, asker)
    except matrix.UnknownRole as role:
        return f"(no expectation for the role {role})"


def _label(asker) -> str:
    return asker.label if isinstance(asker, Cell) else asker


PAGE_ROUTES = [
    pytest.param(name, method, id=f"{name} {method}")
    for name in PAGE_NAMES
    for method in METHODS
    if (name, method) in matrix.PAGES
]


@pytest.mark.parametrize(("name", "method"), PAGE_ROUTES)
def test_art3_2c_every_asker_gets_the_answer_the_table_gives_on_page(asking, name, method):
    rule = matrix.PAGES[(name, method)]
    address = page_url(asking, name)
    mismatches = []
    for asker in _page_askers(asking):
        http = HttpClient() if asker == ANONYMOUS else asking.web[asker]
        send = http.get if method == "GET" else http.post
        response = _in_savepoint(lambda send=send: send(address), http)
        got, expected = page_outcome(response), _expected(page_expected, name, rule, asker)
        if _leaks(asking, asker, response):
            got = f"{got}, with A's data"
        if got != expected:
            mismatches.append((_label(asker), expected, got))
    assert not mismatches, _report(f"{method} {name}", mismatches)


OPERATION_IDS = [op for op in sorted(OPERATIONS) if op in matrix.OPERATIONS]


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_art3_2c_every_asker_gets_the_answer_the_table_gives_on_operation(asking, operation_id):
    rule = matrix.OPERATIONS[operation_id]
    method = OPERATIONS[operation_id][0]
    mismatches = []
    for asker in api_askers(asking):
        if asker == ANONYMOUS:
            token = None
        elif asker == OTHER_ACCESS:
            token = asking.other_access["write" if method == "GET" else "read"]
        else:
            token = asking.tokens[asker]
        response = _in_savepoint(api_request(asking, operation_id, token))
        got, expected = api_outcome(response), _expected(api_expected, operation_id, rule, asker)
        if _leaks(asking, asker, response):
            got = f"{got}, with A's data"
        if got != expected:
            mismatches.append((_label(asker), expected, got))
    assert not mismatches, _report(f"{operation_id} ({method})", mismatches)


# --- the table covers every route, and only routes ---------------------------------------


def test_art3_2c_every_page_has_an_entry_in_the_table():
    missing = [name for name in PAGE_NAMES if not any((name, m) in matrix.PAGES for m in METHODS)]
    stale = [key for key in matrix.PAGES if key[0] not in PAGE_NAMES or key[1] not in METHODS]
    assert not missing, f"pages without an expectation in tests/security/matrix.py: {missing}"
    assert not stale, f"entries for pages or methods that do not exist: {stale}"


def test_art3_2c_every_api_operation_has_an_entry_in_the_table():
    missing = sorted(set(OPERATIONS) - set(matrix.OPERATIONS))
    stale = sorted(set(matrix.OPERATIONS) - set(OPERATIONS))
    assert not missing, f"operations without an expectation in tests/security/matrix.py: {missing}"
    assert not stale, f"entries for operations that do not exist: {stale}"


def test_art3_2c_a_page_answers_only_the_methods_the_table_names(asking):
    """A method the table does not name is not allowed (405) to A's assigned caseworker, so
    that a page that starts to take POST gets an entry for it."""
    owner = asking.web[Cell(Role.CASEWORKER, True, True, True)]
    unexpected = []
    for name in PAGE_NAMES:
        address = page_url(asking, name)
        for method in METHODS:
            if (name, method) in matrix.PAGES:
                continue
            send = owner.get if method == "GET" else owner.post
            status = _in_savepoint(lambda send=send, address=address: send(address), owner)
            status = status.status_code
            if status != 405:
                unexpected.append(f"{method} {name}: {status}")
    assert not unexpected, f"methods the table does not name answer: {unexpected}"


def test_art3_2c_every_role_has_expectations():
    """Every role of ``Role`` is a column of the matrix and each access class says what it
    gets; a new role without expectations fails here (and in every route's test)."""
    unknown = sorted(set(Role.values) - matrix.KNOWN_ROLES)
    assert not unknown, (
        f"roles without expectations in tests/security/matrix.py: {unknown}; put each in the "
        "sets of the roles it belongs with (CASEWORKERS, PRIVACY_OFFICERS, ADMINISTRATORS, …)"
    )
