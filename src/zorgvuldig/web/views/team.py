# SPDX-License-Identifier: EUPL-1.2
"""The team lead's overview of the assignments at their organisation (art3.2c; decision 22):
who supports how many, and how many open trajectories nobody carries. It names employees and
numbers, no client; anyone but the team lead is refused (403) by the gate's own words."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from zorgvuldig.gate import services
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.flow import consult


@employee_required
@require_GET
def team_overview(request):
    overview, response = consult(
        request, lambda: services.team_overview(request.actor), back_url=reverse("web:home")
    )
    if response is not None:
        return response
    return render(request, "web/team.html", {"overview": overview})
