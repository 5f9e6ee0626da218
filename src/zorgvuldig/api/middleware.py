# SPDX-License-Identifier: EUPL-1.2
"""The API's rules for the responses that django-ninja does not make itself.

Every response ninja makes already has the ``API-Version`` header and errors as
``application/problem+json`` (:mod:`zorgvuldig.api.base`, :mod:`zorgvuldig.api.problems`).
Some responses under ``/api/`` come from elsewhere: Django's 404 for a path that matches no
operation (a trailing slash, a typo), ninja's bare 405 for a method a path lacks, Django's 500.
This middleware gives those the header and a problem+json body too. It touches nothing
outside ``/api/``.

Add it to ``MIDDLEWARE`` (anywhere after ``CommonMiddleware``)::

    "zorgvuldig.api.middleware.ApiResponseMiddleware",
"""

from __future__ import annotations

from django.conf import settings

from zorgvuldig.api import API_VERSION, API_VERSION_HEADER
from zorgvuldig.api.problems import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"

DETAILS = {
    404: "Deze bron bestaat niet. Paden eindigen zonder schuine streep; zie /api/v1/docs.",
    405: "Deze methode is op deze bron niet toegestaan.",
    500: "Er ging iets mis aan onze kant; probeer het later opnieuw.",
}


class ApiResponseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        content_type = response.get("Content-Type", "")
        debugging = settings.DEBUG and response.status_code >= 500  # keep the traceback page
        if (
            response.status_code >= 400
            and not debugging
            and not content_type.startswith(PROBLEM_CONTENT_TYPE)
        ):
            status = response.status_code
            problem = problem_response(status, DETAILS.get(status, response.reason_phrase))
            if response.has_header("Allow"):
                problem["Allow"] = response["Allow"]
            response = problem
        if not response.has_header(API_VERSION_HEADER):
            response[API_VERSION_HEADER] = API_VERSION
        return response
