# SPDX-License-Identifier: EUPL-1.2
"""Integrated support on the pages: one household, one plan, one director (art1).

A caseworker forms a household from the dossier (the client, relations living with them, the
director and the plan). The director finds the households they direct, sees the plan, the
members and the exchanges among the partners about them (no content), and keeps the plan.
Anyone else gets the gate's refusal in its own words; nothing is read for them.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.web.support_forms import HouseholdForm, PlanForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import not_allowed, not_found, refused
from zorgvuldig.web.views.purpose import choose_purpose, read_purpose, url


def household_url(household_id, query: dict | None = None) -> str:
    address = reverse("web:household", args=[household_id])
    return f"{address}?{urlencode(query)}" if query else address


@employee_required
@require_GET
def directed(request):
    """The households the employee directs: only their names; opening one is a consult."""
    households = services.directed_households(request.actor)
    return render(request, "web/households.html", {"households": households})


@employee_required
@require_http_methods(["GET", "POST"])
def household(request, household_id):
    """The director's overview of the plan, the members and the exchanges, and the plan form."""
    purpose_form = read_purpose(request)
    if not purpose_form.is_valid():
        return choose_purpose(request, purpose_form, _("Household"))
    query = purpose_form.query()
    back_url = reverse("web:households")
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_household_plan(
                request.actor,
                household_id,
                plan=form.cleaned_data["plan"],
                purpose=query["doel"],
                legal_basis=query.get("grondslag"),
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        except NotAllowed as error:
            return not_allowed(request, error, back_url=back_url)
        except ProcessingRefused as error:
            return refused(request, error, back_url=back_url)
        except NotFound as error:
            return not_found(request, error)
        else:
            messages.success(request, _("The plan has been updated."))
            return redirect(household_url(household_id, query))
    try:
        overview = services.household_overview(
            request.actor, household_id, purpose=query["doel"], legal_basis=query.get("grondslag")
        )
    except NotAllowed as error:
        return not_allowed(request, error, back_url=back_url)
    except ProcessingRefused as error:
        return refused(request, error, back_url=back_url)
    except NotFound as error:
        return not_found(request, error)
    except InvalidInput as error:
        purpose_form.add_gate_errors(error)
        return choose_purpose(request, purpose_form, _("Household"))
    if not form.is_bound:
        form = PlanForm(initial={"plan": overview.household.plan})
    return render(
        request,
        "web/household.html",
        {
            "overview": overview,
            "form": form,
            "purpose": query["doel"],
            "back_url": back_url,
        },
        status=400 if form.errors else 200,
    )


@employee_required
@require_http_methods(["GET", "POST"])
def create(request, client_id):
    """Form a household around the client: members, director and plan (art1)."""
    purpose_form = read_purpose(request)
    if not purpose_form.is_valid():
        return choose_purpose(request, purpose_form, _("Form a household"))
    query = purpose_form.query()
    dossier_url = url("web:dossier", client_id, query, "trajecten")
    try:
        relations = services.list_relations(
            request.actor, client_id, purpose=query["doel"], legal_basis=query.get("grondslag")
        )
    except ProcessingRefused as error:
        return refused(request, error, back_url=dossier_url)
    except NotFound as error:
        return not_found(request, error)
    except InvalidInput as error:
        purpose_form.add_gate_errors(error)
        return choose_purpose(request, purpose_form, _("Form a household"))
    form = HouseholdForm(
        request.POST or None, relations=relations, own_partner_id=request.actor.partner_id
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.create_household(
                request.actor,
                client_id,
                name=data["name"],
                member_subject_ids=data["members"],
                director_id=data["director"],
                plan=data["plan"],
                purpose=data["purpose"],
                partner_ids=data["partners"],
                legal_basis=query.get("grondslag"),
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        except ProcessingRefused as error:
            return refused(
                request,
                error,
                back_url=dossier_url,
                consent_url=url("web:dossier", client_id, query, "toestemming"),
            )
        except NotFound as error:
            return not_found(request, error)
        else:
            messages.success(
                request, _("The household has been formed; its director keeps the plan.")
            )
            return redirect(dossier_url)
    return render(
        request,
        "web/household_form.html",
        {"form": form, "dossier_url": dossier_url, "purpose": query["doel"]},
        status=400 if form.errors else 200,
    )
