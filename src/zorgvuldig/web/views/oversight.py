# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's register of processings without consent (art4.6, art3.2c), and who
of a partner reads and who handles its registers.

Only a privacy officer or the data protection officer (FG) may see it. The page checks the role
before it asks the gate, which refuses anyone else before anything is read; for an officer the
gate decides. The only personal reference in a URL is a client's random id.
"""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from zorgvuldig.core.errors import ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role, access_of
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import refused
from zorgvuldig.web.views.purpose import url

PURPOSE = "accountability"


def is_privacy_officer(employee) -> bool:
    return getattr(employee, "role", None) == Role.PRIVACY_OFFICER


def reads_registers(employee) -> bool:
    """The privacy officer and the data protection officer (FG) read the registers (decision
    22)."""
    return access_of(getattr(employee, "role", None)).reads_registers


def handles_registers(employee) -> bool:
    """The privacy officer handles the registers; the FG reads them and changes nothing, so a
    page shows the FG its lists without the forms that change them (decision 22)."""
    return access_of(getattr(employee, "role", None)).handles_registers


@employee_required
@require_GET
def exceptions_register(request):
    if not reads_registers(request.employee):
        return render(request, "web/officer_only.html", status=403)
    try:
        entries = services.exceptions_register(request.actor, purpose=PURPOSE)
    except ProcessingRefused as error:
        return refused(request, error, back_url=reverse("web:home"))
    rows = [
        {"entry": e, "dossier_url": url("web:dossier", e.client_id, {"doel": PURPOSE})}
        for e in entries
    ]
    return render(request, "web/exceptions_register.html", {"rows": rows, "purpose": PURPOSE})
