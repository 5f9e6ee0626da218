# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's overview of who acknowledged the protocol, and who is due
(art3.2d, art3.2e). It names employees, no client."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from zorgvuldig.core.errors import NotAllowed
from zorgvuldig.partners.acknowledgements import acknowledgement_overview
from zorgvuldig.web.views.access import employee_required


@employee_required
@require_GET
def acknowledgements(request):
    try:
        overview = acknowledgement_overview(request.actor)
    except NotAllowed:
        return render(request, "web/officer_only.html", status=403)
    return render(request, "web/awareness.html", {"overview": overview})
