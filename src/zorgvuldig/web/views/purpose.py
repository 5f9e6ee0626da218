# SPDX-License-Identifier: EUPL-1.2
"""What every page with personal data starts with: the purpose of the processing (art2).

The purpose (``?doel=``) and, when needed, the legal basis (``?grondslag=``) travel in the
query string from page to page; no personal data ever does.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

from zorgvuldig.web.forms import OpenDossierForm


def read_purpose(request) -> OpenDossierForm:
    return OpenDossierForm(request.GET if "doel" in request.GET else None)


def choose_purpose(request, form: OpenDossierForm, title: str):
    """Ask for the purpose before anything is processed (art2: no processing without one)."""
    return render(
        request,
        "web/choose_purpose.html",
        {"form": form, "title": title},
        status=400 if form.is_bound else 200,
    )


def processing(query: dict) -> dict:
    """The purpose and legal basis of the query string as the gate's services take them."""
    return {"purpose": query["doel"], "legal_basis": query.get("grondslag")}


def url(name: str, obj_id, query: dict, fragment: str = "") -> str:
    """The URL of page ``name`` for ``obj_id``, carrying the purpose (and legal basis) on."""
    address = f"{reverse(name, args=[obj_id])}?{urlencode(query)}"
    return f"{address}#{fragment}" if fragment else address
