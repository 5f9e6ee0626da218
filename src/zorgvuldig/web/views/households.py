# SPDX-License-Identifier: EUPL-1.2
"""Integrated support on the pages: one household, one plan, one director (art1).

A caseworker forms a household from the dossier (the client, relations living with them, the
director and the plan). The director finds the households they direct, sees the plan, the
members and the exchanges among the partners about them (no content), and keeps the plan.
Anyone else gets the gate's refusal in its own words; nothing is read for them.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from zorgvuldig.gate import services
from zorgvuldig.web.support_forms import HouseholdForm, PlanForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.flow import consult, form_page, submit, with_purpose
from zorgvuldig.web.views.purpose import processing, url


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
@with_purpose(gettext_lazy("Household"))
def household(request, page, household_id):
    """The director's overview of the plan, the members and the exchanges, and the plan form."""
    query = page.query
    back_url = reverse("web:households")
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            lambda data: services.update_household_plan(
                request.actor,
                household_id,
                plan=data["plan"],
                **processing(query),
            ),
            done=_("The plan has been updated."),
            next_url=household_url(household_id, query),
            back_url=back_url,
        )
        if done is not None:
            return done
    overview, response = consult(
        request,
        lambda: services.household_overview(request.actor, household_id, **processing(query)),
        back_url=back_url,
        page=page,
    )
    if response is not None:
        return response
    if not form.is_bound:
        form = PlanForm(initial={"plan": overview.household.plan})
    return form_page(
        request,
        "web/household.html",
        form,
        {"overview": overview, "purpose": query["doel"], "back_url": back_url},
    )


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Form a household"))
def create(request, page, client_id):
    """Form a household around the client: members, director and plan (art1)."""
    query = page.query
    dossier_url = url("web:dossier", client_id, query, "trajecten")
    relations, response = consult(
        request,
        lambda: services.list_relations(request.actor, client_id, **processing(query)),
        back_url=dossier_url,
        page=page,
    )
    if response is not None:
        return response
    form = HouseholdForm(
        request.POST or None, relations=relations, own_partner_id=request.actor.partner_id
    )
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            lambda data: services.create_household(
                request.actor,
                client_id,
                name=data["name"],
                member_subject_ids=data["members"],
                director_id=data["director"],
                plan=data["plan"],
                purpose=data["purpose"],
                partner_ids=data["partners"],
                legal_basis=query.get("grondslag"),
            ),
            done=_("The household has been formed; its director keeps the plan."),
            next_url=dossier_url,
            back_url=dossier_url,
            consent_url=url("web:dossier", client_id, query, "toestemming"),
        )
        if done is not None:
            return done
    return form_page(
        request,
        "web/household_form.html",
        form,
        {"back_url": dossier_url, "purpose": query["doel"]},
    )
