# SPDX-License-Identifier: EUPL-1.2
"""Requesting a client's data from the partner that holds it: pull (art4.2, art4.4, art6.1).

The caseworker chooses the partner, the categories and the purpose. The gate decides on both
sides: whether the caseworker may request (consent to record and request, a signed form for
medical data), and what the holder may share (its own consents and professional secrecy).
What comes in is recorded in the own dossier with its origin (art3.2a); the page shows it,
each requested category with what became of it and why (sent, refused by which side and
under which articles, or not held by the partner at all), and the holder's explanation of
what it withheld.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.gate import services, validation
from zorgvuldig.gate.services.received.views import BY_HOLDER
from zorgvuldig.web.support_forms import DataRequestForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.dossier import _items_by_category
from zorgvuldig.web.views.errors import not_found, refused
from zorgvuldig.web.views.flow import form_page, justification_url, with_purpose
from zorgvuldig.web.views.purpose import url


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Request data"))
def request_data(request, page, client_id):
    query = page.query
    dossier_url = url("web:dossier", client_id, query, "gegevens")
    form = DataRequestForm(
        request.POST or None,
        initial={"purpose": query["doel"]},
        own_partner_id=request.actor.partner_id,
    )
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.request_items(
                request.actor,
                client_id,
                holder_partner_id=data["holder"],
                categories=data["categories"],
                purpose=data["purpose"],
                legal_basis=query.get("grondslag"),
                justification=validation.justification(*form.justification_values()),
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        except NotFound as error:
            if error.what != "partner":
                return not_found(request, error)
            form.add_error("holder", str(error))
        except ProcessingRefused as error:
            return refused(
                request,
                error,
                back_url=dossier_url,
                consent_url=url("web:dossier", client_id, query, "toestemming"),
                form_url=justification_url(request),
            )
    holder = (
        dict(form.fields["holder"].choices).get(form.cleaned_data.get("holder"), "")
        if result is not None
        else ""
    )
    return form_page(
        request,
        "web/request_data.html",
        form,
        {
            "result": result,
            "holder": holder,
            "purpose": query["doel"],
            "groups": _items_by_category(result.received) if result else [],
            # the holder's own explanation, where it kept something back (art4.3, art6.2)
            "holder_withheld": result is not None
            and any(a.refused_by == BY_HOLDER for a in result.categories),
            "back_url": dossier_url,
        },
    )
