# SPDX-License-Identifier: EUPL-1.2
"""The home page: find a client the employee supports (by POST, so no BSN lands in a URL)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.views.decorators.http import require_http_methods

from zorgvuldig.core.errors import InvalidInput, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.web.forms import SearchForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import refused
from zorgvuldig.web.views.flow import form_page


@employee_required
@require_http_methods(["GET", "POST"])
def home(request):
    form = SearchForm(request.POST or None)
    results = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            found = services.search_clients(
                request.actor,
                purpose=data["purpose"],
                bsn=data["bsn"] or None,
                name=None if data["bsn"] else data["surname"],
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        except ProcessingRefused as error:
            return refused(request, error)
        else:
            query = urlencode({"doel": data["purpose"]})
            results = [
                (client, f"{reverse('web:dossier', args=[client.id])}?{query}") for client in found
            ]
    return form_page(request, "web/home.html", form, {"results": results})
